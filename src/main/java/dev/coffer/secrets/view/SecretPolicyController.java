package dev.coffer.secrets.view;

import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/** The resource policy dialog of one secret. Thin: state lives in {@link SecretPolicyViewModel}. */
public final class SecretPolicyController {

    @FXML private Label title;
    @FXML private TextArea policyArea;
    @FXML private Label findingsLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button validateButton;
    @FXML private Button saveButton;
    @FXML private Button deletePolicyButton;
    @FXML private Button closeButton;

    public void init(SecretPolicyViewModel model, Stage stage, boolean readOnly) {
        title.setText("Resource policy of " + model.secret().name());
        policyArea.textProperty().bindBidirectional(model.textProperty());
        policyArea.setEditable(!readOnly);
        findingsLabel.textProperty().bind(model.findingsProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        validateButton.disableProperty().bind(model.busyProperty().or(model.textProperty().isEmpty()));
        validateButton.setOnAction(e -> model.validate());
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.setOnAction(e -> model.save());
        deletePolicyButton.disableProperty().bind(model.busyProperty().or(model.hasPolicyProperty().not()));
        deletePolicyButton.setOnAction(e -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
            alert.initOwner(stage);
            alert.setTitle("Delete policy");
            alert.setHeaderText("Delete the resource policy of " + model.secret().name() + "?");
            alert.setContentText("Principals that were allowed only by this policy lose access to the secret.");
            alert.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType("Delete policy", ButtonBar.ButtonData.OK_DONE));
            alert.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
            alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(b -> model.deletePolicy());
        });
        for (Button b : new Button[] {saveButton, deletePolicyButton}) {
            b.setVisible(!readOnly);
            b.setManaged(!readOnly);
        }
        closeButton.setOnAction(e -> stage.close());
        model.load();
    }
}
