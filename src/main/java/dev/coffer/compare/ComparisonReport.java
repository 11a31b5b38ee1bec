package dev.coffer.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.ServiceText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the headless commands print: a comparison, a plan and its results, as text or JSON. Names,
 * statuses and the names of differing fields only; never a value.
 */
final class ComparisonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonReport() {
    }

    static String diff(Comparison c, ReportFormat format) {
        if (format == ReportFormat.JSON) {
            ObjectNode root = header(c);
            ArrayNode items = root.putArray("items");
            c.rows().forEach(row -> item(items.addObject(), row));
            return write(root);
        }
        StringBuilder text = new StringBuilder(textHeader(c));
        for (Row row : c.rows()) {
            if (row.status() != Status.SAME) {
                text.append(String.format("%-11s %-10s %s%s%n", row.status().words(), row.kind().jsonName(), printable(row.name()),
                        row.differences().isEmpty() ? "" : "   " + describe(row)));
            }
        }
        rejectedText(text, "left", c.rejectedLeft());
        rejectedText(text, "right", c.rejectedRight());
        return text.append(counts(c)).append(System.lineSeparator()).toString();
    }

    static String plan(PromotionPlan plan, Optional<List<ItemResult>> results, ReportFormat format) {
        Comparison c = plan.comparison();
        if (format == ReportFormat.JSON) {
            ObjectNode root = header(c);
            root.put("direction", plan.options().direction() == Direction.LEFT_TO_RIGHT ? "left_to_right" : "right_to_left");
            root.put("applied", results.isPresent());
            ArrayNode items = root.putArray("items");
            for (int i = 0; i < plan.items().size(); i++) {
                PlanItem p = plan.items().get(i);
                ObjectNode item = items.addObject();
                item(item, p.row());
                item.put("action", p.action().jsonName());
                item.put("target", p.targetName());
                ArrayNode fields = item.putArray("fields");
                p.fieldsCopied().forEach(f -> fields.add(f.jsonName()));
                p.targetKey().ifPresent(k -> item.put("kms_key", k));
                if (!p.note().isEmpty()) {
                    item.put("note", p.note());
                }
                if (results.isPresent()) {
                    ItemResult r = results.get().get(i);
                    item.put("result", r.outcome().jsonName());
                    item.put("message", r.commandText());
                }
            }
            return write(root);
        }
        StringBuilder text = new StringBuilder(textHeader(c));
        text.append(plan.options().direction() == Direction.LEFT_TO_RIGHT ? "Promote left → right" : "Promote right → left")
                .append(plan.items().isEmpty() ? ": nothing to do." : ":").append(System.lineSeparator());
        for (int i = 0; i < plan.items().size(); i++) {
            PlanItem p = plan.items().get(i);
            String what = p.action() == Action.UPDATE
                    ? " (" + p.fieldsCopied().stream().map(Field::jsonName).collect(Collectors.joining(", ")) + ")" : "";
            String key = p.targetKey().map(k -> " with KMS key " + k).orElse("");
            String note = p.note().isEmpty() ? "" : ": " + p.note();
            text.append(String.format("%-7s %-10s %s%s%s%s%n", p.action().jsonName(), p.kind().jsonName(),
                    printable(p.targetName().isEmpty() ? p.name() : p.targetName()), what, key, note));
            if (results.isPresent()) {
                text.append("        → ").append(printable(results.get().get(i).commandText())).append(System.lineSeparator());
            }
        }
        rejectedText(text, plan.options().direction() == Direction.LEFT_TO_RIGHT ? "left" : "right", plan.rejected());
        return text.toString();
    }

    private static ObjectNode header(Comparison c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("left", c.left().label());
        root.put("right", c.right().label());
        root.put("values_compared", c.options().values());
        root.put("tags_compared", c.options().tags());
        ObjectNode counts = root.putObject("counts");
        c.counts().forEach((status, n) -> counts.put(status.jsonName(), n));
        ArrayNode rejected = root.putArray("rejected");
        c.rejectedLeft().forEach(r -> rejected.addObject().put("side", "left").put("entry", r.entry()).put("reason", r.reason()));
        c.rejectedRight().forEach(r -> rejected.addObject().put("side", "right").put("entry", r.entry()).put("reason", r.reason()));
        return root;
    }

    /** The entries of an export file that could not be used: neither compared nor promoted. */
    private static void rejectedText(StringBuilder text, String side, List<Rejected> rejected) {
        for (Rejected r : rejected) {
            text.append(String.format("%-11s %-10s %s%n", "not used", side + " file", printable(r.toString())));
        }
    }

    private static void item(ObjectNode item, Row row) {
        item.put("kind", row.kind().jsonName());
        item.put("name", row.name());
        item.put("status", row.status().jsonName());
        ArrayNode differences = item.putArray("differences");
        row.differences().forEach(d -> differences.add(d.field().jsonName()));
        if (row.differences().stream().anyMatch(d -> !d.detail().isEmpty())) {
            ObjectNode details = item.putObject("details");
            row.differences().stream().filter(d -> !d.detail().isEmpty()).forEach(d -> details.put(d.field().jsonName(), d.detail()));
        }
    }

    private static String textHeader(Comparison c) {
        return "Left:  " + printable(c.left().label()) + System.lineSeparator()
                + "Right: " + printable(c.right().label()) + System.lineSeparator()
                + (c.options().values() ? "" : "Values not compared (metadata only; --include-values compares them)." + System.lineSeparator());
    }

    private static String describe(Row row) {
        return row.differences().stream().map(Difference::toString).map(ComparisonReport::printable).collect(Collectors.joining(", "));
    }

    private static String counts(Comparison c) {
        Map<Status, Integer> counts = c.counts();
        return c.rows().size() + " items: " + counts.get(Status.SAME) + " same, " + counts.get(Status.DIFFERENT) + " different, "
                + counts.get(Status.ONLY_LEFT) + " only left, " + counts.get(Status.ONLY_RIGHT) + " only right.";
    }

    /** Names and descriptions come from AWS: printed without terminal control characters. */
    private static String printable(String text) {
        return ServiceText.printable(text);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
