package dev.coffer.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A secret's ARN from any id AWS accepts for it: its name, its ARN, or its partial ARN (the ARN
 * without the six random characters Secrets Manager appends).
 */
final class SecretIds {

    /** "-" and six characters: the end Secrets Manager gives every secret's ARN. */
    private static final int ARN_SUFFIX = 7;

    private final Map<String, String> arnById = new HashMap<>();

    SecretIds(Collection<KnownSecret> secrets) {
        for (KnownSecret secret : secrets) {
            arnById.put(secret.arn(), secret.arn());
            arnById.putIfAbsent(secret.name(), secret.arn());
            String arn = secret.arn();
            if (arn.length() > ARN_SUFFIX && arn.charAt(arn.length() - ARN_SUFFIX) == '-') {
                arnById.putIfAbsent(arn.substring(0, arn.length() - ARN_SUFFIX), arn);
            }
        }
    }

    Optional<String> arnOf(String id) {
        return Optional.ofNullable(arnById.get(id));
    }
}
