package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A folder row whose children are made only when the tree first asks for them (when it is
 * expanded), so ten thousand parameters cost only the rows a user has opened. With a filter it
 * shows only the folders and parameters among the {@link ParameterTree.Matches}.
 */
public final class FolderItem extends TreeItem<TreeEntry> {

    private final ParameterTree.Folder folder;
    private final ParameterTree.Matches matches;
    private final Map<ParameterTree.Folder, FolderItem> registry;
    private final ReadOnlyIntegerWrapper count;
    private boolean built;

    /** A row showing every parameter below {@code folder}, or only the {@code matches} (when not null). */
    FolderItem(ParameterTree.Folder folder, ParameterTree.Matches matches, Map<ParameterTree.Folder, FolderItem> registry) {
        super(new TreeEntry.FolderEntry(folder));
        this.folder = folder;
        this.matches = matches;
        this.registry = registry;
        this.count = new ReadOnlyIntegerWrapper(shownCount());
        registry.put(folder, this);
    }

    public ParameterTree.Folder folder() {
        return folder;
    }

    /**
     * The folder's count as the row shows it (matches only, with a filter). A changed count is not
     * a changed value: replacing the value would make the TreeView rebuild every cell for every page.
     */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public ObservableList<TreeItem<TreeEntry>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(createChildren());
        }
        return super.getChildren();
    }

    private int shownCount() {
        return matches == null ? folder.count() : matches.count(folder);
    }

    private boolean shows(ParameterTree.Folder f) {
        return matches == null || matches.count(f) > 0;
    }

    private boolean shows(Parameter p) {
        return matches == null || matches.contains(p);
    }

    private boolean shownHere(String name) {
        Parameter p = folder.parameter(name);
        return p != null && shows(p);
    }

    private int shownChildren() {
        if (matches == null) {
            return folder.folders().size() + folder.parameters().size();
        }
        int n = 0;
        for (ParameterTree.Folder f : folder.folders()) {
            n += shows(f) ? 1 : 0;
        }
        for (Parameter p : folder.parameters()) {
            n += shows(p) ? 1 : 0;
        }
        return n;
    }

    private List<TreeItem<TreeEntry>> createChildren() {
        List<TreeItem<TreeEntry>> children = new ArrayList<>();
        for (ParameterTree.Folder f : folder.folders()) {
            if (shows(f)) {
                children.add(new FolderItem(f, matches, registry));
            }
        }
        for (Parameter p : folder.parameters()) {
            if (shows(p)) {
                children.add(new TreeItem<>(new TreeEntry.ParameterEntry(p)));
            }
        }
        return children;
    }

    /**
     * Brings this row up to date after parameters were added, changed or removed: a new count,
     * children that are no longer shown taken out, new children inserted in order (folders first,
     * then parameters, each by name) and changed parameters given their new metadata; the rows
     * that stay are the same rows, so the tree keeps their selection and expansion.
     *
     * @param childrenChanged whether this folder's own parameters or folders changed
     */
    void update(boolean childrenChanged) {
        count.set(shownCount());
        if (!built) {
            return;
        }
        ObservableList<TreeItem<TreeEntry>> items = super.getChildren();
        if (!childrenChanged && items.size() == shownChildren()) {
            return;
        }
        items.removeIf(item -> item.getValue() instanceof TreeEntry.FolderEntry fe
                ? !shows(fe.folder()) || folder.folder(fe.folder().name()) != fe.folder()
                : !(item.getValue() instanceof TreeEntry.ParameterEntry pe) || !shownHere(pe.parameter().name()));
        int i = 0;
        for (ParameterTree.Folder f : folder.folders()) {
            if (!shows(f)) {
                continue;
            }
            if (i < items.size() && items.get(i).getValue() instanceof TreeEntry.FolderEntry fe && fe.folder() == f) {
                i++;
                continue;
            }
            items.add(i++, new FolderItem(f, matches, registry));
        }
        for (Parameter p : folder.parameters()) {
            if (!shows(p)) {
                continue;
            }
            if (i < items.size() && items.get(i).getValue() instanceof TreeEntry.ParameterEntry pe
                    && pe.parameter().name().equals(p.name())) {
                if (pe.parameter() != p) {
                    items.get(i).setValue(new TreeEntry.ParameterEntry(p));
                }
                i++;
                continue;
            }
            items.add(i++, new TreeItem<>(new TreeEntry.ParameterEntry(p)));
        }
    }
}
