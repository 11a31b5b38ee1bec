package dev.coffer.ui.kit;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;

/**
 * The parts of an editor window both editors bind alike to their {@link EditorState}: the
 * problem labels, the footer (busy, message, problem count, Cancel, Save), the conflict bar, and
 * closing, which asks before unsaved changes are lost.
 */
public final class EditorFrame {

    private final EditorState<?, ?> state;
    private final Stage stage;

    public EditorFrame(EditorState<?, ?> state, Stage stage) {
        this.state = state;
        this.stage = stage;
    }

    /** {@code label} shows the problems of {@code field}, and takes no room while there are none. */
    public EditorFrame problems(Label label, String field) {
        label.textProperty().bind(state.problemsOf(field));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return this;
    }

    /** Save sends the draft while it can be saved; Cancel and closing the window ask before losing changes. */
    public EditorFrame footer(ProgressIndicator busy, Label message, Label problemCount, Button cancel, Button save, Runnable onSave) {
        busy.visibleProperty().bind(state.busyProperty());
        message.textProperty().bind(state.messageProperty());
        problemCount.textProperty().bind(state.problemCount());
        save.disableProperty().bind(state.canSave().not());
        save.setOnAction(e -> onSave.run());
        cancel.setOnAction(e -> {
            if (!state.dirtyProperty().get() || confirmDiscard()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (state.dirtyProperty().get() && !confirmDiscard()) {
                e.consume();
            }
        });
        return this;
    }

    /**
     * The conflict bar shows while the store reports that the item changed: Overwrite saves over
     * the other change, Reload closes this editor and opens a fresh one on the item as it is now.
     */
    public EditorFrame conflict(Node bar, Button overwrite, Runnable onOverwrite, Button reload, Runnable onReload) {
        bar.visibleProperty().bind(state.conflictProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        overwrite.setOnAction(e -> onOverwrite.run());
        reload.setOnAction(e -> {
            stage.close();
            onReload.run();
        });
        return this;
    }

    private boolean confirmDiscard() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Close the editor and lose your changes?", ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText("Discard changes?");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
