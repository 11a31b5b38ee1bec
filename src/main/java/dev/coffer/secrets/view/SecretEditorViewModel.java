package dev.coffer.secrets.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.secrets.CurrentValue;
import dev.coffer.secrets.Database;
import dev.coffer.secrets.DatabaseCatalog;
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
import dev.coffer.ui.kit.EditorState;
import dev.coffer.ui.kit.Formats;
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
import javafx.beans.property.ObjectProperty;
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

    private final BusyWork work;
    private final Background background;
    private final ClientFactory clients;
    private final SecretStore secrets;
    private final EditorState<Secret, SecretConflictException> state;
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
    private final StringBinding warnings = Bindings.createStringBinding(
            () -> String.join("\n", SecretRules.nameWarnings(name.get().trim())), name);
    private final StringBinding conflictText;

    private SecretEditorViewModel(Background background, ClientFactory clients, SecretStore secrets, Optional<Secret> existing) {
        this.background = background;
        this.clients = clients;
        this.secrets = secrets;
        this.state = new EditorState<>(background, clients, existing, SecretConflictException.class,
                c -> "This secret changed since you opened it. Review before saving.", () -> SecretRules.check(draft()));
        this.work = new BusyWork(background, state.busyProperty(), state.messageProperty()::set);
        state.watch(name, description, keyId, mode, entries, text, binary, tags);
        state.onEdit(() -> requestToken = UUID.randomUUID().toString());
        conflictText = Bindings.createStringBinding(() -> {
            SecretConflictException c = state.conflictProperty().get();
            return c == null ? "" : c.deleted() ? "This secret was deleted or scheduled for deletion after you opened it."
                    : "Someone saved a new value" + c.lastChanged().map(t -> " on " + Formats.dateTime(t)).orElse("")
                    + " after you opened this secret. Saving over it makes yours current; theirs stays as AWSPREVIOUS.";
        }, state.conflictProperty());
    }

    public static SecretEditorViewModel create(Background background, ClientFactory clients, SecretStore secrets) {
        SecretEditorViewModel vm = new SecretEditorViewModel(background, clients, secrets, Optional.empty());
        vm.entries.add(new EntryRow("", ""));
        vm.state.startNew();
        vm.state.loadKeys("secretsmanager");
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
        vm.state.load(() -> new Loaded(secrets.describe(secret.arn()), secrets.currentValue(secret.arn())), loaded -> {
            vm.fill(loaded);
            vm.addKeys(addKeys);
        });
        vm.state.loadKeys("secretsmanager");
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
                state.messageProperty().set("The text is not a JSON object of keys and values; it stays plain text.");
                return;
            }
        }
        state.messageProperty().set("");
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

    /** Pick database: lists the account's databases for this secret (named after one only while it is new). */
    public DatabasePickerViewModel databasePicker() {
        return new DatabasePickerViewModel(background, new DatabaseCatalog(clients), () -> entry("username"),
                state.existing().isEmpty());
    }

    /**
     * Points the secret at the database chosen: its template's keys (values typed for them kept),
     * then engine, host, port and dbname from the database (dbname only when it was created with
     * one); the username and password stay as typed. With {@code nameAfterIt} a new secret gets
     * the proposed name.
     */
    public void useDatabase(DatabasePickerViewModel.Choice choice) {
        Database db = choice.database();
        db.template().ifPresentOrElse(this::apply, () -> apply(DatabaseTemplate.EC2_DATABASE));
        setEntry("engine", db.template().map(DatabaseTemplate::engine).orElse(db.engine()));
        setEntry("host", db.host());
        setEntry("port", db.port() == 0 ? entry("port") : String.valueOf(db.port()));
        if (!db.dbname().isEmpty()) {
            setEntry("dbname", db.dbname());
        }
        if (choice.nameAfterIt() && state.existing().isEmpty()) {
            name.set(db.proposedSecretName(entry("username")));
        }
    }

    /** The value of a key of the grid; empty when there is no such key. */
    private String entry(String key) {
        return entries.stream().filter(r -> key.equals(r.keyProperty().get())).map(r -> r.valueProperty().get())
                .filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    private void setEntry(String key, String value) {
        entries.stream().filter(r -> key.equals(r.keyProperty().get())).findFirst()
                .ifPresentOrElse(r -> r.valueProperty().set(value), () -> entries.add(new EntryRow(key, value)));
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
            state.messageProperty().set("");
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

    /** Saves the draft; {@code onSaved} gets the secret's name. A secret that changed shows the conflict instead. */
    public void save(Consumer<String> onSaved) {
        save(false, onSaved);
    }

    /** Saves after the user saw that the secret changed and chose to save over it. */
    public void overwrite(Consumer<String> onSaved) {
        save(true, onSaved);
    }

    private void save(boolean overwrite, Consumer<String> onSaved) {
        state.save(overwrite, over -> {
            SecretDraft draft = draft();
            String token = requestToken;
            String expected = over.flatMap(SecretConflictException::actualVersionId).orElse(expectedVersionId);
            Optional<Secret> existing = state.existing();
            return () -> existing.isEmpty() ? secrets.create(draft, token)
                    : secrets.update(existing.get().arn(), draft, expected, original, token);
        }, result -> onSaved.accept(draft().name()));
    }

    public EditorState<Secret, SecretConflictException> state() {
        return state;
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

    public StringBinding warnings() {
        return warnings;
    }

    /** The other change, in words, while there is a conflict. */
    public StringBinding conflictText() {
        return conflictText;
    }
}
