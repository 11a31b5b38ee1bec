package dev.coffer.secrets.view;

import dev.coffer.ui.kit.controls.KmsKeyPicker;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** Replicate to regions. Thin: state lives in {@link ReplicateSecretViewModel}. */
public final class ReplicateSecretController {

    @FXML private Label title;
    @FXML private GridPane rowGrid;
    @FXML private Button addRowButton;
    @FXML private Label problemLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button cancelButton;
    @FXML private Button sendReplicationButton;

    public void init(ReplicateSecretViewModel model, Stage stage, Consumer<List<String>> onReplicated) {
        title.setText("Replicate " + model.secret().name() + " to regions");
        model.rows().addListener((ListChangeListener<ReplicateSecretViewModel.TargetRow>) c -> {
            // Only rows added or removed rebuild the grid; a region typed in a row must keep its focus.
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild(model, stage);
                    return;
                }
            }
        });
        rebuild(model, stage);
        addRowButton.setOnAction(e -> model.addRow());
        problemLabel.textProperty().bind(model.problemText());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        sendReplicationButton.disableProperty().bind(model.canReplicate().not());
        sendReplicationButton.setOnAction(e -> model.replicate(added -> {
            stage.close();
            onReplicated.accept(added);
        }));
        cancelButton.setOnAction(e -> stage.close());
    }

    private void rebuild(ReplicateSecretViewModel model, Stage stage) {
        rowGrid.getChildren().clear();
        rowGrid.addRow(0, new Label("Region"), new Label("KMS key in that region"));
        int index = 0;
        for (ReplicateSecretViewModel.TargetRow row : model.rows()) {
            int n = index++;
            ComboBox<String> region = new ComboBox<>();
            region.setId("replicaRegion" + n);
            region.setEditable(true);
            region.setPromptText("Choose or type a region");
            region.getItems().setAll(model.offeredRegions());
            region.setMaxWidth(Double.MAX_VALUE);
            region.setValue(row.regionProperty().get().isEmpty() ? null : row.regionProperty().get());
            region.valueProperty().addListener((obs, old, v) -> row.regionProperty().set(v == null ? "" : v));

            KmsKeyPicker key = new KmsKeyPicker();
            key.setId("replicaKey" + n);
            key.setDefaultAlias("alias/aws/secretsmanager");
            key.setPromptText("Choose a region first");
            key.disableProperty().bind(row.regionProperty().isEmpty().or(row.keysLoadingProperty()));
            Runnable showKeys = () -> key.setKeys(row.keys(), row.keyIdProperty().get());
            row.keys().addListener((ListChangeListener<Object>) c -> showKeys.run());
            showKeys.run();
            key.valueProperty().addListener((obs, old, v) -> row.keyIdProperty().set(key.getValue() == null ? Optional.empty()
                    : key.selectedKeyId()));
            Label keyProblem = new Label();
            keyProblem.getStyleClass().add("field-problem");
            keyProblem.setWrapText(true);
            keyProblem.textProperty().bind(row.keysProblemProperty());
            keyProblem.visibleProperty().bind(row.keysProblemProperty().isNotEmpty());
            keyProblem.managedProperty().bind(keyProblem.visibleProperty());

            Button remove = new Button(null, new FontIcon("mdal-close"));
            remove.setId("removeReplicaRow" + n);
            remove.disableProperty().bind(Bindings.size(model.rows()).lessThan(2));
            remove.setOnAction(e -> model.removeRow(row));

            javafx.scene.layout.VBox keyBox = new javafx.scene.layout.VBox(4, key, keyProblem);
            rowGrid.addRow(n + 1, region, keyBox, remove);
        }
        stage.sizeToScene();
    }
}
