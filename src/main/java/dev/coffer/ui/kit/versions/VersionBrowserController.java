package dev.coffer.ui.kit.versions;

import dev.coffer.ui.kit.controls.DiffView;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** The version browser window. Thin: state lives in {@link VersionBrowserViewModel}. */
public final class VersionBrowserController<V> {

    @FXML private Label title;
    @FXML private Label introduction;
    @FXML private HBox warningBar;
    @FXML private Label warningText;
    @FXML private TableView<V> versionTable;
    @FXML private DiffView diffView;
    @FXML private HBox buttonBar;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button revealValuesButton;
    @FXML private Button labelsButton;
    @FXML private Button restoreButton;
    @FXML private Button closeButton;

    private VersionBrowserViewModel<V> model;
    private Stage stage;

    public void init(VersionBrowserViewModel<V> model, Stage stage) {
        this.model = model;
        this.stage = stage;
        VersionSource<V> source = model.source();
        title.setText(source.title());
        introduction.setText(source.introduction());
        for (VersionSource.Column<V> c : source.columns()) {
            TableColumn<V, String> column = new TableColumn<>(c.header());
            column.setPrefWidth(c.width());
            column.setCellValueFactory(cell -> new SimpleStringProperty(c.text().apply(cell.getValue())));
            versionTable.getColumns().add(column);
        }
        versionTable.setItems(model.versions());
        versionTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        versionTable.setPlaceholder(new Label("Loading versions…"));
        versionTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<V>) c ->
                model.select(List.copyOf(versionTable.getSelectionModel().getSelectedItems())));
        diffView.setItems(model.diff());

        warningText.textProperty().bind(model.warningProperty());
        warningBar.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warningBar.managedProperty().bind(warningBar.visibleProperty());
        busyIndicator.visibleProperty().bind(model.loadingProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        revealValuesButton.setVisible(model.revealOffered());
        revealValuesButton.setManaged(model.revealOffered());
        revealValuesButton.disableProperty().bind(model.revealedProperty().or(model.loadingProperty()));
        revealValuesButton.setOnAction(e -> model.reveal());

        // Read-only (audit) mode: viewing and comparing are reads; restoring and labels change AWS.
        restoreButton.setText(source.restoreAction());
        for (Button b : new Button[] {labelsButton, restoreButton}) {
            b.setVisible(!model.readOnly());
            b.setManaged(!model.readOnly());
        }
        labelsButton.disableProperty().bind(model.canEditLabels().not());
        labelsButton.setOnAction(e -> openLabels(versionTable.getSelectionModel().getSelectedItem()));
        restoreButton.disableProperty().bind(model.canRestore().not());
        restoreButton.setOnAction(e -> {
            V version = versionTable.getSelectionModel().getSelectedItem();
            if (confirmed(source.restoreConfirmation(version))) {
                model.restore(version);
            }
        });
        if (!model.readOnly()) {
            source.extraChange().ifPresent(this::addExtraButton);
        }
        closeButton.setOnAction(e -> stage.close());
        model.load();
    }

    /** The source's extra change gets a button beside Restore. */
    private void addExtraButton(VersionSource.PlannedChange<?> change) {
        Button button = new Button(change.action(), new FontIcon(change.icon()));
        button.setId(change.id());
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(model.loadingProperty());
        Predicate<VersionSource.Confirmation> confirm = this::confirmed;
        button.setOnAction(e -> model.runExtraChange(confirm));
        buttonBar.getChildren().add(buttonBar.getChildren().indexOf(restoreButton) + 1, button);
    }

    private boolean confirmed(VersionSource.Confirmation confirmation) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.header());
        alert.setContentText(confirmation.text());
        alert.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType(confirmation.action(), ButtonBar.ButtonData.OK_DONE));
        alert.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
        return alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /** The labels dialog: the version's labels, add (or move) one, remove one. */
    private void openLabels(V version) {
        VersionSource<V> source = model.source();
        VersionBrowserViewModel<V>.LabelEditor editor = model.labels(version);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(source.labelsTitle());
        dialog.setHeaderText(source.labelsHeader(version));
        ListView<String> labels = new ListView<>();
        labels.setId("labelList");
        labels.getItems().setAll(editor.labels());
        labels.setPrefHeight(150);
        labels.setPlaceholder(new Label("No labels on this version"));
        Button remove = new Button("Remove label");
        remove.setId("removeLabelButton");
        remove.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !editor.canRemove(labels.getSelectionModel().getSelectedItem()), labels.getSelectionModel().selectedItemProperty()));
        TextField label = new TextField();
        label.setId("labelField");
        label.setPromptText(source.labelExample());
        label.textProperty().bindBidirectional(editor.typedProperty());
        HBox.setHgrow(label, Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("labelProblems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(editor.problems());
        Label moves = new Label();
        moves.setId("labelMoves");
        moves.getStyleClass().add("warning-text");
        moves.setWrapText(true);
        moves.textProperty().bind(editor.moves());
        Button add = new Button("Add label");
        add.setId("addLabelButton");
        add.setDefaultButton(true);
        add.disableProperty().bind(editor.canAdd().not());
        add.setOnAction(e -> {
            editor.add();
            dialog.close();
        });
        remove.setOnAction(e -> {
            editor.remove(labels.getSelectionModel().getSelectedItem());
            dialog.close();
        });
        Label rules = new Label(source.labelRules());
        rules.getStyleClass().add("subtle");
        rules.setWrapText(true);
        VBox content = new VBox(8, labels, remove, new HBox(8, label, add), problems, moves, rules);
        content.setPadding(new Insets(8));
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
        dialog.show();
    }
}
