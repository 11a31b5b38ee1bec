package dev.coffer.compare;

/**
 * One field that differs, with what can be said about it without a value: "Standard → Advanced",
 * "only left: password", "values differ: host". A differing value is named, never shown.
 */
public record Difference(Field field, String detail) {

    public Difference {
        detail = detail == null ? "" : detail;
    }

    /** "tier (Standard → Advanced)", "value": the field in words, and what can be said without a value. */
    public String words() {
        return detail.isEmpty() ? field.words() : field.words() + " (" + detail + ")";
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? field.jsonName() : field.jsonName() + " (" + detail + ")";
    }
}
