package dev.coffer.secrets;

import dev.coffer.aws.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A secret's metadata as ListSecrets and DescribeSecret return it. Never holds the value. */
public record Secret(String name, String arn, Optional<String> description, Optional<String> kmsKeyId,
                     Optional<Instant> lastChanged, Optional<Instant> lastAccessed, Optional<Instant> created,
                     boolean rotationEnabled, Optional<String> rotationLambdaArn, Optional<String> rotationSchedule,
                     Optional<Instant> lastRotated, Optional<Instant> nextRotation,
                     Optional<String> owningService, Optional<Instant> deletedDate, List<Tag> tags) {

    /** The key shown to the user: the alias AWS uses when none is set. */
    public String kmsKeyLabel() {
        return kmsKeyId.orElse("aws/secretsmanager");
    }

    public boolean scheduledForDeletion() {
        return deletedDate.isPresent();
    }
}
