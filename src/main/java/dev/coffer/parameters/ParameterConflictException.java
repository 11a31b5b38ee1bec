package dev.coffer.parameters;

import dev.coffer.aws.CofferException;
import java.util.Optional;

/**
 * Thrown by {@link ParameterStore#put} instead of overwriting a parameter that changed since the
 * editor opened it: someone saved a newer version, deleted it, or (when creating) created it.
 * The current metadata comes with it; its value is fetched on request with
 * {@link ParameterStore#current(String)}.
 */
public final class ParameterConflictException extends CofferException {

    private final long expectedVersion;
    private final transient Parameter current;

    /**
     * @param expectedVersion the version the editor opened; 0 when it meant to create the parameter
     * @param current the parameter as it is now, or null when it no longer exists
     */
    public ParameterConflictException(String name, long expectedVersion, Parameter current) {
        super(message(name, expectedVersion, current));
        this.expectedVersion = expectedVersion;
        this.current = current;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The parameter as it is now; null when it was deleted (see {@link #deleted()}). */
    public Parameter current() {
        return current;
    }

    public Optional<Parameter> currentIfExists() {
        return Optional.ofNullable(current);
    }

    /** The parameter was deleted since it was opened. */
    public boolean deleted() {
        return current == null;
    }

    private static String message(String name, long expected, Parameter current) {
        if (current == null) {
            return name + " was deleted since you opened it (you had version " + expected + ").";
        }
        String who = current.lastModifiedUser() == null || current.lastModifiedUser().isBlank() ? "" : " by " + current.lastModifiedUser();
        String when = current.lastModified() == null ? "" : " at " + current.lastModified();
        if (expected == 0) {
            return name + " already exists (version " + current.version() + ", saved" + who + when + ").";
        }
        return name + " changed since you opened it: you had version " + expected + ", it is now version " + current.version()
                + " (saved" + who + when + ").";
    }
}
