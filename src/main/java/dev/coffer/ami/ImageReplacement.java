package dev.coffer.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new golden image beside the images the parameters name now: what changes for the instances
 * launched from them, and what the user should be warned about before moving.
 */
public record ImageReplacement(List<MachineImage> current, MachineImage next) {

    public ImageReplacement {
        current = current.stream().distinct().toList();
    }

    /** Instances would get another architecture or platform: the user must confirm that. */
    public boolean changesArchitectureOrPlatform() {
        return current.stream().anyMatch(c -> !c.architecture().equals(next.architecture()) || !c.platform().equals(next.platform()));
    }

    /**
     * Every warning at once: each change of architecture or platform, the new image's own state or
     * deprecation, and that there is nothing to compare with.
     */
    public List<String> warnings(Instant now) {
        List<String> warnings = new ArrayList<>();
        for (MachineImage c : current) {
            if (!c.architecture().equals(next.architecture())) {
                warnings.add("The architecture changes from " + c.architecture() + " to " + next.architecture() + ".");
            }
            if (!c.platform().equals(next.platform())) {
                warnings.add("The platform changes from " + c.platform() + " to " + next.platform() + ".");
            }
        }
        next.warning(now).ifPresent(warnings::add);
        if (current.isEmpty()) {
            warnings.add("No current image to compare with: the parameters are new or do not name an available image.");
        }
        return warnings;
    }
}
