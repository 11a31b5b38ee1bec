package dev.coffer.compare;

/**
 * One field that differs, with what can be said about it without a value: "Standard → Advanced",
 * "only left: password", "values differ: host". A differing value is named, never shown.
 */
public record Difference(Field field, String detail) {

    public Difference {
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? field.jsonName() : field.jsonName() + " (" + detail + ")";
    }
}
