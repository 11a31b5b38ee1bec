package dev.coffer.ami;

import java.time.Instant;
import java.util.Optional;

/**
 * An Amazon Machine Image as DescribeImages reports it.
 *
 * @param platform "Linux/UNIX" or "Windows" (AWS's platform details)
 * @param owner    the owner's alias ("amazon") or account id
 */
public record MachineImage(String id, String name, String description, Optional<Instant> created, String architecture,
                           String platform, String owner, String state, Optional<Instant> deprecation) {

    /** An image that can be launched: state "available" and not past its deprecation time. */
    public boolean usable(Instant now) {
        return "available".equals(state) && deprecation.map(d -> d.isAfter(now)).orElse(true);
    }

    /** Why the image should not be a golden image now, or empty when it can be. */
    public Optional<String> warning(Instant now) {
        if (!"available".equals(state)) {
            return Optional.of(id + " is " + state + ", not available.");
        }
        if (deprecation.isPresent() && !deprecation.get().isAfter(now)) {
            return Optional.of(id + " was deprecated on " + deprecation.get() + ".");
        }
        return Optional.empty();
    }
}
