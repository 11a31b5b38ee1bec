package dev.coffer.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One parameter or secret as the audit report lists it: metadata only, never the value. Fields
 * that do not apply to the item's store are null.
 *
 * @param store       {@link RevealRecorder#PARAMETER_STORE} or {@link RevealRecorder#SECRETS_MANAGER}
 * @param type        String, StringList or SecureString; "Secret" for secrets
 * @param kmsKey      the KMS key as AWS reports it, or the AWS managed default the item uses; null for unencrypted parameters
 * @param keyManager  {@link #AWS_MANAGED}, {@link #CUSTOMER} or {@link #UNKNOWN_KEY}; null for unencrypted parameters
 * @param versions    versions AWS keeps (for parameters the version number, capped at 100)
 * @param labels      secret staging labels; parameter labels are not collected (see README)
 * @param tags        null when not collected (parameter tags only when a check needs them)
 * @param valueBytes  the value's size in UTF-8 bytes, measured for Advanced parameters only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryItem(String connection, String account, String region, String store, String name, String arn,
                            String type, String tier, String dataType, String description, String kmsKey, String keyManager,
                            Instant lastModified, String lastModifiedBy, int versions, List<String> labels,
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
