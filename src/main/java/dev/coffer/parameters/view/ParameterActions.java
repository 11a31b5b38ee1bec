package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.shell.MainViewModel;
import dev.coffer.ui.shell.OpenConnection;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the user can do to parameters from the main window: each action opens its window. */
public final class ParameterActions {

    private final MainViewModel main;
    private final Background background;
    private final Supplier<Window> owner;
    private final Consumer<String> select;

    /**
     * @param select puts the selection on a parameter by name once it is in the tree
     */
    public ParameterActions(MainViewModel main, Background background, Supplier<Window> owner, Consumer<String> select) {
        this.main = main;
        this.background = background;
        this.owner = owner;
        this.select = select;
    }

    private OpenConnection connection() {
        return main.openConnection();
    }

    /** Opens the editor for a new parameter inside {@code folderPath}. */
    public Stage newParameter(String folderPath) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.create(background, connection(), folderPath);
        return openEditor(vm, "New parameter");
    }

    /** Opens the editor on a parameter's current version. */
    public Stage edit(Parameter parameter) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.edit(background, connection(), parameter);
        return openEditor(vm, "Edit " + parameter.name());
    }

    /** Opens the history of a parameter: versions, comparison, labels, restore. */
    public Stage history(Parameter parameter) {
        boolean readOnly = main.connectionProperty().get().readOnly();
        ParameterHistoryViewModel vm = new ParameterHistoryViewModel(background, connection(), parameter,
                () -> main.parameterSaved(parameter.name(), saved -> { }));
        return Windows.open(owner.get(), Screen.PARAMETER_HISTORY,
                "History of " + parameter.name(), false,
                (ParameterHistoryController c, Stage stage) -> c.init(vm, stage, readOnly));
    }

    /**
     * The golden AMI wizard for a parameter holding an AMI id, or (empty) for creating one; the
     * tree re-reads the parameters it changed.
     */
    public Stage updateGoldenImage(java.util.Optional<Parameter> parameter) {
        return new dev.coffer.ami.view.GoldenAmiWizard(background, connection(), parameter, main::parametersSaved).open(owner.get());
    }

    /** Asks before deleting one parameter; the tree follows. */
    public Stage delete(Parameter parameter) {
        return openDelete(DeleteParametersViewModel.parameter(background, connection(), parameter), "Delete parameter");
    }

    /** Lists everything in a folder and deletes it once the user typed the folder's path. */
    public Stage deleteFolder(String folderPath) {
        return openDelete(DeleteParametersViewModel.folder(background, connection(), folderPath), "Delete folder");
    }

    private Stage openDelete(DeleteParametersViewModel vm, String title) {
        return Windows.open(owner.get(), Screen.DELETE_PARAMETERS, title, true,
                (DeleteParametersController c, Stage stage) -> c.init(vm, stage, deleted -> {
                    main.parametersRemoved(deleted.names());
                    main.statusProperty().set(deleted.summary());
                }));
    }

    /** Copies or moves one parameter to a new name. */
    public Stage copy(Parameter parameter) {
        return openCopy(CopyParametersViewModel.parameter(background, connection(), parameter), "Copy or move parameter");
    }

    /** Copies or moves a folder with everything below it. */
    public Stage copyFolder(String folderPath) {
        return openCopy(CopyParametersViewModel.folder(background, connection(), folderPath), "Copy or move folder");
    }

    private Stage openCopy(CopyParametersViewModel vm, String title) {
        return Windows.open(owner.get(), Screen.COPY_PARAMETERS, title, true,
                (CopyParametersController c, Stage stage) -> c.init(vm, stage, copied -> {
                    // Only the names that changed are re-read, never the whole store.
                    if (!copied.removed().isEmpty()) {
                        main.parametersRemoved(copied.removed());
                    }
                    main.parametersSaved(copied.created());
                }));
    }

    /** Exports a folder to a JSON file (a read: also offered in read-only mode). */
    public Stage exportFolder(String folderPath) {
        ExportParametersViewModel vm = new ExportParametersViewModel(background, connection(), folderPath,
                Path.of(System.getProperty("user.home")));
        return Windows.open(owner.get(), Screen.EXPORT_PARAMETERS,
                "Export folder", false, (ExportParametersController c, Stage stage) -> c.init(vm, stage));
    }

    /** Imports an export file into a folder, after a preview. */
    public Stage importInto(String folderPath) {
        ImportParametersViewModel vm = new ImportParametersViewModel(background, connection(), folderPath);
        return Windows.open(owner.get(), Screen.IMPORT_PARAMETERS,
                "Import into folder", true, (ImportParametersController c, Stage stage) -> c.init(vm, stage, main::parametersSaved));
    }

    /** Resolves /aws/reference/secretsmanager/{@code secretId} (a read: also offered in read-only mode). */
    public Stage resolveSecretReference(String secretId) {
        SecretReferenceViewModel vm = new SecretReferenceViewModel(background, connection(), secretId);
        return Windows.open(owner.get(), Screen.SECRET_REFERENCE,
                "Resolve Secrets Manager reference", false, (SecretReferenceController c, Stage stage) -> c.init(vm, stage));
    }

    private Stage openEditor(ParameterEditorViewModel vm, String title) {
        return Windows.open(owner.get(), Screen.PARAMETER_EDITOR, title, false,
                (ParameterEditorController c, Stage stage) -> c.init(vm, stage,
                        name -> main.parameterSaved(name, saved -> select.accept(saved.name())),
                        () -> vm.existing().ifPresent(p -> main.parameterSaved(p.name(), this::edit))));
    }
}
