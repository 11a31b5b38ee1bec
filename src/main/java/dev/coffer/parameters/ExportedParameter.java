package dev.coffer.parameters;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.util.List;
import java.util.Optional;

/**
 * One parameter as a Coffer export file holds it (see {@link ParameterImport#readEntries}): AWS's
 * names for type, tier and data type as the file writes them, and no value for a SecureString.
 * {@link #toString()} never shows the value.
 */
public record ExportedParameter(String name, String type, Optional<SecretText> value, boolean secure, String description, String tier,
                                String dataType, List<Tag> tags) {

    @Override
    public String toString() {
        return "ExportedParameter[name=" + name + ", type=" + type + ", value=" + value.map(v -> "(hidden)").orElse("(none)") + "]";
    }
}
