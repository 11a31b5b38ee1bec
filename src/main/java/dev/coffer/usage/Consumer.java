package dev.coffer.usage;

import java.util.Objects;
import java.util.Optional;

/**
 * One place that reads a parameter or a secret.
 *
 * @param target        what it reads
 * @param kind          what sort of resource reads it
 * @param resource      the resource's name or ARN, as its console and CLI take it
 * @param location      where in the resource: a template's logical id and property, a variable, a container
 * @param pinnedVersion the version (or, for a secret, version stage or id) it reads; empty when it follows the latest
 * @param manages       the resource does not read but owns the target: a stack that declares it, "change it there"
 */
public record Consumer(Target target, ConsumerKind kind, String resource, String location, Optional<String> pinnedVersion,
                       boolean manages) {

    public Consumer {
        Objects.requireNonNull(target);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(location);
        Objects.requireNonNull(pinnedVersion);
    }

    /** A consumer that reads the target. */
    static Consumer reads(Reference reference, ConsumerKind kind, String resource, String location) {
        return new Consumer(reference.target(), kind, resource, location, reference.pinnedVersion(), false);
    }

    /** The same consumer reading {@code resolved} (a secret's ARN found for the name it wrote). */
    Consumer withTarget(Target resolved) {
        return new Consumer(resolved, kind, resource, location, pinnedVersion, manages);
    }

    /** What a person reads about its version, e.g. "pinned to version 3, will not follow updates". */
    public String versionNote() {
        if (manages) {
            return "managed by stack " + resource + ", change it there";
        }
        return pinnedVersion.map(v -> "pinned to version " + v + ", will not follow updates").orElse("follows the latest version");
    }
}
