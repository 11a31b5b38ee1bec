package dev.coffer.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * Adds profiles to the AWS config file as text, so everything else in it stays exactly as the user
 * wrote it: other sections, their order, comments and blank lines. The new section goes at the end;
 * the previous file is kept as {@code config.bak} and the new one replaces it atomically.
 */
public final class AwsConfigFile {

    /** A section header: [default], [profile NAME], [sso-session NAME], [services NAME]. */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(?:(profile|sso-session|services)\\s+)?([^\\]]*?)\\s*\\]\\s*(?:[#;].*)?$");
    /** Profile names the CLI can address and this writer can put in a header unambiguously. */
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}");

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

    /**
     * Appends {@code [profile NAME]} with these properties (in this order) and nothing else changes.
     *
     * @throws IllegalArgumentException when the name is not usable or already taken
     */
    public void addProfile(String name, Map<String, String> properties) {
        String problem = problemWithName(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
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
        write(text.toString(), !before.isEmpty() || Files.exists(file));
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

    private void write(String text, boolean existed) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Set<PosixFilePermission> permissions = existed && posix ? Files.getPosixFilePermissions(file) : null;
            if (existed) {
                Files.copy(file, backup(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path tmp = Files.createTempFile(dir, ".config-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (permissions != null) {
                    Files.setPosixFilePermissions(tmp, permissions);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
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
