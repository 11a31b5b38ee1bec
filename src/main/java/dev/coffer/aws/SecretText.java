package dev.coffer.aws;

import java.nio.charset.StandardCharsets;

/**
 * A secret or SecureString value held in memory. Its {@code toString} never shows the value, so
 * it can not end up in a log line or an exception message by accident.
 */
public final class SecretText {

    private final String value;

    private SecretText(String value) {
        this.value = value;
    }

    public static SecretText of(String value) {
        return new SecretText(value == null ? "" : value);
    }

    /** The plain value, for showing it after the user asked to reveal it, or for sending it to AWS. */
    public String reveal() {
        return value;
    }

    public int sizeInBytes() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "SecretText[" + sizeInBytes() + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretText other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
