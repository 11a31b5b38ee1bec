package dev.coffer.ami;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A golden AMI parameter as it is now, and the image it names.
 *
 * @param version empty for a parameter that does not exist yet (the update creates it)
 * @param value   what the parameter holds; empty for a SecureString, whose value is not read
 * @param image   the image DescribeImages reports for the value; empty when the value is no AMI id
 *                or AWS does not know the image
 */
public record CurrentImage(String parameter, OptionalLong version, String value, boolean secure, Optional<MachineImage> image) {

    /** A parameter the update will create. */
    public static CurrentImage created(String parameter) {
        return new CurrentImage(parameter, OptionalLong.empty(), "", false, Optional.empty());
    }

    public boolean isNew() {
        return version.isEmpty();
    }

    /**
     * Why the parameter's image should not stay a golden image, or empty: it holds no AMI id, its
     * image is unknown in the region, not available, or deprecated.
     */
    public Optional<String> warning(Instant now) {
        if (isNew()) {
            return Optional.empty();
        }
        if (secure || !ImageIds.valid(value)) {
            return Optional.of(parameter + " does not hold an AMI id" + (secure ? " (it is a SecureString)." : "."));
        }
        return image.map(i -> i.warning(now).map(w -> parameter + ": " + w))
                .orElse(Optional.of(parameter + ": " + value + " is not an available image in this region (DescribeImages does not know it)."));
    }
}
