package dev.coffer.secrets.view;

import dev.coffer.secrets.Database;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Pick database. Thin: state lives in {@link DatabasePickerViewModel}. */
public final class DatabasePickerController {

    @FXML private TableView<Database> databaseTable;
    @FXML private TableColumn<Database, String> identifierColumn;
    @FXML private TableColumn<Database, String> kindColumn;
    @FXML private TableColumn<Database, String> engineColumn;
    @FXML private TableColumn<Database, String> endpointColumn;
    @FXML private TableColumn<Database, String> statusColumn;
    @FXML private TableColumn<Database, String> portColumn;
    @FXML private Label tablePlaceholder;
    @FXML private VBox problemBox;
    @FXML private CheckBox nameCheck;
    @FXML private TextField proposedNameField;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Button stopButton;
    @FXML private Button reloadButton;
    @FXML private Button cancelButton;
    @FXML private Button useButton;

    /** Opens the picker, modal to {@code owner}, and starts listing; {@code onUse} gets the choice. */
    public static Stage open(Window owner, DatabasePickerViewModel model, Consumer<DatabasePickerViewModel.Choice> onUse) {
        return Windows.open(owner, Screen.DATABASE_PICKER, "Pick database", true,
                (DatabasePickerController c, Stage stage) -> c.init(model, stage, onUse));
    }

    private void init(DatabasePickerViewModel model, Stage stage, Consumer<DatabasePickerViewModel.Choice> onUse) {
        databaseTable.setItems(model.databases());
        column(identifierColumn, Database::identifier);
        column(kindColumn, d -> d.kind().label());
        column(engineColumn, Database::engine);
        column(endpointColumn, d -> d.host().isEmpty() ? "(not available yet)" : d.host());
        column(portColumn, d -> d.port() == 0 ? "" : String.valueOf(d.port()));
        column(statusColumn, Database::status);
        databaseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        databaseTable.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> model.selectedProperty().set(chosen));
        tablePlaceholder.textProperty().bind(Bindings.when(model.loadingProperty()).then("Listing databases…")
                .otherwise("No databases"));
        databaseTable.setRowFactory(t -> {
            TableRow<Database> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && model.canUse().get()) {
                    use(model, stage, onUse);
                }
            });
            return row;
        });

        model.problems().addListener((ListChangeListener<String>) c -> showProblems(model));
        showProblems(model);

        nameCheck.selectedProperty().bindBidirectional(model.nameAfterItProperty());
        nameCheck.setDisable(!model.namingOffered());
        nameCheck.setText(model.namingOffered() ? "Name the secret" : "An existing secret keeps its name");
        proposedNameField.textProperty().bind(model.proposedName());
        proposedNameField.disableProperty().bind(model.nameAfterItProperty().not());
        proposedNameField.setPromptText("Choose a database to see the name proposed");

        busyIndicator.visibleProperty().bind(model.loadingProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        stopButton.visibleProperty().bind(model.loadingProperty());
        stopButton.managedProperty().bind(stopButton.visibleProperty());
        stopButton.setOnAction(e -> model.cancel());
        reloadButton.disableProperty().bind(model.loadingProperty());
        reloadButton.setOnAction(e -> model.load());
        cancelButton.setOnAction(e -> {
            model.cancel();
            stage.close();
        });
        useButton.disableProperty().bind(model.canUse().not());
        useButton.setOnAction(e -> use(model, stage, onUse));
        stage.setOnHidden(e -> model.cancel());
        model.load();
    }

    private static void use(DatabasePickerViewModel model, Stage stage, Consumer<DatabasePickerViewModel.Choice> onUse) {
        DatabasePickerViewModel.Choice choice = model.choice();
        stage.close();
        onUse.accept(choice);
    }

    private void showProblems(DatabasePickerViewModel model) {
        problemBox.getChildren().setAll(model.problems().stream().map(text -> {
            Label label = new Label(text);
            label.setWrapText(true);
            label.getStyleClass().add("field-problem");
            return label;
        }).toList());
    }

    private static void column(TableColumn<Database, String> column, Function<Database, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }
}
