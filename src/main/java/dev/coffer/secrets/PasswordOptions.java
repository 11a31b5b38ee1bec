package dev.coffer.secrets;

import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What GetRandomPassword is asked for. AWS's defaults: 32 characters of letters, digits and
 * punctuation, no space, at least one of each included type.
 *
 * @param excludeCharacters characters the password must not contain ("" for none)
 */
public record PasswordOptions(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
                              boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace,
                              boolean requireEachIncludedType) {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 4096;
    public static final int DEFAULT_LENGTH = 32;
    /** ExcludeCharacters holds at most this many characters. */
    public static final int EXCLUDE_MAX = 4096;

    public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String NUMBERS = "0123456789";
    /** The punctuation ExcludePunctuation leaves out, as the API documents it. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public PasswordOptions {
        excludeCharacters = excludeCharacters == null ? "" : excludeCharacters;
    }

    public static PasswordOptions defaults() {
        return new PasswordOptions(DEFAULT_LENGTH, "", false, false, false, false, false, true);
    }

    public PasswordOptions withLength(int newLength) {
        return new PasswordOptions(newLength, excludeCharacters, excludeNumbers, excludePunctuation, excludeUppercase, excludeLowercase,
                includeSpace, requireEachIncludedType);
    }

    public PasswordOptions withExcludeCharacters(String characters) {
        return new PasswordOptions(length, characters, excludeNumbers, excludePunctuation, excludeUppercase, excludeLowercase,
                includeSpace, requireEachIncludedType);
    }

    public PasswordOptions withExcludePunctuation(boolean exclude) {
        return new PasswordOptions(length, excludeCharacters, excludeNumbers, exclude, excludeUppercase, excludeLowercase,
                includeSpace, requireEachIncludedType);
    }

    /**
     * The character groups the password may draw from, each without the excluded characters;
     * groups that end up empty are left out.
     */
    public List<String> characterGroups() {
        List<String> groups = new ArrayList<>();
        addGroup(groups, !excludeLowercase, LOWERCASE);
        addGroup(groups, !excludeUppercase, UPPERCASE);
        addGroup(groups, !excludeNumbers, NUMBERS);
        addGroup(groups, !excludePunctuation, PUNCTUATION);
        addGroup(groups, includeSpace, " ");
        return groups;
    }

    private void addGroup(List<String> groups, boolean included, String chars) {
        if (!included) {
            return;
        }
        StringBuilder left = new StringBuilder();
        chars.chars().filter(c -> excludeCharacters.indexOf(c) < 0).forEach(c -> left.append((char) c));
        if (left.length() > 0) {
            groups.add(left.toString());
        }
    }

    /**
     * Every problem at once: length outside 1-4096 (field "length"), more than 4,096 excluded
     * characters (field "excludeCharacters"), nothing left to make a password of, and a length too
     * short to hold one character of each required type (field "options").
     */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            problems.add(new Problem("length", "Length is " + length + "; Secrets Manager makes passwords of " + MIN_LENGTH + " to "
                    + SecretRules.number(MAX_LENGTH) + " characters."));
        }
        if (excludeCharacters.length() > EXCLUDE_MAX) {
            problems.add(new Problem("excludeCharacters", "The characters to exclude are " + SecretRules.number(excludeCharacters.length())
                    + "; AWS takes at most " + SecretRules.number(EXCLUDE_MAX) + "."));
        }
        List<String> groups = characterGroups();
        if (groups.isEmpty()) {
            problems.add(new Problem("options", "Every character is excluded; leave at least one kind of character in."));
        } else if (requireEachIncludedType && length >= MIN_LENGTH && length < groups.size()) {
            problems.add(new Problem("options", "A password of " + length + (length == 1 ? " character" : " characters")
                    + " can't hold one character of each of the " + groups.size() + " included kinds; make it longer or "
                    + "don't require each kind."));
        }
        return problems;
    }
}
