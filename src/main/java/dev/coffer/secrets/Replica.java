package dev.coffer.secrets;

import java.util.Optional;

/**
 * One region a secret is replicated to, and how the copy stands there, as DescribeSecret's
 * ReplicationStatus says.
 *
 * @param status        InSync, InProgress or Failed
 * @param statusMessage AWS's words on the status ("Replication succeeded", or why it failed); may be empty
 * @param kmsKeyId      the key that encrypts the copy in that region; empty when AWS does not say
 */
public record Replica(String region, String status, String statusMessage, Optional<String> kmsKeyId) {

    public static final String FAILED = "Failed";

    /** The key as the details show it: AWS's default for the service when none is named. */
    public String kmsKeyLabel() {
        return kmsKeyId.orElse("aws/secretsmanager");
    }

    public boolean failed() {
        return FAILED.equalsIgnoreCase(status);
    }
}
