package dev.coffer.compare.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
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
import dev.coffer.compare.Rejected;
import dev.coffer.compare.Row;
import dev.coffer.compare.SecretItem;
import dev.coffer.compare.Side;
import dev.coffer.compare.Status;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterType;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretDraft;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.ProgressMessages;
import dev.coffer.ui.kit.Formats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * the row is revealed), and promoting: the options, the plan, then its results item by item. No
 * nodes; every AWS call goes through the {@link Background}.
 *
 * <p>In a read-only (audit) window values are not compared by default, because every value read
 * there is a logged reveal: revealing a row then reads that row's values, which the session's
 * reveal recorder logs like any other reveal. When values are compared anyway, each is logged as
 * it is read.
 */
public final class CompareViewModel {

    /** What a masked value shows. */
    public static final String MASK = "••••••••";
    /** The key choice that maps each source key to the target's key with the same alias: the default. */
    public static final String SAME_ALIAS = "same alias as the source";

    private final Background background;
    private final BusyWork work;
    private final boolean readOnlyWindow;
    private final List<ClientFactory> connections;
    private final SideForm left;
    private final SideForm right;
    private final BooleanProperty includeValues;
    private final BooleanProperty includeTags = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> shownRows = new FilteredList<>(rows);
    private final ObservableSet<Status> shownStatuses = FXCollections.observableSet(EnumSet.complementOf(EnumSet.of(Status.SAME)));
    private final StringProperty filter = new SimpleStringProperty("");
    private final Map<Status, IntegerProperty> counts = new EnumMap<>(Status.class);
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    /** The selected row with its values, once revealed; null while masked. */
    private final ObjectProperty<Row> revealedRow = new SimpleObjectProperty<>();
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.LEFT_TO_RIGHT);
    private final BooleanProperty copyTags = new SimpleBooleanProperty(true);
    private final ObservableList<String> targetKeys = FXCollections.observableArrayList();
    private final ObjectProperty<String> targetKey = new SimpleObjectProperty<>(SAME_ALIAS);
    private final BooleanProperty deleteOnlyOnTarget = new SimpleBooleanProperty();
    private final StringProperty typedTargetRoot = new SimpleStringProperty("");
    private final ObjectProperty<PromotionPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<ItemResult> results = FXCollections.observableArrayList();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param connections    the connections a side may use, the opening window's first: both sides start on it
     * @param readOnlyWindow whether the window it opens from is read-only (audit mode): it then promotes nothing
     * @param leftPath       the folder the left side starts on ("Compare with…" on a folder); "" for none
     */
    public CompareViewModel(Background background, List<ClientFactory> connections, boolean readOnlyWindow, String leftPath) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.readOnlyWindow = readOnlyWindow;
        this.connections = List.copyOf(connections);
        ClientFactory current = connections.isEmpty() ? null : connections.get(0);
        this.left = new SideForm("Left", current, leftPath);
        this.right = new SideForm("Right", current, "");
        this.includeValues = new SimpleBooleanProperty(!readOnlyWindow);
        for (Status s : Status.values()) {
            counts.put(s, new SimpleIntegerProperty());
        }
        shownRows.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            Set<Status> statuses = Set.copyOf(shownStatuses);
            String text = filter.get().trim().toLowerCase(Locale.ROOT);
            return row -> statuses.contains(row.status()) && (text.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(text));
        }, shownStatuses, filter));
        selected.addListener((obs, was, now) -> revealedRow.set(null));
        comparison.addListener((obs, was, now) -> listTargetKeys());
        direction.addListener((obs, was, now) -> listTargetKeys());
    }

    public SideForm left() {
        return left;
    }

    public SideForm right() {
        return right;
    }

    /** The connections a side may use, the opening window's first. */
    public List<ClientFactory> connections() {
        return connections;
    }

    public boolean readOnlyWindow() {
        return readOnlyWindow;
    }

    /** Compare values (masked until revealed); off by default in a read-only window, where each value read is a logged reveal. */
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

    /** The statuses shown; every one but "same" at first. */
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

    /** Whether the selected row's masked values show; masked again whenever another row is selected. */
    public BooleanBinding revealed() {
        return revealedRow.isNotNull();
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public BooleanProperty copyTagsProperty() {
        return copyTags;
    }

    /** {@link #SAME_ALIAS}, then the target's customer keys by label (alias, else id), to choose one for keys the target has no alias of. */
    public ObservableList<String> targetKeys() {
        return targetKeys;
    }

    /** The target key every source customer key goes to; {@link #SAME_ALIAS}: the target's key with the same alias. */
    public ObjectProperty<String> targetKeyProperty() {
        return targetKey;
    }

    public BooleanProperty deleteOnlyOnTargetProperty() {
        return deleteOnlyOnTarget;
    }

    /** The target's root as the user typed it to confirm deleting. */
    public StringProperty typedTargetRootProperty() {
        return typedTargetRoot;
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
        Side l;
        Side r;
        try {
            l = left.side();
            r = right.side();
        } catch (IllegalArgumentException bad) {
            message.set(AwsErrors.explain(bad).text());
            return;
        }
        cancelled.set(false);
        plan.set(null);
        results.clear();
        CompareOptions options = new CompareOptions(includeValues.get(), includeTags.get());
        // Both sides report every page and value batch read: the window shows the latest, ten times a second.
        ProgressMessages progress = new ProgressMessages(background, text -> {
            if (busy.get()) {
                message.set(text);
            }
        });
        work.run(() -> Comparer.compare(l, r, options, progress, cancelled::get), this::show);
    }

    /** Stops a comparison (between pages) or a promotion (between items). */
    public void cancel() {
        cancelled.set(true);
    }

    private void show(Comparison c) {
        selected.set(null);
        comparison.set(c);
        rows.setAll(c.rows());
        c.counts().forEach((status, n) -> counts.get(status).set(n));
        List<Rejected> rejected = new ArrayList<>(c.rejectedLeft());
        rejected.addAll(c.rejectedRight());
        message.set((c.same() ? "Both sides are the same." : c.rows().size() + " items compared.") + (rejected.isEmpty() ? ""
                : " " + Formats.count(rejected.size(), "entry", "entries") + " of the file could not be used and " + (rejected.size() == 1
                ? "was" : "were") + " left out: " + rejected.stream().limit(3).map(Rejected::toString).collect(Collectors.joining("; "))
                + (rejected.size() > 3 ? "; …" : "")));
    }

    /**
     * Shows the selected row's masked values. Values the comparison did not read are read now
     * (logged by an audit session's reveal recorder like any reveal); nothing is written anywhere.
     */
    public void reveal() {
        Row row = selected.get();
        Comparison c = comparison.get();
        if (row == null || c == null) {
            return;
        }
        work.run(() -> withValues(row, c), withValues -> {
            if (row == selected.get()) {
                revealedRow.set(withValues);
            }
        });
    }

    /** Masks the selected row's values again. */
    public void hide() {
        revealedRow.set(null);
    }

    private static Row withValues(Row row, Comparison c) {
        return new Row(row.kind(), row.name(), row.status(), row.differences(), withValue(row.left(), c.left()),
                withValue(row.right(), c.right()));
    }

    private static Optional<Item> withValue(Optional<Item> item, Side side) {
        if (item.isEmpty() || !(side instanceof Side.Live live)) {
            return item;
        }
        if (item.get() instanceof ParameterItem p && p.value().isEmpty()) {
            SecretText value = new ParameterStore(live.clients()).value(p.name());
            return Optional.of(new ParameterItem(p.name(), p.type(), p.tier(), p.dataType(), p.keyId(), p.keyLabel(), p.description(),
                    p.tags(), p.policiesJson(), Optional.of(value), p.version(), p.lastModified()));
        }
        if (item.get() instanceof SecretItem s && s.value().isEmpty()) {
            SecretContent value = new SecretStore(live.clients()).currentValue(s.arn()).content();
            return Optional.of(new SecretItem(s.name(), s.arn(), s.description(), s.keyId(), s.keyLabel(), s.tags(), s.rotation(),
                    s.resourcePolicy(), Optional.of(value), s.currentVersionId()));
        }
        return item;
    }

    /** Whether the row holds a value that stays masked until revealed: a SecureString or a secret, on either side. */
    public static boolean masked(Row row) {
        return Stream.of(row.left(), row.right()).flatMap(Optional::stream)
                .anyMatch(i -> i instanceof SecretItem || i instanceof ParameterItem p && p.isSecure());
    }

    /** The selected row's left side as the diff pane shows it. */
    public StringBinding leftText() {
        return Bindings.createStringBinding(() -> shown(Row::left), selected, revealedRow);
    }

    /** The selected row's right side as the diff pane shows it. */
    public StringBinding rightText() {
        return Bindings.createStringBinding(() -> shown(Row::right), selected, revealedRow);
    }

    private String shown(Function<Row, Optional<Item>> side) {
        if (selected.get() == null) {
            return "";
        }
        return revealedRow.get() == null ? text(side.apply(selected.get()), false) : text(side.apply(revealedRow.get()), true);
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
     * Whether promoting towards a side can be offered: the window may change things, the side is
     * a connection that may, and the comparison read values and tags.
     */
    public BooleanBinding promoteOffered(Direction towards) {
        return Bindings.createBooleanBinding(() -> whyNotPromote(towards).isEmpty(), comparison);
    }

    /** Why promoting in the chosen direction is not offered, for the disabled button's tooltip; "" when it is. */
    public StringBinding whyNotPromote() {
        return Bindings.createStringBinding(() -> whyNotPromote(direction.get()), comparison, direction);
    }

    private String whyNotPromote(Direction towards) {
        if (readOnlyWindow) {
            return "This window is read-only (audit mode): it promotes nothing.";
        }
        Comparison c = comparison.get();
        if (c == null) {
            return "Compare first.";
        }
        if (!c.options().values() || !c.options().tags()) {
            return "Promoting needs a comparison with values and tags: tick both and compare again.";
        }
        Side target = target(c, towards);
        if (!(target instanceof Side.Live live)) {
            return "The target is an export file; promote towards a connection.";
        }
        return live.clients().session().readOnly() ? "The target, " + live.clients().session().label() + ", is read-only (audit mode)." : "";
    }

    private static Side target(Comparison c, Direction towards) {
        return towards == Direction.LEFT_TO_RIGHT ? c.right() : c.left();
    }

    /** Lists the target's KMS keys for the key choice; the same alias stays the default. */
    private void listTargetKeys() {
        targetKeys.setAll(SAME_ALIAS);
        targetKey.set(SAME_ALIAS);
        Comparison c = comparison.get();
        if (c == null || !(target(c, direction.get()) instanceof Side.Live live)) {
            return;
        }
        work.run(() -> new KeyCatalog(live.clients()).listIfAllowed().stream().filter(k -> !k.awsManaged()).map(KmsKey::label).toList(),
                targetKeys::addAll);
    }

    /** Makes the plan for the chosen rows with the options shown (deleting only the chosen rows the target alone has); shown as {@link #planProperty()}. Refused towards a read-only side. */
    public void plan(List<Row> chosen) {
        String whyNot = whyNotPromote(direction.get());
        if (!whyNot.isEmpty()) {
            message.set(whyNot);
            return;
        }
        Comparison c = comparison.get();
        PlanOptions options = new PlanOptions(direction.get(), copyTags.get(), keyMapping(chosen), deleteOnlyOnTarget.get(),
                typedTargetRoot.get());
        Side.Live target = (Side.Live) target(c, direction.get());
        results.clear();
        plan.set(null);
        work.run(() -> PromotionPlan.of(c, List.copyOf(chosen), options, new KeyCatalog(target.clients()).listIfAllowed()), made -> {
            plan.set(made);
            message.set(made.items().size() + " items planned" + (made.complete() ? "." : "; some are skipped, see why in the plan."));
        });
    }

    /** Every customer key of the chosen rows' source side goes to the key chosen for the target, when one is. */
    private Map<String, String> keyMapping(List<Row> chosen) {
        if (targetKey.get() == null || targetKey.get().equals(SAME_ALIAS)) {
            return Map.of();
        }
        boolean leftToRight = direction.get() == Direction.LEFT_TO_RIGHT;
        Map<String, String> mapping = new HashMap<>();
        chosen.stream().map(r -> leftToRight ? r.left() : r.right()).flatMap(Optional::stream)
                .map(i -> i instanceof ParameterItem p ? p.keyLabel().orElse(ParameterStore.DEFAULT_KEY) : ((SecretItem) i).keyLabel())
                .filter(k -> !k.equals(ParameterStore.DEFAULT_KEY) && !k.equals(SecretDraft.DEFAULT_KEY))
                .forEach(k -> mapping.put(k, targetKey.get()));
        return mapping;
    }

    /** Applies the plan shown, item by item; each result joins {@link #results()} as it is known. Cancel stops before the next item. */
    public void apply() {
        PromotionPlan p = plan.get();
        if (p == null) {
            message.set("Review a plan first.");
            return;
        }
        cancelled.set(false);
        results.clear();
        work.run(() -> new Promotion(p).apply(result -> background.later(() -> results.add(result)), cancelled::get),
                done -> message.set(summary(done)));
    }

    /** "2 of 4 items done; 1 failed, 1 skipped." */
    static String summary(List<ItemResult> done) {
        Map<Outcome, Long> by = done.stream().collect(Collectors.groupingBy(ItemResult::outcome, () -> new EnumMap<>(Outcome.class),
                Collectors.counting()));
        String rest = Stream.of(Outcome.FAILED, Outcome.SKIPPED, Outcome.NOT_RUN).filter(by::containsKey)
                .map(o -> by.get(o) + " " + (o == Outcome.NOT_RUN ? "not run (cancelled)" : o.jsonName())).collect(Collectors.joining(", "));
        return by.getOrDefault(Outcome.DONE, 0L) + " of " + done.size() + " items done" + (rest.isEmpty() ? "." : "; " + rest + ".");
    }
}
