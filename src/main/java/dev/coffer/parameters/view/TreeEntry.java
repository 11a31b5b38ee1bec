package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterTree;

/** What one row of the parameter tree shows: a folder with its count, or a parameter. */
public sealed interface TreeEntry {

    String label();

    /**
     * A folder. Its count grows while pages arrive; rows follow it through
     * {@link FolderItem#countProperty()}, so the entry itself never has to be replaced.
     */
    record FolderEntry(ParameterTree.Folder folder) implements TreeEntry {
        @Override
        public String label() {
            return folder.name();
        }

        /** Parameters in this folder and below it, loaded so far. */
        public int count() {
            return folder.count();
        }
    }

    record ParameterEntry(Parameter parameter) implements TreeEntry {
        @Override
        public String label() {
            return parameter.leafName();
        }
    }
}
