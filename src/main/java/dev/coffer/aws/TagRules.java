package dev.coffer.aws;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The AWS tag rules shared by Parameter Store and Secrets Manager: at most 50 tags; keys of 1-128
 * and values of 0-256 Unicode characters; keys starting with "aws:" (any case) are reserved; keys
 * are unique (case-sensitive, as AWS compares them); only letters, digits, white space and
 * {@code _ . : / = + - @}.
 */
public final class TagRules {

    public static final int MAX_TAGS = 50;
    public static final int KEY_MAX = 128;
    public static final int VALUE_MAX = 256;

    /** The AWS tag pattern for keys and values. */
    public static final Pattern ALLOWED = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private static final String ALLOWED_WORDS = "letters, digits, spaces and _ . : / = + - @";

    private TagRules() {
    }

    /** Every problem of the tag list at once; empty when AWS would accept it. */
    public static List<Problem> check(List<Tag> tags) {
        List<Problem> problems = new ArrayList<>();
        if (tags == null) {
            return problems;
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new Problem("tags", tags.size() + " tags; AWS allows at most " + MAX_TAGS + " tags on a resource."));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String key = tag == null || tag.key() == null ? "" : tag.key();
            String value = tag == null || tag.value() == null ? "" : tag.value();
            String keyField = Problem.tagKeyField(i);
            String valueField = Problem.tagValueField(i);
            int keyLength = key.codePointCount(0, key.length());
            if (key.isEmpty()) {
                problems.add(new Problem(keyField, "Tag " + (i + 1) + " has no key; a tag key needs 1 to " + KEY_MAX + " characters."));
            } else if (keyLength > KEY_MAX) {
                problems.add(new Problem(keyField, "Tag key is " + number(keyLength) + " characters; AWS allows at most " + KEY_MAX + "."));
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                problems.add(new Problem(keyField, "Tag key \"" + shorten(key) + "\" starts with \"aws:\", which is reserved for AWS."));
            }
            String badKey = disallowed(key);
            if (!badKey.isEmpty()) {
                problems.add(new Problem(keyField, "Tag key \"" + shorten(key) + "\" contains " + badKey + "; tags allow only " + ALLOWED_WORDS + "."));
            }
            int valueLength = value.codePointCount(0, value.length());
            if (valueLength > VALUE_MAX) {
                problems.add(new Problem(valueField, "Tag value of \"" + shorten(key) + "\" is " + number(valueLength)
                        + " characters; AWS allows at most " + VALUE_MAX + "."));
            }
            String badValue = disallowed(value);
            if (!badValue.isEmpty()) {
                problems.add(new Problem(valueField, "Tag value of \"" + shorten(key) + "\" contains " + badValue
                        + "; tags allow only " + ALLOWED_WORDS + "."));
            }
            if (!key.isEmpty()) {
                Integer first = firstIndex.putIfAbsent(key, i);
                if (first != null) {
                    problems.add(new Problem(keyField, "Tag key \"" + shorten(key) + "\" is used twice (also tag " + (first + 1)
                            + "); each key may appear once."));
                }
            }
        }
        return problems;
    }

    /** The characters outside the AWS pattern, quoted: "'#', '!'", or "" when all are allowed. */
    static String disallowed(String text) {
        if (ALLOWED.matcher(text).matches()) {
            return "";
        }
        Set<String> bad = new LinkedHashSet<>();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (!ALLOWED.matcher(c).matches()) {
                bad.add(describe(cp));
            }
        });
        return bad.stream().limit(5).collect(Collectors.joining(", "));
    }

    private static String describe(int cp) {
        return switch (cp) {
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default -> Character.isISOControl(cp) ? String.format("the control character U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
