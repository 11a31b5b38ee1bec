package dev.coffer.ui.kit.controls;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A line-by-line comparison of two texts (java-diff-utils): removed lines marked "-", added lines
 * "+", unchanged ones plain. Shared by parameter and secret history.
 */
public final class DiffView extends ListView<DiffView.Line> {

    /** One shown line. */
    public record Line(Kind kind, String text) {
        public String marked() {
            return switch (kind) {
                case ADDED -> "+ " + text;
                case REMOVED -> "- " + text;
                case SAME -> "  " + text;
                case NOTE -> text;
            };
        }
    }

    public enum Kind { SAME, ADDED, REMOVED, NOTE }

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

    /** Compares {@code before} with {@code after}, line by line. */
    public static List<Line> compare(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> result = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; next < delta.getSource().getPosition(); next++) {
                result.add(new Line(Kind.SAME, a.get(next)));
            }
            delta.getSource().getLines().forEach(l -> result.add(new Line(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> result.add(new Line(Kind.ADDED, l)));
            next = delta.getSource().getPosition() + delta.getSource().size();
        }
        for (; next < a.size(); next++) {
            result.add(new Line(Kind.SAME, a.get(next)));
        }
        return result;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    public void show(List<Line> lines) {
        getItems().setAll(lines);
    }
}
