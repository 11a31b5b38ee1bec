package dev.coffer.parameters;

import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parameter version labels: 1-100 characters of letters, digits, '.', '-' and '_'; not starting
 * with a digit, "aws" or "ssm" (any case); at most {@value #MAX_PER_VERSION} on one version.
 */
public final class LabelRules {

    public static final int MAX_PER_VERSION = 10;
    public static final int MAX_LENGTH = 100;

    private static final Pattern CHARS = Pattern.compile("[a-zA-Z0-9._\\-]*");

    private LabelRules() {
    }

    /** Every problem of one label (field "label"). */
    public static List<Problem> check(String label) {
        List<Problem> problems = new ArrayList<>();
        if (label == null || label.isEmpty()) {
            problems.add(new Problem("label", "Enter a label of 1 to " + MAX_LENGTH + " characters."));
            return problems;
        }
        if (label.length() > MAX_LENGTH) {
            problems.add(new Problem("label", "Label is " + label.length() + " characters; AWS allows at most " + MAX_LENGTH + "."));
        }
        if (!CHARS.matcher(label).matches()) {
            StringBuilder bad = new StringBuilder();
            label.codePoints().filter(cp -> !CHARS.matcher(new String(Character.toChars(cp))).matches()).distinct().limit(5)
                    .forEach(cp -> bad.append(bad.length() == 0 ? "" : ", ")
                            .append(cp == ' ' ? "a space" : "'" + new String(Character.toChars(cp)) + "'"));
            problems.add(new Problem("label", "Label \"" + shorten(label) + "\" contains " + bad
                    + "; labels allow only letters, digits, '.', '-' and '_'."));
        }
        if (Character.isDigit(label.charAt(0))) {
            problems.add(new Problem("label", "Label \"" + shorten(label) + "\" starts with a digit, which AWS does not allow."));
        }
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            problems.add(new Problem("label", "Label \"" + shorten(label) + "\" starts with \"aws\" or \"ssm\", which AWS reserves (in any case)."));
        }
        return problems;
    }

    /**
     * Every problem of labels to put on one version that already carries {@code onVersion}: each
     * label's own problems, labels given twice, and more than {@value #MAX_PER_VERSION} in all.
     */
    public static List<Problem> check(List<String> labels, List<String> onVersion) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> all = new HashSet<>(onVersion);
        for (String label : labels) {
            problems.addAll(check(label));
            if (label != null && !seen.add(label)) {
                problems.add(new Problem("label", "Label \"" + shorten(label) + "\" is given twice."));
            }
            if (label != null) {
                all.add(label);
            }
        }
        if (all.size() > MAX_PER_VERSION) {
            problems.add(new Problem("label", "A version can carry at most " + MAX_PER_VERSION + " labels; this would make "
                    + all.size() + ". Move some labels to another version first."));
        }
        return problems;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
