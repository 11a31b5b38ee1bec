package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
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
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.FieldProblems;
import dev.coffer.ui.kit.controls.TagRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * all problems at once, and keeps the draft whatever AWS answers.
 */
public final class ParameterEditorViewModel {

    /** The data types the editor offers (aws:ssm:integration parameters are made by Systems Manager itself). */
    public static final List<ParameterDataType> DATA_TYPES = List.of(ParameterDataType.TEXT, ParameterDataType.EC2_IMAGE);

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final ParameterStore parameters;
    private final Optional<Parameter> existing;
    private OptionalLong expectedVersion = OptionalLong.empty();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<ParameterType> type = new SimpleObjectProperty<>(ParameterType.STRING);
    private final ObjectProperty<ParameterDataType> dataType = new SimpleObjectProperty<>(ParameterDataType.TEXT);
    private final ObjectProperty<ParameterTier> tier = new SimpleObjectProperty<>(ParameterTier.STANDARD);
    private final ObjectProperty<Optional<String>> keyId = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty value = new SimpleStringProperty("");
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList(r -> new Observable[] {r.keyProperty(), r.valueProperty()});
    private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();

    private final BooleanProperty expires = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> expiryDate = new SimpleObjectProperty<>();
    private final StringProperty expiryTime = new SimpleStringProperty("00:00");
    private final BooleanProperty notifyBeforeExpiry = new SimpleBooleanProperty();
    private final IntegerProperty notifyBeforeAmount = new SimpleIntegerProperty(15);
    private final ObjectProperty<ParameterPolicies.Unit> notifyBeforeUnit = new SimpleObjectProperty<>(ParameterPolicies.Unit.DAYS);
    private final BooleanProperty notifyUnchanged = new SimpleBooleanProperty();
    private final IntegerProperty notifyUnchangedAmount = new SimpleIntegerProperty(30);
    private final ObjectProperty<ParameterPolicies.Unit> notifyUnchangedUnit = new SimpleObjectProperty<>(ParameterPolicies.Unit.DAYS);

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<ParameterConflictException> conflict = new SimpleObjectProperty<>();
    private final BooleanBinding canSave;

    private ParameterEditorViewModel(Background background, ClientFactory clients, ParameterStore parameters, Optional<Parameter> existing) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.parameters = parameters;
        this.existing = existing;
        Observable[] inputs = {name, description, type, dataType, tier, keyId, value, tags, expires, expiryDate, expiryTime,
            notifyBeforeExpiry, notifyBeforeAmount, notifyBeforeUnit, notifyUnchanged, notifyUnchangedAmount, notifyUnchangedUnit};
        for (Observable o : inputs) {
            o.addListener(x -> {
                if (loaded.get()) {
                    dirty.set(true);
                }
                validate();
            });
        }
        canSave = Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get() && loaded.get() && dirty.get(),
                problems, busy, loaded, dirty);
    }

    /** A new parameter, its name starting with the folder the user had selected. */
    public static ParameterEditorViewModel create(Background background, ClientFactory clients, ParameterStore parameters, String folderPath) {
        ParameterEditorViewModel vm = new ParameterEditorViewModel(background, clients, parameters, Optional.empty());
        vm.name.set(folderPath == null || folderPath.equals("/") ? "/" : folderPath + "/");
        vm.loaded.set(true);
        vm.dirty.set(true);
        vm.loadKeys();
        vm.validate();
        return vm;
    }

    /** Edits an existing parameter: its current value and tags are fetched first. */
    public static ParameterEditorViewModel edit(Background background, ClientFactory clients, ParameterStore parameters, Parameter parameter) {
        ParameterEditorViewModel vm = new ParameterEditorViewModel(background, clients, parameters, Optional.of(parameter));
        vm.fill(parameter);
        vm.busy.set(true);
        vm.message.set("Loading the current value…");
        background.run(() -> new Loaded(parameters.current(parameter.name()), parameters.tags(parameter.name())),
                result -> {
                    vm.value.set(result.value().value().reveal());
                    vm.tags.setAll(result.tags().stream().map(TagRow::of).toList());
                    vm.expectedVersion = OptionalLong.of(result.value().version());
                    vm.busy.set(false);
                    vm.message.set("");
                    vm.loaded.set(true);
                    vm.validate();
                }, error -> {
                    vm.busy.set(false);
                    vm.message.set(AwsErrors.explain(error).text());
                });
        vm.loadKeys();
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
            message.set("This parameter's policies could not be read; saving keeps them unless you set new ones.");
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

    private void loadKeys() {
        background.run(() -> KeyCatalog.forService(new KeyCatalog(clients).list(), "ssm"), keys::setAll,
                error -> message.set("Could not list KMS keys: " + AwsErrors.explain(error).summary()));
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

    private void validate() {
        List<Problem> found = new java.util.ArrayList<>(ParameterRules.check(draft(), existing));
        ParameterPolicies p = policies();
        found.addAll(p.check(Instant.now()).stream().filter(x -> !found.contains(x)).toList());
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
        problems.setAll(found);
    }

    /** Problems of one field (and its sub-fields, such as tag[2].key), one per line. */
    public StringBinding problemsOf(String field) {
        return FieldProblems.of(problems, field);
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

    /** Choosing Advanced for a parameter that is not Advanced yet cannot be undone. */
    public BooleanBinding advancedWarning() {
        return Bindings.createBooleanBinding(() -> tier.get() == ParameterTier.ADVANCED
                && !existing.map(p -> p.tier() == ParameterTier.ADVANCED).orElse(false), tier);
    }

    public BooleanBinding policiesAllowed() {
        return Bindings.createBooleanBinding(() -> tier.get() != ParameterTier.STANDARD, tier);
    }

    /**
     * Saves the draft. On success {@code onSaved} gets the new version; a changed parameter shows
     * the conflict instead of overwriting; any other error keeps the draft with a message.
     */
    public void save(Consumer<Long> onSaved) {
        save(onSaved, false);
    }

    /** Saves after the user saw the other change and chose to overwrite it. */
    public void overwrite(Consumer<Long> onSaved) {
        save(onSaved, true);
    }

    private void save(Consumer<Long> onSaved, boolean overwriteConflict) {
        validate();
        if (!problems.isEmpty() || busy.get()) {
            return;
        }
        ParameterDraft draft = draft();
        OptionalLong expected = overwriteConflict && conflict.get() != null
                ? OptionalLong.of(conflict.get().current().version()) : expectedVersion;
        message.set("Saving…");
        conflict.set(null);
        work.run(() -> parameters.put(draft, expected), version -> {
            message.set("");
            expectedVersion = OptionalLong.of(version);
            dirty.set(false);
            onSaved.accept(version);
        }, error -> {
            if (error instanceof ParameterConflictException c) {
                conflict.set(c);
                message.set(isNew() ? "A parameter with this name already exists (version " + c.current().version()
                        + "). Choose another name, or overwrite it after reviewing its value."
                        : "This parameter changed since you opened it (now version " + c.current().version()
                        + "). Review the other change before saving.");
            } else if (error instanceof InvalidDraftException invalid) {
                problems.setAll(invalid.problems());
                message.set("Fix the problems below, then save.");
            } else {
                message.set(AwsErrors.explain(error).text() + " Your changes are still here.");
            }
        });
    }

    public boolean isNew() {
        return existing.isEmpty();
    }

    public Optional<Parameter> existing() {
        return existing;
    }

    public ParameterStore parameters() {
        return parameters;
    }

    /** How the window names the connection the editor saves to. */
    public String connectionLabel() {
        return clients.session().connection().label();
    }

    public Background background() {
        return background;
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

    public ObservableList<KmsKey> keys() {
        return keys;
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

    public ObservableList<Problem> problems() {
        return problems;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<ParameterConflictException> conflictProperty() {
        return conflict;
    }
}
