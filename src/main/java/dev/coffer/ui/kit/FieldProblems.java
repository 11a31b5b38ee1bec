package dev.coffer.ui.kit;

import dev.coffer.aws.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

/** The problems an editor shows beside one field (and its sub-fields, such as tag[2].key). */
public final class FieldProblems {

    private FieldProblems() {
    }

    /** Messages of {@code field}'s problems, one per line; empty when it has none. */
    public static StringBinding of(ObservableList<Problem> problems, String field) {
        return Bindings.createStringBinding(() -> String.join("\n", problems.stream()
                .filter(p -> p.field().equals(field) || p.field().startsWith(field + "[") || p.field().startsWith(field + "."))
                .map(Problem::message).toList()), problems);
    }
}
