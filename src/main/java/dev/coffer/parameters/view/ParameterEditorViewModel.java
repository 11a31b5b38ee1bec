package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.parameters.ParameterValue;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.EditorState;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.TagRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A parameter draft being created or edited. Validates every change against AWS's rules, shows
 * all problems at once, and keeps the draft whatever AWS answers ({@link EditorState}).
 */
public final class ParameterEditorViewModel {

    /** The data types the editor offers (aws:ssm:integration parameters are made by Systems Manager itself). */
    public static final List<ParameterDataType> DATA_TYPES = List.of(ParameterDataType.TEXT, ParameterDataType.EC2_IMAGE);
    static final String MASKED = "••••••••";

    private final Background background;
    private final ParameterStore parameters;
    private final EditorState<Parameter, ParameterConflictException> state;
    private OptionalLong expectedVersion = OptionalLong.empty();
    private boolean unreadablePolicies;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<ParameterType> type = new SimpleObjectProperty<>(ParameterType.STRING);
    private final ObjectProperty<ParameterDataType> dataType = new SimpleObjectProperty<>(ParameterDataType.TEXT);
    private final ObjectProperty<ParameterTier> tier = new SimpleObjectProperty<>(ParameterTier.STANDARD);
    private final ObjectProperty<Optional<String>> keyId = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty value = new SimpleStringProperty("");
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList(r -> new Observable[] {r.keyProperty(), r.valueProperty()});

    private final BooleanProperty expires = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> expiryDate = new SimpleObjectProperty<>();
    private final StringProperty expiryTime = new SimpleStringProperty("00:00");
    private final BooleanProperty notifyBeforeExpiry = new SimpleBooleanProperty();
    private final IntegerProperty notifyBeforeAmount = new SimpleIntegerProperty(15);
    private final ObjectProperty<ParameterPolicies.Unit> notifyBeforeUnit = new SimpleObjectProperty<>(ParameterPolicies.Unit.DAYS);
    private final BooleanProperty notifyUnchanged = new SimpleBooleanProperty();
    private final IntegerProperty notifyUnchangedAmount = new SimpleIntegerProperty(30);
    private final ObjectProperty<ParameterPolicies.Unit> notifyUnchangedUnit = new SimpleObjectProperty<>(ParameterPolicies.Unit.DAYS);

    private final StringProperty conflictText = new SimpleStringProperty("");
    private final StringProperty conflictValue = new SimpleStringProperty(MASKED);

    private ParameterEditorViewModel(Background background, ClientFactory clients, ParameterStore parameters, Optional<Parameter> existing) {
        this.background = background;
        this.parameters = parameters;
        this.state = new EditorState<>(background, clients, existing, ParameterConflictException.class, this::conflictMessage,
                this::problems);
        state.watch(name, description, type, dataType, tier, keyId, value, tags, expires, expiryDate, expiryTime,
                notifyBeforeExpiry, notifyBeforeAmount, notifyBeforeUnit, notifyUnchanged, notifyUnchangedAmount, notifyUnchangedUnit);
        state.conflictProperty().addListener((obs, old, c) -> showConflict(c));
    }

    /** A new parameter, its name starting with the folder the user had selected. */
    public static ParameterEditorViewModel create(Background background, ClientFactory clients, ParameterStore parameters, String folderPath) {
        ParameterEditorViewModel vm = new ParameterEditorViewModel(background, clients, parameters, Optional.empty());
        vm.name.set(folderPath == null || folderPath.equals("/") ? "/" : folderPath + "/");
        vm.state.startNew();
        vm.state.loadKeys("ssm");
        return vm;
    }

    /** Edits an existing parameter: its current value and tags are fetched first. */
    public static ParameterEditorViewModel edit(Background background, ClientFactory clients, ParameterStore parameters, Parameter parameter) {
        ParameterEditorViewModel vm = new ParameterEditorViewModel(background, clients, parameters, Optional.of(parameter));
        vm.fill(parameter);
        vm.state.load(() -> new Loaded(parameters.current(parameter.name()), parameters.tags(parameter.name())), vm::fill);
        vm.state.loadKeys("ssm");
        return vm;
    }

    private record Loaded(ParameterValue value, List<Tag> tags) {
    }

    private void fill(Parameter p) {
        name.set(p.name());
        description.set(p.description().orElse(""));
        type.set(p.type());
        dataType.set(p.dataType());
        tier.set(p.tier());
        keyId.set(p.keyId());
        ParameterPolicies policies;
        try {
            policies = ParameterPolicies.parse(p.policiesJson());
        } catch (IllegalArgumentException unreadable) {
            // Policies Coffer cannot read are left as they are unless the user sets new ones.
            policies = ParameterPolicies.none();
            unreadablePolicies = true;
        }
        policies.expiration().ifPresent(at -> {
            expires.set(true);
            expiryDate.set(LocalDate.ofInstant(at, ZoneOffset.UTC));
            expiryTime.set(LocalTime.ofInstant(at, ZoneOffset.UTC).toString());
        });
        policies.expirationNotification().ifPresent(n -> {
            notifyBeforeExpiry.set(true);
            notifyBeforeAmount.set(n.amount());
            notifyBeforeUnit.set(n.unit());
        });
        policies.noChangeNotification().ifPresent(n -> {
            notifyUnchanged.set(true);
            notifyUnchangedAmount.set(n.amount());
            notifyUnchangedUnit.set(n.unit());
        });
    }

    private void fill(Loaded loaded) {
        value.set(loaded.value().value().reveal());
        tags.setAll(loaded.tags().stream().map(TagRow::of).toList());
        expectedVersion = OptionalLong.of(loaded.value().version());
        if (unreadablePolicies) {
            state.messageProperty().set("This parameter's policies could not be read; saving keeps them unless you set new ones.");
        }
    }

    /** The draft as it stands; the value is wrapped so it never prints. */
    public ParameterDraft draft() {
        return new ParameterDraft(name.get().trim(), type.get(), SecretText.of(value.get()), description.get(), dataType.get(),
                tier.get(), type.get() == ParameterType.SECURE_STRING ? keyId.get() : Optional.empty(),
                tags.stream().map(TagRow::toTag).toList(), policies());
    }

    private ParameterPolicies policies() {
        Optional<Instant> expiration = Optional.empty();
        if (expires.get() && expiryDate.get() != null) {
            LocalTime time;
            try {
                time = LocalTime.parse(expiryTime.get() == null || expiryTime.get().isBlank() ? "00:00" : expiryTime.get().trim());
            } catch (DateTimeParseException e) {
                time = LocalTime.MIDNIGHT;
            }
            expiration = Optional.of(expiryDate.get().atTime(time).toInstant(ZoneOffset.UTC));
        }
        return new ParameterPolicies(expiration,
                notifyBeforeExpiry.get() ? Optional.of(new ParameterPolicies.Notice(notifyBeforeAmount.get(), notifyBeforeUnit.get())) : Optional.empty(),
                notifyUnchanged.get() ? Optional.of(new ParameterPolicies.Notice(notifyUnchangedAmount.get(), notifyUnchangedUnit.get())) : Optional.empty());
    }

    private List<Problem> problems() {
        List<Problem> found = new ArrayList<>(ParameterRules.check(draft(), state.existing()));
        found.addAll(policies().check(Instant.now()).stream().filter(x -> !found.contains(x)).toList());
        if (expires.get() && expiryDate.get() == null) {
            found.add(new Problem("policies", "Choose the expiration date, or untick Expires."));
        }
        if (expires.get() && expiryTime.get() != null && !expiryTime.get().isBlank()) {
            try {
                LocalTime.parse(expiryTime.get().trim());
            } catch (DateTimeParseException e) {
                found.add(new Problem("policies", "Write the expiration time as HH:mm (UTC), for example 21:30."));
            }
        }
        return found;
    }

    /** "1,234 of 4,096 bytes" for the chosen tier. */
    public StringBinding sizeText() {
        return Bindings.createStringBinding(() -> String.format("%,d of %,d bytes", ParameterRules.sizeInBytes(value.get()),
                ParameterRules.maxBytes(tier.get())), value, tier);
    }

    public BooleanBinding oversize() {
        return Bindings.createBooleanBinding(() -> ParameterRules.sizeInBytes(value.get())
                > ParameterRules.maxBytes(tier.get()), value, tier);
    }

    /** What the value should look like, for the type and data type chosen. */
    public StringBinding valueHint() {
        return Bindings.createStringBinding(() -> switch (type.get()) {
            case STRING_LIST -> "Comma-separated values";
            case SECURE_STRING -> "Encrypted with the KMS key above";
            case STRING -> dataType.get() == ParameterDataType.EC2_IMAGE ? "An AMI ID such as ami-0abcdef1234567890" : "";
        }, type, dataType);
    }

    /** Choosing Advanced for a parameter that is not Advanced yet cannot be undone. */
    public BooleanBinding advancedWarning() {
        return Bindings.createBooleanBinding(() -> tier.get() == ParameterTier.ADVANCED
                && !state.existing().map(p -> p.tier() == ParameterTier.ADVANCED).orElse(false), tier);
    }

    public BooleanBinding policiesAllowed() {
        return Bindings.createBooleanBinding(() -> tier.get() != ParameterTier.STANDARD, tier);
    }

    /**
     * Saves the draft; {@code onSaved} gets the parameter's name. A parameter that changed (or a
     * name that exists) shows the conflict instead of being overwritten.
     */
    public void save(Consumer<String> onSaved) {
        save(false, onSaved);
    }

    /** Saves after the user saw the other change and chose to overwrite it. */
    public void overwrite(Consumer<String> onSaved) {
        save(true, onSaved);
    }

    private void save(boolean overwrite, Consumer<String> onSaved) {
        state.save(overwrite, over -> {
            ParameterDraft draft = draft();
            // Over a deleted parameter: create it anew.
            OptionalLong expected = over.map(c -> c.currentIfExists().map(p -> OptionalLong.of(p.version())).orElse(OptionalLong.empty()))
                    .orElse(expectedVersion);
            return () -> parameters.put(draft, expected);
        }, version -> {
            expectedVersion = OptionalLong.of(version);
            onSaved.accept(draft().name());
        });
    }

    private String conflictMessage(ParameterConflictException c) {
        if (c.deleted()) {
            return "This parameter was deleted since you opened it. Save it again to create it anew, or discard your changes.";
        }
        return state.isNew() ? "A parameter with this name already exists (version " + c.current().version()
                + "). Choose another name, or overwrite it after reviewing its value."
                : "This parameter changed since you opened it (now version " + c.current().version()
                + "). Review the other change before saving.";
    }

    private void showConflict(ParameterConflictException c) {
        if (c == null) {
            return;
        }
        conflictValue.set(MASKED);
        if (c.deleted()) {
            conflictText.set(c.getMessage());
            return;
        }
        String when = Formats.dateTime(c.current().lastModified()) + " by " + c.current().lastModifiedUser();
        conflictText.set(state.isNew()
                ? c.current().name() + " already exists: version " + c.current().version() + ", saved " + when + "."
                : "Someone saved version " + c.current().version() + " on " + when + " after you opened version " + c.expectedVersion() + ".");
    }

    /** Reads the value the other change saved (a read), so the user can compare before overwriting it. */
    public void revealConflictValue() {
        ParameterConflictException c = state.conflictProperty().get();
        if (c == null || c.deleted()) {
            return;
        }
        background.run(() -> parameters.current(c.current().name()).value(), v -> conflictValue.set(v.reveal()),
                error -> conflictValue.set(AwsErrors.explain(error).summary()));
    }

    public EditorState<Parameter, ParameterConflictException> state() {
        return state;
    }

    /** The other change, in words, while there is a conflict. */
    public ReadOnlyStringProperty conflictText() {
        return conflictText;
    }

    /** The other change's value: masked until {@link #revealConflictValue()}. */
    public ReadOnlyStringProperty conflictValue() {
        return conflictValue;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<ParameterType> typeProperty() {
        return type;
    }

    public ObjectProperty<ParameterDataType> dataTypeProperty() {
        return dataType;
    }

    public ObjectProperty<ParameterTier> tierProperty() {
        return tier;
    }

    public ObjectProperty<Optional<String>> keyIdProperty() {
        return keyId;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ObservableList<TagRow> tags() {
        return tags;
    }

    public BooleanProperty expiresProperty() {
        return expires;
    }

    public ObjectProperty<LocalDate> expiryDateProperty() {
        return expiryDate;
    }

    public StringProperty expiryTimeProperty() {
        return expiryTime;
    }

    public BooleanProperty notifyBeforeExpiryProperty() {
        return notifyBeforeExpiry;
    }

    public IntegerProperty notifyBeforeAmountProperty() {
        return notifyBeforeAmount;
    }

    public ObjectProperty<ParameterPolicies.Unit> notifyBeforeUnitProperty() {
        return notifyBeforeUnit;
    }

    public BooleanProperty notifyUnchangedProperty() {
        return notifyUnchanged;
    }

    public IntegerProperty notifyUnchangedAmountProperty() {
        return notifyUnchangedAmount;
    }

    public ObjectProperty<ParameterPolicies.Unit> notifyUnchangedUnitProperty() {
        return notifyUnchangedUnit;
    }

}
