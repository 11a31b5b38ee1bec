package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterType;
import dev.coffer.ui.kit.Formats;
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
 * <p>Built for ten thousand parameters: a cell makes its nodes once (when it first shows an
 * entry) and only changes their text, icon and visibility as it is reused (never its graphic or
 * style classes, which would restyle it); a folder's count follows its row's count property, so a
 * page that changes counts touches a few labels instead of making the tree rebuild its cells; the
 * tooltip is made when the pointer first rests on the cell, not for every row shown.
 */
public final class ParameterCell extends TreeCell<TreeEntry> {

    // Made when the cell first shows an entry: a tree fills its height with empty cells when the
    // window opens, and their graphics were some 40 % of the window's first frame.
    private FontIcon folderIcon;
    private FontIcon parameterIcon;
    private Label name;
    private Label count;
    /** The one graphic, for both kinds of row: changing a cell's graphic restyles it, which is slow. */
    private HBox graphic;
    private final InvalidationListener countChanged = o -> showCount();
    // Weak, so a cell the tree discards does not keep listening to the row it showed last.
    private final WeakInvalidationListener weakCountChanged = new WeakInvalidationListener(countChanged);
    private FolderItem shownFolder;

    public ParameterCell() {
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> updateTooltip());
    }

    private void makeGraphic() {
        folderIcon = new FontIcon(Material2AL.FOLDER);
        parameterIcon = new FontIcon(Material2MZ.SHORT_TEXT);
        name = new Label();
        count = new Label();
        graphic = new HBox(6, folderIcon, parameterIcon, name, count);
        folderIcon.getStyleClass().add("folder-icon");
        parameterIcon.getStyleClass().add("parameter-icon");
        count.getStyleClass().add("folder-count");
        graphic.setAlignment(Pos.CENTER_LEFT);
        setGraphic(graphic);
    }

    @Override
    protected void updateItem(TreeEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (shownFolder != null) {
            shownFolder.countProperty().removeListener(weakCountChanged);
            shownFolder = null;
        }
        boolean folder = !empty && item instanceof TreeEntry.FolderEntry && getTreeItem() instanceof FolderItem;
        boolean parameter = !empty && item instanceof TreeEntry.ParameterEntry;
        if (graphic == null && (folder || parameter)) {
            makeGraphic();
        }
        if (graphic == null) {
            setText(null);
            hideDisclosure();
            return;
        }
        show(folderIcon, folder);
        show(name, folder);
        show(count, folder);
        show(parameterIcon, parameter);
        graphic.setVisible(folder || parameter);
        if (folder) {
            shownFolder = (FolderItem) getTreeItem();
            shownFolder.countProperty().addListener(weakCountChanged);
            showIcon(folderIcon, shownFolder.isExpanded() ? Material2AL.FOLDER_OPEN : Material2AL.FOLDER);
            // The name is a label of its own so that the count can follow it in a quieter style.
            name.setText(item.label());
            showCount();
            setText(null);
        } else if (parameter) {
            Parameter p = ((TreeEntry.ParameterEntry) item).parameter();
            showIcon(parameterIcon, p.dataType() == ParameterDataType.EC2_IMAGE ? Material2AL.IMAGE : p.isSecure() ? Material2AL.LOCK
                    : p.type() == ParameterType.STRING_LIST ? Material2AL.LIST : Material2MZ.SHORT_TEXT);
            setText(item.label());
        } else {
            setText(null);
            hideDisclosure();
        }
    }

    /**
     * JavaFX's TreeCellSkin leaves an empty cell's disclosure arrow as it was: a row that showed a
     * folder would keep a stray arrow below the last row. Layout shows it again.
     */
    private void hideDisclosure() {
        if (getDisclosureNode() != null) {
            getDisclosureNode().setVisible(false);
        }
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static void showIcon(FontIcon icon, Ikon code) {
        if (icon.getIconCode() != code) {
            icon.setIconCode(code);
        }
    }

    private void showCount() {
        if (shownFolder != null) {
            count.setText(Formats.number(shownFolder.countProperty().get()));
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
