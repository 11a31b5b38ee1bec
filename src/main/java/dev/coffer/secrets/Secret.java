package dev.coffer.secrets;

import dev.coffer.aws.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A secret's metadata as ListSecrets and DescribeSecret return it. Never holds the value.
 *
 * @param rotationEveryDays the rotation rules' AutomaticallyAfterDays, when they have one
 * @param versionStages     the staging labels of each version that has one, by version id
 * @param primaryRegion     the region the secret is replicated from, when it is replicated
 */
public record Secret(String name, String arn, Optional<String> description, Optional<String> kmsKeyId,
                     Optional<Instant> lastChanged, Optional<Instant> lastAccessed, Optional<Instant> created,
                     boolean rotationEnabled, Optional<String> rotationLambdaArn, Optional<String> rotationSchedule,
                     Optional<Integer> rotationEveryDays, Optional<Instant> lastRotated, Optional<Instant> nextRotation,
                     Optional<String> owningService, Optional<Instant> deletedDate, List<Tag> tags,
                     Map<String, List<String>> versionStages, Optional<String> primaryRegion) {

    /** The key shown to the user: the alias AWS uses when none is set. */
    public String kmsKeyLabel() {
        return kmsKeyId.orElse("aws/secretsmanager");
    }

    /**
     * The primary's region when this is a replica read in its own region ({@code here}): Secrets
     * Manager then takes changes only at the primary. Empty for a primary, replicated or not.
     */
    public Optional<String> replicaOf(String here) {
        return primaryRegion.filter(primary -> !primary.equals(here));
    }

    public boolean scheduledForDeletion() {
        return deletedDate.isPresent();
    }
}
