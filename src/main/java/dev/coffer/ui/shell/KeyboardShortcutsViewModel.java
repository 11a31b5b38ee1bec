package dev.coffer.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * Help → Keyboard shortcuts, made from the menus' accelerators so that it lists every one of
 * them, followed by the keys the tree, the list and the fields handle themselves.
 */
final class KeyboardShortcutsViewModel {

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

    private final List<Shortcut> shortcuts = new ArrayList<>();

    /** Every accelerator in {@code menus}, as "Menu → Item", in menu order; then the other keys. */
    KeyboardShortcutsViewModel(List<Menu> menus) {
        for (Menu menu : menus) {
            collect(menu, plain(menu.getText()));
        }
        shortcuts.addAll(OTHER_KEYS);
    }

    List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    private void collect(Menu menu, String path) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " → " + plain(sub.getText()));
            } else if (item.getAccelerator() != null) {
                shortcuts.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " → " + plain(item.getText())));
            }
        }
    }

    /** A menu text as read: without its mnemonic's underscore and trailing ellipsis. */
    private static String plain(String text) {
        return text.replace("_", "").replace("…", "");
    }
}
