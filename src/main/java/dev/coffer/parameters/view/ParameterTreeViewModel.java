package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TreeItem;

/**
 * The parameter tree as the window shows it: all loaded parameters, the filter, and the root row.
 * Pages are added on the FX thread as they arrive; only rows that exist are touched.
 */
public final class ParameterTreeViewModel {

    /** With at most this many matches, a filtered tree opens every folder. */
    static final int EXPAND_ALL_LIMIT = 200;
    private static final int RECENT_FILTERS = 24;

    private ParameterTree tree = new ParameterTree();
    /** What the filter lets through, or null when there is no filter. */
    private ParameterTree.Matches matches;
    /** Recent filters' matches, so that Backspace costs nothing; dropped whenever the tree changes. */
    private final Map<String, ParameterTree.Matches> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParameterTree.Matches> eldest) {
            return size() > RECENT_FILTERS;
        }
    };
    private Map<ParameterTree.Folder, FolderItem> rows = new HashMap<>();
    private final ObjectProperty<FolderItem> root = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper();

    public ParameterTreeViewModel() {
        root.set(newRoot());
        filter.addListener((obs, old, text) -> applyFilter(old));
    }

    public ObjectProperty<FolderItem> rootProperty() {
        return root;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Parameters loaded so far. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Parameters that pass the filter. */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ParameterTree tree() {
        return tree;
    }

    public void clear() {
        tree = new ParameterTree();
        applyFilter();
    }

    /**
     * Shows a tree made off the FX thread, such as a reopened connection's remembered listing
     * (50,000 parameters take a tenth of a second to file into folders, too long for one frame).
     * Parameters the tree already holds (saved meanwhile) stay: the built ones are added to them.
     */
    public void show(ParameterTree built) {
        if (tree.size() > 0) {
            addPage(built.all());
            return;
        }
        tree = built;
        applyFilter();
    }

    /** Adds one page from DescribeParameters (FX thread). */
    public void addPage(List<Parameter> page) {
        Set<ParameterTree.Folder> changed = tree.addAll(page);
        if (changed.isEmpty()) {
            return; // listed again as they were
        }
        total.set(tree.size());
        recent.clear();
        if (matches == null || matches.add(page)) {
            refreshRows(changed);
        }
        shownCount.set(shown());
    }

    private int shown() {
        return matches == null ? tree.size() : matches.size();
    }

    /**
     * Takes deleted or moved parameters (or ones gone since a reopened connection's last listing)
     * out of the tree in place: the other rows stay as they are, open or closed, selected or not.
     */
    public void remove(Collection<String> names) {
        List<Parameter> gone = new ArrayList<>();
        for (String name : names) {
            Parameter p = tree.find(name);
            if (p != null) {
                gone.add(p);
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        if (matches != null) {
            matches.remove(gone);
        }
        refreshRows(tree.removeAll(names));
        recent.clear();
        total.set(tree.size());
        shownCount.set(shown());
    }

    private void refreshRows(Set<ParameterTree.Folder> changed) {
        // Rows made during this pass are new and already current; iterate over a copy.
        for (FolderItem row : new ArrayList<>(rows.values())) {
            row.update(changed.contains(row.folder()));
        }
    }

    private void applyFilter() {
        recent.clear();
        applyFilter(null);
    }

    /**
     * Shows the parameters that pass the filter. When the user typed on, so that the new filter
     * can only narrow the previous one, only the folders with matches so far are searched; a
     * filter seen a moment ago (the user pressed Backspace) is not searched again.
     */
    private void applyFilter(String previous) {
        String text = filter.get();
        if (text == null || text.isBlank()) {
            matches = null;
        } else {
            String key = String.join(" ", ParameterTree.words(text));
            ParameterTree.Matches known = recent.get(key);
            if (known == null) {
                known = tree.match(text, matches != null && previous != null && narrows(text, previous) ? matches : null);
                recent.put(key, known);
            }
            matches = known;
        }
        FolderItem newRoot = newRoot();
        if (matches != null && matches.size() <= EXPAND_ALL_LIMIT) {
            expandAll(newRoot);
        }
        root.set(newRoot);
        total.set(tree.size());
        shownCount.set(shown());
    }

    /** Whether every name that matches {@code query} also matches {@code previous}. */
    static boolean narrows(String query, String previous) {
        String[] words = ParameterTree.words(query);
        for (String before : ParameterTree.words(previous)) {
            boolean kept = false;
            for (String word : words) {
                kept |= word.contains(before);
            }
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    private FolderItem newRoot() {
        rows = new HashMap<>();
        FolderItem item = new FolderItem(tree.root(), matches, rows);
        item.setExpanded(true);
        return item;
    }

    private static void expandAll(TreeItem<TreeEntry> item) {
        if (item instanceof FolderItem) {
            item.setExpanded(true);
            for (TreeItem<TreeEntry> child : item.getChildren()) {
                expandAll(child);
            }
        }
    }

    /** The row of a folder, opening the folders above it; the root for "/"; null when it is not shown. */
    public TreeItem<TreeEntry> revealFolder(String path) {
        TreeItem<TreeEntry> current = root.get();
        for (String segment : ParameterPath.folderSegments(path + "/")) {
            current.setExpanded(true);
            TreeItem<TreeEntry> next = null;
            for (TreeItem<TreeEntry> child : current.getChildren()) {
                if (child.getValue() instanceof TreeEntry.FolderEntry fe && fe.folder().name().equals(segment)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /** The row of a parameter, opening its folders; null when it is not shown. */
    public TreeItem<TreeEntry> reveal(String name) {
        TreeItem<TreeEntry> current = revealFolder(ParameterPath.parentOf(name));
        if (current == null) {
            return null;
        }
        current.setExpanded(true);
        for (TreeItem<TreeEntry> child : current.getChildren()) {
            if (child.getValue() instanceof TreeEntry.ParameterEntry pe && pe.parameter().name().equals(name)) {
                return child;
            }
        }
        return null;
    }
}
