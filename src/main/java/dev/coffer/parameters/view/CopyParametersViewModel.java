package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.parameters.CopyIncompleteException;
import dev.coffer.parameters.CopyPlan;
import dev.coffer.parameters.CopyTargetsExistException;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterCopy;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Copying or moving a parameter, or a folder with everything below it, to a new name. The preview
 * follows the typed target; new names that already exist are shown and overwritten only after the
 * user ticked that. ParameterCopy puts every copy first and deletes the old names (for a
 * move) only after every put succeeded.
 */
public final class CopyParametersViewModel {

    /** One parameter's copy as the preview shows it. */
    public record Row(String from, String to, boolean exists) {
    }

    /** What changed in AWS: the names created or overwritten, and the old names deleted by a move. */
    public record Copied(List<String> created, List<String> removed) {
    }

    /** How long typing may pause before the new names are looked up in AWS. */
    private static final Duration CHECK_DELAY = Duration.ofMillis(300);
    private static final int PROBLEMS_SHOWN = 6;

    private final Background background;
    private final BusyWork work;
    private final ParameterStore parameters;
    private final ParameterCopy copy;
    private final String source;
    private final boolean folder;
    private List<String> sourceNames = List.of();
    private CopyPlan plan;
    private int checkGeneration;

    private final StringProperty target = new SimpleStringProperty("");
    private final BooleanProperty move = new SimpleBooleanProperty();
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    private final ObservableList<Row> preview = FXCollections.observableArrayList();
    private final ObservableList<String> existing = FXCollections.observableArrayList();
    private final StringProperty problems = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty checked = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canRun;

    private CopyParametersViewModel(Background background, ParameterStore parameters, String source, boolean folder) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.parameters = parameters;
        this.copy = new ParameterCopy(parameters);
        this.source = source;
        this.folder = folder;
        target.set(source.equals(ParameterPath.ROOT) ? "" : source + "-copy");
        target.addListener((obs, old, text) -> replan());
        canRun = Bindings.createBooleanBinding(() -> loaded.get() && checked.get() && !busy.get() && !done.get()
                && !preview.isEmpty() && (existing.isEmpty() || overwrite.get()), loaded, checked, busy, done, preview, existing, overwrite);
    }

    public static CopyParametersViewModel parameter(Background background, ParameterStore parameters, Parameter parameter) {
        CopyParametersViewModel vm = new CopyParametersViewModel(background, parameters, parameter.name(), false);
        vm.sourceNames = List.of(parameter.name());
        vm.loaded.set(true);
        vm.replan();
        return vm;
    }

    /** A folder: its parameters are listed from AWS first, also those the tree has not loaded. */
    public static CopyParametersViewModel folder(Background background, ParameterStore parameters, String path) {
        CopyParametersViewModel vm = new CopyParametersViewModel(background, parameters, path, true);
        vm.message.set("Listing the parameters in " + path + "…");
        vm.work.run(() -> parameters.describeUnder(path), found -> {
            vm.sourceNames = found.stream().map(Parameter::name).toList();
            vm.loaded.set(true);
            vm.message.set(found.isEmpty() ? "There is nothing in " + path + " to copy." : "");
            vm.replan();
        });
        return vm;
    }

    /** The target as a name prefix: a folder's trailing slashes do not count. */
    private String targetPrefix() {
        String to = target.get() == null ? "" : target.get().trim();
        while (folder && to.endsWith("/")) {
            to = to.substring(0, to.length() - 1);
        }
        return to;
    }

    private String sourcePrefix() {
        return source.equals(ParameterPath.ROOT) ? "" : source;
    }

    private void replan() {
        plan = null;
        // A check still waiting for its delay, or still running, is for an older target.
        int generation = ++checkGeneration;
        checked.set(false);
        // A tick confirms the targets the user saw; new targets need a new tick.
        overwrite.set(false);
        existing.clear();
        problems.set("");
        if (!loaded.get() || done.get() || sourceNames.isEmpty()) {
            preview.clear();
            return;
        }
        String to = targetPrefix();
        if (to.isEmpty() && !folder) {
            preview.clear();
            problems.set("Type the new name.");
            return;
        }
        try {
            plan = ParameterCopy.plan(sourceNames, sourcePrefix(), to);
        } catch (InvalidDraftException invalid) {
            preview.clear();
            List<String> lines = invalid.problems().stream().map(Problem::message).distinct().toList();
            problems.set(String.join("\n", lines.subList(0, Math.min(PROBLEMS_SHOWN, lines.size())))
                    + (lines.size() > PROBLEMS_SHOWN ? "\n… and " + (lines.size() - PROBLEMS_SHOWN) + " more" : ""));
            return;
        }
        preview.setAll(plan.moves().stream().map(m -> new Row(m.from(), m.to(), false)).toList());
        background.after(CHECK_DELAY, () -> checkExisting(generation));
    }

    private void checkExisting(int generation) {
        CopyPlan planned = plan;
        if (generation != checkGeneration || planned == null) {
            return;
        }
        background.run(() -> copy.existingTargets(planned), found -> {
            if (generation == checkGeneration) {
                checked.set(true);
                showExisting(found);
            }
        }, error -> {
            if (generation == checkGeneration) {
                message.set("Could not check the new names: " + AwsErrors.explain(error).text());
            }
        });
    }

    private void showExisting(List<String> found) {
        existing.setAll(found);
        Set<String> exists = new HashSet<>(found);
        preview.setAll(preview.stream().map(r -> new Row(r.from(), r.to(), exists.contains(r.to()))).toList());
    }

    /**
     * Copies (or moves) as previewed, reporting progress. {@code onChanged} runs with what changed
     * in AWS, also after a copy that stopped part way, so the tree can follow.
     */
    public void run(Consumer<Copied> onChanged) {
        if (!canRun.get()) {
            return;
        }
        CopyPlan planned = plan;
        boolean deleteSources = move.get();
        boolean overwriteExisting = overwrite.get();
        int steps = planned.moves().size() + (deleteSources ? 1 : 0);
        int[] copied = {0};
        StringBuilder notDeleted = new StringBuilder();
        progress.set(0);
        message.set((deleteSources ? "Moving " : "Copying ") + Formats.count(planned.moves().size(), "parameter", "parameters") + "…");
        work.run(() -> {
            copy.copy(planned, deleteSources, overwriteExisting, line -> background.later(() -> {
                if (line.startsWith("Copied ")) {
                    copied[0]++;
                } else if (line.startsWith("Not deleted: ")) {
                    notDeleted.append(' ').append(line).append(" (they no longer existed).");
                }
                progress.set((double) (copied[0] + (line.startsWith("Deleted ") ? 1 : 0)) / steps);
                message.set(line);
            }));
            return planned;
        }, finished -> {
            done.set(true);
            progress.set(1);
            String what = Formats.count(finished.moves().size(), "parameter", "parameters");
            message.set((deleteSources ? "Moved " : "Copied ") + what + " to " + shownTarget() + "." + notDeleted);
            onChanged.accept(new Copied(finished.targets(), deleteSources ? finished.sources() : List.of()));
        }, error -> {
            message.set(AwsErrors.explain(error).text());
            if (error instanceof CopyIncompleteException incomplete) {
                done.set(true);
                onChanged.accept(new Copied(incomplete.copied().stream().map(CopyPlan.Move::to).toList(), List.of()));
            } else if (error instanceof CopyTargetsExistException exists) {
                // Someone created some of the new names meanwhile: show them and ask again.
                overwrite.set(false);
                showExisting(exists.existing());
            }
        });
    }

    private String shownTarget() {
        String to = targetPrefix();
        return to.isEmpty() ? ParameterPath.ROOT : to;
    }

    /** The parameter's name or the folder's path being copied. */
    public String source() {
        return source;
    }

    public boolean isFolder() {
        return folder;
    }

    /** The new name (a parameter) or the new folder path (a folder). */
    public StringProperty targetProperty() {
        return target;
    }

    /** Delete the old names once every copy succeeded. */
    public BooleanProperty moveProperty() {
        return move;
    }

    /** The user confirmed overwriting the new names that already exist. */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public ObservableList<Row> preview() {
        return preview;
    }

    /** The new names that already exist, once checked. */
    public ObservableList<String> existing() {
        return existing;
    }

    /** Why the typed target cannot be used; empty when it can. */
    public StringProperty problemsProperty() {
        return problems;
    }

    /** The new names of the current preview have been looked up in AWS. */
    public BooleanProperty checkedProperty() {
        return checked;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The copy ran; the window only reports from now on. */
    public BooleanProperty doneProperty() {
        return done;
    }

    /** 0 to 1 while copying. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canRun() {
        return canRun;
    }
}
