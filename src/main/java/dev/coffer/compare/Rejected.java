package dev.coffer.compare;

/**
 * An entry of an export file that Coffer cannot use, and why: it is neither compared nor promoted.
 *
 * @param entry the entry's name, or "entry 3" when it has none
 */
public record Rejected(String entry, String reason) {

    /** "entry: reason", as a report lists it. */
    @Override
    public String toString() {
        return entry + ": " + reason;
    }
}
