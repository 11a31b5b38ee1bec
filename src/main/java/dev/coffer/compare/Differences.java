package dev.coffer.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.secrets.SecretContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What differs between two items of the same name; names of fields and keys only, never a value. */
final class Differences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Differences() {
    }

    static List<Difference> of(ParameterItem left, ParameterItem right) {
        List<Difference> found = new ArrayList<>();
        if (left.value().isPresent() && right.value().isPresent() && !left.value().equals(right.value())) {
            found.add(new Difference(Field.VALUE, ""));
        }
        changed(found, Field.TYPE, left.type().awsName(), right.type().awsName());
        changed(found, Field.TIER, left.tier().awsName(), right.tier().awsName());
        changed(found, Field.DATA_TYPE, left.dataType().awsName(), right.dataType().awsName());
        if (left.keyLabel().isPresent() && right.keyLabel().isPresent()) {
            changed(found, Field.KMS_KEY, left.keyLabel().get(), right.keyLabel().get());
        }
        if (!left.description().equals(right.description())) {
            found.add(new Difference(Field.DESCRIPTION, ""));
        }
        if (left.tags().isPresent() && right.tags().isPresent()) {
            tags(found, left.tags().get(), right.tags().get());
        }
        if (left.policiesJson().isPresent() && right.policiesJson().isPresent()
                && !policies(left.policiesJson().get()).equals(policies(right.policiesJson().get()))) {
            found.add(new Difference(Field.POLICIES, ""));
        }
        return found;
    }

    static List<Difference> of(SecretItem left, SecretItem right, boolean tagsCompared) {
        List<Difference> found = new ArrayList<>();
        if (left.value().isPresent() && right.value().isPresent()) {
            values(found, left.value().get(), right.value().get());
        }
        if (!left.description().equals(right.description())) {
            found.add(new Difference(Field.DESCRIPTION, ""));
        }
        changed(found, Field.KMS_KEY, left.keyLabel(), right.keyLabel());
        if (tagsCompared) {
            tags(found, left.tags(), right.tags());
        }
        if (!left.rotation().equals(right.rotation())) {
            found.add(new Difference(Field.ROTATION, ""));
        }
        if (!Objects.equals(left.resourcePolicy().map(Differences::json), right.resourcePolicy().map(Differences::json))) {
            found.add(new Difference(Field.RESOURCE_POLICY, left.resourcePolicy().isEmpty() ? "none on the left"
                    : right.resourcePolicy().isEmpty() ? "none on the right" : ""));
        }
        return found;
    }

    /** Key/value secrets: which keys one side lacks and which keys' values differ; other values as a whole. */
    private static void values(List<Difference> found, SecretContent left, SecretContent right) {
        String leftKind = kind(left);
        String rightKind = kind(right);
        if (!leftKind.equals(rightKind)) {
            found.add(new Difference(Field.VALUE_KIND, leftKind + " → " + rightKind));
            return;
        }
        if (left instanceof SecretContent.KeyValues l && right instanceof SecretContent.KeyValues r) {
            Map<String, Object> leftPairs = pairs(l);
            Map<String, Object> rightPairs = pairs(r);
            Set<String> onlyLeft = new TreeSet<>(leftPairs.keySet());
            onlyLeft.removeAll(rightPairs.keySet());
            Set<String> onlyRight = new TreeSet<>(rightPairs.keySet());
            onlyRight.removeAll(leftPairs.keySet());
            if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
                List<String> parts = new ArrayList<>();
                if (!onlyLeft.isEmpty()) {
                    parts.add("only left: " + String.join(", ", onlyLeft));
                }
                if (!onlyRight.isEmpty()) {
                    parts.add("only right: " + String.join(", ", onlyRight));
                }
                found.add(new Difference(Field.JSON_KEYS, String.join("; ", parts)));
            }
            Set<String> differing = new TreeSet<>();
            leftPairs.forEach((key, value) -> {
                if (rightPairs.containsKey(key) && !rightPairs.get(key).equals(value)) {
                    differing.add(key);
                }
            });
            if (!differing.isEmpty()) {
                found.add(new Difference(Field.VALUE, "values differ: " + String.join(", ", differing)));
            }
            return;
        }
        if (!left.equals(right)) {
            found.add(new Difference(Field.VALUE, ""));
        }
    }

    /** A key's value with its JSON type, so that "5432" and 5432 differ as Secrets Manager stores them. */
    private static Map<String, Object> pairs(SecretContent.KeyValues kv) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        kv.fields().forEach(f -> pairs.putIfAbsent(f.key(), List.of(f.kind(), f.value())));
        return pairs;
    }

    static String kind(SecretContent content) {
        if (content instanceof SecretContent.KeyValues) {
            return "key/value";
        }
        return content.isBinary() ? "binary" : "plain text";
    }

    private static void changed(List<Difference> found, Field field, String left, String right) {
        if (!left.equals(right)) {
            found.add(new Difference(field, left + " → " + right));
        }
    }

    /** Tags differ by key or by value; the detail names the keys (tag values are metadata, but need not be repeated). */
    private static void tags(List<Difference> found, List<Tag> left, List<Tag> right) {
        Map<String, String> l = new TreeMap<>();
        left.forEach(t -> l.put(t.key(), t.value()));
        Map<String, String> r = new TreeMap<>();
        right.forEach(t -> r.put(t.key(), t.value()));
        if (l.equals(r)) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        new TreeSet<>(union(l.keySet(), r.keySet())).forEach(k -> {
            if (!Objects.equals(l.get(k), r.get(k))) {
                keys.add(k);
            }
        });
        found.add(new Difference(Field.TAGS, String.join(", ", keys)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Policies as Coffer reads them, so that AWS's formatting does not count; unreadable ones as written. */
    private static Object policies(String json) {
        try {
            return ParameterPolicies.parse(json);
        } catch (IllegalArgumentException unreadable) {
            return json;
        }
    }

    /** A resource policy as JSON, so that spacing does not count. */
    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException unreadable) {
            return Optional.of(text);
        }
    }
}
