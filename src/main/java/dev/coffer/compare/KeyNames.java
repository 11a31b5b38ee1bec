package dev.coffer.compare;

import dev.coffer.kms.KmsKey;
import java.util.List;
import java.util.Optional;

/**
 * KMS keys as a comparison names them: by alias where the side's key list has one, so the same
 * alias in two accounts compares equal while their key ids never do.
 */
final class KeyNames {

    private KeyNames() {
    }

    /**
     * The key's alias (the first, as the key list sorts them), else its id; the AWS managed default
     * when no key is set.
     */
    static String label(Optional<String> keyRef, String defaultAlias, List<KmsKey> keys) {
        String ref = keyRef.map(String::trim).filter(k -> !k.isEmpty()).orElse(defaultAlias);
        for (KmsKey key : keys) {
            if (key.matches(ref)) {
                return key.label();
            }
        }
        int alias = ref.indexOf(":alias/");
        return alias >= 0 ? ref.substring(alias + 1) : ref;
    }
}
