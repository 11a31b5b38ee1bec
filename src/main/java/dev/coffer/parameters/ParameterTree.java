package dev.coffer.parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
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
        /** Where a {@link Matches} keeps this folder's count: folders are numbered as they are made. */
        private final int id;
        private int count;

        private Folder(String name, String path, Folder parent, int id) {
            this.name = name;
            this.path = path;
            this.parent = parent;
            this.id = id;
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

    private int folderIds;
    private final Folder root = new Folder("", ParameterPath.ROOT, null, folderIds++);

    /*
     * Every parameter has a slot, given when it first arrives and kept until it is removed: the
     * filter tests each name once per keystroke, so the names are kept lower-cased beside the
     * parameters (made once, not once per keystroke) and a filter's matches are a set of slots.
     * A removed parameter leaves its slot empty; slots are never reused, so that matches made
     * before a removal stay valid.
     */
    private final Map<String, Integer> slots = new HashMap<>();
    private Parameter[] bySlot = new Parameter[64];
    private String[] lowerNames = new String[64];
    private Folder[] folderOf = new Folder[64];
    private int slotsUsed;

    public Folder root() {
        return root;
    }

    public int size() {
        return root.count;
    }

    /** Every parameter in the order it first arrived (a copy). */
    public List<Parameter> all() {
        List<Parameter> all = new ArrayList<>(size());
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (bySlot[slot] != null) {
                all.add(bySlot[slot]);
            }
        }
        return all;
    }

    private void newSlot(Parameter p, Folder folder) {
        if (slotsUsed == bySlot.length) {
            int grown = slotsUsed * 2;
            bySlot = Arrays.copyOf(bySlot, grown);
            lowerNames = Arrays.copyOf(lowerNames, grown);
            folderOf = Arrays.copyOf(folderOf, grown);
        }
        int slot = slotsUsed++;
        bySlot[slot] = p;
        // toLowerCase returns the name itself when it has no capitals, as most have: no copy kept.
        lowerNames[slot] = p.name().toLowerCase(Locale.ROOT);
        folderOf[slot] = folder;
        slots.put(p.name(), slot);
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
                    next = new Folder(segment, folder == root ? "/" + segment : folder.path + "/" + segment, folder, folderIds++);
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
                newSlot(p, folder);
                for (Folder f = folder; f != null; f = f.parent) {
                    f.count++;
                }
            } else {
                bySlot[slots.get(p.name())] = p;
            }
        }
        return changed;
    }

    /**
     * Removes parameters (after a delete or a move, or gone since a reopened connection's last
     * listing); folders left empty go too. Returns the folders whose direct children changed.
     */
    public Set<Folder> removeAll(Collection<String> names) {
        Set<Folder> changed = new LinkedHashSet<>();
        for (String name : names) {
            Folder folder = findFolder(ParameterPath.parentOf(name));
            if (folder == null || folder.parameters.remove(name) == null) {
                continue;
            }
            int slot = slots.remove(name);
            bySlot[slot] = null;
            lowerNames[slot] = null;
            folderOf[slot] = null;
            changed.add(folder);
            for (Folder f = folder; f != null; f = f.parent) {
                f.count--;
                if (f.count == 0 && f.parent != null) {
                    f.parent.folders.remove(f.name);
                    changed.add(f.parent);
                }
            }
        }
        return changed;
    }

    /** Finds a parameter by its full name. */
    public Parameter find(String name) {
        Integer slot = slots.get(name);
        return slot == null ? null : bySlot[slot];
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
     * Like {@link #match(String)}, testing only the parameters among {@code within}: for a query
     * that narrows the one {@code within} was made for (the user typed on), that gives the same
     * answer and is much faster.
     */
    public Matches match(String query, Matches within) {
        Matches result = new Matches(words(query));
        result.collect(within != null && within.tree() == this ? within : null);
        return result;
    }

    /**
     * The parameters that pass a filter, as a set of slots, and how many of them are below each
     * folder: what a filtered tree shows, made in one pass over the lower-cased names without
     * copying anything, so that filtering keeps up with typing over 50,000 parameters.
     */
    public final class Matches {
        private final String[] words;
        private final BitSet matched = new BitSet();
        /** Matches in each folder and below it, by folder id. */
        private int[] counts = new int[folderIds];
        private int size;

        private Matches(String[] words) {
            this.words = words;
        }

        private ParameterTree tree() {
            return ParameterTree.this;
        }

        /** Tests every parameter, or only those {@code within} matched. */
        private void collect(Matches within) {
            if (within == null) {
                for (int slot = 0; slot < slotsUsed; slot++) {
                    test(slot);
                }
            } else {
                for (int slot = within.matched.nextSetBit(0); slot >= 0; slot = within.matched.nextSetBit(slot + 1)) {
                    test(slot);
                }
            }
        }

        private void test(int slot) {
            String lower = lowerNames[slot];
            if (lower != null && matches(lower, words)) {
                matched.set(slot);
                count(slot, 1);
            }
        }

        private void count(int slot, int delta) {
            size += delta;
            for (Folder f = folderOf[slot]; f != null; f = f.parent) {
                if (f.id >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(folderIds, f.id + 1));
                }
                counts[f.id] += delta;
            }
        }

        /** Matching parameters. */
        public int size() {
            return size;
        }

        /** Matching parameters in this folder and below it. */
        public int count(Folder folder) {
            return folder.id < counts.length ? counts[folder.id] : 0;
        }

        public boolean contains(Parameter p) {
            Integer slot = slots.get(p.name());
            return slot != null && matched.get(slot);
        }

        /** Takes parameters about to be removed from the tree out of the matches (before the tree removes them). */
        public void remove(Collection<Parameter> gone) {
            for (Parameter p : gone) {
                Integer slot = slots.get(p.name());
                if (slot != null && matched.get(slot)) {
                    matched.clear(slot);
                    count(slot, -1);
                }
            }
        }

        /**
         * Takes a page that was just added to the tree into account. Returns whether any of its
         * parameters match (new ones, or ones whose metadata changed).
         */
        public boolean add(Collection<Parameter> page) {
            boolean any = false;
            for (Parameter p : page) {
                Integer slot = slots.get(p.name());
                if (slot != null && matches(lowerNames[slot], words)) {
                    any = true;
                    if (!matched.get(slot)) {
                        matched.set(slot);
                        count(slot, 1);
                    }
                }
            }
            return any;
        }
    }
}
