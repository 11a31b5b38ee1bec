package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.parameters.ImportPlan;
import dev.coffer.parameters.ParameterImport;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Importing a Coffer export file into a folder: a dry run first (what would be created, updated,
 * left unchanged or skipped, and why), then Apply. The names in the file move from the folder it
 * was exported from to the chosen one. Changing the file or the folder discards the preview.
 */
public final class ImportParametersViewModel {

    /** What the preview shows for one entry of the file. */
    public enum Action {
        CREATE("Create"), UPDATE("Update"), UNCHANGED("Unchanged"), SKIP("Skip");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of the preview: the action, the parameter's name, and details or the reason it is skipped. */
    public record Row(Action action, String name, String detail) {
    }

    private static final int FAILURES_SHOWN = 5;

    private final Background background;
    private final BusyWork work;
    private final ParameterImport importer;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty fileFolder = new SimpleStringProperty("");
    private final ObjectProperty<ImportPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty applying = new SimpleBooleanProperty();
    private final BooleanProperty applied = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canPreview;
    private final BooleanBinding canApply;
    private final BooleanBinding canUseFileFolder;
    private final StringBinding summary;
    private final StringBinding folderHint;
    private String document;

    public ImportParametersViewModel(Background background, ParameterImport importer, String folderPath) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.importer = importer;
        folder.set(folderPath);
        file.addListener((obs, old, text) -> discardPreview());
        folder.addListener((obs, old, text) -> discardPreview());
        canPreview = Bindings.createBooleanBinding(() -> !busy.get() && path().isPresent() && !folder.get().isBlank(), busy, file, folder);
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && !applied.get() && plan.get() != null && plan.get().hasChanges(),
                busy, applied, plan);
        canUseFileFolder = Bindings.createBooleanBinding(() -> !fileFolder.get().isEmpty() && !fileFolder.get().equals(folder.get().trim()),
                fileFolder, folder);
        summary = Bindings.createStringBinding(() -> summary(plan.get()), plan);
        folderHint = Bindings.createStringBinding(() -> fileFolder.get().isEmpty()
                ? "The names move from the folder the file was exported from into this folder."
                : "The file was exported from " + fileFolder.get() + "; its names move into this folder.", fileFolder);
    }

    private static String summary(ImportPlan p) {
        if (p == null) {
            return "";
        }
        return String.join(" · ", p.creates().size() + " to create", p.updates().size() + " to update",
                p.unchanged().size() + " unchanged", p.skipped().size() + " skipped");
    }

    private Optional<Path> path() {
        String text = file.get() == null ? "" : file.get().trim();
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private void discardPreview() {
        if (busy.get()) {
            return;
        }
        plan.set(null);
        document = null;
        rows.clear();
        fileFolder.set("");
        applied.set(false);
        message.set("");
    }

    private record Planned(String folder, String document, ImportPlan plan) {
    }

    /** The dry run: reads the file and compares it with Parameter Store; sends no change. */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        Path source = path().orElseThrow();
        String into = folder.get().trim();
        message.set("Reading " + source.getFileName() + " and comparing it with Parameter Store…");
        work.run(() -> {
            String text = ParameterImport.readExport(source);
            String moved = ParameterImport.moveExport(text, into);
            return new Planned(ParameterImport.exportedFolder(text), moved, importer.plan(moved, into));
        }, planned -> {
            applied.set(false);
            document = planned.document();
            fileFolder.set(planned.folder());
            show(planned.plan());
            message.set(planned.plan().hasChanges() ? "Nothing has been changed yet: check the preview, then Apply."
                    : "Parameter Store already matches the file; there is nothing to apply.");
        });
    }

    private void show(ImportPlan p) {
        List<Row> all = new ArrayList<>();
        p.creates().forEach(i -> all.add(new Row(Action.CREATE, i.name(), details(i))));
        p.updates().forEach(i -> all.add(new Row(Action.UPDATE, i.name(), "Changes " + String.join(", ", i.changes())
                + (details(i).isEmpty() ? "" : " · " + details(i)))));
        p.unchanged().forEach(name -> all.add(new Row(Action.UNCHANGED, name, "")));
        for (String skipped : p.skipped()) {
            // "name: reason"; names have no spaces, so the first ": " ends the name.
            int at = skipped.indexOf(": ");
            all.add(at < 0 ? new Row(Action.SKIP, skipped, "") : new Row(Action.SKIP, skipped.substring(0, at), skipped.substring(at + 2)));
        }
        rows.setAll(all);
        plan.set(p);
    }

    /** Imports under the names the file has (the folder it was exported from), previewed at once. */
    public void useFileFolder() {
        if (!canUseFileFolder.get()) {
            return;
        }
        folder.set(fileFolder.get());
        preview();
    }

    private static String details(ImportPlan.ImportItem i) {
        return Stream.of(i.type().awsName(), i.tier().awsName(), i.dataType() == ParameterDataType.TEXT ? "" : i.dataType().awsName(),
                        i.description())
                .filter(s -> s != null && !s.isEmpty()).reduce((a, b) -> a + " · " + b).orElse("");
    }

    /**
     * Applies the previewed plan: creates, then updates, each on its own; a failure does not stop
     * the others. {@code onChanged} gets the names created or updated, so the tree can follow.
     */
    public void apply(Consumer<List<String>> onChanged) {
        if (!canApply.get()) {
            return;
        }
        ImportPlan p = plan.get();
        String json = document;
        int total = p.creates().size() + p.updates().size();
        int[] done = {0};
        applying.set(true);
        progress.set(0);
        message.set("Importing…");
        work.run(() -> importer.apply(p, json, line -> background.later(() -> {
            done[0]++;
            progress.set((double) done[0] / total);
            message.set(line);
        })), failures -> {
            applying.set(false);
            applied.set(true);
            progress.set(1);
            message.set(outcome(p, failures));
            List<String> changed = Stream.concat(p.creates().stream(), p.updates().stream()).map(ImportPlan.ImportItem::name).toList();
            onChanged.accept(changed);
        }, error -> {
            applying.set(false);
            message.set(AwsErrors.explain(error).text());
        });
    }

    private static String outcome(ImportPlan p, List<String> failures) {
        long failedCreates = p.creates().stream().filter(i -> failures.stream().anyMatch(f -> f.startsWith(i.name() + ": "))).count();
        long created = p.creates().size() - failedCreates;
        long updated = p.updates().size() - (failures.size() - failedCreates);
        String text = "Created " + created + ", updated " + updated + ".";
        if (failures.isEmpty()) {
            return text;
        }
        return text + " " + failures.size() + " failed: " + String.join("; ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                + (failures.size() > FAILURES_SHOWN ? "; …" : "");
    }

    /** The export file to read, as typed or chosen. */
    public StringProperty fileProperty() {
        return file;
    }

    /** The folder the file's parameters go into. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The folder the previewed file was exported from; empty before a preview. */
    public StringProperty fileFolderProperty() {
        return fileFolder;
    }

    /** The last preview; null when there is none (or the inputs changed since). */
    public ObjectProperty<ImportPlan> planProperty() {
        return plan;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** What the last preview found, as "1 to create · 1 to update · 1 unchanged · 1 skipped"; empty without one. */
    public StringBinding summary() {
        return summary;
    }

    /** Where the file's names go, and where they came from once the file was read. */
    public StringBinding folderHint() {
        return folderHint;
    }

    /** The previewed file was exported from another folder than the one chosen: its own can be used instead. */
    public BooleanBinding canUseFileFolder() {
        return canUseFileFolder;
    }

    public BooleanBinding canPreview() {
        return canPreview;
    }

    public BooleanBinding canApply() {
        return canApply;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The plan is being applied. */
    public BooleanProperty applyingProperty() {
        return applying;
    }

    /** The plan was applied; Preview again to compare once more. */
    public BooleanProperty appliedProperty() {
        return applied;
    }

    /** 0 to 1 while applying. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
