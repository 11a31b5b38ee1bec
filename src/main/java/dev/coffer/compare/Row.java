package dev.coffer.compare;

import java.util.List;
import java.util.Optional;

/**
 * One line of a comparison: an item by its name relative to each side's root, where it is and
 * what differs. Holds both sides' items (values as {@code SecretText} or {@code SecretContent},
 * never in {@code toString}).
 */
public record Row(ItemKind kind, String name, Status status, List<Difference> differences, Optional<Item> left, Optional<Item> right) {

    public Row {
        differences = List.copyOf(differences);
    }

    public List<Field> fields() {
        return differences.stream().map(Difference::field).toList();
    }

    @Override
    public String toString() {
        return "Row[" + kind.jsonName() + " " + name + ", " + status.jsonName() + ", " + differences + "]";
    }
}
