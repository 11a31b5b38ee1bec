package dev.coffer.ui.kit.versions;

import dev.coffer.aws.Problem;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.controls.Comparison;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An item's versions, newest first, as its {@link VersionSource} reads them: any two compared line
 * by line (a value stays masked until the user reveals the values, when the source keeps them
 * secret), restoring one, and adding, moving and removing labels with the rules checked before any
 * call. In a read-only window it only reads.
 */
public final class VersionBrowserViewModel<V> {

    private final BusyWork work;
    private final VersionSource<V> source;
    private final boolean readOnly;
    private final Runnable onChanged;
    private final ObservableList<V> versions = FXCollections.observableArrayList();
    /** As read, newest first, whatever order the table sorts them in. */
    private List<V> newestFirst = List.of();
    private final ObservableList<V> selected = FXCollections.observableArrayList();
    private final ObservableList<Comparison.Line> diff = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanBinding canEditLabels;
    private final BooleanBinding canRestore;

    /**
     * @param readOnly  the window changes nothing (audit mode): restoring and labels are not offered
     * @param onChanged runs after each change, so the main window can read the item again
     */
    public VersionBrowserViewModel(Background background, VersionSource<V> source, boolean readOnly, Runnable onChanged) {
        this.work = new BusyWork(background, loading, message::set);
        this.source = source;
        this.readOnly = readOnly;
        this.onChanged = onChanged;
        canEditLabels = Bindings.createBooleanBinding(() -> !readOnly && selected.size() == 1 && !loading.get(), selected, loading);
        canRestore = Bindings.createBooleanBinding(() -> canEditLabels.get() && source.canRestore(selected.get(0), newestFirst),
                canEditLabels, versions);
    }

    public VersionSource<V> source() {
        return source;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Reads the versions again, with their values when the source shows them at once or the user revealed them. */
    public void load() {
        boolean values = source.valuesShownAtOnce() || revealed.get();
        work.run(() -> source.versions(values), list -> {
            newestFirst = List.copyOf(list);
            selected.clear();
            diff.clear();
            versions.setAll(list);
            warning.set(source.warning(list).orElse(""));
        });
    }

    /** Whether the values are secret until the user reveals them. */
    public boolean revealOffered() {
        return !source.valuesShownAtOnce();
    }

    /** Reads every version's value (a read), so that the comparison shows them. */
    public void reveal() {
        revealed.set(true);
        load();
    }

    /**
     * Compares what the user selected: two versions with each other, older first; one version
     * with the one before it.
     */
    public void select(List<V> chosen) {
        selected.setAll(chosen);
        if (chosen.size() == 2) {
            compare(chosen.get(0), chosen.get(1));
            return;
        }
        int at = chosen.size() == 1 ? newestFirst.indexOf(chosen.get(0)) : -1;
        if (at >= 0 && at + 1 < newestFirst.size()) {
            compare(newestFirst.get(at + 1), chosen.get(0));
        } else {
            diff.clear();
        }
    }

    private void compare(V a, V b) {
        V older = newestFirst.indexOf(a) >= newestFirst.indexOf(b) ? a : b;
        V newer = older == a ? b : a;
        diff.setAll(Comparison.of(source.compared(older, revealed.get()), source.compared(newer, revealed.get())));
        diff.add(0, new Comparison.Line(Comparison.Kind.NOTE, "Version " + source.name(older) + " → version " + source.name(newer)));
    }

    /** Restores a version, after the user confirmed {@link VersionSource#restoreConfirmation}. */
    public void restore(V version) {
        change(() -> source.restore(version));
    }

    /** The source's extra change: planned, shown to {@code confirm}, then made if confirmed. */
    public void runExtraChange(Predicate<VersionSource.Confirmation> confirm) {
        source.extraChange().ifPresent(change -> runPlanned(change, confirm));
    }

    private <P> void runPlanned(VersionSource.PlannedChange<P> change, Predicate<VersionSource.Confirmation> confirm) {
        message.set("");
        work.run(change::plan, plan -> {
            if (confirm.test(change.confirmation(plan))) {
                change(() -> change.apply(plan));
            }
        });
    }

    /** Runs a change in the background; then says what was done and reads the versions again. */
    private void change(Callable<String> call) {
        if (readOnly) {
            return;
        }
        message.set("");
        work.run(call, done -> {
            message.set(done);
            onChanged.run();
            load();
        });
    }

    /** The labels of one version, and a label being typed for it. */
    public LabelEditor labels(V version) {
        return new LabelEditor(version);
    }

    public ObservableList<V> versions() {
        return versions;
    }

    public ObservableList<Comparison.Line> diff() {
        return diff;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    /** Exactly one version is selected, nothing is running, and the window may change things. */
    public BooleanBinding canEditLabels() {
        return canEditLabels;
    }

    /** As {@link #canEditLabels()}, and restoring the selected version would change something. */
    public BooleanBinding canRestore() {
        return canRestore;
    }

    /** The labels dialog of one version: its labels, and one being typed, checked as it is typed. */
    public final class LabelEditor {

        private final V version;
        private final StringProperty typed = new SimpleStringProperty("");
        private final StringBinding problems;
        private final StringBinding moves;
        private final BooleanBinding canAdd;

        private LabelEditor(V version) {
            this.version = version;
            problems = Bindings.createStringBinding(() -> String.join("\n", check().stream().map(Problem::message).toList()), typed);
            moves = Bindings.createStringBinding(() -> label().isEmpty() || !check().isEmpty() ? "" : carrier()
                    .map(v -> "\"" + label() + "\" is on version " + source.name(v) + " now; adding it here moves it.").orElse(""), typed);
            canAdd = Bindings.createBooleanBinding(() -> !readOnly && !label().isEmpty() && check().isEmpty(), typed);
        }

        private String label() {
            return source.label(typed.get() == null ? "" : typed.get());
        }

        private List<Problem> check() {
            return label().isEmpty() ? List.of() : source.checkLabel(label(), version, newestFirst);
        }

        /** The version that carries the label now, when another one does (adding moves it from there). */
        private Optional<V> carrier() {
            return newestFirst.stream().filter(v -> v != version && source.labels(v).contains(label())).findFirst();
        }

        public List<String> labels() {
            return source.labels(version);
        }

        public boolean canRemove(String label) {
            return !readOnly && label != null && source.canRemoveLabel(label);
        }

        /** Puts the typed label on the version, when it passes the rules. */
        public void add() {
            if (canAdd.get()) {
                String label = label();
                change(() -> source.addLabel(version, label));
            }
        }

        public void remove(String label) {
            if (canRemove(label)) {
                change(() -> source.removeLabel(version, label));
            }
        }

        public StringProperty typedProperty() {
            return typed;
        }

        /** Every problem of the typed label, one a line; empty when it may be added. */
        public StringBinding problems() {
            return problems;
        }

        /** Says which version the typed label moves from. */
        public StringBinding moves() {
            return moves;
        }

        public BooleanBinding canAdd() {
            return canAdd;
        }
    }
}
