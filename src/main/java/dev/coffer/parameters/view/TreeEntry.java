package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterTree;

/** What one row of the parameter tree shows: a folder with its count, or a parameter. */
public sealed interface TreeEntry {

    String label();

    /** A folder and the number of parameters below it when the row was last updated. */
    record FolderEntry(ParameterTree.Folder folder, int count) implements TreeEntry {
        @Override
        public String label() {
            return folder.name();
        }
    }

    record ParameterEntry(Parameter parameter) implements TreeEntry {
        @Override
        public String label() {
            return parameter.leafName();
        }
    }
}
