package dev.coffer.kms;

import java.util.List;

/**
 * A KMS key as the key pickers show it: a customer key, or an AWS managed default such as
 * {@code alias/aws/ssm} or {@code alias/aws/secretsmanager}.
 *
 * @param keyId       the key id; for an AWS managed default that AWS has not created yet (it
 *                    appears on first use) the alias name
 * @param arn         the key ARN, or the alias ARN for an AWS managed default without a key yet
 * @param aliases     alias names ("alias/app-secrets"), sorted
 * @param state       the KMS key state: Enabled, Disabled, PendingDeletion, PendingImport,
 *                    PendingReplicaDeletion, Unavailable, Creating, Updating, or Unknown when it
 *                    could not be described
 * @param description the key's description, "" when none
 * @param awsManaged  an AWS managed key (alias/aws/...), not one the account manages
 */
public record KmsKey(String keyId, String arn, List<String> aliases, String state, String description, boolean awsManaged) {

    public static final String ENABLED = "Enabled";

    public KmsKey {
        aliases = List.copyOf(aliases);
        description = description == null ? "" : description;
        state = state == null ? "Unknown" : state;
    }

    /** Only an enabled key can encrypt; disabled, pending deletion or import, and unavailable keys can not. */
    public boolean usable() {
        return ENABLED.equals(state);
    }

    /** What the picker shows: the first alias, or the key id. */
    public String label() {
        return aliases.isEmpty() ? keyId : aliases.get(0);
    }

    /**
     * What to send as KeyId (PutParameter, CreateSecret): the alias for an AWS managed default
     * (it works even before AWS has created the key), otherwise the key id, which stays right
     * when an alias is moved to another key.
     */
    public String reference() {
        return awsManaged && !aliases.isEmpty() ? aliases.get(0) : keyId;
    }

    /** Whether a KeyId as AWS reports it (id, key ARN, alias name or alias ARN) names this key. */
    public boolean matches(String keyRef) {
        if (keyRef == null || keyRef.isBlank()) {
            return false;
        }
        if (keyRef.equals(keyId) || keyRef.equals(arn)) {
            return true;
        }
        for (String alias : aliases) {
            if (keyRef.equals(alias) || keyRef.endsWith(":" + alias)) {
                return true;
            }
        }
        return arn != null && arn.endsWith(":key/" + keyRef);
    }
}
