package dev.coffer.secrets.view;

import dev.coffer.secrets.Replica;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

    private static final double ROW = 28;

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

        TableView<Replica> table = new TableView<>(model.replicas());
        table.setId("replicaTable");
        table.getColumns().setAll(java.util.List.of(column("Region", Replica::region, 100), column("Status", Replica::status, 90),
                column("Message", Replica::statusMessage, 180), column("KMS key", Replica::kmsKeyLabel, 160)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        table.prefHeightProperty().bind(Bindings.max(1, Bindings.size(model.replicas())).multiply(ROW).add(44));
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

    private static TableColumn<Replica, String> column(String title, Function<Replica, String> value, double width) {
        TableColumn<Replica, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
