package dev.coffer.parameters.view;

import dev.coffer.parameters.ConsumerFormat;
import dev.coffer.ui.kit.ClipboardGuard;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** Copy or export as…: thin, state lives in {@link ConsumerExportViewModel}. */
public final class ConsumerExportController {

    @FXML private Label consumerTitle;
    @FXML private Label consumerFolder;
    @FXML private ComboBox<ConsumerFormat> consumerFormat;
    @FXML private TextField consumerFileField;
    @FXML private Button consumerBrowseButton;
    @FXML private Label consumerFileWarning;
    @FXML private HBox contentsBar;
    @FXML private FontIcon contentsIcon;
    @FXML private Label consumerContents;
    @FXML private CheckBox includeSecureCheck;
    @FXML private ProgressBar consumerProgress;
    @FXML private Label consumerMessage;
    @FXML private Button consumerCloseButton;
    @FXML private Button consumerCopyButton;
    @FXML private Button consumerExportButton;

    public void init(ConsumerExportViewModel model, Stage stage) {
        ClipboardGuard clipboard = new ClipboardGuard();
        consumerTitle.setText("Copy or export " + model.folder() + " as…");
        consumerFolder.setText(model.folder() + " and every folder below it");
        consumerFormat.setItems(FXCollections.observableArrayList(ConsumerFormat.values()));
        consumerFormat.valueProperty().bindBidirectional(model.formatProperty());
        consumerFormat.disableProperty().bind(model.busyProperty());
        consumerFileField.textProperty().bindBidirectional(model.fileProperty());
        consumerFileField.disableProperty().bind(model.busyProperty());
        consumerBrowseButton.disableProperty().bind(model.busyProperty());
        consumerBrowseButton.setOnAction(e -> browse(model, stage));
        consumerFileWarning.textProperty().bind(model.fileWarning());
        consumerFileWarning.visibleProperty().bind(model.fileWarning().isNotEmpty());
        consumerFileWarning.managedProperty().bind(consumerFileWarning.visibleProperty());

        consumerContents.textProperty().bind(model.contents());
        // Kept in the layout while listing, so the window is sized for it from the start.
        contentsBar.visibleProperty().bind(model.contents().isNotEmpty());
        // Values in plain text are a warning; references are only information.
        model.formatProperty().addListener((o, before, now) -> showValuesWarning(now.hasValues()));
        showValuesWarning(model.formatProperty().get().hasValues());
        includeSecureCheck.selectedProperty().bindBidirectional(model.includeSecureProperty());
        includeSecureCheck.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.formatProperty().get().hasValues(), model.formatProperty()).and(model.hasSecure()));
        includeSecureCheck.managedProperty().bind(includeSecureCheck.visibleProperty());
        includeSecureCheck.disableProperty().bind(model.busyProperty());

        consumerProgress.progressProperty().bind(model.progressProperty());
        consumerProgress.visibleProperty().bind(model.busyProperty());
        consumerProgress.managedProperty().bind(consumerProgress.visibleProperty());
        consumerMessage.textProperty().bind(model.messageProperty());
        consumerCloseButton.textProperty().bind(Bindings.when(model.busyProperty()).then("Cancel").otherwise("Close"));
        consumerCloseButton.setOnAction(e -> {
            if (model.busyProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.cancel());
        consumerCopyButton.disableProperty().bind(model.canCopy().not());
        consumerCopyButton.setOnAction(e -> model.copy(clipboard::copy, clipboard::copySecret));
        consumerExportButton.disableProperty().bind(model.canExport().not());
        consumerExportButton.setOnAction(e -> model.export());
    }

    private void showValuesWarning(boolean values) {
        contentsBar.getStyleClass().setAll(values ? "warning-bar" : "info-bar");
        contentsIcon.setIconLiteral(values ? "mdmz-warning" : "mdal-info");
        contentsIcon.getStyleClass().setAll(values ? "warning-icon" : "info-icon");
    }

    private void browse(ConsumerExportViewModel model, Stage stage) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + model.folder() + " to");
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
}
