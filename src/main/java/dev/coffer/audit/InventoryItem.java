package dev.coffer.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One parameter or secret as the audit report lists it: metadata only, never the value. Fields
 * that do not apply to the item's store, and fields Coffer did not read, are null: the JSON export
 * leaves them out rather than writing an empty value that would read as "none". Built by name with
 * {@link #parameter} or {@link #secret}, which set the connection and the store.
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
 * @param consumers   what the report's consumer scan found reading it (stacks, launch templates, functions,
 *                    task definitions, parameters, and stacks that manage it, as Where used counts them); null
 *                    when consumers were not scanned; a lower bound when a source could not be read
 *                    ({@link ConsumerCoverage})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryItem(String connection, String account, String region, String store, String name, String arn,
                            String type, String tier, String dataType, String description, String kmsKey, String keyManager,
                            Instant lastModified, String lastModifiedBy, int versions, Map<String, List<String>> labels,
                            Map<String, String> tags, String policies, Instant expiration,
                            Boolean rotationEnabled, String rotationSchedule, Integer rotationEveryDays,
                            Instant lastRotated, Instant nextRotation, Instant lastAccessed, Instant created,
                            Instant deletionDate, String owningService, String replication, Integer valueBytes,
                            Integer consumers) {

    public static final String AWS_MANAGED = "AWS managed";
    public static final String CUSTOMER = "Customer";
    public static final String UNKNOWN_KEY = "Unknown";

    public boolean isSecret() {
        return RevealRecorder.SECRETS_MANAGER.equals(store);
    }

    /** This item with the consumer count the scan found. */
    public InventoryItem withConsumers(int count) {
        return new InventoryItem(connection, account, region, store, name, arn, type, tier, dataType, description, kmsKey, keyManager,
                lastModified, lastModifiedBy, versions, labels, tags, policies, expiration, rotationEnabled, rotationSchedule,
                rotationEveryDays, lastRotated, nextRotation, lastAccessed, created, deletionDate, owningService, replication,
                valueBytes, count);
    }

    /** A parameter of {@code connection}; name the rest of its fields, then {@link Builder#build()}. */
    public static Builder parameter(AuditReport.ConnectionInfo connection, String name) {
        return new Builder(connection, RevealRecorder.PARAMETER_STORE, name);
    }

    /** A secret of {@code connection}, typed "Secret"; name the rest of its fields, then {@link Builder#build()}. */
    public static Builder secret(AuditReport.ConnectionInfo connection, String name) {
        return new Builder(connection, RevealRecorder.SECRETS_MANAGER, name).type("Secret");
    }

    /** Names an item's fields one by one; a field not named stays null (0 versions). */
    public static final class Builder {
        private final AuditReport.ConnectionInfo connection;
        private final String store;
        private final String name;
        private String arn;
        private String type;
        private String tier;
        private String dataType;
        private String description;
        private String kmsKey;
        private String keyManager;
        private Instant lastModified;
        private String lastModifiedBy;
        private int versions;
        private Map<String, List<String>> labels;
        private Map<String, String> tags;
        private String policies;
        private Instant expiration;
        private Boolean rotationEnabled;
        private String rotationSchedule;
        private Integer rotationEveryDays;
        private Instant lastRotated;
        private Instant nextRotation;
        private Instant lastAccessed;
        private Instant created;
        private Instant deletionDate;
        private String owningService;
        private String replication;
        private Integer valueBytes;

        private Builder(AuditReport.ConnectionInfo connection, String store, String name) {
            this.connection = connection;
            this.store = store;
            this.name = name;
        }

        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder tier(String tier) {
            this.tier = tier;
            return this;
        }

        public Builder dataType(String dataType) {
            this.dataType = dataType;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder kmsKey(String kmsKey) {
            this.kmsKey = kmsKey;
            return this;
        }

        public Builder keyManager(String keyManager) {
            this.keyManager = keyManager;
            return this;
        }

        public Builder lastModified(Instant lastModified) {
            this.lastModified = lastModified;
            return this;
        }

        public Builder lastModifiedBy(String lastModifiedBy) {
            this.lastModifiedBy = lastModifiedBy;
            return this;
        }

        public Builder versions(int versions) {
            this.versions = versions;
            return this;
        }

        public Builder labels(Map<String, List<String>> labels) {
            this.labels = labels;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder policies(String policies) {
            this.policies = policies;
            return this;
        }

        public Builder expiration(Instant expiration) {
            this.expiration = expiration;
            return this;
        }

        public Builder rotationEnabled(Boolean rotationEnabled) {
            this.rotationEnabled = rotationEnabled;
            return this;
        }

        public Builder rotationSchedule(String rotationSchedule) {
            this.rotationSchedule = rotationSchedule;
            return this;
        }

        public Builder rotationEveryDays(Integer rotationEveryDays) {
            this.rotationEveryDays = rotationEveryDays;
            return this;
        }

        public Builder lastRotated(Instant lastRotated) {
            this.lastRotated = lastRotated;
            return this;
        }

        public Builder nextRotation(Instant nextRotation) {
            this.nextRotation = nextRotation;
            return this;
        }

        public Builder lastAccessed(Instant lastAccessed) {
            this.lastAccessed = lastAccessed;
            return this;
        }

        public Builder created(Instant created) {
            this.created = created;
            return this;
        }

        public Builder deletionDate(Instant deletionDate) {
            this.deletionDate = deletionDate;
            return this;
        }

        public Builder owningService(String owningService) {
            this.owningService = owningService;
            return this;
        }

        public Builder replication(String replication) {
            this.replication = replication;
            return this;
        }

        public Builder valueBytes(Integer valueBytes) {
            this.valueBytes = valueBytes;
            return this;
        }

        public InventoryItem build() {
            return new InventoryItem(connection.label(), connection.account(), connection.region(), store, name, arn, type, tier,
                    dataType, description, kmsKey, keyManager, lastModified, lastModifiedBy, versions, labels, tags, policies,
                    expiration, rotationEnabled, rotationSchedule, rotationEveryDays, lastRotated, nextRotation, lastAccessed,
                    created, deletionDate, owningService, replication, valueBytes, null);
        }
    }
}
