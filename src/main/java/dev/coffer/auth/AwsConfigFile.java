package dev.coffer.auth;

import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * Adds profiles to the AWS config file as text, so everything else in it stays exactly as the user
 * wrote it: other sections, their order, comments and blank lines. The new section goes at the end;
 * the previous file is kept as {@code config.bak} and the new one replaces it atomically, both
 * readable by their owner only. A symbolic link stays a link: the file it points to is replaced, as
 * the AWS CLI writes a linked config. Values AWS would not accept are refused before anything is written.
 */
public final class AwsConfigFile {

    /** A section header: [default], [profile NAME], [sso-session NAME], [services NAME]. */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(?:(profile|sso-session|services)\\s+)?([^\\]]*?)\\s*\\]\\s*(?:[#;].*)?$");
    /** Profile names the CLI can address and this writer can put in a header unambiguously. */
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}");
    /** What AWS allows in the values this writer is given (IAM's role name pattern; region names as partitions spell them). */
    private static final Map<String, Rule> RULES = Map.of(
            "sso_account_id", new Rule(Pattern.compile("\\d{12}"), "The account id (sso_account_id) must be 12 digits."),
            "sso_role_name", new Rule(Pattern.compile("[\\w+=,.@-]{1,64}"),
                    "The role name (sso_role_name) must be 1 to 64 letters, digits and + = , . @ _ - as IAM allows."),
            "region", new Rule(Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}"),
                    "The region must be an AWS region name such as eu-west-1 or us-gov-west-1."));

    private record Rule(Pattern pattern, String problem) {
    }

    private final Path file;

    public AwsConfigFile(Path file) {
        this.file = file;
    }

    /** The config file the AWS CLI and SDK read: AWS_CONFIG_FILE (or aws.configFile), else ~/.aws/config. */
    public static AwsConfigFile standard() {
        return new AwsConfigFile(ProfileFileLocation.configurationFilePath());
    }

    public Path path() {
        return file;
    }

    public Path backup() {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The names of the profiles in the file ("default" for [default]). */
    public List<String> profileNames() {
        return names("profile");
    }

    /** The names of the [sso-session NAME] sections, in file order. */
    public List<String> ssoSessions() {
        return names("sso-session");
    }

    /** Why a profile name can not be added, or null when it can. */
    public String problemWithName(String name) {
        if (name == null || name.isBlank()) {
            return "Enter a name for the profile.";
        }
        if (!PROFILE_NAME.matcher(name).matches()) {
            return "Use 1 to 64 letters, digits and . _ - + @ (no spaces) for the profile name.";
        }
        if (profileNames().contains(name)) {
            return "A profile named '" + name + "' already exists in " + file + ".";
        }
        return null;
    }

    /** Why a property's value can not be written, or null when it can. A line break would start a new line of the file. */
    static String problemWithValue(String key, String value) {
        String v = value.trim();
        if (v.contains("\n") || v.contains("\r")) {
            return "The value of " + key + " must be on one line: it contains a line break.";
        }
        Rule rule = RULES.get(key);
        return rule == null || rule.pattern().matcher(v).matches() ? null : rule.problem();
    }

    /**
     * Appends {@code [profile NAME]} with these properties (in this order) and nothing else changes.
     *
     * @throws IllegalArgumentException when the name is not usable or already taken, or a value is
     *                                  not one AWS allows (the message names the property)
     */
    public void addProfile(String name, Map<String, String> properties) {
        String problem = problemWithName(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String valueProblem = problemWithValue(property.getKey(), property.getValue());
            if (valueProblem != null) {
                throw new IllegalArgumentException(valueProblem);
            }
        }
        String before = read();
        StringBuilder text = new StringBuilder(before);
        if (!before.isEmpty()) {
            if (!before.endsWith("\n")) {
                text.append('\n');
            }
            if (!before.endsWith("\n\n") && !before.isBlank()) {
                text.append('\n');
            }
        }
        text.append(name.equals("default") ? "[default]" : "[profile " + name + "]").append('\n');
        properties.forEach((key, value) -> text.append(key).append(" = ").append(value.trim()).append('\n'));
        write(before, text.toString());
    }

    private List<String> names(String kind) {
        List<String> names = new ArrayList<>();
        for (String line : read().split("\\R")) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                String type = m.group(1);
                String name = m.group(2);
                if ("profile".equals(kind) && (type == null && name.equals("default") || "profile".equals(type))
                        || kind.equals(type)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the previous text as config.bak, then replaces the file (a linked config's target). */
    private void write(String before, String text) {
        try {
            if (Files.exists(file)) {
                PrivateFiles.write(backup(), before);
            }
            PrivateFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Properties of an IAM Identity Center profile, in the order `aws configure sso` writes them. */
    public static Map<String, String> ssoProfile(String ssoSession, String accountId, String roleName, String region) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sso_session", ssoSession);
        properties.put("sso_account_id", accountId);
        properties.put("sso_role_name", roleName);
        properties.put("region", region);
        return properties;
    }
}
