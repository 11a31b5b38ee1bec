package dev.coffer.compare.view;

import dev.coffer.parameters.Parameter;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The export window. Thin: state lives in {@link ExportParametersViewModel}. */
public final class ExportParametersController {

    @FXML private Label exportTitle;
    @FXML private Label exportFolder;
    @FXML private TextField exportFileField;
    @FXML private Button exportBrowseButton;
    @FXML private Label exportFileWarning;
    @FXML private Label exportSummary;
    @FXML private TableView<Parameter> exportPreview;
    @FXML private TableColumn<Parameter, String> nameColumn;
    @FXML private TableColumn<Parameter, String> typeColumn;
    @FXML private TableColumn<Parameter, String> tierColumn;
    @FXML private TableColumn<Parameter, String> valueColumn;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label exportMessage;
    @FXML private Button exportCloseButton;
    @FXML private Button exportButton;

    public void init(ExportParametersViewModel model, Stage stage) {
        exportTitle.setText("Export folder " + model.folder());
        exportFolder.setText(model.folder() + " and every folder below it");
        exportFileField.textProperty().bindBidirectional(model.fileProperty());
        exportFileField.disableProperty().bind(model.busyProperty());
        exportBrowseButton.disableProperty().bind(model.busyProperty());
        exportBrowseButton.setOnAction(e -> browse(model, stage));
        exportFileWarning.textProperty().bind(model.fileWarning());
        exportFileWarning.visibleProperty().bind(model.fileWarning().isNotEmpty());
        exportFileWarning.managedProperty().bind(exportFileWarning.visibleProperty());

        column(nameColumn, Parameter::name);
        column(typeColumn, p -> p.type().awsName());
        column(tierColumn, p -> p.tier().awsName());
        column(valueColumn, p -> p.isSecure() ? "Not exported" : "Exported");
        exportPreview.setItems(model.parameters());
        exportPreview.setPlaceholder(new Label("Listing…"));
        exportSummary.textProperty().bind(model.summary());

        busyIndicator.visibleProperty().bind(model.busyProperty());
        exportMessage.textProperty().bind(model.messageProperty());
        exportButton.disableProperty().bind(model.canExport().not());
        exportButton.setOnAction(e -> model.export());
        exportCloseButton.setOnAction(e -> stage.close());
    }

    private void browse(ExportParametersViewModel model, Stage stage) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + model.folder() + " to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Coffer parameter export (*.json)", "*.json"));
        File current = new File(model.fileProperty().get().trim());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        chooser.setInitialFileName(current.getName());
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }

    private static void column(TableColumn<Parameter, String> column, Function<Parameter, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }
}
