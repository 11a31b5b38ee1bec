package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property tests of the name and size rules: generated valid names pass, and each kind of mutation fails naming its field. */
class ParameterRulesPropertyTest {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
    /** Characters AWS does not allow in names (white space, punctuation, non-ASCII letters). */
    private static final char[] FORBIDDEN = {' ', '\t', '#', '*', '!', '$', '%', '&', '(', ')', ',', ':', ';', '=', '+', '@', '~',
        '?', '[', ']', '{', '}', '|', '\\', '"', '\'', '<', '>', 'é', 'ß', 'Ж', '€', '中'};

    // ------------------------------------------------------------------ names

    @Property(tries = 500)
    void everyGeneratedValidNamePasses(@ForAll("validNames") String name) {
        assertThat(ParameterRules.checkName(name)).as(name).isEmpty();
    }

    @Property(tries = 500)
    void aForbiddenCharacterAnywhereFailsNamingTheName(@ForAll("validNames") String name, @ForAll("forbidden") char bad,
                                                       @ForAll @IntRange(min = 0, max = 2000) int at) {
        int position = at % (name.length() + 1);
        String mutated = name.substring(0, position) + bad + name.substring(position);
        List<Problem> problems = ParameterRules.checkName(mutated);
        assertThat(problems).as(mutated).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isEqualTo("name"));
        assertThat(problems).as(mutated).anySatisfy(p -> assertThat(p.message()).contains("contains").contains("only letters"));
    }

    @Property(tries = 300)
    void aReservedPrefixInAnyCaseFailsAlsoAfterTheLeadingSlash(@ForAll("validNames") String name, @ForAll("reserved") String prefix) {
        String mutated = name.startsWith("/") ? "/" + prefix + name.substring(1) : prefix + name;
        List<Problem> problems = ParameterRules.checkName(mutated);
        assertThat(problems).as(mutated).extracting(Problem::field).containsOnly("name");
        assertThat(problems).as(mutated).anySatisfy(p -> assertThat(p.message()).contains("\"aws\" or \"ssm\""));
    }

    @Property(tries = 200)
    void moreThanFifteenLevelsFail(@ForAll("segments") List<String> base, @ForAll @IntRange(min = 16, max = 40) int depth) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            name.append('/').append(i == 0 ? "x" + base.get(0) : base.get(i % base.size()));
        }
        List<Problem> problems = ParameterRules.checkName(name.toString());
        assertThat(problems).as(name.toString()).extracting(Problem::field).containsOnly("name");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains(depth + " levels deep").contains("at most 15 levels"));
    }

    @Property(tries = 200)
    void moreThan1011CharactersFail(@ForAll("validNames") String name, @ForAll @IntRange(min = 1, max = 3000) int extra) {
        String leaf = "x".repeat(Math.max(1, ParameterRules.NAME_MAX - name.length() + extra));
        String mutated = name.startsWith("/") ? name + "/" + leaf : name + leaf;
        List<Problem> problems = ParameterRules.checkName(mutated);
        assertThat(mutated.length()).isGreaterThan(ParameterRules.NAME_MAX);
        assertThat(problems).extracting(Problem::field).containsOnly("name");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("at most 1,011"));
    }

    @Property(tries = 200)
    void aNameOfExactly1011CharactersPasses(@ForAll("validNames") String name) {
        String padded = name.startsWith("/") ? name + "/" : name;
        padded = padded + "y".repeat(Math.max(0, ParameterRules.NAME_MAX - padded.length()));
        if (padded.length() > ParameterRules.NAME_MAX || ParameterRules.depth(padded) > ParameterRules.MAX_DEPTH) {
            return; // the generated name is already too long or too deep to pad
        }
        assertThat(padded).hasSize(ParameterRules.NAME_MAX);
        assertThat(ParameterRules.checkName(padded)).as(padded).isEmpty();
    }

    @Property(tries = 200)
    void slashRulesFail(@ForAll("validPaths") String path) {
        String withoutLeading = path.substring(1);
        if (withoutLeading.contains("/")) {
            assertThat(ParameterRules.checkName(withoutLeading)).as(withoutLeading)
                    .anySatisfy(p -> assertThat(p.message()).contains("must start with '/'"));
        }
        assertThat(ParameterRules.checkName(path + "/")).anySatisfy(p -> assertThat(p.message()).contains("can't end with '/'"));
        int slash = path.indexOf('/', 1);
        String doubled = slash < 0 ? "/" + path : path.substring(0, slash) + "/" + path.substring(slash);
        assertThat(ParameterRules.checkName(doubled)).as(doubled).anySatisfy(p -> assertThat(p.message()).contains("empty level"));
    }

    @Property(tries = 100)
    void everyProblemOfANameIsReportedAtOnce(@ForAll("segments") List<String> segments) {
        // reserved prefix + a space + 20 levels + over 1,011 characters
        StringBuilder name = new StringBuilder("/SsM stuff");
        for (int i = 0; i < 20; i++) {
            name.append('/').append(segments.get(i % segments.size()));
        }
        name.append('/').append("z".repeat(1100));
        List<Problem> problems = ParameterRules.checkName(name.toString());
        String all = problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
        assertThat(problems).extracting(Problem::field).containsOnly("name");
        assertThat(all).contains("at most 1,011").contains("a space").contains("\"aws\" or \"ssm\"").contains("at most 15 levels");
        assertThat(problems).hasSizeGreaterThanOrEqualTo(4);
    }

    @Example
    void knownNames() {
        assertThat(ParameterRules.checkName("/apps/billing/url")).isEmpty();
        assertThat(ParameterRules.checkName("build-number")).isEmpty();
        assertThat(ParameterRules.checkName("/awsome")).isNotEmpty(); // starts with "aws"
        assertThat(ParameterRules.checkName("/awesome")).isEmpty(); // "awe" is not "aws"
        assertThat(ParameterRules.checkName("/ssm-config")).isNotEmpty();
        assertThat(ParameterRules.checkName("AWS")).isNotEmpty();
        assertThat(ParameterRules.checkName("/apps/aws/x")).isEmpty(); // only the start is reserved
        assertThat(ParameterRules.checkName("")).extracting(Problem::field).containsExactly("name");
        assertThat(ParameterRules.checkName("/")).isNotEmpty();
        assertThat(ParameterRules.depth("/a/b/c")).isEqualTo(3);
        assertThat(ParameterRules.depth("a")).isEqualTo(1);
        String fifteen = "/L1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/parameter-name";
        assertThat(ParameterRules.checkName(fifteen)).isEmpty();
        assertThat(ParameterRules.checkName("/L0" + fifteen)).isNotEmpty();
    }

    // ------------------------------------------------------------------ sizes

    @Property(tries = 500)
    void sizeCountsUtf8Bytes(@ForAll("mixedText") String text) {
        int expected = text.codePoints().map(ParameterRulesPropertyTest::utf8Length).sum();
        assertThat(ParameterRules.sizeInBytes(text)).isEqualTo(expected).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(SecretText.of(text).sizeInBytes()).isEqualTo(expected);
    }

    @Property(tries = 150)
    void standardTierAcceptsExactly4096Bytes(@ForAll("mixedText") String start) {
        String exact = padToBytes(start, ParameterRules.STANDARD_MAX_BYTES);
        assertThat(problemsOf(exact, ParameterTier.STANDARD)).isEmpty();
        String over = exact + "a";
        assertThat(problemsOf(over, ParameterTier.STANDARD)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.message()).isEqualTo("Value is 4,097 bytes; Standard parameters allow at most 4,096 bytes (UTF-8). "
                    + "Use the Advanced tier (up to 8,192 bytes).");
        });
        // the same value fits the Advanced tier and Intelligent-Tiering
        assertThat(problemsOf(over, ParameterTier.ADVANCED)).isEmpty();
        assertThat(problemsOf(over, ParameterTier.INTELLIGENT_TIERING)).isEmpty();
    }

    @Property(tries = 150)
    void advancedAndIntelligentTieringAcceptExactly8192Bytes(@ForAll("mixedText") String start, @ForAll("bigTiers") ParameterTier tier) {
        String exact = padToBytes(start, ParameterRules.ADVANCED_MAX_BYTES);
        assertThat(problemsOf(exact, tier)).isEmpty();
        List<Problem> over = problemsOf(exact + "é", tier); // 2 more bytes
        assertThat(over).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.message()).startsWith("Value is 8,194 bytes;").contains("at most 8,192 bytes (UTF-8)");
        });
    }

    @Property(tries = 200)
    void multiByteCharactersCountAsBytesNotCharacters(@ForAll("multiByteChar") String c) {
        int perChar = c.getBytes(StandardCharsets.UTF_8).length;
        int count = ParameterRules.STANDARD_MAX_BYTES / perChar + 1;
        String value = c.repeat(count); // fewer than 4,096 characters, more than 4,096 bytes
        assertThat(value.codePointCount(0, value.length())).isLessThan(ParameterRules.STANDARD_MAX_BYTES);
        assertThat(problemsOf(value, ParameterTier.STANDARD)).extracting(Problem::field).containsExactly("value");
        String fits = c.repeat(ParameterRules.STANDARD_MAX_BYTES / perChar);
        assertThat(problemsOf(fits, ParameterTier.STANDARD)).isEmpty();
    }

    @Property(tries = 150)
    void everyProblemOfADraftIsReportedAtOnce(@ForAll("validNames") String name, @ForAll("mixedText") String start) {
        String tooBig = padToBytes(start, ParameterRules.STANDARD_MAX_BYTES) + "xy";
        ParameterDraft draft = new ParameterDraft(name + " bad", ParameterType.STRING, SecretText.of(tooBig), "d".repeat(1025),
                ParameterDataType.TEXT, ParameterTier.STANDARD,
                Optional.of("alias/some-key"), List.of(new dev.coffer.aws.Tag("aws:reserved", "v")),
                ParameterPolicies.none().withNoChangeNotification(ParameterPolicies.Notice.days(5)));
        Parameter existing = new Parameter(draft.name(), ParameterType.STRING, ParameterTier.ADVANCED, ParameterDataType.TEXT, 3, java.time.Instant.now(), "me",
                Optional.empty(), Optional.empty(), "");
        Set<String> fields = ParameterRules.check(draft, Optional.of(existing)).stream().map(Problem::field).collect(Collectors.toSet());
        assertThat(fields).contains("name", "value", "description", "keyId", "tier", "policies", "tag[0].key");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> validNames() {
        return Arbitraries.oneOf(validPaths(), segment().filter(ParameterRulesPropertyTest::notReserved));
    }

    @Provide
    Arbitrary<String> validPaths() {
        return segments().filter(s -> notReserved(s.get(0))).map(s -> "/" + String.join("/", s))
                .filter(n -> n.length() <= ParameterRules.NAME_MAX);
    }

    @Provide
    Arbitrary<List<String>> segments() {
        return segment().list().ofMinSize(1).ofMaxSize(ParameterRules.MAX_DEPTH);
    }

    private Arbitrary<String> segment() {
        return Arbitraries.strings().withChars(NAME_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(30);
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.of(box(FORBIDDEN));
    }

    @Provide
    Arbitrary<String> reserved() {
        Arbitrary<String> word = Arbitraries.of("aws", "ssm");
        Arbitrary<List<Boolean>> upper = Arbitraries.of(true, false).list().ofSize(3);
        return Combinators.combine(word, upper).as((w, u) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                sb.append(u.get(i) ? Character.toUpperCase(w.charAt(i)) : w.charAt(i));
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> mixedText() {
        return Arbitraries.of("a", "Z", "7", " ", "é", "ß", "€", "中", "😀", "𝄞", "\n").list().ofMaxSize(300).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> multiByteChar() {
        return Arbitraries.of("é", "ß", "Ж", "€", "中", "😀", "𝄞");
    }

    @Provide
    Arbitrary<ParameterTier> bigTiers() {
        return Arbitraries.of(ParameterTier.ADVANCED, ParameterTier.INTELLIGENT_TIERING);
    }

    private static List<Problem> problemsOf(String value, ParameterTier tier) {
        ParameterDraft draft = ParameterDraft.of("/sizes/value", ParameterType.STRING, SecretText.of(value)).withTier(tier);
        return ParameterRules.check(draft, Optional.empty());
    }

    /** {@code start} plus ASCII up to exactly {@code bytes} UTF-8 bytes. */
    private static String padToBytes(String start, int bytes) {
        int used = start.getBytes(StandardCharsets.UTF_8).length;
        assertThat(used).isLessThanOrEqualTo(bytes);
        String exact = start + "a".repeat(bytes - used);
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return exact;
    }

    private static boolean notReserved(String firstSegment) {
        String lower = firstSegment.toLowerCase(java.util.Locale.ROOT);
        return !lower.startsWith("aws") && !lower.startsWith("ssm");
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static Character[] box(char[] chars) {
        Character[] boxed = new Character[chars.length];
        for (int i = 0; i < chars.length; i++) {
            boxed[i] = chars[i];
        }
        return boxed;
    }
}
