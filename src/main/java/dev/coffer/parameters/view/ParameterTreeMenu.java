package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ContextMenuEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The context menu of the parameter tree, built for the row it opens on: a folder or a parameter.
 * In read-only connections it offers only what reads (history, export).
 */
public final class ParameterTreeMenu {

    private ParameterTreeMenu() {
    }

    /**
     * Gives the tree this menu. ContextMenu.show does nothing without items, so they are made for
     * the selected row when the menu is asked for (right-clicking a row selects it first).
     *
     * @param files    comparing, exporting and importing a folder, which the compare feature does
     * @param whereUsed Where used… on the row (right-clicking selects it), which the usage feature does
     * @param readOnly  whether the connection may change nothing
     */
    public static void install(TreeView<TreeEntry> tree, ParameterActions actions, FolderFiles files, Runnable whereUsed,
                               BooleanSupplier readOnly) {
        ContextMenu menu = new ContextMenu();
        tree.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            TreeItem<TreeEntry> row = tree.getSelectionModel().getSelectedItem();
            menu.getItems().setAll(itemsFor(actions, files, whereUsed, row == null ? null : row.getValue(), readOnly.getAsBoolean()));
        });
        tree.setContextMenu(menu);
    }

    private static List<MenuItem> itemsFor(ParameterActions actions, FolderFiles files, Runnable whereUsed, TreeEntry entry,
                                           boolean readOnly) {
        List<MenuItem> items = new ArrayList<>();
        if (entry instanceof TreeEntry.FolderEntry folder) {
            String path = folder.folder().path();
            if (!readOnly) {
                items.add(item("New parameter here…", "mdal-add", () -> actions.newParameter(path)));
                items.add(item("Copy or move folder…", "mdal-file_copy", () -> actions.copyFolder(path)));
            }
            items.add(item("Export folder…", "mdal-get_app", () -> files.export().accept(path)));
            items.add(item("Copy or export as…", "mdal-code", () -> actions.copyOrExportAs(path)));
            items.add(item("Compare with…", "mdal-compare_arrows", () -> files.compareWith().accept(path)));
            items.add(item("Where used…", "mdal-account_tree", whereUsed));
            if (!readOnly) {
                items.add(item("Import into folder…", "mdmz-publish", () -> files.importInto().accept(path)));
                items.add(new SeparatorMenuItem());
                items.add(item("Delete folder…", "mdal-delete", () -> actions.deleteFolder(path)));
            }
        } else if (entry instanceof TreeEntry.ParameterEntry pe) {
            Parameter p = pe.parameter();
            if (!readOnly) {
                items.add(item("Edit…", "mdal-edit", () -> actions.edit(p)));
            }
            items.add(item("History and labels…", "mdal-history", () -> actions.history(p)));
            items.add(item("Where used…", "mdal-account_tree", whereUsed));
            if (!readOnly) {
                items.add(item("Copy or move…", "mdal-file_copy", () -> actions.copy(p)));
                items.add(item("Update golden AMI…", "mdal-album", () -> actions.updateGoldenImage(java.util.Optional.of(p))));
                items.add(new SeparatorMenuItem());
                items.add(item("Delete…", "mdal-delete", () -> actions.delete(p)));
            }
        }
        return items;
    }

    private static MenuItem item(String text, String icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }
}
