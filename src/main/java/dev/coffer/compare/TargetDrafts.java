package dev.coffer.compare;

import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.secrets.SecretDraft;
import java.util.List;
import java.util.Optional;

/**
 * The drafts a promotion sends to the target, made once when planning (to check them against
 * AWS's rules before anything is sent) and again when applying.
 */
final class TargetDrafts {

    private TargetDrafts() {
    }

    /** The parameter {@code targetName} as the source has it, keeping the target's tags unless they are copied. */
    static ParameterDraft parameter(String targetName, ParameterItem source, Optional<ParameterItem> target, Optional<String> targetKey,
                                    boolean copyTags) {
        ParameterPolicies policies = source.policiesJson().or(() -> target.flatMap(ParameterItem::policiesJson))
                .map(TargetDrafts::policies).orElse(ParameterPolicies.none());
        List<Tag> tags = copyTags ? source.tags().orElse(List.of()) : target.flatMap(ParameterItem::tags).orElse(List.of());
        return new ParameterDraft(targetName, source.type(), source.value().orElseThrow(), source.description(), source.dataType(),
                tier(source, target, policies), source.isSecure() ? targetKey : Optional.empty(), tags, policies);
    }

    /** The source's tier, Advanced when the target already is (it can't go back) or the value or policies need it. */
    private static ParameterTier tier(ParameterItem source, Optional<ParameterItem> target, ParameterPolicies policies) {
        if (source.tier() != ParameterTier.STANDARD) {
            return source.tier();
        }
        boolean needsAdvanced = target.map(t -> t.tier() == ParameterTier.ADVANCED).orElse(false) || !policies.isEmpty()
                || source.value().orElseThrow().sizeInBytes() > ParameterRules.STANDARD_MAX_BYTES;
        return needsAdvanced ? ParameterTier.ADVANCED : ParameterTier.STANDARD;
    }

    private static ParameterPolicies policies(String json) {
        try {
            return ParameterPolicies.parse(json);
        } catch (IllegalArgumentException unreadable) {
            return ParameterPolicies.none();
        }
    }

    /** A new secret {@code targetName} as the source has it. */
    static SecretDraft newSecret(String targetName, SecretItem source, Optional<String> targetKey, boolean copyTags) {
        return new SecretDraft(targetName, source.description(), source.value().orElseThrow(), targetKey,
                copyTags ? source.tags() : List.of());
    }

    /** The target secret as it is. */
    static SecretDraft secretAsIs(SecretItem target) {
        return new SecretDraft(target.name(), target.description(), target.value().orElseThrow(), target.keyId(), target.tags());
    }

    /** The target secret with the source's value and description, and its key and tags when they are copied. */
    static SecretDraft updatedSecret(SecretItem source, SecretItem target, boolean keyCopied, Optional<String> targetKey,
                                     boolean copyTags) {
        return secretAsIs(target).withDescription(source.description()).withContent(source.value().orElseThrow())
                .withKmsKeyId(keyCopied ? targetKey : target.keyId()).withTags(copyTags ? source.tags() : target.tags());
    }
}
