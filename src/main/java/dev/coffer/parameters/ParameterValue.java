package dev.coffer.parameters;

import dev.coffer.aws.SecretText;

/** A parameter's current, decrypted value with the version it belongs to (GetParameter). */
public record ParameterValue(String name, SecretText value, long version, String type, String dataType) {

    public boolean isSecure() {
        return ParameterDraft.SECURE_STRING.equals(type);
    }
}
