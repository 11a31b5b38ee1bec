package dev.coffer.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of comparing two sides: one row per item, parameters first, each by its name
 * relative to its side's root, and the entries of an export file side that could not be used.
 */
public record Comparison(Side left, Side right, CompareOptions options, List<Row> rows, List<Rejected> rejectedLeft,
                         List<Rejected> rejectedRight) {

    public Comparison {
        rows = List.copyOf(rows);
        rejectedLeft = List.copyOf(rejectedLeft);
        rejectedRight = List.copyOf(rejectedRight);
    }

    /** How many rows have each status; every status is there, 0 when none. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** Whether both sides hold the same items with nothing compared differing, and every entry of a file could be used. */
    public boolean same() {
        return rejectedLeft.isEmpty() && rejectedRight.isEmpty() && rows.stream().allMatch(r -> r.status() == Status.SAME);
    }
}
