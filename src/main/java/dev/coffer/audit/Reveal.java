package dev.coffer.audit;

import java.time.Instant;

/**
 * One entry of the reveal log: a value that reached this machine in plain text, or was copied.
 *
 * @param action   "read value" (it came from AWS decrypted) or "copy to clipboard"
 * @param store    "Parameter Store" or "Secrets Manager"
 * @param item     the parameter name or the secret ARN
 * @param version  the parameter version, or the secret version id with its staging labels
 */
public record Reveal(Instant time, String action, String store, String item, String version,
                     String identityArn, String account, String profile, String region, String endpoint) {
}
