package dev.coffer.secrets;

import dev.coffer.aws.CofferException;
import java.time.Instant;
import java.util.Optional;

/**
 * Thrown by {@link SecretStore#update} instead of saving over a secret whose AWSCURRENT version
 * moved since the editor opened it: someone saved a newer value, rotated it or rolled it back,
 * or the secret was deleted. The caller fetches the value as it is now with
 * {@link SecretStore#currentValue(String)} to show the difference.
 */
public final class SecretConflictException extends CofferException {

    private final String name;
    private final String expectedVersionId;
    private final String actualVersionId;
    private final transient Optional<Instant> lastChanged;

    /**
     * @param actualVersionId AWSCURRENT's version id now, or null when the secret no longer exists
     * @param lastChanged     when the secret last changed (DescribeSecret's LastChangedDate)
     */
    public SecretConflictException(String name, String expectedVersionId, String actualVersionId, Optional<Instant> lastChanged) {
        super(message(name, expectedVersionId, actualVersionId, lastChanged));
        this.name = name;
        this.expectedVersionId = expectedVersionId;
        this.actualVersionId = actualVersionId;
        this.lastChanged = lastChanged == null ? Optional.empty() : lastChanged;
    }

    public String name() {
        return name;
    }

    public String expectedVersionId() {
        return expectedVersionId;
    }

    /** AWSCURRENT's version id now; empty when the secret was deleted (see {@link #deleted()}). */
    public Optional<String> actualVersionId() {
        return Optional.ofNullable(actualVersionId);
    }

    public Optional<Instant> lastChanged() {
        return lastChanged;
    }

    /** The secret was deleted (for good) since it was opened. */
    public boolean deleted() {
        return actualVersionId == null;
    }

    private static String message(String name, String expected, String actual, Optional<Instant> lastChanged) {
        if (actual == null) {
            return name + " no longer exists (you opened version " + expected + ").";
        }
        String when = lastChanged == null || lastChanged.isEmpty() ? "" : " (last changed " + lastChanged.get() + ")";
        return name + " changed since you opened it: you had version " + expected + ", the current version is now " + actual
                + when + ".";
    }
}
