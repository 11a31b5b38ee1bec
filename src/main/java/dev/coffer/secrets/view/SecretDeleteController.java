package dev.coffer.secrets.view;

import dev.coffer.secrets.SecretRules;
import dev.coffer.usage.view.ConsumerCheck;
import dev.coffer.usage.view.ConsumerWarningBar;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The delete dialog of one secret. Thin: state lives in {@link SecretDeleteViewModel}. */
public final class SecretDeleteController {

    @FXML private Label title;
    @FXML private Spinner<Integer> recoverySpinner;
    @FXML private CheckBox forceCheck;
    @FXML private VBox forceBox;
    @FXML private ConsumerWarningBar consumerWarning;
    @FXML private Label confirmPrompt;
    @FXML private TextField confirmField;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button deleteButton;
    @FXML private Button cancelButton;

    /** {@code consumers} says, before Delete is pressed, who reads the secret. */
    public void init(SecretDeleteViewModel model, ConsumerCheck consumers, Stage stage, Consumer<Boolean> onDeleted) {
        title.setText("Delete " + model.secret().name() + "?");
        SpinnerValueFactory.IntegerSpinnerValueFactory days = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SecretRules.RECOVERY_MIN_DAYS, SecretRules.RECOVERY_MAX_DAYS, SecretRules.DEFAULT_RECOVERY_DAYS);
        recoverySpinner.setValueFactory(days);
        recoverySpinner.setEditable(true);
        days.valueProperty().addListener((obs, old, v) -> model.recoveryDaysProperty().set(v == null ? 0 : v));
        recoverySpinner.disableProperty().bind(model.forceProperty());
        forceCheck.selectedProperty().bindBidirectional(model.forceProperty());
        // Always laid out (the window keeps its size); usable only once force delete is chosen.
        forceBox.disableProperty().bind(model.forceProperty().not());
        confirmPrompt.setText("This can't be undone. Type the secret's name to confirm: " + model.secret().name());
        confirmField.textProperty().bindBidirectional(model.typedNameProperty());
        consumerWarning.show(consumers);
        // A scan this confirmation started stops with it.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> consumers.cancel());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        deleteButton.disableProperty().bind(model.canDeleteProperty().not());
        deleteButton.setOnAction(e -> model.delete(force -> {
            stage.close();
            onDeleted.accept(force);
        }));
        cancelButton.setOnAction(e -> stage.close());
    }
}
