package dev.coffer.ui.shell;

import dev.coffer.ui.kit.Windows;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help → Keyboard shortcuts, made from the menus' accelerators so that it lists every one of
 * them, followed by the keys the tree, the list and the fields handle themselves.
 */
final class KeyboardShortcuts {

    /** One key and what it does. */
    record Shortcut(String keys, String action) {
    }

    /** Keys that belong to no menu item. */
    private static final List<Shortcut> OTHER_KEYS = List.of(
            new Shortcut("Enter", "Edit the selected parameter or secret"),
            new Shortcut("Delete", "Delete the selected parameter or folder (in the tree), or the selected secret (in the list)"),
            new Shortcut("Ctrl+C", "Copy the part of a revealed value selected (cleared after 30 s)"),
            new Shortcut("Esc", "Clear a filter"),
            new Shortcut("Down", "From a filter to its list"));

    private KeyboardShortcuts() {
    }

    /** Every accelerator in {@code menus}, as "Menu → Item", in menu order; then the other keys. */
    static List<Shortcut> of(MenuBar menus) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            collect(menu, plain(menu.getText()), shortcuts);
        }
        shortcuts.addAll(OTHER_KEYS);
        return shortcuts;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " → " + plain(sub.getText()), into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " → " + plain(item.getText())));
            }
        }
    }

    /** A menu text as read: without its mnemonic's underscore and trailing ellipsis. */
    private static String plain(String text) {
        return text.replace("_", "").replace("…", "");
    }

    static void show(Window owner, MenuBar menus) {
        GridPane grid = new GridPane();
        grid.setId("keyboardShortcuts");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setPadding(new Insets(14));
        int row = 0;
        for (Shortcut s : of(menus)) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, keys, new Label(s.action()));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, grid.prefHeight(-1)));
        Stage stage = Windows.window(new Stage(), owner, "Keyboard shortcuts", false, scroll, -1, -1);
        stage.show();
    }
}
