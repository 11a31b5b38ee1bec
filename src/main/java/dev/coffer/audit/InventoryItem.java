package dev.coffer.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One parameter or secret as the audit report lists it: metadata only, never the value. Fields
 * that do not apply to the item's store, and fields Coffer did not read, are null: the JSON export
 * leaves them out rather than writing an empty value that would read as "none".
 *
 * @param store       {@link RevealRecorder#PARAMETER_STORE} or {@link RevealRecorder#SECRETS_MANAGER}
 * @param type        String, StringList or SecureString; "Secret" for secrets
 * @param kmsKey      the KMS key as AWS reports it, or the AWS managed default the item uses; null for unencrypted parameters
 * @param keyManager  {@link #AWS_MANAGED}, {@link #CUSTOMER} or {@link #UNKNOWN_KEY}; null for unencrypted parameters
 * @param versions    for parameters the version number, capped at the 100 AWS keeps; for secrets the versions
 *                    carrying a staging label (ListSecrets does not list the others)
 * @param labels      a secret's staging labels by version id; null for parameters, whose labels are not
 *                    collected (see README)
 * @param tags        null when not collected (parameter tags only when a check needs them)
 * @param valueBytes  the value's size in UTF-8 bytes, measured for Advanced String and StringList
 *                    parameters only: a SecureString is never decrypted to measure it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryItem(String connection, String account, String region, String store, String name, String arn,
                            String type, String tier, String dataType, String description, String kmsKey, String keyManager,
                            Instant lastModified, String lastModifiedBy, int versions, Map<String, List<String>> labels,
                            Map<String, String> tags, String policies, Instant expiration,
                            Boolean rotationEnabled, String rotationSchedule, Integer rotationEveryDays,
                            Instant lastRotated, Instant nextRotation, Instant lastAccessed, Instant created,
                            Instant deletionDate, String owningService, String replication, Integer valueBytes) {

    public static final String AWS_MANAGED = "AWS managed";
    public static final String CUSTOMER = "Customer";
    public static final String UNKNOWN_KEY = "Unknown";

    public boolean isSecret() {
        return RevealRecorder.SECRETS_MANAGER.equals(store);
    }
}
