package dev.coffer.compare.view;

import dev.coffer.aws.Tag;
import dev.coffer.compare.CompareOptions;
import dev.coffer.compare.Comparer;
import dev.coffer.compare.Comparison;
import dev.coffer.compare.Direction;
import dev.coffer.compare.Item;
import dev.coffer.compare.ItemResult;
import dev.coffer.compare.Outcome;
import dev.coffer.compare.ParameterItem;
import dev.coffer.compare.PlanOptions;
import dev.coffer.compare.Promotion;
import dev.coffer.compare.PromotionPlan;
import dev.coffer.compare.Row;
import dev.coffer.compare.SecretItem;
import dev.coffer.compare.Side;
import dev.coffer.compare.Status;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.parameters.ParameterType;
import dev.coffer.secrets.SecretContent;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The state of a compare window: the two sides, the rows with their counts and filter, the
 * selected row's two sides as text for the diff pane (SecureString and secret values masked until
 * the row is revealed), and promoting: the plan, then its results item by item. No nodes; every
 * AWS call goes through the {@link Background}.
 *
 * <p>In a read-only (audit) session every value a comparison with values reads is logged in the
 * reveal log as it arrives, as any other value read there, so revealing a row here shows only
 * what was logged already.
 */
public final class CompareViewModel {

    /** What a masked value shows. */
    public static final String MASK = "••••••••";

    private final Background background;
    private final BusyWork work;
    private final ObjectProperty<Side> left = new SimpleObjectProperty<>();
    private final ObjectProperty<Side> right = new SimpleObjectProperty<>();
    private final BooleanProperty includeValues = new SimpleBooleanProperty(true);
    private final BooleanProperty includeTags = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> shownRows = new FilteredList<>(rows);
    private final ObservableSet<Status> shownStatuses = FXCollections.observableSet(EnumSet.allOf(Status.class));
    private final StringProperty filter = new SimpleStringProperty("");
    private final Map<Status, IntegerProperty> counts = new EnumMap<>(Status.class);
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final ObjectProperty<PromotionPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<ItemResult> results = FXCollections.observableArrayList();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public CompareViewModel(Background background) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        for (Status s : Status.values()) {
            counts.put(s, new SimpleIntegerProperty());
        }
        shownRows.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            Set<Status> statuses = Set.copyOf(shownStatuses);
            String text = filter.get().trim().toLowerCase(Locale.ROOT);
            return row -> statuses.contains(row.status()) && (text.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(text));
        }, shownStatuses, filter));
        selected.addListener((obs, was, now) -> revealed.set(false));
    }

    public ObjectProperty<Side> leftProperty() {
        return left;
    }

    public ObjectProperty<Side> rightProperty() {
        return right;
    }

    public BooleanProperty includeValuesProperty() {
        return includeValues;
    }

    public BooleanProperty includeTagsProperty() {
        return includeTags;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    /** The rows the filter lets through, in the comparison's order. */
    public ObservableList<Row> shownRows() {
        return shownRows;
    }

    /** The statuses shown; every one at first. */
    public ObservableSet<Status> shownStatuses() {
        return shownStatuses;
    }

    /** Part of a relative name, any case; empty shows every row. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyIntegerProperty count(Status status) {
        return counts.get(status);
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Whether the selected row's masked values show; set back to masked whenever another row is selected. */
    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public ObjectProperty<PromotionPlan> planProperty() {
        return plan;
    }

    /** The results of the running or last promotion, one per item as it is done. */
    public ObservableList<ItemResult> results() {
        return results;
    }

    /** Reads both sides and shows the rows; the message says what was read meanwhile. */
    public void compare() {
        Side l = left.get();
        Side r = right.get();
        if (l == null || r == null) {
            message.set("Choose both sides first.");
            return;
        }
        cancelled.set(false);
        plan.set(null);
        results.clear();
        CompareOptions options = new CompareOptions(includeValues.get(), includeTags.get());
        work.run(() -> Comparer.compare(l, r, options, progress -> background.later(() -> message.set(progress)), cancelled::get),
                this::show);
    }

    /** Stops a comparison (between pages) or a promotion (between items). */
    public void cancel() {
        cancelled.set(true);
    }

    private void show(Comparison c) {
        comparison.set(c);
        rows.setAll(c.rows());
        c.counts().forEach((status, n) -> counts.get(status).set(n));
        message.set(c.same() ? "Both sides are the same." : c.rows().size() + " items compared.");
    }

    /** Whether the row holds a value that stays masked until revealed: a SecureString or a secret, on either side. */
    public static boolean masked(Row row) {
        return java.util.stream.Stream.of(row.left(), row.right()).flatMap(Optional::stream)
                .anyMatch(i -> i instanceof SecretItem || i instanceof ParameterItem p && p.isSecure());
    }

    /** The selected row's left side as the diff pane shows it. */
    public StringBinding leftText() {
        return Bindings.createStringBinding(() -> selected.get() == null ? "" : text(selected.get().left(), revealed.get()),
                selected, revealed);
    }

    /** The selected row's right side as the diff pane shows it. */
    public StringBinding rightText() {
        return Bindings.createStringBinding(() -> selected.get() == null ? "" : text(selected.get().right(), revealed.get()),
                selected, revealed);
    }

    /**
     * One side of an item as text, a field a line; the value masked for a SecureString or a secret
     * unless {@code reveal}, and "(not compared)" when values were not read.
     */
    static String text(Optional<Item> item, boolean reveal) {
        if (item.isEmpty()) {
            return "(not on this side)";
        }
        StringBuilder text = new StringBuilder();
        if (item.get() instanceof ParameterItem p) {
            String value = p.value().map(v -> p.type() != ParameterType.SECURE_STRING || reveal ? v.reveal() : MASK).orElse("(not compared)");
            line(text, "value", value);
            line(text, "type", p.type().awsName());
            line(text, "tier", p.tier().awsName());
            line(text, "data type", p.dataType().awsName());
            p.keyLabel().ifPresent(k -> line(text, "KMS key", k));
            line(text, "description", p.description());
            p.tags().ifPresent(t -> line(text, "tags", tags(t)));
            p.policiesJson().filter(j -> !j.isEmpty()).ifPresent(j -> line(text, "policies", j));
        } else {
            SecretItem s = (SecretItem) item.get();
            line(text, "value", s.value().map(v -> reveal ? secretText(v) : MASK + " (" + kind(v) + ")").orElse("(not compared)"));
            line(text, "description", s.description());
            line(text, "KMS key", s.keyLabel());
            line(text, "tags", tags(s.tags()));
            line(text, "rotation", s.rotation());
            line(text, "resource policy", s.resourcePolicy().orElse("(none)"));
        }
        return text.toString();
    }

    private static String secretText(SecretContent content) {
        return content instanceof SecretContent.Binary b ? "(binary, " + b.sizeInBytes() + " bytes, SHA-256 " + b.sha256() + ")"
                : content.secretString();
    }

    private static String kind(SecretContent content) {
        if (content instanceof SecretContent.KeyValues kv) {
            return "key/value: " + kv.fields().stream().map(SecretContent.Field::key).collect(Collectors.joining(", "));
        }
        return content.isBinary() ? "binary" : "plain text";
    }

    private static String tags(List<Tag> tags) {
        return tags.isEmpty() ? "(none)" : tags.stream().map(t -> t.key() + "=" + t.value()).sorted().collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String field, String value) {
        text.append(field).append(": ").append(value).append('\n');
    }

    /**
     * Whether promoting towards a side can be offered: it is a connection that may change things,
     * and the comparison read values and tags.
     */
    public BooleanBinding promoteOffered(Direction direction) {
        return Bindings.createBooleanBinding(() -> {
            Comparison c = comparison.get();
            if (c == null || !c.options().values() || !c.options().tags()) {
                return false;
            }
            Side target = direction == Direction.LEFT_TO_RIGHT ? c.right() : c.left();
            return target instanceof Side.Live live && !live.clients().session().readOnly();
        }, comparison);
    }

    /** Makes the plan for the chosen rows (reading the target's KMS keys to map them by alias); shown as {@link #planProperty()}. */
    public void plan(List<Row> chosen, PlanOptions options) {
        Comparison c = comparison.get();
        if (c == null) {
            message.set("Compare first.");
            return;
        }
        Side target = options.direction() == Direction.LEFT_TO_RIGHT ? c.right() : c.left();
        results.clear();
        work.run(() -> PromotionPlan.of(c, chosen, options, target instanceof Side.Live live
                ? new KeyCatalog(live.clients()).listIfAllowed() : List.of()), plan::set);
    }

    /** Applies the plan shown, item by item; each result joins {@link #results()} as it is known. */
    public void apply() {
        PromotionPlan p = plan.get();
        if (p == null) {
            message.set("Make a plan first.");
            return;
        }
        cancelled.set(false);
        results.clear();
        work.run(() -> new Promotion(p).apply(result -> background.later(() -> results.add(result)), cancelled::get), done -> {
            long ok = done.stream().filter(r -> r.outcome() == Outcome.DONE).count();
            message.set(ok + " of " + done.size() + " items done.");
        });
    }
}
