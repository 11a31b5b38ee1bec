package dev.coffer.parameters.view;

import dev.coffer.ui.kit.Formats;
import dev.coffer.usage.view.ConsumerCheck;
import dev.coffer.usage.view.ConsumerWarningBar;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The copy or move window. Thin: state lives in {@link CopyParametersViewModel}. */
public final class CopyParametersController {

    @FXML private Label copyTitle;
    @FXML private Label copySubtitle;
    @FXML private Label copySource;
    @FXML private Label targetLabel;
    @FXML private TextField copyTargetField;
    @FXML private Label copyProblems;
    @FXML private CheckBox copyMoveCheck;
    @FXML private ConsumerWarningBar consumerWarning;
    @FXML private Label previewCount;
    @FXML private TableView<CopyParametersViewModel.Row> copyPreview;
    @FXML private TableColumn<CopyParametersViewModel.Row, String> fromColumn;
    @FXML private TableColumn<CopyParametersViewModel.Row, String> toColumn;
    @FXML private TableColumn<CopyParametersViewModel.Row, String> stateColumn;
    @FXML private HBox existingBar;
    @FXML private Label existingText;
    @FXML private CheckBox copyOverwriteCheck;
    @FXML private ProgressBar copyProgress;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label copyMessage;
    @FXML private Button copyCloseButton;
    @FXML private Button copyButton;

    /**
     * {@code consumers} says, once Move is ticked, who reads the old names; {@code onChanged} runs
     * with what changed in AWS, so the tree can follow.
     */
    public void init(CopyParametersViewModel model, ConsumerCheck consumers, Stage stage,
                     Consumer<CopyParametersViewModel.Copied> onChanged) {
        copyTitle.setText((model.isFolder() ? "Copy or move folder " : "Copy or move ") + model.source());
        copySubtitle.setText(model.isFolder()
                ? "Every parameter in the folder and below it gets a new name under the new path."
                : "The parameter is copied with its type, value, description, tier, data type, KMS key and tags.");
        copySource.setText(model.source());
        targetLabel.setText(model.isFolder() ? "To folder" : "To name");
        copyTargetField.textProperty().bindBidirectional(model.targetProperty());
        copyProblems.textProperty().bind(model.problemsProperty());
        copyProblems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        copyProblems.managedProperty().bind(copyProblems.visibleProperty());
        copyMoveCheck.selectedProperty().bindBidirectional(model.moveProperty());
        BooleanBinding locked = model.busyProperty().or(model.doneProperty());
        copyTargetField.disableProperty().bind(locked);
        copyMoveCheck.disableProperty().bind(locked);
        // A copy leaves the old names in place, so it breaks no consumer; a move (or rename) does.
        consumerWarning.show(consumers);
        consumerWarning.visibleProperty().bind(model.moveProperty());
        consumerWarning.managedProperty().bind(consumerWarning.visibleProperty());

        column(fromColumn, CopyParametersViewModel.Row::from);
        column(toColumn, CopyParametersViewModel.Row::to);
        column(stateColumn, r -> !model.checkedProperty().get() ? "" : r.exists() ? "Exists" : "New");
        copyPreview.setItems(model.preview());
        copyPreview.setPlaceholder(new Label("Type where the copy goes to see every new name."));
        copyPreview.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CopyParametersViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("target-exists");
                if (!empty && row != null && row.exists()) {
                    getStyleClass().add("target-exists");
                }
            }
        });
        previewCount.textProperty().bind(Bindings.createStringBinding(() -> model.preview().isEmpty() ? ""
                : Formats.count(model.preview().size(), "parameter", "parameters")
                + (model.checkedProperty().get() ? "" : " · checking the new names…"), model.preview(), model.checkedProperty()));

        existingBar.visibleProperty().bind(Bindings.isNotEmpty(model.existing()));
        existingBar.managedProperty().bind(existingBar.visibleProperty());
        existingText.textProperty().bind(Bindings.createStringBinding(() -> model.existing().size() == 1
                ? "1 new name already exists: " + model.existing().get(0) + "."
                : model.existing().size() + " new names already exist (marked in the preview).", model.existing()));
        copyOverwriteCheck.textProperty().bind(Bindings.when(Bindings.size(model.existing()).isEqualTo(1))
                .then("Overwrite it (it keeps its policies; an Advanced parameter stays Advanced)")
                .otherwise("Overwrite them (they keep their policies; an Advanced parameter stays Advanced)"));
        copyOverwriteCheck.selectedProperty().bindBidirectional(model.overwriteProperty());
        copyOverwriteCheck.disableProperty().bind(locked);

        copyProgress.progressProperty().bind(model.progressProperty());
        copyProgress.visibleProperty().bind(locked);
        copyProgress.managedProperty().bind(copyProgress.visibleProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        copyMessage.textProperty().bind(model.messageProperty());
        copyButton.textProperty().bind(Bindings.when(model.moveProperty()).then("Move").otherwise("Copy"));
        copyButton.disableProperty().bind(model.canRun().not());
        copyButton.setOnAction(e -> model.run(onChanged));
        copyCloseButton.textProperty().bind(Bindings.when(model.doneProperty()).then("Close").otherwise("Cancel"));
        copyCloseButton.disableProperty().bind(model.busyProperty());
        copyCloseButton.setOnAction(e -> stage.close());
        // Closing mid-copy would hide its outcome; the copy itself cannot be stopped half way safely.
        // A scan this confirmation started stops with it.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> consumers.cancel());
        stage.setOnCloseRequest(e -> {
            if (model.busyProperty().get()) {
                e.consume();
            }
        });
        copyTargetField.requestFocus();
        copyTargetField.selectAll();
    }

    private static void column(TableColumn<CopyParametersViewModel.Row, String> column, Function<CopyParametersViewModel.Row, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }
}
