package dev.coffer.parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parameter names as folders and leaves, with the number of parameters below each folder. Grows
 * page by page as DescribeParameters answers; plain Java so it can be tested and filtered fast.
 */
public final class ParameterTree {

    /** A folder: one path segment. */
    public static final class Folder {
        private final String name;
        private final String path;
        private final Folder parent;
        private final TreeMap<String, Folder> folders = new TreeMap<>();
        private final TreeMap<String, Parameter> parameters = new TreeMap<>();
        private int count;

        private Folder(String name, String path, Folder parent) {
            this.name = name;
            this.path = path;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        /** "/apps/billing" (the root is "/"). */
        public String path() {
            return path;
        }

        public Folder parent() {
            return parent;
        }

        /** Parameters in this folder and every folder below it. */
        public int count() {
            return count;
        }

        public Collection<Folder> folders() {
            return folders.values();
        }

        public Collection<Parameter> parameters() {
            return parameters.values();
        }

        public Folder folder(String segment) {
            return folders.get(segment);
        }

        /** The parameter of this folder with that full name, or null. */
        public Parameter parameter(String name) {
            return parameters.get(name);
        }

        @Override
        public String toString() {
            return path + " (" + count + ")";
        }
    }

    private final Folder root = new Folder("", ParameterPath.ROOT, null);
    private final List<Parameter> all = new ArrayList<>();

    public Folder root() {
        return root;
    }

    public int size() {
        return root.count;
    }

    /** Every parameter in the order it arrived. */
    public List<Parameter> all() {
        return all;
    }

    /**
     * Adds a page of parameters (a name seen again replaces its metadata). Returns the folders
     * whose direct children changed, parents before children.
     */
    public Set<Folder> addAll(Collection<Parameter> page) {
        Set<Folder> changed = new LinkedHashSet<>();
        for (Parameter p : page) {
            Folder folder = root;
            List<String> segments = ParameterPath.folderSegments(p.name());
            for (String segment : segments) {
                Folder next = folder.folders.get(segment);
                if (next == null) {
                    next = new Folder(segment, folder == root ? "/" + segment : folder.path + "/" + segment, folder);
                    folder.folders.put(segment, next);
                    changed.add(folder);
                }
                folder = next;
            }
            Parameter previous = folder.parameters.put(p.name(), p);
            if (p.equals(previous)) {
                continue; // listed again as it was (a reopened connection's fresh listing)
            }
            changed.add(folder);
            if (previous == null) {
                all.add(p);
                for (Folder f = folder; f != null; f = f.parent) {
                    f.count++;
                }
            } else {
                all.set(all.indexOf(previous), p);
            }
        }
        return changed;
    }

    /**
     * Removes parameters (after a delete or a move, or gone since a reopened connection's last
     * listing); folders left empty go too. Returns the folders whose direct children changed.
     */
    public Set<Folder> removeAll(Collection<String> names) {
        Set<String> gone = new java.util.HashSet<>();
        Set<Folder> changed = new LinkedHashSet<>();
        for (String name : names) {
            Folder folder = findFolder(ParameterPath.parentOf(name));
            if (folder == null || folder.parameters.remove(name) == null) {
                continue;
            }
            gone.add(name);
            changed.add(folder);
            for (Folder f = folder; f != null; f = f.parent) {
                f.count--;
                if (f.count == 0 && f.parent != null) {
                    f.parent.folders.remove(f.name);
                    changed.add(f.parent);
                }
            }
        }
        if (gone.isEmpty()) {
            return changed;
        }
        List<Parameter> kept = new ArrayList<>(all.size());
        for (Parameter p : all) {
            if (!gone.contains(p.name())) {
                kept.add(p);
            }
        }
        all.clear();
        all.addAll(kept);
        return changed;
    }

    /** Finds a parameter by its full name. */
    public Parameter find(String name) {
        Folder folder = findFolder(ParameterPath.parentOf(name));
        return folder == null ? null : folder.parameters.get(name);
    }

    /** Finds a folder by its path, e.g. "/apps/billing". */
    public Folder findFolder(String path) {
        Folder folder = root;
        for (String segment : ParameterPath.folderSegments(path + "/")) {
            folder = folder.folders.get(segment);
            if (folder == null) {
                return null;
            }
        }
        return folder;
    }

    /** Whether a name matches a filter: case-insensitive, every word of the query must appear. */
    public static boolean matches(String lowerName, String[] lowerWords) {
        for (String word : lowerWords) {
            if (!lowerName.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public static String[] words(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return q.isEmpty() ? new String[0] : q.split("\\s+");
    }

    /** The parameters whose names match a query, as a view of this tree (nothing is copied). */
    public Matches match(String query) {
        return match(query, null);
    }

    /**
     * Like {@link #match(String)}, searching only the folders of {@code within}: for a query that
     * narrows the one {@code within} was made for (the user typed on), that gives the same answer
     * and is much faster.
     */
    public Matches match(String query, Matches within) {
        Matches result = new Matches(words(query));
        result.collect(root, within != null && within.tree() == this ? within : null);
        return result;
    }

    /**
     * The parameters that pass a filter and how many of them are below each folder: what a
     * filtered tree shows, made in one pass over the folders without copying them, so filtering
     * keeps up with typing over ten thousand parameters.
     */
    public final class Matches {
        private final String[] words;
        private final Set<String> names = new HashSet<>();
        private final Map<Folder, Integer> counts = new HashMap<>();

        private Matches(String[] words) {
            this.words = words;
        }

        private ParameterTree tree() {
            return ParameterTree.this;
        }

        /** Counts the matches below {@code folder}, visiting only folders that {@code within} has matches in. */
        private int collect(Folder folder, Matches within) {
            int n = 0;
            for (Folder f : folder.folders.values()) {
                if (within == null || within.count(f) > 0) {
                    n += collect(f, within);
                }
            }
            for (Parameter p : folder.parameters.values()) {
                if (matches(p.name().toLowerCase(Locale.ROOT), words)) {
                    names.add(p.name());
                    n++;
                }
            }
            if (n > 0) {
                counts.put(folder, n);
            }
            return n;
        }

        /** Matching parameters. */
        public int size() {
            return count(root);
        }

        /** Matching parameters in this folder and below it. */
        public int count(Folder folder) {
            return counts.getOrDefault(folder, 0);
        }

        public boolean contains(Parameter p) {
            return names.contains(p.name());
        }

        /**
         * Takes a page that was just added to the tree into account. Returns whether any of its
         * parameters match (new ones, or ones whose metadata changed).
         */
        /** Takes parameters about to be removed from the tree out of the matches (before the tree removes them). */
        public void remove(Collection<Parameter> gone) {
            for (Parameter p : gone) {
                if (names.remove(p.name())) {
                    for (Folder f = findFolder(p.path()); f != null; f = f.parent) {
                        counts.merge(f, -1, Integer::sum);
                    }
                }
            }
        }

        public boolean add(Collection<Parameter> page) {
            boolean any = false;
            for (Parameter p : page) {
                if (matches(p.name().toLowerCase(Locale.ROOT), words)) {
                    any = true;
                    if (names.add(p.name())) {
                        for (Folder f = findFolder(p.path()); f != null; f = f.parent) {
                            counts.merge(f, 1, Integer::sum);
                        }
                    }
                }
            }
            return any;
        }
    }
}
