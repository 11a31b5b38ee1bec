package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.secrets.CurrentValue;
import dev.coffer.secrets.DatabaseTemplate;
import dev.coffer.secrets.PasswordOptions;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretConflictException;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretDraft;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.FieldProblems;
import dev.coffer.ui.kit.controls.TagRow;
import java.security.MessageDigest;
import java.util.AbstractMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A secret being created or edited: name, description, KMS key, tags and the value as a key/value
 * grid, plain text or binary. Validated on every change; kept whatever AWS answers.
 */
public final class SecretEditorViewModel {

    /** How the value is edited. */
    public enum Mode { KEY_VALUE, TEXT, BINARY }

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final SecretStore secrets;
    private final Optional<Secret> existing;
    private String expectedVersionId;
    private SecretDraft original;
    /** Reused while the draft is unchanged, so retrying a failed save never makes a second version. */
    private String requestToken = UUID.randomUUID().toString();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<Optional<String>> keyId = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.KEY_VALUE);
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList(r -> new Observable[] {r.keyProperty(), r.valueProperty()});
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<byte[]> binary = new SimpleObjectProperty<>();
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList(r -> new Observable[] {r.keyProperty(), r.valueProperty()});
    private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final StringProperty warnings = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<SecretConflictException> conflict = new SimpleObjectProperty<>();
    private final BooleanBinding canSave;

    private SecretEditorViewModel(Background background, ClientFactory clients, SecretStore secrets, Optional<Secret> existing) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.secrets = secrets;
        this.existing = existing;
        for (Observable o : new Observable[] {name, description, keyId, mode, entries, text, binary, tags}) {
            o.addListener(x -> {
                if (loaded.get()) {
                    dirty.set(true);
                    requestToken = UUID.randomUUID().toString();
                }
                validate();
            });
        }
        canSave = Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get() && loaded.get() && dirty.get(),
                problems, busy, loaded, dirty);
    }

    public static SecretEditorViewModel create(Background background, ClientFactory clients, SecretStore secrets) {
        SecretEditorViewModel vm = new SecretEditorViewModel(background, clients, secrets, Optional.empty());
        vm.entries.add(new EntryRow("", ""));
        vm.loaded.set(true);
        vm.dirty.set(true);
        vm.loadKeys();
        vm.validate();
        return vm;
    }

    /** Edits a secret: its current value, description, key and tags are read first. */
    public static SecretEditorViewModel edit(Background background, ClientFactory clients, SecretStore secrets, Secret secret) {
        return edit(background, clients, secrets, secret, List.of());
    }

    /**
     * Edits a secret and adds the keys it lacks (empty, for the user to fill in) once its value is
     * read; the rotation wizard uses it for the fields AWS's database rotation functions need.
     */
    public static SecretEditorViewModel edit(Background background, ClientFactory clients, SecretStore secrets, Secret secret, List<String> addKeys) {
        SecretEditorViewModel vm = new SecretEditorViewModel(background, clients, secrets, Optional.of(secret));
        vm.name.set(secret.name());
        vm.busy.set(true);
        vm.message.set("Loading the current value…");
        background.run(() -> new Loaded(secrets.describe(secret.arn()), secrets.currentValue(secret.arn())),
                loaded -> {
                    vm.fill(loaded);
                    vm.addKeys(addKeys);
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

    private record Loaded(Secret secret, CurrentValue value) {
    }

    private void fill(Loaded l) {
        description.set(l.secret().description().orElse(""));
        keyId.set(l.secret().kmsKeyId());
        tags.setAll(l.secret().tags().stream().map(TagRow::of).toList());
        showContent(l.value().content());
        expectedVersionId = l.value().versionId();
        original = draft();
    }

    private void addKeys(List<String> keys) {
        if (keys.isEmpty() || mode.get() != Mode.KEY_VALUE) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        entries.forEach(r -> present.add(r.keyProperty().get()));
        keys.stream().filter(k -> !present.contains(k)).forEach(k -> entries.add(new EntryRow(k, "")));
    }

    private void showContent(SecretContent content) {
        if (content instanceof SecretContent.KeyValues kv) {
            entries.setAll(kv.entries().stream().map(e -> new EntryRow(e.getKey(), e.getValue().reveal())).toList());
            mode.set(Mode.KEY_VALUE);
        } else if (content instanceof SecretContent.Text t) {
            text.set(t.text().reveal());
            mode.set(Mode.TEXT);
        } else if (content instanceof SecretContent.Binary b) {
            binary.set(b.bytes());
            mode.set(Mode.BINARY);
        }
    }

    private void loadKeys() {
        background.run(() -> KeyCatalog.forService(new KeyCatalog(clients).list(), "secretsmanager"), keys::setAll,
                error -> message.set("Could not list KMS keys: " + AwsErrors.explain(error).summary()));
    }

    /** The content as the current mode shows it. */
    public SecretContent content() {
        return switch (mode.get()) {
            case KEY_VALUE -> new SecretContent.KeyValues(entries.stream()
                    .map(r -> (Map.Entry<String, SecretText>) new AbstractMap.SimpleImmutableEntry<>(
                            r.keyProperty().get() == null ? "" : r.keyProperty().get().trim(), SecretText.of(r.valueProperty().get())))
                    .toList());
            case TEXT -> new SecretContent.Text(SecretText.of(text.get()));
            case BINARY -> new SecretContent.Binary(binary.get() == null ? new byte[0] : binary.get());
        };
    }

    public SecretDraft draft() {
        return new SecretDraft(name.get().trim(), description.get(), content(), keyId.get(),
                tags.stream().map(TagRow::toTag).toList());
    }

    private void validate() {
        problems.setAll(SecretRules.check(draft()));
        warnings.set(String.join("\n", SecretRules.nameWarnings(name.get().trim())));
    }

    /** Switches how the value is edited, carrying the value across where it fits. */
    public void switchMode(Mode target) {
        if (target == mode.get()) {
            return;
        }
        if (mode.get() == Mode.KEY_VALUE && target == Mode.TEXT) {
            text.set(content() instanceof SecretContent.KeyValues kv && kv.entries().stream().anyMatch(e -> !e.getKey().isEmpty())
                    ? kv.toSecretString() : "");
        } else if (mode.get() == Mode.TEXT && target == Mode.KEY_VALUE) {
            SecretContent parsed = SecretContent.parse(text.get());
            if (parsed instanceof SecretContent.KeyValues kv) {
                entries.setAll(kv.entries().stream().map(e -> new EntryRow(e.getKey(), e.getValue().reveal())).toList());
            } else if (!text.get().isBlank()) {
                message.set("The text is not a JSON object of keys and values; it stays plain text.");
                return;
            }
        }
        message.set("");
        mode.set(target);
    }

    /** Fills the grid with a database template's keys, keeping values already typed for the same keys. */
    public void apply(DatabaseTemplate template) {
        if (mode.get() != Mode.KEY_VALUE) {
            switchMode(Mode.KEY_VALUE);
        }
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        entries.forEach(r -> {
            if (r.keyProperty().get() != null && !r.keyProperty().get().isBlank()) {
                typed.put(r.keyProperty().get().trim(), r.valueProperty().get());
            }
        });
        List<EntryRow> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, String> field : template.fields()) {
            String value = typed.remove(field.getKey());
            rows.add(new EntryRow(field.getKey(), value != null && !value.isEmpty() ? value : field.getValue()));
        }
        typed.forEach((k, v) -> rows.add(new EntryRow(k, v)));
        entries.setAll(rows);
    }

    /** Asks AWS for a random password (GetRandomPassword) and hands it to {@code into}. */
    public void generatePassword(PasswordOptions options, Consumer<String> into) {
        work.run(() -> secrets.randomPassword(options), password -> {
            into.accept(password);
        });
    }

    /**
     * Reads a file into the binary value (off the FX thread); a file larger than a secret can hold
     * is refused before it is read.
     */
    public void loadBinary(java.nio.file.Path file) {
        work.run(() -> {
            long size = java.nio.file.Files.size(file);
            if (size > SecretRules.MAX_VALUE_BYTES) {
                throw new IllegalArgumentException(String.format("%s is %,d bytes, more than a secret's value can hold "
                        + "(%,d bytes); it was not loaded.", file, size, SecretRules.MAX_VALUE_BYTES));
            }
            return java.nio.file.Files.readAllBytes(file);
        }, bytes -> {
            binary.set(bytes);
            message.set("");
        });
    }

    public StringBinding binaryInfo() {
        return Bindings.createStringBinding(() -> {
            byte[] bytes = binary.get();
            if (bytes == null || bytes.length == 0) {
                return "No file loaded. Binary secrets are shown only by size and SHA-256.";
            }
            try {
                return String.format("%,d bytes · SHA-256 %s", bytes.length,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }, binary);
    }

    public StringBinding sizeText() {
        return Bindings.createStringBinding(() -> String.format("%,d of %,d bytes", size(), SecretRules.MAX_VALUE_BYTES),
                mode, entries, text, binary);
    }

    public BooleanBinding oversize() {
        return Bindings.createBooleanBinding(() -> size() > SecretRules.MAX_VALUE_BYTES, mode, entries, text, binary);
    }

    private int size() {
        return content().sizeInBytes();
    }

    public StringBinding problemsOf(String field) {
        return FieldProblems.of(problems, field);
    }

    public void save(Consumer<String> onSaved) {
        save(onSaved, false);
    }

    /** Saves after the user saw that the secret changed and chose to save over it. */
    public void overwrite(Consumer<String> onSaved) {
        save(onSaved, true);
    }

    private void save(Consumer<String> onSaved, boolean overConflict) {
        validate();
        if (!problems.isEmpty() || busy.get()) {
            return;
        }
        SecretDraft draft = draft();
        String token = requestToken;
        String expected = overConflict && conflict.get() != null ? conflict.get().actualVersionId().orElse(expectedVersionId) : expectedVersionId;
        busy.set(true);
        conflict.set(null);
        message.set("Saving…");
        background.run(() -> existing.isEmpty() ? secrets.create(draft, token)
                : secrets.update(existing.get().arn(), draft, expected, original, token), result -> {
                    busy.set(false);
                    dirty.set(false);
                    message.set("");
                    onSaved.accept(draft.name());
                }, error -> {
                    busy.set(false);
                    if (error instanceof SecretConflictException c) {
                        conflict.set(c);
                        message.set("This secret changed since you opened it. Review before saving.");
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

    public Optional<Secret> existing() {
        return existing;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** How the window names the connection the editor saves to. */
    public String connectionLabel() {
        return clients.session().connection().label();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<Optional<String>> keyIdProperty() {
        return keyId;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<EntryRow> entries() {
        return entries;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<TagRow> tags() {
        return tags;
    }

    public ObservableList<KmsKey> keys() {
        return keys;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public StringProperty warningsProperty() {
        return warnings;
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

    public ObjectProperty<SecretConflictException> conflictProperty() {
        return conflict;
    }

}
