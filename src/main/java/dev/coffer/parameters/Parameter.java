package dev.coffer.parameters;

import java.time.Instant;
import java.util.Optional;

/**
 * A parameter's metadata as DescribeParameters lists it. The value is not part of it: values are
 * fetched only when the user asks to see them.
 */
public record Parameter(String name, ParameterType type, ParameterTier tier, ParameterDataType dataType, long version,
                        Instant lastModified, String lastModifiedUser, Optional<String> keyId,
                        Optional<String> description, String policiesJson) {

    public boolean isSecure() {
        return type == ParameterType.SECURE_STRING;
    }

    public String path() {
        return ParameterPath.parentOf(name);
    }

    public String leafName() {
        return ParameterPath.leafOf(name);
    }
}
