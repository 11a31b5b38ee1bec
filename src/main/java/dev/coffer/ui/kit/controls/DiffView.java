package dev.coffer.ui.kit.controls;

import dev.coffer.ui.kit.controls.Comparison.Kind;
import dev.coffer.ui.kit.controls.Comparison.Line;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** Shows a {@link Comparison}: removed lines in red, added ones in green, in the version browser. */
public final class DiffView extends ListView<Line> {

    public DiffView() {
        getStyleClass().add("diff-view");
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-note");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line.marked());
                getStyleClass().add("diff-line");
                if (line.kind() == Kind.ADDED) {
                    getStyleClass().add("diff-added");
                } else if (line.kind() == Kind.REMOVED) {
                    getStyleClass().add("diff-removed");
                } else if (line.kind() == Kind.NOTE) {
                    getStyleClass().add("diff-note");
                }
            }
        });
        setPlaceholder(new javafx.scene.control.Label("Select two versions to compare them."));
    }

    public void show(List<Line> lines) {
        getItems().setAll(lines);
    }
}
