package dev.coffer.ui.kit.controls;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line comparison of two texts (java-diff-utils): removed lines marked "-", added lines
 * "+", unchanged ones plain. Kept apart from the control that shows it, so that view models use it
 * without the FX toolkit.
 */
public final class Comparison {

    /** One compared line. */
    public record Line(Kind kind, String text) {
        public String marked() {
            return switch (kind) {
                case ADDED -> "+ " + text;
                case REMOVED -> "- " + text;
                case SAME -> "  " + text;
                case NOTE -> text;
            };
        }
    }

    public enum Kind { SAME, ADDED, REMOVED, NOTE }

    private Comparison() {
    }

    /** Compares {@code before} with {@code after}, line by line. */
    public static List<Line> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> result = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; next < delta.getSource().getPosition(); next++) {
                result.add(new Line(Kind.SAME, a.get(next)));
            }
            delta.getSource().getLines().forEach(l -> result.add(new Line(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> result.add(new Line(Kind.ADDED, l)));
            next = delta.getSource().getPosition() + delta.getSource().size();
        }
        for (; next < a.size(); next++) {
            result.add(new Line(Kind.SAME, a.get(next)));
        }
        return result;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
