package dev.coffer.parameters;

import dev.coffer.aws.Problem;
import dev.coffer.aws.TagRules;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parameter Store's rules for a parameter (docs/aws-limits.md), checked before anything is sent: every
 * problem at once, each naming its field and the AWS limit.
 */
public final class ParameterRules {

    public static final int STANDARD_MAX_BYTES = 4096;
    public static final int ADVANCED_MAX_BYTES = 8192;
    /** Characters of a name (AWS counts the ARN prefix of the name towards this too). */
    public static final int NAME_MAX = 1011;
    /** Levels of a hierarchy: "/a/b/c" is 3 levels deep. */
    public static final int MAX_DEPTH = 15;
    public static final int DESCRIPTION_MAX = 1024;
    public static final int POLICIES_MAX_CHARS = ParameterPolicies.MAX_CHARS;
    public static final int MAX_POLICIES = ParameterPolicies.MAX_POLICIES;

    /** What an aws:ec2:image value must look like. */
    public static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");

    private static final Pattern NAME_CHARS = Pattern.compile("[a-zA-Z0-9_.\\-/]*");

    private ParameterRules() {
    }

    /** UTF-8 bytes, the unit of AWS's value limits. */
    public static int sizeInBytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The largest value a tier allows, in UTF-8 bytes (Intelligent-Tiering: up to the Advanced limit). */
    public static int maxBytes(ParameterTier tier) {
        return tier == ParameterTier.STANDARD ? STANDARD_MAX_BYTES : ADVANCED_MAX_BYTES;
    }

    /**
     * Problems of a type, tier and data type written as text (an export file's): each must be a
     * name AWS uses, written as AWS writes it.
     */
    public static List<Problem> checkNames(String type, String tier, String dataType) {
        List<Problem> problems = new ArrayList<>();
        if (ParameterType.fromAws(type).isEmpty()) {
            problems.add(problem("type", (type == null || type.isEmpty() ? "Choose a type" : "Unknown type \"" + type + "\"")
                    + ": AWS takes String, StringList or SecureString."));
        }
        if (ParameterTier.fromAws(tier).isEmpty()) {
            problems.add(problem("tier", "Unknown tier \"" + tier + "\": AWS takes Standard, Advanced or Intelligent-Tiering."));
        }
        if (ParameterDataType.fromAws(dataType).isEmpty()) {
            problems.add(problem("dataType", "Unknown data type \"" + dataType
                    + "\": AWS takes text, aws:ec2:image or aws:ssm:integration (all lowercase)."));
        }
        return problems;
    }

    /** Every problem of a name (field "name"); empty when AWS would accept it. */
    public static List<Problem> checkName(String name) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            problems.add(problem("name", "Enter a name, such as /apps/billing/url."));
            return problems;
        }
        if (name.length() > NAME_MAX) {
            problems.add(problem("name", "Name is " + number(name.length()) + " characters; AWS allows at most " + number(NAME_MAX) + "."));
        }
        if (!NAME_CHARS.matcher(name).matches()) {
            Set<String> bad = new LinkedHashSet<>();
            name.codePoints().filter(cp -> !NAME_CHARS.matcher(new String(Character.toChars(cp))).matches())
                    .limit(50).forEach(cp -> bad.add(describe(cp)));
            String spaces = name.chars().anyMatch(Character::isWhitespace) ? "Names can't contain spaces. " : "";
            problems.add(problem("name", spaces + "Name contains " + bad.stream().limit(5).collect(Collectors.joining(", "))
                    + "; only letters a-z and A-Z, digits, '_', '.', '-' and '/' are allowed."));
        }
        String stripped = name.replaceFirst("^/+", "").toLowerCase(Locale.ROOT);
        if (stripped.startsWith("aws") || stripped.startsWith("ssm")) {
            problems.add(problem("name", "Names can't start with \"aws\" or \"ssm\" in any case, not even after the leading slash ("
                    + "those are reserved for AWS)."));
        }
        if (name.indexOf('/') >= 0) {
            if (!name.startsWith("/")) {
                problems.add(problem("name", "A name with slashes is a path and must start with '/', for example /" + name + "."));
            }
            if (name.length() > 1 && name.endsWith("/")) {
                problems.add(problem("name", "A name can't end with '/'; the part after the last slash is the parameter's own name."));
            } else if (name.equals("/")) {
                problems.add(problem("name", "Enter a name after the '/'."));
            }
            if (name.contains("//")) {
                problems.add(problem("name", "A name can't contain an empty level (\"//\")."));
            }
        }
        int depth = depth(name);
        if (depth > MAX_DEPTH) {
            problems.add(problem("name", "Name is " + depth + " levels deep; AWS allows at most " + MAX_DEPTH + " levels."));
        }
        return problems;
    }

    /** Levels of a name: "/a/b/c" and "a" are 3 and 1 levels deep. */
    public static int depth(String name) {
        int levels = 0;
        for (String segment : name.split("/")) {
            if (!segment.isEmpty()) {
                levels++;
            }
        }
        return levels;
    }

    /** {@link #check(ParameterDraft, Optional, Instant)} at the current time. */
    public static List<Problem> check(ParameterDraft draft, Optional<Parameter> existing) {
        return check(draft, existing, Instant.now());
    }

    /**
     * Every problem of a draft at once: name; the value (empty, too large for the tier in UTF-8
     * bytes, not an AMI id for aws:ec2:image, whose type must be String); description length;
     * a tier change from Advanced back to Standard; policies (Advanced or Intelligent-Tiering
     * only, and valid at {@code now}); a KMS key on anything but a SecureString; the tags.
     *
     * @param existing the parameter as AWS has it now, when the draft updates one
     */
    public static List<Problem> check(ParameterDraft draft, Optional<Parameter> existing, Instant now) {
        List<Problem> problems = new ArrayList<>(checkName(draft.name()));
        ParameterType type = draft.type();
        ParameterTier tier = draft.tier();
        boolean wasAdvanced = existing.map(p -> p.tier() == ParameterTier.ADVANCED).orElse(false);
        if (wasAdvanced && tier == ParameterTier.STANDARD) {
            problems.add(problem("tier", "This parameter is Advanced, and AWS can't move an Advanced parameter back to Standard. "
                    + "Keep Advanced (or Intelligent-Tiering), or delete it and create it again as Standard."));
        }

        String value = draft.value().reveal();
        int bytes = sizeInBytes(value);
        if (value.isEmpty()) {
            problems.add(problem("value", "Enter a value; Parameter Store does not store empty values."));
        } else if (bytes > maxBytes(tier)) {
            problems.add(problem("value", tooLarge(bytes, tier)));
        }

        if (draft.dataType() == ParameterDataType.EC2_IMAGE) {
            if (type != ParameterType.STRING) {
                problems.add(problem("dataType", "The aws:ec2:image data type needs type String, not " + type + "."));
            }
            if (!value.isEmpty() && !AMI_ID.matcher(value).matches()) {
                problems.add(problem("value", "An aws:ec2:image value must be an AMI id: \"ami-\" and 8 or 17 lowercase hex digits, "
                        + "such as ami-0123456789abcdef0."));
            }
        }

        int descriptionLength = draft.description().length();
        if (descriptionLength > DESCRIPTION_MAX) {
            problems.add(problem("description", "Description is " + number(descriptionLength) + " characters; AWS allows at most "
                    + number(DESCRIPTION_MAX) + "."));
        }

        ParameterPolicies policies = draft.policies();
        if (!policies.isEmpty()) {
            if (tier == ParameterTier.STANDARD) {
                problems.add(problem("policies", "Parameter policies need the Advanced tier (or Intelligent-Tiering, which then "
                        + "stores this parameter as Advanced); Standard parameters can't have policies."));
            }
            problems.addAll(policies.check(now));
        }

        if (draft.keyId().isPresent() && type != ParameterType.SECURE_STRING) {
            problems.add(problem("keyId", "A KMS key applies only to SecureString parameters; clear the key or choose SecureString."));
        }

        problems.addAll(TagRules.check(draft.tags()));
        return problems;
    }

    /**
     * Things worth telling before saving that AWS accepts all the same: empty StringList items
     * (AWS keeps "a,,b" as it is), Intelligent-Tiering that will store an Advanced (charged)
     * parameter, and a SecureString about to become plaintext.
     */
    public static List<Problem> warnings(ParameterDraft draft, Optional<Parameter> existing) {
        List<Problem> warnings = new ArrayList<>();
        String value = draft.value().reveal();
        if (draft.type() == ParameterType.STRING_LIST && !value.isEmpty()) {
            String[] items = value.split(",", -1);
            List<Integer> empty = new ArrayList<>();
            for (int i = 0; i < items.length; i++) {
                if (items[i].isBlank()) {
                    empty.add(i + 1);
                }
            }
            if (!empty.isEmpty()) {
                warnings.add(problem("value", "The list has " + (empty.size() == 1 ? "an empty item" : empty.size() + " empty items")
                        + " (item " + empty.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of " + items.length
                        + "); AWS keeps them as they are. Remove the extra commas unless you mean them."));
            }
        }
        boolean wasAdvanced = existing.map(p -> p.tier() == ParameterTier.ADVANCED).orElse(false);
        if (draft.tier() == ParameterTier.INTELLIGENT_TIERING && !wasAdvanced) {
            if (sizeInBytes(value) > STANDARD_MAX_BYTES) {
                warnings.add(problem("tier", "With Intelligent-Tiering this value (over " + number(STANDARD_MAX_BYTES)
                        + " bytes) makes the parameter Advanced, which is charged and can't go back to Standard."));
            } else if (!draft.policies().isEmpty()) {
                warnings.add(problem("tier", "With Intelligent-Tiering these policies make the parameter Advanced, which is charged "
                        + "and can't go back to Standard."));
            }
        }
        if (existing.map(Parameter::isSecure).orElse(false) && !draft.isSecure()) {
            warnings.add(problem("type", "This SecureString becomes a " + draft.type() + ": its value will no longer be encrypted."));
        }
        return warnings;
    }

    private static String tooLarge(int bytes, ParameterTier tier) {
        return switch (tier) {
            case STANDARD -> "Value is " + number(bytes) + " bytes; Standard parameters allow at most " + number(STANDARD_MAX_BYTES)
                    + " bytes (UTF-8). Use the Advanced tier (up to " + number(ADVANCED_MAX_BYTES) + " bytes).";
            case ADVANCED -> "Value is " + number(bytes) + " bytes; Advanced parameters allow at most " + number(ADVANCED_MAX_BYTES)
                    + " bytes (UTF-8).";
            case INTELLIGENT_TIERING -> "Value is " + number(bytes) + " bytes; even with Intelligent-Tiering a parameter holds at most "
                    + number(ADVANCED_MAX_BYTES) + " bytes (UTF-8).";
        };
    }

    private static String describe(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        if (Character.isWhitespace(cp)) {
            return cp == '\t' ? "a tab" : "a line break or other white space";
        }
        if (Character.isISOControl(cp)) {
            return String.format("the control character U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private static Problem problem(String field, String message) {
        return new Problem(field, message);
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
