package dev.coffer.parameters;

import dev.coffer.aws.SecretText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a parameter, as GetParameterHistory reports it. The value is present only when
 * the history was fetched with values (decrypted); it never shows in {@link #toString()}.
 */
public record ParameterVersion(long version, Instant lastModified, String lastModifiedUser, ParameterType type, ParameterTier tier,
                               ParameterDataType dataType, List<String> labels, Optional<String> description, Optional<String> keyId,
                               String policiesJson, Optional<SecretText> value) {

    public ParameterVersion {
        labels = labels == null ? List.of() : List.copyOf(labels);
        description = description == null ? Optional.empty() : description;
        keyId = keyId == null ? Optional.empty() : keyId;
        policiesJson = policiesJson == null ? "" : policiesJson;
        value = value == null ? Optional.empty() : value;
    }

    public boolean isSecure() {
        return type == ParameterType.SECURE_STRING;
    }
}
