package dev.coffer.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to send to turn one tag set into another: tags to add or overwrite
 * (AddTagsToResource / TagResource) and keys to remove (RemoveTagsFromResource / UntagResource).
 */
public record TagChange(List<Tag> toAdd, List<String> keysToRemove) {

    public TagChange {
        toAdd = List.copyOf(toAdd);
        keysToRemove = List.copyOf(keysToRemove);
    }

    /**
     * The change from {@code before} to {@code after}. Keys are case-sensitive, as in AWS. A tag
     * whose value changed is in {@code toAdd} (adding overwrites), not in {@code keysToRemove}.
     * When a list holds a key twice, its last value counts.
     */
    public static TagChange between(List<Tag> before, List<Tag> after) {
        Map<String, String> old = asMap(before);
        Map<String, String> now = asMap(after);
        List<Tag> add = new ArrayList<>();
        now.forEach((key, value) -> {
            if (!old.containsKey(key) || !old.get(key).equals(value)) {
                add.add(new Tag(key, value));
            }
        });
        List<String> remove = new ArrayList<>();
        old.keySet().forEach(key -> {
            if (!now.containsKey(key)) {
                remove.add(key);
            }
        });
        return new TagChange(add, remove);
    }

    public boolean isEmpty() {
        return toAdd.isEmpty() && keysToRemove.isEmpty();
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag t : tags) {
                map.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        return map;
    }
}
