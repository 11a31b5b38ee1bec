package dev.coffer.secrets.view;

import dev.coffer.aws.Problem;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.DiffView;
import java.util.List;
import java.util.function.Function;
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
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The versions window of one secret. Thin: state lives in {@link SecretVersionsViewModel}. */
public final class SecretVersionsController {

    @FXML private Label title;
    @FXML private TableView<SecretVersion> versionTable;
    @FXML private TableColumn<SecretVersion, String> versionColumn;
    @FXML private TableColumn<SecretVersion, String> labelsColumn;
    @FXML private TableColumn<SecretVersion, String> createdColumn;
    @FXML private TableColumn<SecretVersion, String> accessedColumn;
    @FXML private DiffView diffView;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button revealValuesButton;
    @FXML private Button labelsButton;
    @FXML private Button rollbackButton;
    @FXML private Button closeButton;

    private SecretVersionsViewModel model;
    private Stage stage;

    public void init(SecretVersionsViewModel model, Stage stage, boolean readOnly) {
        this.model = model;
        this.stage = stage;
        title.setText("Versions of " + model.secret().name());
        column(versionColumn, SecretVersion::versionId);
        column(labelsColumn, SecretVersionsViewModel::labels);
        column(createdColumn, v -> Formats.dateTime(v.created()));
        column(accessedColumn, v -> Formats.date(v.lastAccessed()));
        versionTable.setItems(model.versions());
        versionTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        versionTable.setPlaceholder(new Label("Loading versions…"));
        versionTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SecretVersion>) c -> compareSelection());
        diffView.setItems(model.diff());
        busyIndicator.visibleProperty().bind(model.loadingProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        revealValuesButton.disableProperty().bind(model.revealedProperty().or(model.loadingProperty()));
        revealValuesButton.setOnAction(e -> model.reveal());
        var oneSelected = Bindings.size(versionTable.getSelectionModel().getSelectedItems()).isEqualTo(1);
        labelsButton.disableProperty().bind(oneSelected.not().or(model.loadingProperty()));
        rollbackButton.disableProperty().bind(oneSelected.not().or(model.loadingProperty()).or(Bindings.createBooleanBinding(() -> {
            SecretVersion v = versionTable.getSelectionModel().getSelectedItem();
            return v == null || v.isCurrent();
        }, versionTable.getSelectionModel().getSelectedItems(), model.versions())));
        // Read-only (audit) mode: viewing and comparing are reads; roll back and labels change AWS.
        for (Button b : new Button[] {labelsButton, rollbackButton}) {
            b.setVisible(!readOnly);
            b.setManaged(!readOnly);
        }
        labelsButton.setOnAction(e -> openLabels(versionTable.getSelectionModel().getSelectedItem()));
        rollbackButton.setOnAction(e -> confirmRollback(versionTable.getSelectionModel().getSelectedItem()));
        closeButton.setOnAction(e -> stage.close());
        model.versions().addListener((ListChangeListener<SecretVersion>) c -> compareSelection());
        model.load();
    }

    private void compareSelection() {
        List<SecretVersion> selected = List.copyOf(versionTable.getSelectionModel().getSelectedItems());
        if (selected.size() == 2) {
            model.compare(selected.get(0), selected.get(1));
        } else if (selected.size() == 1) {
            int i = model.versions().indexOf(selected.get(0));
            if (i >= 0 && i + 1 < model.versions().size()) {
                model.compare(model.versions().get(i + 1), selected.get(0));
            } else {
                model.diff().clear();
            }
        } else {
            model.diff().clear();
        }
    }

    private static void column(TableColumn<SecretVersion, String> column, Function<SecretVersion, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }

    private void confirmRollback(SecretVersion version) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle("Make current");
        alert.setHeaderText("Make version " + version.versionId() + " of " + model.secret().name() + " current?");
        alert.setContentText("AWSCURRENT moves to this version, so applications read its value from now on. "
                + "AWSPREVIOUS moves to the version that is current now. No version is deleted.");
        alert.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType("Make current", ButtonBar.ButtonData.OK_DONE));
        alert.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
        alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(b -> model.rollback(version));
    }

    /** The labels dialog: the version's labels, add (or move) a custom label, remove one. */
    private void openLabels(SecretVersion version) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Staging labels");
        dialog.setHeaderText("Labels of version " + version.versionId());
        ListView<String> labels = new ListView<>();
        labels.setId("labelList");
        labels.getItems().setAll(version.stages());
        labels.setPrefHeight(150);
        labels.setPlaceholder(new Label("No labels on this version"));
        Button remove = new Button("Remove label");
        remove.setId("removeLabelButton");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            String l = labels.getSelectionModel().getSelectedItem();
            return l == null || SecretRules.AWSCURRENT.equals(l);
        }, labels.getSelectionModel().selectedItemProperty()));
        TextField label = new TextField();
        label.setId("labelField");
        label.setPromptText("e.g. golden, release-2026-11");
        HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("labelProblems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        Label moves = new Label();
        moves.setId("labelMoves");
        moves.getStyleClass().add("warning-text");
        moves.setWrapText(true);
        Button add = new Button("Add label");
        add.setId("addLabelButton");
        add.setDefaultButton(true);
        label.textProperty().addListener((obs, old, text) -> {
            List<Problem> found = text.isEmpty() ? List.of() : model.checkLabel(text);
            problems.setText(String.join("\n", found.stream().map(Problem::message).toList()));
            moves.setText(found.isEmpty() && !text.isEmpty() ? model.carrier(text, version)
                    .map(v -> "\"" + text + "\" is on version " + SecretVersionsViewModel.shortId(v) + " now; adding it here moves it.")
                    .orElse("") : "");
        });
        add.disableProperty().bind(label.textProperty().isEmpty().or(problems.textProperty().isNotEmpty()));
        add.setOnAction(e -> {
            model.moveLabel(version, label.getText());
            dialog.close();
        });
        remove.setOnAction(e -> {
            model.removeLabel(labels.getSelectionModel().getSelectedItem());
            dialog.close();
        });
        Label rules = new Label("Up to " + SecretRules.LABEL_MAX + " characters; at most " + SecretRules.MAX_STAGING_LABELS
                + " labels across all versions. A label is on one version at a time. AWSCURRENT can't be removed: "
                + "make another version current instead.");
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
