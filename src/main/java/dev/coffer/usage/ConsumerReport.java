package dev.coffer.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.ServiceText;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code coffer where-used} prints: consumers by target, as text or JSON. Names only, never a value. */
public final class ConsumerReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConsumerReport() {
    }

    /**
     * {@code {"consumers": [{"target", "kind", "resource", "location", "pinned_version", "manages"}], "unread": [...]}};
     * {@code pinned_version} is null for a consumer that follows the latest version.
     */
    public static String json(List<Consumer> consumers, List<String> unread) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("consumers");
        for (Consumer c : consumers) {
            ObjectNode item = items.addObject();
            item.put("target", c.target().id());
            item.put("kind", c.kind().id());
            item.put("resource", c.resource());
            item.put("location", c.location());
            item.put("pinned_version", c.pinnedVersion().orElse(null));
            item.put("manages", c.manages());
        }
        ArrayNode missing = root.putArray("unread");
        unread.forEach(missing::add);
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each target, then its consumers one a line: kind, resource, location, and whether it pins a version. */
    public static String text(List<Consumer> consumers) {
        Map<String, List<Consumer>> byTarget = new LinkedHashMap<>();
        consumers.forEach(c -> byTarget.computeIfAbsent(c.target().id(), t -> new java.util.ArrayList<>()).add(c));
        StringBuilder text = new StringBuilder();
        byTarget.forEach((target, list) -> {
            text.append(ServiceText.printable(target)).append(System.lineSeparator());
            for (Consumer c : list) {
                text.append(String.format("  %-20s %s  %s  (%s)%n", c.kind().id(), ServiceText.printable(c.resource()),
                        ServiceText.printable(c.location()), ServiceText.printable(c.versionNote())));
            }
        });
        text.append(String.format("%d consumer%s found.%n", consumers.size(), consumers.size() == 1 ? "" : "s"));
        return text.toString();
    }
}
