package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.ui.Formats;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A row of the parameter tree: a folder with its count, or a parameter with an icon for its type.
 *
 * <p>Built for ten thousand parameters: a cell makes its nodes once and only changes their text
 * and icon as it is reused; a folder's count follows its row's count property, so a page that
 * changes counts touches a few labels instead of making the tree rebuild its cells; the tooltip
 * is made when the pointer first rests on the cell, not for every row shown.
 */
public final class ParameterCell extends TreeCell<TreeEntry> {

    private final FontIcon folderIcon = new FontIcon(Material2AL.FOLDER);
    private final Label name = new Label();
    private final Label count = new Label();
    private final HBox folderRow = new HBox(6, folderIcon, name, count);
    private final FontIcon parameterIcon = new FontIcon(Material2MZ.SHORT_TEXT);
    private final InvalidationListener countChanged = o -> showCount();
    // Weak, so a cell the tree discards does not keep listening to the row it showed last.
    private final WeakInvalidationListener weakCountChanged = new WeakInvalidationListener(countChanged);
    private FolderItem shownFolder;

    public ParameterCell() {
        folderIcon.getStyleClass().add("folder-icon");
        parameterIcon.getStyleClass().add("parameter-icon");
        count.getStyleClass().add("folder-count");
        folderRow.setAlignment(Pos.CENTER_LEFT);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> updateTooltip());
    }

    @Override
    protected void updateItem(TreeEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (shownFolder != null) {
            shownFolder.countProperty().removeListener(weakCountChanged);
            shownFolder = null;
        }
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        if (item instanceof TreeEntry.FolderEntry && getTreeItem() instanceof FolderItem folder) {
            shownFolder = folder;
            folder.countProperty().addListener(weakCountChanged);
            showIcon(folderIcon, folder.isExpanded() ? Material2AL.FOLDER_OPEN : Material2AL.FOLDER);
            name.setText(item.label());
            showCount();
            // The count follows the name, in a quieter style.
            setText(null);
            setGraphic(folderRow);
        } else if (item instanceof TreeEntry.ParameterEntry pe) {
            Parameter p = pe.parameter();
            showIcon(parameterIcon, "aws:ec2:image".equals(p.dataType()) ? Material2AL.IMAGE : p.isSecure() ? Material2AL.LOCK
                    : "StringList".equals(p.type()) ? Material2AL.LIST : Material2MZ.SHORT_TEXT);
            setText(item.label());
            setGraphic(parameterIcon);
        }
    }

    private static void showIcon(FontIcon icon, Ikon code) {
        if (icon.getIconCode() != code) {
            icon.setIconCode(code);
        }
    }

    private void showCount() {
        if (shownFolder != null) {
            count.setText(String.format("%,d", shownFolder.countProperty().get()));
        }
    }

    private void updateTooltip() {
        TreeEntry item = isEmpty() ? null : getItem();
        String text = item instanceof TreeEntry.FolderEntry folder
                ? folder.folder().path() + "\n" + Formats.count(folder.count(), "parameter", "parameters")
                : item instanceof TreeEntry.ParameterEntry pe
                ? pe.parameter().name() + "\n" + pe.parameter().type() + " · " + pe.parameter().tier() + " · v" + pe.parameter().version()
                : null;
        if (text == null) {
            setTooltip(null);
        } else if (getTooltip() == null) {
            setTooltip(new Tooltip(text));
        } else {
            getTooltip().setText(text);
        }
    }
}
