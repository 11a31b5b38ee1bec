package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Direction;
import dev.coffer.compare.Difference;
import dev.coffer.compare.Row;
import dev.coffer.compare.Status;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import dev.coffer.ui.kit.controls.BusyIndicator;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the compare window (Tools → Compare…) to its {@link CompareViewModel}: the two sides, the
 * rows with their counts as filters, the selected row's two sides with Reveal, and promoting.
 */
public final class CompareController {

    /** Each status's icon beside its words, in the table and on its filter toggle. */
    private static final Map<Status, String> ICONS = Map.of(Status.ONLY_LEFT, "mdal-arrow_back", Status.ONLY_RIGHT, "mdal-arrow_forward",
            Status.DIFFERENT, "mdal-error_outline", Status.SAME, "mdal-check");

    private CompareViewModel model;
    private CompareWindow window;
    private Stage stage;

    @FXML private ComboBox<ClientFactory> leftConnection;
    @FXML private ComboBox<ClientFactory> rightConnection;
    @FXML private Button leftFile;
    @FXML private Button rightFile;
    @FXML private TextField leftPath;
    @FXML private TextField rightPath;
    @FXML private TextField leftPrefix;
    @FXML private TextField rightPrefix;
    @FXML private CheckBox compareValues;
    @FXML private CheckBox compareTags;
    @FXML private Button compareRun;
    @FXML private Button compareCancel;
    /** Not JavaFX's ProgressIndicator: that repaints at the frame rate for the whole comparison (see BusyIndicator). */
    @FXML private BusyIndicator compareProgress;
    @FXML private Label compareMessage;
    @FXML private ToggleButton showOnlyLeft;
    @FXML private ToggleButton showOnlyRight;
    @FXML private ToggleButton showDifferent;
    @FXML private ToggleButton showSame;
    @FXML private StackPane filterBox;
    @FXML private TableView<Row> compareRows;
    @FXML private TableColumn<Row, String> rowKind;
    @FXML private TableColumn<Row, String> rowName;
    @FXML private TableColumn<Row, Status> rowStatus;
    @FXML private TableColumn<Row, String> rowDifferences;
    @FXML private Label diffTitle;
    @FXML private Button diffReveal;
    @FXML private Label diffLeftLabel;
    @FXML private Label diffRightLabel;
    @FXML private TextArea diffLeft;
    @FXML private TextArea diffRight;
    @FXML private VBox promoteBar;
    @FXML private ChoiceBox<Direction> promoteDirection;
    @FXML private CheckBox promoteTags;
    @FXML private ComboBox<String> promoteKey;
    @FXML private CheckBox promoteDelete;
    @FXML private TextField promoteConfirm;
    @FXML private Button promoteReview;

    void init(CompareViewModel model, CompareWindow window, Stage stage) {
        this.model = model;
        this.window = window;
        this.stage = stage;
        bindSide(model.left(), leftConnection, leftFile, leftPath, leftPrefix);
        bindSide(model.right(), rightConnection, rightFile, rightPath, rightPrefix);
        compareValues.selectedProperty().bindBidirectional(model.includeValuesProperty());
        compareTags.selectedProperty().bindBidirectional(model.includeTagsProperty());
        if (model.readOnlyWindow()) {
            compareValues.setTooltip(new Tooltip("In audit mode every value read is logged in the reveal log as revealed."));
        }
        compareRun.disableProperty().bind(model.busyProperty());
        compareCancel.disableProperty().bind(model.busyProperty().not());
        compareProgress.visibleProperty().bind(model.busyProperty());
        compareMessage.textProperty().bind(model.messageProperty());
        bindRows();
        bindDiff();
        bindPromote();
        // Esc stops what runs first; only then does it close the window.
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (model.busyProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.cancel());
    }

    private void bindSide(SideForm side, ComboBox<ClientFactory> connection, Button file, TextField path, TextField prefix) {
        connection.getItems().setAll(model.connections());
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientFactory clients) {
                return clients == null ? "" : clients.session().label() + (clients.session().readOnly() ? " (read-only)" : "");
            }

            @Override
            public ClientFactory fromString(String text) {
                return null;
            }
        });
        // Windows opened meanwhile (Another connection…) are listed the next time the list opens.
        connection.setOnShowing(e -> {
            ClientFactory chosen = connection.getValue();
            connection.getItems().setAll(window.connections());
            connection.setValue(chosen);
        });
        connection.valueProperty().bindBidirectional(side.connectionProperty());
        connection.disableProperty().bind(side.fileProperty().isNotNull());
        path.textProperty().bindBidirectional(side.pathProperty());
        prefix.textProperty().bindBidirectional(side.secretsPrefixProperty());
        path.disableProperty().bind(side.fileProperty().isNotNull());
        prefix.disableProperty().bind(side.fileProperty().isNotNull());
        file.textProperty().bind(Bindings.createStringBinding(() -> side.fileProperty().get() == null ? "Export file…"
                : side.fileProperty().get().getFileName() + " ✕", side.fileProperty()));
        file.setTooltip(new Tooltip());
        file.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> side.fileProperty().get() == null
                ? "Compare a Coffer export file instead of the connection" : side.fileProperty().get() + " (click to use the connection again)",
                side.fileProperty()));
    }

    @FXML
    private void onLeftFile() {
        chooseFile(model.left());
    }

    @FXML
    private void onRightFile() {
        chooseFile(model.right());
    }

    /** The side's file button chooses an export file, or goes back to the connection when one is chosen. */
    private void chooseFile(SideForm side) {
        if (side.fileProperty().get() != null) {
            side.fileProperty().set(null);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(side.name() + " side: a Coffer export file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Coffer exports (*.json, *.yaml, *.yml)", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            side.fileProperty().set(chosen.toPath());
        }
    }

    @FXML
    private void onCompare() {
        model.compare();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onNewWindow() {
        window.newWindow();
    }

    private void bindRows() {
        filter(showOnlyLeft, Status.ONLY_LEFT);
        filter(showOnlyRight, Status.ONLY_RIGHT);
        filter(showDifferent, Status.DIFFERENT);
        filter(showSame, Status.SAME);
        TextField text = TextFields.createClearableTextField();
        text.setId("compareFilter");
        text.setPromptText("Filter by name");
        text.textProperty().bindBidirectional(model.filterProperty());
        filterBox.getChildren().setAll(text);

        compareRows.setItems(model.shownRows());
        compareRows.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        compareRows.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> model.selectedProperty().set(row));
        rowKind.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().kind().jsonName()));
        rowName.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        rowStatus.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().status()));
        rowStatus.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Status status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().removeIf(s -> s.startsWith("compare-"));
                setText(empty || status == null ? null : status.words());
                setGraphic(empty || status == null ? null : new FontIcon(ICONS.get(status)));
                if (!empty && status != null) {
                    getStyleClass().add("compare-" + status.jsonName());
                }
            }
        });
        rowDifferences.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().differences().stream()
                .map(Difference::words).collect(Collectors.joining(", "))));
    }

    /** A toggle shows its status's count and shows or hides its rows. */
    private void filter(ToggleButton toggle, Status status) {
        toggle.setId("show-" + status.jsonName());
        // Only the icon takes the status's colour: a selected toggle is filled with the accent colour.
        FontIcon icon = new FontIcon(ICONS.get(status));
        icon.getStyleClass().add("compare-" + status.jsonName());
        toggle.setGraphic(icon);
        toggle.textProperty().bind(Bindings.concat(status.words().substring(0, 1).toUpperCase() + status.words().substring(1), " (",
                model.count(status), ")"));
        toggle.setSelected(model.shownStatuses().contains(status));
        toggle.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                model.shownStatuses().add(status);
            } else {
                model.shownStatuses().remove(status);
            }
        });
        toggle.setTooltip(new Tooltip("Show or hide the rows that are " + status.words()));
    }

    private void bindDiff() {
        diffTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Row row = model.selectedProperty().get();
            return row == null ? "Select a row to see both sides" : row.kind().jsonName() + " " + row.name();
        }, model.selectedProperty()));
        diffLeftLabel.textProperty().bind(Bindings.createStringBinding(() -> model.comparisonProperty().get() == null ? "Left"
                : "Left: " + model.comparisonProperty().get().left().label(), model.comparisonProperty()));
        diffRightLabel.textProperty().bind(Bindings.createStringBinding(() -> model.comparisonProperty().get() == null ? "Right"
                : "Right: " + model.comparisonProperty().get().right().label(), model.comparisonProperty()));
        diffLeft.textProperty().bind(model.leftText());
        diffRight.textProperty().bind(model.rightText());
        diffReveal.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        diffReveal.textProperty().bind(Bindings.when(model.revealed()).then("Hide").otherwise("Reveal"));
        diffReveal.setTooltip(new Tooltip(model.readOnlyWindow() ? "Shows this row's values; in audit mode the reveal is logged"
                : "Shows this row's SecureString and secret values"));
    }

    @FXML
    private void onReveal() {
        if (model.revealed().get()) {
            model.hide();
        } else {
            model.reveal();
        }
    }

    private void bindPromote() {
        // A read-only window offers no promoting at all; otherwise the button says why when it cannot.
        promoteBar.setVisible(!model.readOnlyWindow());
        promoteBar.setManaged(!model.readOnlyWindow());
        promoteDirection.getItems().setAll(Direction.values());
        promoteDirection.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? "" : d == Direction.LEFT_TO_RIGHT ? "Left → right" : "Right → left";
            }

            @Override
            public Direction fromString(String text) {
                return null;
            }
        });
        promoteDirection.valueProperty().bindBidirectional(model.directionProperty());
        promoteTags.selectedProperty().bindBidirectional(model.copyTagsProperty());
        promoteKey.setItems(model.targetKeys());
        promoteKey.valueProperty().bindBidirectional(model.targetKeyProperty());
        promoteDelete.selectedProperty().bindBidirectional(model.deleteOnlyOnTargetProperty());
        promoteConfirm.textProperty().bindBidirectional(model.typedTargetRootProperty());
        promoteConfirm.disableProperty().bind(promoteDelete.selectedProperty().not());
        var chosen = Bindings.createIntegerBinding(() -> compareRows.getSelectionModel().getSelectedItems().size(),
                compareRows.getSelectionModel().getSelectedItems());
        var whyNot = model.whyNotPromote();
        promoteReview.disableProperty().bind(whyNot.isNotEmpty().or(chosen.isEqualTo(0)).or(model.busyProperty()));
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(Bindings.when(whyNot.isNotEmpty()).then(whyNot)
                .otherwise(Bindings.when(chosen.isEqualTo(0)).then("Select the rows to promote").otherwise("Shows every call before anything is sent")));
        promoteReview.setTooltip(reason);
        // A disabled button shows no tooltip: the bar does, so the reason can be read.
        Tooltip.install(promoteBar, reason);
        model.planProperty().addListener((obs, was, plan) -> {
            if (plan != null) {
                Windows.open(stage, Screen.COMPARE_PLAN, "Promotion plan", true,
                        (ComparePlanController c, Stage planStage) -> c.init(model, planStage));
            }
        });
    }

    @FXML
    private void onReviewPlan() {
        model.plan(List.copyOf(compareRows.getSelectionModel().getSelectedItems()));
    }
}
