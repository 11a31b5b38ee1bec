package dev.coffer.secrets;

import java.util.Optional;

/**
 * A region to replicate a secret to, with the KMS key of that region to encrypt the copy
 * (empty: that region's aws/secretsmanager key, as AWS does when none is named).
 */
public record ReplicaTarget(String region, Optional<String> kmsKeyId) {
}
