package dev.coffer.ui.connect;

import dev.coffer.aws.Connection;
import dev.coffer.ui.connect.ConnectViewModel.Choice;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Connect dialog: binds {@link ConnectViewModel} and hands the chosen connection on. */
public final class ConnectController {

    @FXML private ListView<Choice> connectChoices;
    @FXML private ComboBox<String> connectRegion;
    @FXML private TextField connectEndpoint;
    @FXML private CheckBox connectReadOnly;
    @FXML private Label connectAuditLocked;
    @FXML private Label connectProblem;
    @FXML private Button connectButton;

    private ConnectViewModel model;
    private Stage stage;
    private Consumer<Connection> onConnect;

    /** Opens the dialog, modal to {@code owner}; {@code onConnect} gets the connection when the user chooses Connect. */
    public static void open(Window owner, ConnectViewModel model, Consumer<Connection> onConnect) {
        Windows.open(owner, Screen.CONNECT, "Connect", true, (ConnectController c, Stage stage) -> c.init(model, stage, onConnect));
    }

    private void init(ConnectViewModel model, Stage stage, Consumer<Connection> onConnect) {
        this.model = model;
        this.stage = stage;
        this.onConnect = onConnect;
        connectChoices.setItems(model.choices());
        connectChoices.setPrefHeight(Math.min(320, 56 * model.choices().size() + 8));
        connectChoices.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title() + "\n" + item.detail());
            }
        });
        connectChoices.getSelectionModel().select(model.choiceProperty().get());
        connectChoices.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> model.choiceProperty().set(c));

        connectRegion.getItems().setAll(ConnectViewModel.REGIONS);
        connectRegion.valueProperty().bindBidirectional(model.regionProperty());
        connectEndpoint.textProperty().bindBidirectional(model.endpointProperty());
        connectEndpoint.promptTextProperty().bind(model.endpointPromptProperty());
        connectEndpoint.disableProperty().bind(model.endpointDisabledProperty());
        connectReadOnly.selectedProperty().bindBidirectional(model.auditModeProperty());
        connectReadOnly.disableProperty().bind(model.auditLockedProperty());
        connectAuditLocked.textProperty().bind(model.auditLockedReasonProperty());
        connectAuditLocked.visibleProperty().bind(model.auditLockedProperty());
        connectAuditLocked.managedProperty().bind(connectAuditLocked.visibleProperty());
        connectProblem.textProperty().bind(model.problemProperty());
        connectProblem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        connectProblem.managedProperty().bind(connectProblem.visibleProperty());
        connectButton.disableProperty().bind(model.problemProperty().isNotEmpty());
        stage.setResizable(false);
        connectChoices.requestFocus();
    }

    @FXML
    private void onConnect() {
        // A region typed but not yet committed (no Enter) counts too.
        String typed = connectRegion.getEditor().getText();
        if (typed != null && !typed.isBlank()) {
            model.regionProperty().set(typed.trim());
        }
        model.result().ifPresent(connection -> {
            stage.close();
            onConnect.accept(connection);
        });
    }

    @FXML
    private void onCancel() {
        stage.close();
    }
}
