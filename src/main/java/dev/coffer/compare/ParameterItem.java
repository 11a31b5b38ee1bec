package dev.coffer.compare;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A parameter as one side holds it. What a side could not say is empty: an export file has no
 * KMS key, policies nor version, and no SecureString value; tags are empty when they were not read;
 * the value when values were not compared.
 *
 * @param keyId    the KMS key as AWS reports it (SecureStrings only)
 * @param keyLabel the key as compared: its alias when the side's key list names one, else its id
 * @param version      the version the comparison saw; 0 for a file's entry
 * @param lastModified when it last changed, as the comparison saw it; empty for a file's entry
 */
public record ParameterItem(String name, ParameterType type, ParameterTier tier, ParameterDataType dataType, Optional<String> keyId,
                            Optional<String> keyLabel, String description, Optional<List<Tag>> tags, Optional<String> policiesJson,
                            Optional<SecretText> value, long version, Optional<Instant> lastModified) implements Item {

    @Override
    public ItemKind kind() {
        return ItemKind.PARAMETER;
    }

    public boolean isSecure() {
        return type == ParameterType.SECURE_STRING;
    }

    @Override
    public String toString() {
        return "ParameterItem[name=" + name + ", type=" + type + ", tier=" + tier + ", version=" + version
                + ", value=" + value.map(v -> "(hidden, " + v.sizeInBytes() + " bytes)").orElse("(not read)") + "]";
    }
}
