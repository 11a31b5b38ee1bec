package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Action;
import dev.coffer.compare.CompareOptions;
import dev.coffer.compare.Comparer;
import dev.coffer.compare.Comparison;
import dev.coffer.compare.Direction;
import dev.coffer.compare.Export;
import dev.coffer.compare.Field;
import dev.coffer.compare.ItemResult;
import dev.coffer.compare.Outcome;
import dev.coffer.compare.ParameterItem;
import dev.coffer.compare.PlanItem;
import dev.coffer.compare.PlanOptions;
import dev.coffer.compare.Promotion;
import dev.coffer.compare.PromotionPlan;
import dev.coffer.compare.Row;
import dev.coffer.compare.Side;
import dev.coffer.compare.Status;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * Importing a Coffer export file into a folder, on the compare engine: the preview compares the
 * file (a side) with the folder and plans promoting it there; Apply carries the plan out. The
 * file's names move from the folder it was exported from into the chosen one. Changing the file or
 * the folder discards the preview.
 */
public final class ImportParametersViewModel {

    /** What the preview shows for one entry of the file. */
    public enum Change {
        CREATE("Create"), UPDATE("Update"), UNCHANGED("Unchanged"), SKIP("Skip");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of the preview: the change, the parameter's name in the folder, and details or the reason it is skipped. */
    public record PreviewRow(Change change, String name, String detail) {
    }

    private static final int FAILURES_SHOWN = 5;

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty fileFolder = new SimpleStringProperty("");
    private final ObjectProperty<PromotionPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty applying = new SimpleBooleanProperty();
    private final BooleanProperty applied = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanBinding canPreview;
    private final BooleanBinding canApply;
    private final BooleanBinding canUseFileFolder;
    private final StringBinding folderHint;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ImportParametersViewModel(Background background, ClientFactory clients, String folderPath) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        folder.set(folderPath);
        file.addListener((obs, old, text) -> discardPreview());
        folder.addListener((obs, old, text) -> discardPreview());
        canPreview = Bindings.createBooleanBinding(() -> !busy.get() && path().isPresent() && !folder.get().isBlank(), busy, file, folder);
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && !applied.get() && plan.get() != null && changes(plan.get()) > 0,
                busy, applied, plan);
        canUseFileFolder = Bindings.createBooleanBinding(() -> !fileFolder.get().isEmpty() && !fileFolder.get().equals(folder.get().trim()),
                fileFolder, folder);
        folderHint = Bindings.createStringBinding(() -> fileFolder.get().isEmpty()
                ? "The names move from the folder the file was exported from into this folder."
                : "The file was exported from " + fileFolder.get() + "; its names move into this folder.", fileFolder);
    }

    private static long changes(PromotionPlan p) {
        return p.items().stream().filter(i -> i.action() != Action.SKIP).count();
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
        rows.clear();
        summary.set("");
        fileFolder.set("");
        applied.set(false);
        message.set("");
    }

    private record Planned(String fileFolder, PromotionPlan plan) {
    }

    /**
     * The dry run: compares the file with the folder (the file is read and checked before AWS is
     * asked anything) and plans the import; sends no change.
     */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        Path source = path().orElseThrow();
        String into = folder.get().trim();
        cancelled.set(false);
        message.set("Reading " + source.getFileName() + " and comparing it with " + into + "…");
        work.run(() -> {
            Comparison c = Comparer.compare(new Side.ExportFile(source), new Side.Live(clients, Optional.of(into), Optional.empty()),
                    new CompareOptions(true, true), step -> background.later(() -> message.set(step + "…")), cancelled::get);
            // What the folder holds and the file does not is left alone: an import never deletes.
            List<Row> fromFile = c.rows().stream().filter(r -> r.left().isPresent()).toList();
            PromotionPlan p = PromotionPlan.of(c, fromFile, new PlanOptions(Direction.LEFT_TO_RIGHT, true, Map.of(), false, ""), List.of());
            return new Planned(Export.exportedFolder(source), p);
        }, planned -> {
            applied.set(false);
            fileFolder.set(planned.fileFolder());
            show(planned.plan());
            message.set(changes(planned.plan()) > 0 ? "Nothing has been changed yet: check the preview, then Apply."
                    : "Parameter Store already matches the file; there is nothing to apply.");
        });
    }

    private void show(PromotionPlan p) {
        List<PreviewRow> all = new ArrayList<>();
        for (PlanItem item : p.items()) {
            all.add(switch (item.action()) {
                case CREATE -> new PreviewRow(Change.CREATE, item.targetName(), details(source(item)));
                case UPDATE -> new PreviewRow(Change.UPDATE, item.targetName(), "Changes " + item.fieldsCopied().stream()
                        .map(f -> change(f, (ParameterItem) item.row().right().orElseThrow(), source(item)))
                        .collect(Collectors.joining(", ")));
                default -> new PreviewRow(Change.SKIP, item.targetName(), capitalised(item.note()));
            });
        }
        Comparison c = p.comparison();
        for (Row same : c.rows().stream().filter(r -> r.status() == Status.SAME).toList()) {
            ParameterItem inFile = (ParameterItem) same.left().orElseThrow();
            String name = ((ParameterItem) same.right().orElseThrow()).name();
            // Without a value in the file, a SecureString is not compared, so it is not "unchanged".
            all.add(inFile.isSecure() && inFile.value().isEmpty()
                    ? new PreviewRow(Change.SKIP, name, "SecureString values are never exported; set this one in Coffer.")
                    : new PreviewRow(Change.UNCHANGED, name, ""));
        }
        p.rejected().forEach(r -> all.add(new PreviewRow(Change.SKIP, r.entry(), capitalised(r.reason()))));
        rows.setAll(all);
        long onlyInFolder = c.rows().stream().filter(r -> r.status() == Status.ONLY_RIGHT).count();
        summary.set(String.join(" · ", count(Change.CREATE) + " to create", count(Change.UPDATE) + " to update",
                count(Change.UNCHANGED) + " unchanged", count(Change.SKIP) + " skipped")
                + (onlyInFolder == 0 ? "" : " · " + Formats.count(onlyInFolder, "other parameter", "other parameters")
                + " in the folder, left as they are"));
        plan.set(p);
    }

    private long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    /** "data type text → aws:ec2:image", "value": what an update changes, from the folder's to the file's. */
    private static String change(Field field, ParameterItem now, ParameterItem file) {
        return switch (field) {
            case TYPE -> "type " + now.type().awsName() + " → " + file.type().awsName();
            case TIER -> "tier " + now.tier().awsName() + " → " + file.tier().awsName();
            case DATA_TYPE -> "data type " + now.dataType().awsName() + " → " + file.dataType().awsName();
            default -> field.words();
        };
    }

    private static ParameterItem source(PlanItem item) {
        return (ParameterItem) item.row().left().orElseThrow();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Imports under the names the file has (the folder it was exported from), previewed at once. */
    public void useFileFolder() {
        if (!canUseFileFolder.get()) {
            return;
        }
        folder.set(fileFolder.get());
        preview();
    }

    private static String details(ParameterItem p) {
        return Stream.of(p.type().awsName(), p.tier().awsName(), p.dataType() == ParameterDataType.TEXT ? "" : p.dataType().awsName(),
                        p.description())
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" · "));
    }

    /**
     * Applies the previewed plan item by item; a failure does not stop the others, and a parameter
     * changed since the preview is skipped, not overwritten. {@code onChanged} gets the names
     * created or updated, so the tree can follow.
     */
    public void apply(Consumer<List<String>> onChanged) {
        if (!canApply.get()) {
            return;
        }
        PromotionPlan p = plan.get();
        int total = p.items().size();
        int[] done = {0};
        cancelled.set(false);
        applying.set(true);
        progress.set(0);
        message.set("Importing…");
        work.run(() -> new Promotion(p).apply(result -> background.later(() -> {
            done[0]++;
            progress.set((double) done[0] / total);
            message.set(result.item().targetName() + ": " + result.message() + " (" + done[0] + " of " + total + ")");
        }), cancelled::get), results -> {
            applying.set(false);
            applied.set(true);
            progress.set(1);
            message.set(outcome(results));
            onChanged.accept(results.stream().filter(r -> r.outcome() == Outcome.DONE).map(r -> r.item().targetName()).toList());
        }, error -> applying.set(false));
    }

    /** Stops the preview between pages, or the import before its next item. */
    public void cancel() {
        cancelled.set(true);
    }

    private static String outcome(List<ItemResult> results) {
        long created = done(results, Action.CREATE);
        long updated = done(results, Action.UPDATE);
        String text = "Created " + created + ", updated " + updated + ".";
        List<String> failures = results.stream().filter(r -> r.outcome() == Outcome.FAILED)
                .map(r -> r.item().targetName() + ": " + r.text()).toList();
        List<String> changed = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED && r.item().action() != Action.SKIP)
                .map(r -> r.item().targetName()).toList();
        long notRun = results.stream().filter(r -> r.outcome() == Outcome.NOT_RUN).count();
        if (!failures.isEmpty()) {
            text += " " + failures.size() + " failed: " + String.join("; ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                    + (failures.size() > FAILURES_SHOWN ? "; …" : "");
        }
        if (!changed.isEmpty()) {
            text += " " + changed.size() + " changed since the preview and left as they are: " + String.join(", ", changed) + ".";
        }
        if (notRun > 0) {
            text += " Cancelled: " + notRun + " not imported.";
        }
        return text;
    }

    private static long done(List<ItemResult> results, Action action) {
        return results.stream().filter(r -> r.outcome() == Outcome.DONE && r.item().action() == action).count();
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

    /** The last preview's plan; null when there is none (or the inputs changed since). */
    public ObjectProperty<PromotionPlan> planProperty() {
        return plan;
    }

    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    /** What the last preview found, as "1 to create · 1 to update · 1 unchanged · 1 skipped"; empty without one. */
    public StringProperty summary() {
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
