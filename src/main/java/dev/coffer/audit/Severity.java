package dev.coffer.audit;

/** How much a finding matters, lowest first. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
