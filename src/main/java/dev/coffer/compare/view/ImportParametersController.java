package dev.coffer.compare.view;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The import window. Thin: state lives in {@link ImportParametersViewModel}. */
public final class ImportParametersController {

    @FXML private Label importTitle;
    @FXML private TextField importFileField;
    @FXML private Button importBrowseButton;
    @FXML private TextField importFolderField;
    @FXML private Label importFolderHint;
    @FXML private Hyperlink importKeepNames;
    @FXML private Button importPreviewButton;
    @FXML private Label importSummary;
    @FXML private TableView<ImportParametersViewModel.PreviewRow> importPlanTable;
    @FXML private TableColumn<ImportParametersViewModel.PreviewRow, ImportParametersViewModel.Change> actionColumn;
    @FXML private TableColumn<ImportParametersViewModel.PreviewRow, String> nameColumn;
    @FXML private TableColumn<ImportParametersViewModel.PreviewRow, String> detailColumn;
    @FXML private ProgressBar importProgress;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label importMessage;
    @FXML private Button importCloseButton;
    @FXML private Button importApplyButton;

    /** {@code onChanged} gets the names created or updated, so the tree can follow. */
    public void init(ImportParametersViewModel model, Stage stage, Consumer<List<String>> onChanged) {
        importTitle.textProperty().bind(Bindings.concat("Import into ", model.folderProperty()));
        importFileField.textProperty().bindBidirectional(model.fileProperty());
        importFolderField.textProperty().bindBidirectional(model.folderProperty());
        for (var input : List.of(importFileField, importFolderField, importBrowseButton)) {
            input.disableProperty().bind(model.busyProperty());
        }
        importBrowseButton.setOnAction(e -> browse(model, stage));
        importFolderHint.textProperty().bind(model.folderHint());
        importKeepNames.textProperty().bind(Bindings.concat("Use ", model.fileFolderProperty(), " instead"));
        importKeepNames.visibleProperty().bind(model.canUseFileFolder());
        importKeepNames.managedProperty().bind(model.canUseFileFolder());
        importKeepNames.setOnAction(e -> model.useFileFolder());

        importPreviewButton.disableProperty().bind(model.canPreview().not());
        importPreviewButton.setOnAction(e -> model.preview());
        importSummary.textProperty().bind(model.summary());

        actionColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().change()));
        actionColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ImportParametersViewModel.Change change, boolean empty) {
                super.updateItem(change, empty);
                getStyleClass().removeAll("import-create", "import-update", "import-unchanged", "import-skip");
                if (empty || change == null) {
                    setText(null);
                } else {
                    setText(change.label());
                    getStyleClass().add("import-" + change.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        nameColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        detailColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().detail()));
        // Reasons for skipping can be long: the whole text shows on hover.
        detailColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String detail, boolean empty) {
                super.updateItem(detail, empty);
                setText(empty ? null : detail);
                setTooltip(empty || detail == null || detail.isEmpty() ? null : new Tooltip(detail));
            }
        });
        importPlanTable.setItems(model.rows());
        importPlanTable.setPlaceholder(new Label("Choose a file and Preview changes to see what the import would do."));

        importProgress.progressProperty().bind(model.progressProperty());
        importProgress.visibleProperty().bind(model.applyingProperty().or(model.appliedProperty()));
        importProgress.managedProperty().bind(importProgress.visibleProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        importMessage.textProperty().bind(model.messageProperty());
        importApplyButton.disableProperty().bind(model.canApply().not());
        importApplyButton.setOnAction(e -> model.apply(onChanged));
        // Enter previews; Apply always takes a deliberate click.
        importPreviewButton.setDefaultButton(true);
        // While it works, Close (and Esc) cancels: the preview stops between pages, the import before its next item.
        importCloseButton.textProperty().bind(Bindings.when(model.busyProperty()).then("Cancel").otherwise("Close"));
        importCloseButton.setOnAction(e -> {
            if (model.busyProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (model.busyProperty().get()) {
                e.consume();
            }
        });
        importFileField.requestFocus();
    }

    private void browse(ImportParametersViewModel model, Stage stage) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import parameters from");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Coffer parameter export (*.json)", "*.json"));
        File current = new File(model.fileProperty().get().trim());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }
}
