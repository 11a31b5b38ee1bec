package dev.coffer.ui.shell;

import dev.coffer.parameters.Parameter;
import dev.coffer.secrets.Secret;

/** What is selected in the main window: a parameter or a folder in the tree, a secret in the list, or nothing. */
public sealed interface Selection {

    Selection NONE = new None();

    record None() implements Selection {
    }

    record ParameterSelection(Parameter parameter) implements Selection {
    }

    /** A folder of the parameter tree, by its path ("/apps/billing"). */
    record FolderSelection(String path) implements Selection {
    }

    record SecretSelection(Secret secret) implements Selection {
        /** Scheduled for deletion: AWS refuses every change but a restore until then. */
        public boolean scheduledForDeletion() {
            return secret.deletedDate().isPresent();
        }
    }

    /** The folder new parameters go into: the selected folder, the selected parameter's folder, or the root. */
    default String folder() {
        if (this instanceof FolderSelection f) {
            return f.path();
        }
        return this instanceof ParameterSelection p ? p.parameter().path() : "/";
    }
}
