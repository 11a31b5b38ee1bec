package dev.coffer.ui.kit;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * What the parameter and the secret editor share: the current item is loaded, the user's draft is
 * checked against the rules at every change and marked changed, and Save sends it with a check
 * that nobody changed the item meanwhile. Whatever AWS answers (a conflict, a refusal, no
 * network, an expired sign-in), the draft stays as it is, with a message that says what to do.
 *
 * @param <T> what is edited, as the store lists it (a parameter, a secret)
 * @param <C> the exception the store throws when the item changed since it was loaded
 */
public final class EditorState<T, C extends RuntimeException> {

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final Optional<T> existing;
    private final Class<C> conflictType;
    private final Function<C, String> conflictMessage;
    private final Supplier<List<Problem>> rules;
    private Runnable onEdit = () -> { };

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<C> conflict = new SimpleObjectProperty<>();
    private final BooleanBinding canSave;

    /**
     * @param existing        the item edited; empty for a new one
     * @param conflictMessage what the message says when the store reports a conflict
     * @param rules           every problem of the draft as it stands
     */
    public EditorState(Background background, ClientFactory clients, Optional<T> existing, Class<C> conflictType,
                       Function<C, String> conflictMessage, Supplier<List<Problem>> rules) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.existing = existing;
        this.conflictType = conflictType;
        this.conflictMessage = conflictMessage;
        this.rules = rules;
        canSave = Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get() && loaded.get() && dirty.get(),
                problems, busy, loaded, dirty);
    }

    /** Every change of these marks the draft changed (once the item is loaded) and checks it again. */
    public void watch(Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(x -> {
                if (loaded.get()) {
                    dirty.set(true);
                    onEdit.run();
                }
                check();
            });
        }
    }

    /** Runs after every change the user makes to a loaded draft. */
    public void onEdit(Runnable hook) {
        onEdit = hook;
    }

    /** A new item: there is nothing to load, and the draft is unsaved from the start. */
    public void startNew() {
        loaded.set(true);
        dirty.set(true);
        check();
    }

    /**
     * Reads the item as it is now, then hands it to {@code fill} on the UI thread; the draft
     * counts as unchanged until the user edits it. When the read fails, the editor can't save.
     */
    public <L> void load(Callable<L> read, Consumer<L> fill) {
        message.set("Loading the current value…");
        work.run(read, item -> {
            message.set("");
            fill.accept(item);
            loaded.set(true);
            check();
        });
    }

    /** Lists the KMS keys {@code service} can encrypt with, for the key picker. */
    public void loadKeys(String service) {
        background.run(() -> KeyCatalog.forService(new KeyCatalog(clients).list(), service), keys::setAll,
                error -> message.set("Could not list KMS keys: " + AwsErrors.explain(error).summary()));
    }

    /** Checks the draft against the rules again. */
    public void check() {
        problems.setAll(rules.get());
    }

    /**
     * Saves the draft when it can be saved. {@code call} makes the store's call; it gets the other
     * change the user chose to save over ({@code overwrite}), or empty for a plain save. On success
     * {@code saved} gets the call's result; on a conflict the draft stays and the conflict shows;
     * problems the store found show beside their fields; any other failure keeps the draft with
     * AWS's reason and what to do.
     */
    public <R> void save(boolean overwrite, Function<Optional<C>, Callable<R>> call, Consumer<R> saved) {
        check();
        if (!canSave.get()) {
            return;
        }
        Callable<R> step = call.apply(overwrite ? Optional.ofNullable(conflict.get()) : Optional.empty());
        message.set("Saving…");
        conflict.set(null);
        work.run(step, result -> {
            message.set("");
            dirty.set(false);
            saved.accept(result);
        }, error -> {
            if (conflictType.isInstance(error)) {
                C c = conflictType.cast(error);
                conflict.set(c);
                message.set(conflictMessage.apply(c));
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

    /** The item edited, as it was listed when the editor opened; empty for a new one. */
    public Optional<T> existing() {
        return existing;
    }

    /** How the window names the connection the editor saves to. */
    public String connectionLabel() {
        return clients.session().connection().label();
    }

    /** Problems of one field (and its sub-fields, such as tag[2].key), one per line. */
    public StringBinding problemsOf(String field) {
        return FieldProblems.of(problems, field);
    }

    /** "1 problem", "3 problems", or empty. */
    public StringBinding problemCount() {
        return Bindings.createStringBinding(() -> problems.isEmpty() ? ""
                : problems.size() == 1 ? "1 problem" : problems.size() + " problems", problems);
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ObservableList<KmsKey> keys() {
        return keys;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<C> conflictProperty() {
        return conflict;
    }

    public BooleanBinding canSave() {
        return canSave;
    }
}
