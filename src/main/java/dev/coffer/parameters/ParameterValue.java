package dev.coffer.parameters;

import dev.coffer.aws.SecretText;

/** A parameter's current, decrypted value with the version it belongs to (GetParameter). */
public record ParameterValue(String name, SecretText value, long version, ParameterType type, ParameterDataType dataType) {

    public boolean isSecure() {
        return type == ParameterType.SECURE_STRING;
    }
}
