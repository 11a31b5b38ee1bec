package dev.coffer.parameters.view;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.ami.ImageCatalog;
import dev.coffer.ami.view.GoldenAmiWizardController;
import dev.coffer.ami.view.GoldenAmiWizardViewModel;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterVersion;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import dev.coffer.ui.kit.versions.VersionBrowserController;
import dev.coffer.ui.kit.versions.VersionBrowserViewModel;
import dev.coffer.usage.ChangeWarning;
import dev.coffer.usage.view.ConsumerCheck;
import dev.coffer.usage.view.ConsumerScan;
import dev.coffer.usage.view.WhereUsedViewModel.Subject;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Stage;

/** What the user can do to parameters from the main window: each action opens its window. */
public final class ParameterActions {

    private final ParameterWindow main;
    private final Background background;

    public ParameterActions(ParameterWindow main, Background background) {
        this.main = main;
        this.background = background;
    }

    /** Opens the editor for a new parameter inside {@code folderPath}. */
    public Stage newParameter(String folderPath) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.create(background, main.clients(), main.parameters(), folderPath);
        return openEditor(vm, "New parameter");
    }

    /** Opens the editor on a parameter's current version. */
    public Stage edit(Parameter parameter) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.edit(background, main.clients(), main.parameters(), parameter);
        return openEditor(vm, "Edit " + parameter.name());
    }

    /** Opens the history of a parameter: versions, comparison, labels, restore (the last two not when read-only). */
    public Stage history(Parameter parameter) {
        ParameterVersions versions = new ParameterVersions(main.parameters(), parameter);
        VersionBrowserViewModel<ParameterVersion> vm = new VersionBrowserViewModel<>(background, versions, main.readOnly(),
                () -> main.parameterSaved(parameter.name(), saved -> { }));
        return Windows.open(main.owner(), Screen.VERSION_BROWSER, versions.title(), false,
                (VersionBrowserController<ParameterVersion> c, Stage stage) -> c.init(vm, stage));
    }

    /**
     * The golden AMI wizard for a parameter holding an AMI id, or (empty) for creating one; the
     * tree re-reads the parameters it changed.
     */
    public Stage updateGoldenImage(Optional<Parameter> parameter) {
        GoldenAmiWizardViewModel vm = new GoldenAmiWizardViewModel(background, main.parameters(), new ImageCatalog(main.clients()),
                new GoldenImageUpdate(main.parameters()), consumerScan(), parameter, main::parametersSaved);
        return Windows.open(main.owner(), Screen.GOLDEN_AMI_WIZARD, "Update golden AMI", false,
                (GoldenAmiWizardController c, Stage stage) -> c.init(vm, stage));
    }

    /** Asks before deleting one parameter; the tree follows. */
    public Stage delete(Parameter parameter) {
        return openDelete(DeleteParametersViewModel.parameter(background, main.parameters(), parameter),
                consumers(Subject.parameter(parameter.name()), ChangeWarning.Change.DELETE), "Delete parameter");
    }

    /** Lists everything in a folder and deletes it once the user typed the folder's path. */
    public Stage deleteFolder(String folderPath) {
        return openDelete(DeleteParametersViewModel.folder(background, main.parameters(), folderPath),
                consumers(Subject.folder(folderPath), ChangeWarning.Change.DELETE), "Delete folder");
    }

    /** The connection's where-used scan, read from (or filled into) the window's cache. */
    private ConsumerScan consumerScan() {
        return new ConsumerScan(background, main.clients(), main.consumerIndex());
    }

    /** What a confirmation says about the consumers the change would break. */
    private ConsumerCheck consumers(Subject subject, ChangeWarning.Change change) {
        return new ConsumerCheck(consumerScan(), subject, change);
    }

    private Stage openDelete(DeleteParametersViewModel vm, ConsumerCheck consumers, String title) {
        return Windows.open(main.owner(), Screen.DELETE_PARAMETERS, title, true,
                (DeleteParametersController c, Stage stage) -> c.init(vm, consumers, stage, deleted -> {
                    main.parametersRemoved(deleted.names());
                    main.showStatus(deleted.summary());
                }));
    }

    /** Copies or moves one parameter to a new name. */
    public Stage copy(Parameter parameter) {
        return openCopy(CopyParametersViewModel.parameter(background, main.parameters(), parameter),
                consumers(Subject.parameter(parameter.name()), ChangeWarning.Change.MOVE), "Copy or move parameter");
    }

    /** Copies or moves a folder with everything below it. */
    public Stage copyFolder(String folderPath) {
        return openCopy(CopyParametersViewModel.folder(background, main.parameters(), folderPath),
                consumers(Subject.folder(folderPath), ChangeWarning.Change.MOVE), "Copy or move folder");
    }

    /** {@code consumers}: what a move (or rename) would break; a copy breaks nothing, so the window shows it only for a move. */
    private Stage openCopy(CopyParametersViewModel vm, ConsumerCheck consumers, String title) {
        return Windows.open(main.owner(), Screen.COPY_PARAMETERS, title, true,
                (CopyParametersController c, Stage stage) -> c.init(vm, consumers, stage, copied -> {
                    // Only the names that changed are re-read, never the whole store.
                    if (!copied.removed().isEmpty()) {
                        main.parametersRemoved(copied.removed());
                    }
                    main.parametersSaved(copied.created());
                }));
    }

    /** Copy or export as…: a folder's parameters as .env, shell exports, JSON, CloudFormation references or Terraform blocks (a read). */
    public Stage copyOrExportAs(String folderPath) {
        ConsumerExportViewModel vm = new ConsumerExportViewModel(background, main.clients(), main.parameters(), folderPath,
                Path.of(System.getProperty("user.home")));
        return Windows.open(main.owner(), Screen.CONSUMER_EXPORT, "Copy or export as", false,
                (ConsumerExportController c, Stage stage) -> c.init(vm, stage));
    }

    /** Resolves /aws/reference/secretsmanager/{@code secretId} (a read: also offered in read-only mode). */
    public Stage resolveSecretReference(String secretId) {
        SecretReferenceViewModel vm = new SecretReferenceViewModel(background, main.clients(), main.parameters(), secretId);
        return Windows.open(main.owner(), Screen.SECRET_REFERENCE,
                "Resolve Secrets Manager reference", false, (SecretReferenceController c, Stage stage) -> c.init(vm, stage));
    }

    private Stage openEditor(ParameterEditorViewModel vm, String title) {
        return Windows.open(main.owner(), Screen.PARAMETER_EDITOR, title, false,
                (ParameterEditorController c, Stage stage) -> c.init(vm, stage,
                        name -> main.parameterSaved(name, saved -> main.selectParameter(saved.name())),
                        () -> vm.state().existing().ifPresent(p -> main.parameterSaved(p.name(), this::edit))));
    }
}
