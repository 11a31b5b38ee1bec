package dev.coffer.secrets.view;

import dev.coffer.secrets.Replica;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The replication section under a secret's details: a sentence on its replication, the replica
 * regions with status, message and KMS key, and, where changes are possible (not in a read-only
 * window, not on a replica), Replicate to regions… and Remove from replication.
 */
public final class ReplicationPane extends VBox {

    private static final double ROW = 50;

    public ReplicationPane(ReplicationViewModel model, SecretActions actions) {
        super(6);
        setId("replicationPane");
        Label header = new Label("Replication");
        header.getStyleClass().add("section-header");
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(model.loadingProperty());
        HBox title = new HBox(8, header, loading);
        title.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("replicationSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        // A replica's explanation is what the user must read before anything else: shown as a warning.
        summary.styleProperty().bind(Bindings.when(Bindings.createBooleanBinding(() -> model.primaryRegionProperty().get().isPresent(),
                model.primaryRegionProperty())).then("-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;").otherwise(""));

        // A list, not a table: the details pane is narrow, and four columns cut every value short.
        ListView<Replica> table = new ListView<>(model.replicas());
        table.setId("replicaList");
        table.setCellFactory(list -> new ReplicaCell());
        table.setFixedCellSize(ROW);
        table.prefHeightProperty().bind(Bindings.size(model.replicas()).multiply(ROW).add(4));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.visibleProperty().bind(Bindings.isNotEmpty(model.replicas()));
        table.managedProperty().bind(table.visibleProperty());

        Button replicate = new Button("Replicate to regions…", new FontIcon("mdal-call_split"));
        replicate.setId("replicateButton");
        replicate.setTooltip(new Tooltip("Copy this secret to other regions, each encrypted with a key of that region"));
        replicate.disableProperty().bind(model.loadingProperty());
        replicate.setOnAction(e -> actions.replicate(model));
        Button remove = new Button("Remove from replication", new FontIcon("mdmz-remove_circle_outline"));
        remove.setId("removeReplicaButton");
        remove.setTooltip(new Tooltip("Delete the copy in the selected region; the primary stays as it is"));
        remove.disableProperty().bind(model.loadingProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        remove.setOnAction(e -> {
            Replica chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                actions.removeReplica(model, chosen.region());
            }
        });
        replicate.setMinWidth(USE_PREF_SIZE);
        remove.setMinWidth(USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(8, 6, replicate, remove);
        buttons.visibleProperty().bind(model.canChange());
        buttons.managedProperty().bind(buttons.visibleProperty());

        Label message = new Label();
        message.setId("replicationMessage");
        message.setWrapText(true);
        message.getStyleClass().add("field-problem");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().setAll(title, summary, table, buttons, message);
        visibleProperty().bind(model.secretProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** One replica on two lines: region and status, then its key and AWS's message. */
    private static final class ReplicaCell extends ListCell<Replica> {
        @Override
        protected void updateItem(Replica replica, boolean empty) {
            super.updateItem(replica, empty);
            if (empty || replica == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label region = new Label(replica.region());
            region.setStyle("-fx-font-weight: bold;");
            Label status = new Label(replica.status());
            status.setStyle(replica.failed() ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;" : "");
            Label detail = new Label("Key " + replica.kmsKeyLabel() + (replica.statusMessage().isEmpty() ? "" : " · " + replica.statusMessage()));
            detail.getStyleClass().add("subtle");
            detail.setTooltip(new Tooltip(detail.getText()));
            setText(null);
            setGraphic(new VBox(2, new HBox(10, region, status), detail));
        }
    }
}
