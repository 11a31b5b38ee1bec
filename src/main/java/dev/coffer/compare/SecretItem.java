package dev.coffer.compare;

import dev.coffer.aws.Tag;
import dev.coffer.secrets.SecretContent;
import java.util.List;
import java.util.Optional;

/**
 * A secret as one side holds it.
 *
 * @param keyId            the KMS key as AWS reports it; empty for the AWS managed aws/secretsmanager
 * @param keyLabel         the key as compared: its alias when the side's key list names one, else its id
 * @param rotation         the rotation settings in words ("off", "on, every 30 days, arn:…")
 * @param resourcePolicy   the resource policy; empty when it has none
 * @param value            the current value, when values were compared
 * @param currentVersionId AWSCURRENT's version id as the comparison saw it
 */
public record SecretItem(String name, String arn, String description, Optional<String> keyId, String keyLabel, List<Tag> tags,
                         String rotation, Optional<String> resourcePolicy, Optional<SecretContent> value,
                         Optional<String> currentVersionId) implements Item {

    @Override
    public ItemKind kind() {
        return ItemKind.SECRET;
    }

    @Override
    public String toString() {
        return "SecretItem[name=" + name + ", version=" + currentVersionId.orElse("?") + ", value="
                + value.map(SecretContent::toString).orElse("(not read)") + "]";
    }
}
