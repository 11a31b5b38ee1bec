package dev.coffer.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;

/** Lays out the keyboard help's shortcuts, one row each: the keys, then what they do. */
public final class KeyboardShortcutsController {

    /** The window stays this tall at most; a longer list scrolls. */
    private static final double MAX_HEIGHT = 560;

    @FXML
    private ScrollPane shortcutsScroll;
    @FXML
    private GridPane keyboardShortcuts;

    void init(KeyboardShortcutsViewModel model) {
        int row = 0;
        for (KeyboardShortcutsViewModel.Shortcut s : model.shortcuts()) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            keyboardShortcuts.addRow(row++, keys, new Label(s.action()));
        }
        shortcutsScroll.setPrefViewportHeight(Math.min(MAX_HEIGHT, keyboardShortcuts.prefHeight(-1)));
    }
}
