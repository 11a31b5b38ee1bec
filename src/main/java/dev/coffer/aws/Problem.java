package dev.coffer.aws;

/**
 * One validation problem, found before anything is sent to AWS.
 *
 * @param field a stable key the editor uses to mark the input: "name", "value", "description",
 *              "tier", "type", "dataType", "keyId", "tags", "tag[3].key" (0-based index into the
 *              tag list), "tag[3].value", "label", "policies"
 * @param message what is wrong and which AWS limit it breaks, in words an administrator reads
 */
public record Problem(String field, String message) {

    public Problem {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("A problem names its field");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("A problem says what is wrong");
        }
    }

    /** The field key of the key of the tag at this (0-based) position: "tag[3].key". */
    public static String tagKeyField(int index) {
        return "tag[" + index + "].key";
    }

    /** The field key of the value of the tag at this (0-based) position: "tag[3].value". */
    public static String tagValueField(int index) {
        return "tag[" + index + "].value";
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
