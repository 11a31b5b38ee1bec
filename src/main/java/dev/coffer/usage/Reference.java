package dev.coffer.usage;

import java.util.Optional;

/** A parameter or secret named somewhere, with the version it pins if any. */
record Reference(Target target, Optional<String> pinnedVersion) {

    static Reference latest(Target target) {
        return new Reference(target, Optional.empty());
    }
}
