package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.ui.kit.Formats;
import dev.coffer.usage.view.ConsumerCheck;
import dev.coffer.usage.view.ConsumerWarningBar;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The delete confirmation for a parameter or a folder. Thin: state lives in {@link DeleteParametersViewModel}. */
public final class DeleteParametersController {

    @FXML private Label deleteTitle;
    @FXML private Label deleteSubtitle;
    @FXML private VBox listBox;
    @FXML private Label listHeader;
    @FXML private ListView<String> deleteNames;
    @FXML private Label warningText;
    @FXML private ConsumerWarningBar consumerWarning;
    @FXML private VBox confirmBox;
    @FXML private Label confirmLabel;
    @FXML private TextField deleteConfirmField;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label deleteMessage;
    @FXML private Button cancelButton;
    @FXML private Button deleteButton;

    /**
     * {@code consumers} says, before Delete is pressed, who reads what would go; {@code onDeleted}
     * runs after AWS deleted the parameters; the window then closes.
     */
    public void init(DeleteParametersViewModel model, ConsumerCheck consumers, Stage stage,
                     Consumer<DeleteParametersViewModel.Deleted> onDeleted) {
        boolean isFolder = model.folder().isPresent();
        if (isFolder) {
            String path = model.folder().get();
            deleteTitle.setText("Delete folder " + path);
            deleteSubtitle.setText("Every parameter in this folder and the folders below it");
            listHeader.textProperty().bind(Bindings.createStringBinding(() -> model.loadedProperty().get()
                    ? Formats.count(model.names().size(), "parameter", "parameters") + " will be deleted" : "Parameters to delete",
                    model.names(), model.loadedProperty()));
            deleteNames.setItems(model.names());
            deleteNames.setPlaceholder(new Label("Listing…"));
            warningText.setText("Each parameter is deleted with all its versions and labels. This cannot be undone.");
            confirmLabel.setText("Type the folder path " + path + " to confirm:");
            deleteConfirmField.setPromptText(path);
            deleteConfirmField.textProperty().bindBidirectional(model.confirmationProperty());
            deleteButton.textProperty().bind(Bindings.createStringBinding(() -> model.loadedProperty().get()
                    ? "Delete " + Formats.count(model.names().size(), "parameter", "parameters") : "Delete",
                    model.names(), model.loadedProperty()));
            deleteConfirmField.requestFocus();
        } else {
            Parameter p = model.parameter().orElseThrow();
            deleteTitle.setText("Delete " + p.name() + "?");
            deleteSubtitle.setText(p.type() + " · " + p.tier() + " · version " + p.version()
                    + p.description().map(d -> " · " + d).orElse(""));
            warningText.setText("The parameter is deleted with all its versions and labels. This cannot be undone.");
            for (VBox hidden : new VBox[] {listBox, confirmBox}) {
                hidden.setVisible(false);
                hidden.setManaged(false);
            }
        }
        consumerWarning.show(consumers);
        // A scan this confirmation started stops with it.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> consumers.cancel());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        deleteMessage.textProperty().bind(model.messageProperty());
        deleteButton.disableProperty().bind(model.canDelete().not());
        deleteButton.setOnAction(e -> model.delete(deleted -> {
            onDeleted.accept(deleted);
            stage.close();
        }));
        cancelButton.setOnAction(e -> stage.close());
    }
}
