package dev.coffer.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a secret, as ListSecretVersionIds reports it. The value is present only when
 * the versions were fetched with values; it never shows in {@link #toString()} (the content's
 * own {@code toString} hides it). A version without stages is deprecated: Secrets Manager may
 * drop it.
 */
public record SecretVersion(String versionId, List<String> stages, Optional<Instant> created, Optional<Instant> lastAccessed,
                            Optional<SecretContent> value) {

    public SecretVersion {
        stages = stages == null ? List.of() : List.copyOf(stages);
        created = created == null ? Optional.empty() : created;
        lastAccessed = lastAccessed == null ? Optional.empty() : lastAccessed;
        value = value == null ? Optional.empty() : value;
    }

    public boolean isCurrent() {
        return stages.contains(SecretRules.AWSCURRENT);
    }

    public boolean isPrevious() {
        return stages.contains(SecretRules.AWSPREVIOUS);
    }

    public boolean isPending() {
        return stages.contains(SecretRules.AWSPENDING);
    }

    /** No staging label at all: Secrets Manager may delete it. */
    public boolean deprecated() {
        return stages.isEmpty();
    }

    /** The labels other than AWSCURRENT, AWSPREVIOUS and AWSPENDING. */
    public List<String> customLabels() {
        return stages.stream().filter(s -> !SecretRules.AWS_LABELS.contains(s)).toList();
    }
}
