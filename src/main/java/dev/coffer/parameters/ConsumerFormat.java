package dev.coffer.parameters;

/**
 * The forms a folder's parameters take for the people and programs that consume them. The first
 * three carry values; the last two only name the parameters, for AWS to resolve at deploy time.
 */
public enum ConsumerFormat {
    DOTENV(".env file", true, ".env"),
    SHELL("Shell export lines", true, ".sh"),
    JSON("JSON object", true, ".json"),
    CLOUDFORMATION("CloudFormation dynamic references", false, ".yaml"),
    TERRAFORM("Terraform data blocks", false, ".tf");

    private final String label;
    private final boolean values;
    private final String extension;

    ConsumerFormat(String label, boolean values, String extension) {
        this.label = label;
        this.values = values;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** Whether the text holds values (and so needs them read); references never do. */
    public boolean hasValues() {
        return values;
    }

    /** The file name's ending, with its dot. */
    public String extension() {
        return extension;
    }

    @Override
    public String toString() {
        return label;
    }
}
