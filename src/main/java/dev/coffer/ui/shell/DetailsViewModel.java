package dev.coffer.ui.shell;
import dev.coffer.about.Version;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.Parameter;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected parameter or secret. Metadata shows at once; tags and the value are
 * fetched only when needed. A String or StringList value shows on selection, outside audit mode
 * (fetched once, without KMS, together with the others selected meanwhile); a SecureString, a
 * secret, and in audit mode every value, only after the user asks to reveal it.
 */
public final class DetailsViewModel {

    /** One labelled line of the details. */
    public record Field(String label, String value) {
    }

    public enum ValueState { NONE, MASKED, LOADING, REVEALED }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Plain values kept for parameters selected before: enough for a session's browsing. */
    private static final int KEPT_VALUES = 500;
    /** Names one GetParameters call takes. */
    private static final int VALUE_BATCH = 10;

    /** A plain value as fetched for one version of a parameter. */
    private record PlainValue(long version, SecretText text) {
    }

    private final Background background;
    private final Supplier<OpenConnection> connection;
    private final BooleanSupplier readOnly;
    private final Consumer<Throwable> onError;

    private final ObjectProperty<Selection> shown = new SimpleObjectProperty<>(Selection.NONE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private final BooleanProperty tagsLoading = new SimpleBooleanProperty();
    private final ObjectProperty<ValueState> valueState = new SimpleObjectProperty<>(ValueState.NONE);
    private final StringProperty value = new SimpleStringProperty("");
    private final ObservableList<Field> valueFields = FXCollections.observableArrayList();
    private int request;

    private final Map<String, PlainValue> plainValues = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlainValue> eldest) {
            return size() > KEPT_VALUES;
        }
    };
    /** Whose values {@link #plainValues} holds: a new connection or a refresh starts afresh. */
    private OpenConnection valuesOf;
    /** Parameters whose plain values wait for the next GetParameters, by name, with the version selected. */
    private final Map<String, Long> wanted = new LinkedHashMap<>();
    private boolean fetching;

    /** @param readOnly whether the window is in audit mode, where every value fetched is a logged reveal */
    DetailsViewModel(Background background, Supplier<OpenConnection> connection, BooleanSupplier readOnly, Consumer<Throwable> onError) {
        this.background = background;
        this.connection = connection;
        this.readOnly = readOnly;
        this.onError = onError;
    }

    /** What the details show: a parameter, a secret, or nothing. */
    public ReadOnlyObjectProperty<Selection> shownProperty() {
        return shown;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<Tag> tags() {
        return tags;
    }

    public BooleanProperty tagsLoadingProperty() {
        return tagsLoading;
    }

    public ObjectProperty<ValueState> valueStateProperty() {
        return valueState;
    }

    /** The revealed value as text; empty while masked. */
    public StringProperty valueProperty() {
        return value;
    }

    /** The revealed value's keys and values when it is a JSON object (database secrets). */
    public ObservableList<Field> valueFields() {
        return valueFields;
    }

    public void clear() {
        request++;
        shown.set(Selection.NONE);
        title.set("");
        kind.set("");
        fields.clear();
        tags.clear();
        tagsLoading.set(false);
        hide();
        valueState.set(ValueState.NONE);
    }

    public void show(Parameter p) {
        clear();
        shown.set(new Selection.ParameterSelection(p));
        title.set(p.name());
        kind.set("Parameter");
        List<Field> f = new ArrayList<>();
        f.add(new Field("Type", p.type().awsName()));
        f.add(new Field("Tier", p.tier().awsName()));
        f.add(new Field("Data type", p.dataType().awsName()));
        f.add(new Field("Version", String.valueOf(p.version())));
        f.add(new Field("Last modified", Formats.dateTime(p.lastModified())
                + (p.lastModifiedUser() == null ? "" : " by " + shortUser(p.lastModifiedUser()))));
        if (p.isSecure()) {
            f.add(new Field("KMS key", p.keyId().orElse("alias/aws/ssm")));
        }
        p.description().ifPresent(d -> f.add(new Field("Description", d)));
        if (!p.policiesJson().isEmpty()) {
            f.add(new Field("Policies", policySummary(p.policiesJson())));
        }
        fields.setAll(f);
        valueState.set(ValueState.MASKED);
        loadTags(c -> c.parameters().tags(p.name()));
        if (!p.isSecure() && !readOnly.getAsBoolean()) {
            showPlainValue(p);
        }
    }

    /** Shows a plain value kept from before, or fetches it with those of the parameters selected meanwhile. */
    private void showPlainValue(Parameter p) {
        OpenConnection c = connection.get();
        if (c == null) {
            return;
        }
        if (c != valuesOf) {
            plainValues.clear();
            wanted.clear();
            valuesOf = c;
        }
        PlainValue kept = plainValues.get(p.name());
        if (kept != null && kept.version() == p.version()) {
            showValue(kept.text());
            return;
        }
        valueState.set(ValueState.LOADING);
        wanted.put(p.name(), p.version());
        fetchWanted(c);
    }

    /** One GetParameters at a time; what is selected while it runs goes in the next. */
    private void fetchWanted(OpenConnection c) {
        if (fetching || wanted.isEmpty() || c != valuesOf) {
            return;
        }
        Map<String, Long> batch = new LinkedHashMap<>();
        for (var it = wanted.entrySet().iterator(); it.hasNext() && batch.size() < VALUE_BATCH; ) {
            var next = it.next();
            batch.put(next.getKey(), next.getValue());
            it.remove();
        }
        fetching = true;
        background.run(() -> c.parameters().plainValues(List.copyOf(batch.keySet())), values -> {
            fetching = false;
            if (c == valuesOf) {
                values.forEach((name, text) -> plainValues.put(name, new PlainValue(batch.get(name), text)));
                fetched(batch.keySet(), null);
                fetchWanted(c);
            }
        }, error -> {
            fetching = false;
            if (c == valuesOf) {
                fetched(batch.keySet(), error);
                fetchWanted(c);
            }
        });
    }

    /** Shows the fetched value when its parameter is still shown and waiting for it. */
    private void fetched(java.util.Set<String> names, Throwable error) {
        if (shown.get() instanceof Selection.ParameterSelection p && names.contains(p.parameter().name())
                && valueState.get() == ValueState.LOADING) {
            PlainValue value = plainValues.get(p.parameter().name());
            if (value != null && value.version() == p.parameter().version()) {
                showValue(value.text());
            } else {
                valueState.set(ValueState.MASKED);
                if (error != null) {
                    onError.accept(error);
                }
            }
        }
    }

    public void show(Secret s) {
        clear();
        shown.set(new Selection.SecretSelection(s));
        title.set(s.name());
        kind.set("Secret");
        List<Field> f = new ArrayList<>();
        s.description().ifPresent(d -> f.add(new Field("Description", d)));
        f.add(new Field("KMS key", s.kmsKeyLabel()));
        f.add(new Field("Created", Formats.dateTime(s.created())));
        f.add(new Field("Last changed", Formats.dateTime(s.lastChanged())));
        f.add(new Field("Last accessed", Formats.date(s.lastAccessed())));
        f.add(new Field("Rotation", s.rotationEnabled() ? "On" + s.rotationSchedule().map(r -> ", " + r).orElse("") : "Off"));
        if (s.rotationEnabled()) {
            f.add(new Field("Last rotated", Formats.dateTime(s.lastRotated())));
            f.add(new Field("Next rotation", Formats.dateTime(s.nextRotation())));
            s.rotationLambdaArn().ifPresent(a -> f.add(new Field("Rotation function", a)));
        }
        s.owningService().ifPresent(o -> f.add(new Field("Managed by", o)));
        s.deletedDate().ifPresent(d -> f.add(new Field("Scheduled deletion", Formats.dateTime(d))));
        f.add(new Field("ARN", s.arn()));
        fields.setAll(f);
        tags.setAll(s.tags());
        valueState.set(ValueState.MASKED);
    }

    /** Fetches the value of the selected item and shows it. */
    public void reveal() {
        Selection item = shown.get();
        OpenConnection c = connection.get();
        if (item instanceof Selection.None || c == null || valueState.get() == ValueState.LOADING || valueState.get() == ValueState.REVEALED) {
            return;
        }
        int mine = request;
        valueState.set(ValueState.LOADING);
        background.run(() -> fetch(c, item), text -> {
            // Shown only if the same item is still selected and the user did not hide it meanwhile.
            if (mine == request && valueState.get() == ValueState.LOADING) {
                showValue(text);
            }
        }, error -> {
            if (mine == request && valueState.get() == ValueState.LOADING) {
                valueState.set(ValueState.MASKED);
                onError.accept(error);
            }
        });
    }

    /** Masks the value again and forgets it. */
    public void hide() {
        value.set("");
        valueFields.clear();
        if (valueState.get() == ValueState.REVEALED || valueState.get() == ValueState.LOADING) {
            valueState.set(ValueState.MASKED);
        }
    }

    public void toggleReveal() {
        if (valueState.get() == ValueState.REVEALED) {
            hide();
        } else {
            reveal();
        }
    }

    private static SecretText fetch(OpenConnection c, Selection item) {
        if (item instanceof Selection.ParameterSelection p) {
            return c.parameters().value(p.parameter().name());
        }
        Secret s = ((Selection.SecretSelection) item).secret();
        SecretValue v = c.secrets().value(s.arn());
        return v.text().orElseGet(() -> SecretText.of(
                "Binary value: " + v.binarySize() + " bytes, SHA-256 " + v.binarySha256()));
    }

    private void showValue(SecretText text) {
        String plain = text.reveal();
        value.set(plain);
        valueFields.setAll(jsonFields(plain));
        valueState.set(ValueState.REVEALED);
    }

    private static List<Field> jsonFields(String text) {
        String t = text.trim();
        if (!t.startsWith("{")) {
            return List.of();
        }
        try {
            JsonNode node = JSON.readTree(t);
            List<Field> result = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                result.add(new Field(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
            return result;
        } catch (Exception e) {
            return List.of();
        }
    }

    private void loadTags(java.util.function.Function<OpenConnection, List<Tag>> fetch) {
        OpenConnection c = connection.get();
        if (c == null) {
            return;
        }
        int mine = request;
        tagsLoading.set(true);
        background.run(() -> fetch.apply(c), list -> {
            if (mine == request) {
                tags.setAll(list);
                tagsLoading.set(false);
            }
        }, error -> {
            if (mine == request) {
                tagsLoading.set(false);
                onError.accept(error);
            }
        });
    }

    /** Policies in words ("Expires 2026-12-02 21:34 UTC; notifies 15 days before expiry"), or as sent when unreadable. */
    private static String policySummary(String json) {
        try {
            return ParameterPolicies.parse(json).summary();
        } catch (IllegalArgumentException unreadable) {
            return json;
        }
    }

    /** "arn:aws:sts::123:assumed-role/Admin/alice" reads better as "Admin/alice". */
    private static String shortUser(String arn) {
        int slash = arn.indexOf('/');
        return !arn.startsWith("arn:") || slash < 0 ? arn : arn.substring(slash + 1);
    }
}
