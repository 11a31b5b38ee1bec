package dev.coffer.parameters.view;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.aws.Problem;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterVersion;
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

/** The history window of one parameter. Thin: state lives in {@link ParameterHistoryViewModel}. */
public final class ParameterHistoryController {

    @FXML private Label title;
    @FXML private HBox warningBar;
    @FXML private Label warningText;
    @FXML private TableView<ParameterVersion> versionTable;
    @FXML private TableColumn<ParameterVersion, String> versionColumn;
    @FXML private TableColumn<ParameterVersion, String> dateColumn;
    @FXML private TableColumn<ParameterVersion, String> userColumn;
    @FXML private TableColumn<ParameterVersion, String> typeColumn;
    @FXML private TableColumn<ParameterVersion, String> tierColumn;
    @FXML private TableColumn<ParameterVersion, String> dataTypeColumn;
    @FXML private TableColumn<ParameterVersion, String> labelsColumn;
    @FXML private TableColumn<ParameterVersion, String> descriptionColumn;
    @FXML private DiffView diffView;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Button revealValuesButton;
    @FXML private Button labelsButton;
    @FXML private Button restoreButton;
    @FXML private Button closeButton;

    private ParameterHistoryViewModel model;
    private Stage stage;

    public void init(ParameterHistoryViewModel model, Stage stage, boolean readOnly) {
        this.model = model;
        this.stage = stage;
        title.setText("History of " + model.parameter().name());
        column(versionColumn, v -> String.valueOf(v.version()));
        column(dateColumn, v -> Formats.dateTime(v.lastModified()));
        column(userColumn, v -> v.lastModifiedUser() == null ? "" : v.lastModifiedUser());
        column(typeColumn, v -> v.type().awsName());
        column(tierColumn, v -> v.tier().awsName());
        column(dataTypeColumn, v -> v.dataType().awsName());
        column(labelsColumn, v -> String.join(", ", v.labels()));
        column(descriptionColumn, v -> v.description().orElse(""));
        versionTable.setItems(model.versions());
        versionTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        versionTable.setPlaceholder(new Label("Loading history…"));
        versionTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ParameterVersion>) c -> compareSelection());
        diffView.setItems(model.diff());

        warningText.textProperty().bind(model.warningProperty());
        warningBar.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warningBar.managedProperty().bind(warningBar.visibleProperty());
        busyIndicator.visibleProperty().bind(model.loadingProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        revealValuesButton.setVisible(model.parameter().isSecure());
        revealValuesButton.setManaged(model.parameter().isSecure());
        revealValuesButton.disableProperty().bind(model.revealedProperty().or(model.loadingProperty()));
        revealValuesButton.setOnAction(e -> model.reveal());

        var oneSelected = Bindings.size(versionTable.getSelectionModel().getSelectedItems()).isEqualTo(1);
        labelsButton.disableProperty().bind(oneSelected.not().or(model.loadingProperty()));
        restoreButton.disableProperty().bind(oneSelected.not().or(model.loadingProperty()).or(Bindings.createBooleanBinding(
                () -> !versionTable.getSelectionModel().getSelectedItems().isEmpty() && !model.versions().isEmpty()
                        && versionTable.getSelectionModel().getSelectedItems().get(0) == model.versions().get(0),
                versionTable.getSelectionModel().getSelectedItems(), model.versions())));
        // Read-only (audit) mode: history is a read; labels and restore change AWS.
        for (Button b : new Button[] {labelsButton, restoreButton}) {
            b.setVisible(!readOnly);
            b.setManaged(!readOnly);
        }
        labelsButton.setOnAction(e -> openLabels(versionTable.getSelectionModel().getSelectedItem()));
        restoreButton.setOnAction(e -> confirmRestore(versionTable.getSelectionModel().getSelectedItem()));
        addRollbackButton(readOnly);
        closeButton.setOnAction(e -> stage.close());
        model.versions().addListener((ListChangeListener<ParameterVersion>) c -> compareSelection());
        model.load();
    }

    private void compareSelection() {
        List<ParameterVersion> selected = List.copyOf(versionTable.getSelectionModel().getSelectedItems());
        if (selected.size() == 2) {
            model.compare(selected.get(0), selected.get(1));
        } else if (selected.size() == 1) {
            // One version: compare it with the one before it.
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

    private static void column(TableColumn<ParameterVersion, String> column, Function<ParameterVersion, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }

    /** Golden AMI parameters get "Roll back to previous image" beside Restore (not in read-only mode). */
    private void addRollbackButton(boolean readOnly) {
        if (readOnly || model.parameter().dataType() != ParameterDataType.EC2_IMAGE) {
            return;
        }
        Button rollback = new Button("Roll back to previous image", new org.kordamp.ikonli.javafx.FontIcon("mdmz-replay"));
        rollback.setId("rollbackImageButton");
        rollback.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rollback.disableProperty().bind(model.loadingProperty());
        rollback.setOnAction(e -> model.rollbackImage(plan -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
            alert.initOwner(stage);
            alert.setTitle("Roll back to previous image");
            alert.setHeaderText("Roll " + plan.name() + " back to " + plan.toImage() + "?");
            alert.setContentText("Version " + plan.toVersion() + "'s image " + plan.toImage() + " becomes a new version in place of "
                    + plan.currentImage() + " (version " + plan.currentVersion() + "). The label " + GoldenImageUpdate.DEFAULT_LABEL
                    + " moves to the new version and " + GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL + " to version " + plan.currentVersion() + ".");
            alert.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType("Roll back", ButtonBar.ButtonData.OK_DONE));
            return alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
        }));
        javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) restoreButton.getParent();
        bar.getChildren().add(bar.getChildren().indexOf(restoreButton) + 1, rollback);
    }

    private void confirmRestore(ParameterVersion version) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle("Restore version");
        alert.setHeaderText("Restore version " + version.version() + " of " + model.parameter().name() + "?");
        alert.setContentText("Its value, type, description and data type become a new version. "
                + "No version is deleted, and labels stay where they are.");
        alert.getButtonTypes().setAll(ButtonType.CANCEL, new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(b -> model.restore(version));
    }

    /** The label dialog: the version's labels, attach (or move) one, detach one. */
    private void openLabels(ParameterVersion version) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Labels");
        dialog.setHeaderText("Labels of version " + version.version() + " of " + model.parameter().name());
        ListView<String> labels = new ListView<>();
        labels.setId("labelList");
        labels.getItems().setAll(version.labels());
        labels.setPrefHeight(150);
        labels.setPlaceholder(new Label("No labels on this version"));
        Button detach = new Button("Remove label");
        detach.setId("detachLabelButton");
        detach.disableProperty().bind(labels.getSelectionModel().selectedItemProperty().isNull());
        TextField label = new TextField();
        label.setId("labelField");
        label.setPromptText("e.g. golden, stable, release-2026-11");
        Label problems = new Label();
        problems.setId("labelProblems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        Label moves = new Label();
        moves.setId("labelMoves");
        moves.getStyleClass().add("warning-text");
        moves.setWrapText(true);
        Button attach = new Button("Add label");
        attach.setId("attachLabelButton");
        attach.setDefaultButton(true);
        label.textProperty().addListener((obs, old, text) -> {
            List<Problem> found = text.isBlank() ? List.of() : model.checkLabel(text, version);
            problems.setText(String.join("\n", found.stream().map(Problem::message).toList()));
            moves.setText(found.isEmpty() && !text.isBlank() ? model.carrier(text.trim(), version)
                    .map(v -> "\"" + text.trim() + "\" is on version " + v.version() + " now; adding it here moves it.").orElse("") : "");
        });
        attach.disableProperty().bind(label.textProperty().isEmpty().or(problems.textProperty().isNotEmpty()));
        attach.setOnAction(e -> {
            model.attach(version, label.getText());
            dialog.close();
        });
        detach.setOnAction(e -> {
            model.detach(version, labels.getSelectionModel().getSelectedItem());
            dialog.close();
        });
        Label rules = new Label("1-100 letters, digits, '.', '-' or '_'; not starting with a digit, \"aws\" or \"ssm\"; "
                + "at most 10 per version. A label is on one version at a time.");
        rules.getStyleClass().add("subtle");
        rules.setWrapText(true);
        VBox content = new VBox(8, labels, detach, new HBox(8, label, attach), problems, moves, rules);
        content.setPadding(new Insets(8));
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
        dialog.show();
    }
}
