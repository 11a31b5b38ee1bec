package dev.coffer.compare.view;

import dev.coffer.compare.Field;
import dev.coffer.compare.ItemResult;
import dev.coffer.compare.Outcome;
import dev.coffer.compare.PlanItem;
import dev.coffer.compare.PromotionPlan;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Binds the promotion plan (Compare → Review plan…) to the {@link CompareViewModel}: every call
 * with its target before anything is sent, then Apply with each item's result as it is known.
 */
public final class ComparePlanController {

    private CompareViewModel model;
    private Stage stage;

    @FXML private Label planTitle;
    @FXML private TableView<PlanItem> planItems;
    @FXML private TableColumn<PlanItem, String> planAction;
    @FXML private TableColumn<PlanItem, String> planTarget;
    @FXML private TableColumn<PlanItem, String> planFields;
    @FXML private TableColumn<PlanItem, String> planKey;
    @FXML private TableColumn<PlanItem, String> planNote;
    @FXML private TableColumn<PlanItem, PlanItem> planResult;
    @FXML private ProgressBar planProgress;
    @FXML private Label planMessage;
    @FXML private Button planApply;
    @FXML private Button planCancel;
    @FXML private Button planClose;

    void init(CompareViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        PromotionPlan plan = model.planProperty().get();
        planTitle.setText("Promote " + plan.items().size() + " item" + (plan.items().size() == 1 ? "" : "s") + " from "
                + plan.source().label() + " to " + plan.target().label());
        planItems.getItems().setAll(plan.items());
        planAction.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().action().jsonName()));
        planTarget.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().targetName()));
        planFields.setCellValueFactory(c -> new SimpleStringProperty(switch (c.getValue().action()) {
            case CREATE -> "everything";
            case UPDATE -> c.getValue().fieldsCopied().stream().map(Field::words)
                    .collect(Collectors.joining(", "));
            default -> "";
        }));
        planKey.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().targetKey().orElse("")));
        planNote.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().note()));
        planResult.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        planResult.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(PlanItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("danger-text", "warning-text");
                ItemResult result = empty || item == null ? null
                        : model.results().stream().filter(r -> r.item().equals(item)).findFirst().orElse(null);
                setText(result == null ? null : result.text());
                if (result != null && result.outcome() == Outcome.FAILED) {
                    getStyleClass().add("danger-text");
                } else if (result != null && result.outcome() != Outcome.DONE) {
                    getStyleClass().add("warning-text");
                }
            }
        });
        model.results().addListener((ListChangeListener<ItemResult>) c -> planItems.refresh());

        var applied = Bindings.isNotEmpty(model.results());
        planProgress.progressProperty().bind(Bindings.createDoubleBinding(() -> plan.items().isEmpty() ? 0
                : (double) model.results().size() / plan.items().size(), model.results()));
        planProgress.visibleProperty().bind(model.busyProperty().or(applied));
        planProgress.managedProperty().bind(planProgress.visibleProperty());
        planMessage.textProperty().bind(model.messageProperty());
        planApply.disableProperty().bind(model.busyProperty().or(applied).or(Bindings.createBooleanBinding(plan.items()::isEmpty)));
        planCancel.disableProperty().bind(model.busyProperty().not());
        planClose.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void onApply() {
        model.apply();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
