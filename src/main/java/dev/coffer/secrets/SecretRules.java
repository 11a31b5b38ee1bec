package dev.coffer.secrets;

import dev.coffer.aws.Problem;
import dev.coffer.aws.TagRules;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Secrets Manager's rules for a secret (docs/aws-limits.md and the Secrets Manager API model),
 * checked before anything is sent: every problem at once, each naming its field and the AWS
 * limit. Field keys: "name", "description", "value", "entry[i].key" (a key/value pair),
 * "keyId", "tags", "tag[i].key", "tag[i].value", "label", "recoveryWindow".
 */
public final class SecretRules {

    /** SecretString (UTF-8 bytes) or SecretBinary (bytes). */
    public static final int MAX_VALUE_BYTES = 65536;
    public static final int NAME_MAX = 512;
    public static final int DESCRIPTION_MAX = 2048;
    /** Staging labels on all versions of one secret together. */
    public static final int MAX_STAGING_LABELS = 20;
    /** Characters of one staging label (VersionStage, 1-256). */
    public static final int LABEL_MAX = 256;
    /** Characters of a KMS key reference (KmsKeyId). */
    public static final int KEY_ID_MAX = 2048;
    public static final int RECOVERY_MIN_DAYS = 7;
    public static final int RECOVERY_MAX_DAYS = 30;
    public static final int DEFAULT_RECOVERY_DAYS = 30;

    public static final String AWSCURRENT = "AWSCURRENT";
    public static final String AWSPREVIOUS = "AWSPREVIOUS";
    public static final String AWSPENDING = "AWSPENDING";
    /** The labels Secrets Manager itself uses; not custom labels. */
    public static final List<String> AWS_LABELS = List.of(AWSCURRENT, AWSPREVIOUS, AWSPENDING);

    private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9/_+=.@\\-]*");
    private static final String NAME_CHARS_WORDS = "ASCII letters, digits and / _ + = . @ -";
    /** AWS appends "-" and six random characters to the name in the ARN. */
    private static final Pattern ARN_SUFFIX_LIKE = Pattern.compile(".*-.{6}", Pattern.DOTALL);

    private SecretRules() {
    }

    /** UTF-8 bytes, the unit of the SecretString limit. */
    public static int sizeInBytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The field key of the key of the key/value pair at this (0-based) position: "entry[3].key". */
    public static String entryKeyField(int index) {
        return "entry[" + index + "].key";
    }

    /** Every problem of a name (field "name"); empty when AWS would accept it. */
    public static List<Problem> checkName(String name) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            problems.add(new Problem("name", "Enter a name, such as prod/billing/db."));
            return problems;
        }
        if (name.length() > NAME_MAX) {
            problems.add(new Problem("name", "Name is " + number(name.length()) + " characters; Secrets Manager allows at most "
                    + NAME_MAX + "."));
        }
        if (!NAME_CHARS.matcher(name).matches()) {
            Set<String> bad = new LinkedHashSet<>();
            name.codePoints().filter(cp -> !NAME_CHARS.matcher(new String(Character.toChars(cp))).matches())
                    .forEach(cp -> bad.add(describe(cp)));
            problems.add(new Problem("name", "Name contains " + bad.stream().limit(5).collect(Collectors.joining(", "))
                    + "; secret names allow only " + NAME_CHARS_WORDS + "."));
        }
        return problems;
    }

    /**
     * Things worth telling about a name that AWS accepts all the same: a name ending in a hyphen
     * and six characters looks like the "-xxxxxx" AWS appends in the ARN, so finding the secret
     * by a partial ARN can pick the wrong one.
     */
    public static List<String> nameWarnings(String name) {
        List<String> warnings = new ArrayList<>();
        if (name != null && ARN_SUFFIX_LIKE.matcher(name).matches()) {
            warnings.add("The name ends with a hyphen and six characters (\"" + name.substring(name.length() - 7)
                    + "\"). AWS appends a hyphen and six random characters to every secret's ARN, so a partial ARN of this "
                    + "secret is easy to confuse with another's. Consider another ending.");
        }
        return warnings;
    }

    /**
     * Every problem of a draft at once: the name; the value (none, empty, more than
     * {@value #MAX_VALUE_BYTES} bytes, key/value pairs with empty or repeated keys); the
     * description's length; the KMS key reference; the tags.
     */
    public static List<Problem> check(SecretDraft draft) {
        List<Problem> problems = new ArrayList<>(checkName(draft.name()));
        int descriptionLength = draft.description().codePointCount(0, draft.description().length());
        if (descriptionLength > DESCRIPTION_MAX) {
            problems.add(new Problem("description", "Description is " + number(descriptionLength)
                    + " characters; Secrets Manager allows at most " + number(DESCRIPTION_MAX) + "."));
        }
        problems.addAll(checkContent(draft.content()));
        draft.kmsKeyId().ifPresent(key -> {
            if (key.length() > KEY_ID_MAX) {
                problems.add(new Problem("keyId", "The KMS key reference is " + number(key.length())
                        + " characters; AWS allows at most " + number(KEY_ID_MAX) + "."));
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new Problem("keyId", "A KMS key reference (key id, key ARN, alias or alias ARN) has no spaces."));
            }
        });
        problems.addAll(TagRules.check(draft.tags()));
        return problems;
    }

    /** Every problem of a value alone (fields "value" and "entry[i].key"). */
    public static List<Problem> checkContent(SecretContent content) {
        List<Problem> problems = new ArrayList<>();
        if (content instanceof SecretContent.KeyValues kv) {
            if (kv.isEmpty()) {
                problems.add(new Problem("value", "Add at least one key/value pair."));
                return problems;
            }
            Map<String, Integer> first = new HashMap<>();
            List<SecretContent.Field> fields = kv.fields();
            for (int i = 0; i < fields.size(); i++) {
                String key = fields.get(i).key();
                if (key.isEmpty()) {
                    problems.add(new Problem(entryKeyField(i), "Pair " + (i + 1) + " has no key; every value needs a key."));
                    continue;
                }
                Integer earlier = first.putIfAbsent(key, i);
                if (earlier != null) {
                    problems.add(new Problem(entryKeyField(i), "Key \"" + shorten(key) + "\" is used twice (also pair "
                            + (earlier + 1) + "); in a JSON object each key may appear once."));
                }
            }
        } else if (content.isEmpty()) {
            problems.add(new Problem("value", content.isBinary()
                    ? "The binary value is empty; Secrets Manager stores at least 1 byte."
                    : "Enter a value; Secrets Manager does not store an empty secret."));
            return problems;
        }
        int bytes = content.sizeInBytes();
        if (bytes > MAX_VALUE_BYTES) {
            problems.add(new Problem("value", "Value is " + number(bytes) + " bytes; Secrets Manager allows at most "
                    + number(MAX_VALUE_BYTES) + " bytes" + (content.isBinary() ? "." : " (UTF-8" + (content instanceof SecretContent.KeyValues
                    ? ", written as JSON)." : ")."))));
        }
        return problems;
    }

    /**
     * Every problem of a custom staging label (field "label"): 1 to {@value #LABEL_MAX}
     * characters (VersionStage in the API model, which has no pattern), and not one of the labels
     * Secrets Manager manages itself: AWSCURRENT (use roll back), AWSPREVIOUS (moves with
     * AWSCURRENT) and AWSPENDING (rotation's).
     */
    public static List<Problem> checkLabel(String label) {
        List<Problem> problems = new ArrayList<>();
        if (label == null || label.isEmpty()) {
            problems.add(new Problem("label", "Enter a label of 1 to " + LABEL_MAX + " characters."));
            return problems;
        }
        int length = label.codePointCount(0, label.length());
        if (length > LABEL_MAX) {
            problems.add(new Problem("label", "Label is " + number(length) + " characters; Secrets Manager allows at most "
                    + LABEL_MAX + "."));
        }
        if (label.isBlank()) {
            problems.add(new Problem("label", "A label of only spaces can't be told apart; enter a visible label."));
        }
        switch (label) {
            case AWSCURRENT -> problems.add(new Problem("label",
                    "AWSCURRENT marks the current value; to make another version current, roll back to it."));
            case AWSPREVIOUS -> problems.add(new Problem("label",
                    "AWSPREVIOUS is moved by Secrets Manager itself whenever AWSCURRENT moves; it is not a custom label."));
            case AWSPENDING -> problems.add(new Problem("label",
                    "AWSPENDING belongs to rotation (the version being rotated in); it is not a custom label."));
            default -> {
                // a custom label
            }
        }
        return problems;
    }

    /**
     * Whether one more label fits: a secret carries at most {@value #MAX_STAGING_LABELS} staging
     * labels across all its versions. Moving a label it already has adds none.
     *
     * @param labels every label the secret's versions carry now
     */
    public static List<Problem> checkLabelCount(Collection<String> labels, String newLabel) {
        Set<String> all = new LinkedHashSet<>(labels);
        if (all.contains(newLabel) || all.size() < MAX_STAGING_LABELS) {
            return List.of();
        }
        return List.of(new Problem("label", "This secret already carries " + all.size() + " staging labels across its versions; "
                + "Secrets Manager allows at most " + MAX_STAGING_LABELS + ". Remove a label first."));
    }

    /** The recovery window of a scheduled deletion: {@value #RECOVERY_MIN_DAYS} to {@value #RECOVERY_MAX_DAYS} days (field "recoveryWindow"). */
    public static List<Problem> checkRecoveryWindow(int days) {
        if (days >= RECOVERY_MIN_DAYS && days <= RECOVERY_MAX_DAYS) {
            return List.of();
        }
        return List.of(new Problem("recoveryWindow", "The recovery window is " + days + (days == 1 ? " day" : " days")
                + "; Secrets Manager takes " + RECOVERY_MIN_DAYS + " to " + RECOVERY_MAX_DAYS + " days (default "
                + DEFAULT_RECOVERY_DAYS + "). To delete at once without recovery, use force delete."));
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

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
