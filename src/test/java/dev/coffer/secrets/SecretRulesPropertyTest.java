package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.aws.TagRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests of the secret rules: generated valid names, labels and tags pass; each kind of
 * mutation fails naming its field; value sizes count UTF-8 bytes exactly at the 65,536 limit;
 * and a draft with several problems reports them all at once.
 */
class SecretRulesPropertyTest {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_+=.@-";
    private static final char[] FORBIDDEN = {' ', '\t', '\n', '#', '*', '!', '$', '%', '&', '(', ')', ',', ':', ';', '~', '?', '[',
        ']', '{', '}', '|', '\\', '"', '\'', '<', '>', 'é', 'ß', 'Ж', '€', '中'};
    /** One-, two-, three- and four-byte UTF-8 characters. */
    private static final String[] UTF8_CHARS = {"a", "é", "€", "😀"};

    // ------------------------------------------------------------------ names

    @Property(tries = 300)
    void everyGeneratedValidNamePasses(@ForAll("validNames") String name) {
        assertThat(SecretRules.checkName(name)).as(name).isEmpty();
    }

    @Property(tries = 200)
    void aForbiddenCharacterAnywhereFailsNamingTheName(@ForAll("validNames") String name, @ForAll("forbidden") char bad,
                                                       @ForAll @IntRange(min = 0, max = 600) int at) {
        int position = at % (name.length() + 1);
        String mutated = name.substring(0, position) + bad + name.substring(position);
        List<Problem> problems = SecretRules.checkName(mutated);
        assertThat(problems).as(mutated).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isEqualTo("name"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("contains").contains("ASCII letters"));
    }

    @Property(tries = 100)
    void moreThan512CharactersFail(@ForAll("validNames") String name, @ForAll @IntRange(min = 1, max = 1000) int extra) {
        String mutated = name + "x".repeat(SecretRules.NAME_MAX - name.length() + extra);
        assertThat(SecretRules.checkName(mutated)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 512"));
    }

    @Property(tries = 100)
    void exactly512CharactersPass(@ForAll("validNames") String name) {
        String padded = name + "y".repeat(SecretRules.NAME_MAX - name.length());
        assertThat(SecretRules.checkName(padded)).isEmpty();
    }

    @Property(tries = 200)
    void aHyphenAndSixCharactersAtTheEndOnlyWarns(@ForAll("validNames") String name, @ForAll("sixChars") String six) {
        String risky = name.substring(0, Math.min(name.length(), SecretRules.NAME_MAX - 7)) + "-" + six;
        assertThat(SecretRules.checkName(risky)).isEmpty();
        assertThat(SecretRules.nameWarnings(risky)).singleElement().asString().contains("six random characters");
    }

    @Example
    void namesNotEndingThatWayHaveNoWarning() {
        assertThat(SecretRules.nameWarnings("prod/billing/db")).isEmpty();
        assertThat(SecretRules.nameWarnings("db-pass")).isEmpty(); // a hyphen and 4 characters
        assertThat(SecretRules.nameWarnings("db-passwords")).isEmpty(); // a hyphen and 9
        assertThat(SecretRules.nameWarnings("app-master")).hasSize(1); // a hyphen and 6
        assertThat(SecretRules.nameWarnings("db-a1B2c3")).hasSize(1);
        assertThat(SecretRules.checkName("")).singleElement().satisfies(p -> assertThat(p.message()).contains("Enter a name"));
    }

    // ------------------------------------------------------------------ labels

    @Property(tries = 300)
    void customLabelsOfOneTo256CharactersPass(@ForAll("labels") String label) {
        assertThat(SecretRules.checkLabel(label)).as(label).isEmpty();
    }

    @Property(tries = 100)
    void labelsOver256CharactersFail(@ForAll("labels") String label, @ForAll @IntRange(min = 1, max = 500) int extra) {
        String longer = label + "L".repeat(SecretRules.LABEL_MAX - label.codePointCount(0, label.length()) + extra);
        assertThat(SecretRules.checkLabel(longer)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("label");
            assertThat(p.message()).contains("at most 256");
        });
    }

    @Example
    void theLabelsSecretsManagerManagesAreNotCustomLabels() {
        for (String reserved : SecretRules.AWS_LABELS) {
            assertThat(SecretRules.checkLabel(reserved)).as(reserved).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("label"));
        }
        assertThat(SecretRules.checkLabel("awscurrent")).isEmpty(); // labels are case-sensitive
        assertThat(SecretRules.checkLabel("")).hasSize(1);
        assertThat(SecretRules.checkLabel(null)).hasSize(1);
        assertThat(SecretRules.checkLabel("   ")).hasSize(1);
    }

    @Property(tries = 100)
    void theTwentyFirstLabelIsRefusedButMovingAnExistingOneIsNot(@ForAll @IntRange(min = 0, max = 30) int existing) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < existing; i++) {
            labels.add("label-" + i);
        }
        List<Problem> adding = SecretRules.checkLabelCount(labels, "new-label");
        assertThat(adding.isEmpty()).isEqualTo(existing < SecretRules.MAX_STAGING_LABELS);
        if (existing > 0) {
            assertThat(SecretRules.checkLabelCount(labels, "label-0")).isEmpty();
        }
    }

    @Property(tries = 50)
    void recoveryWindowsOfSevenToThirtyDaysPass(@ForAll @IntRange(min = -5, max = 60) int days) {
        assertThat(SecretRules.checkRecoveryWindow(days).isEmpty()).isEqualTo(days >= 7 && days <= 30);
    }

    // ------------------------------------------------------------------ tags (shared TagRules, through the draft)

    @Property(tries = 100)
    void validTagsPassAndTheirProblemsCarryTheTagIndex(@ForAll("validTags") List<Tag> tags, @ForAll @IntRange(min = 0, max = 60) int at) {
        SecretDraft draft = SecretDraft.of("app/db", SecretContent.Text.of("v")).withTags(tags);
        assertThat(SecretRules.check(draft)).isEmpty();
        if (tags.isEmpty()) {
            return;
        }
        int index = at % tags.size();
        List<Tag> broken = new ArrayList<>(tags);
        broken.set(index, new Tag("aws:" + tags.get(index).key(), tags.get(index).value()));
        List<Problem> problems = SecretRules.check(draft.withTags(broken));
        assertThat(problems).isNotEmpty().extracting(Problem::field).contains(Problem.tagKeyField(index));
    }

    @Property(tries = 30)
    void moreThanFiftyTagsFail(@ForAll @IntRange(min = 51, max = 80) int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(new Tag("k" + i, "v"));
        }
        assertThat(SecretRules.check(SecretDraft.of("app/db", SecretContent.Text.of("v")).withTags(tags)))
                .extracting(Problem::field).containsExactly("tags");
    }

    // ------------------------------------------------------------------ value size (UTF-8 bytes)

    @Property(tries = 200)
    void textValuesAreMeasuredInUtf8BytesAtTheLimit(@ForAll("utf8Chars") String character, @ForAll @IntRange(min = -3, max = 3) int delta) {
        String value = textOfBytes(SecretRules.MAX_VALUE_BYTES + delta, character);
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        assertThat(SecretRules.sizeInBytes(value)).isEqualTo(bytes);
        List<Problem> problems = SecretRules.checkContent(SecretContent.Text.of(value));
        if (bytes <= SecretRules.MAX_VALUE_BYTES) {
            assertThat(problems).as("%d bytes", bytes).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("value");
                assertThat(p.message()).contains(String.format("%,d bytes", bytes)).contains("65,536");
            });
        }
    }

    @Property(tries = 50)
    void aMultiByteCharacterThatCrossesTheLimitFails(@ForAll("multiByteChars") String character) {
        // 65,535 one-byte characters plus one of 2 to 4 bytes: under 65,536 characters, over 65,536 bytes
        String value = "a".repeat(SecretRules.MAX_VALUE_BYTES - 1) + character;
        assertThat(value.length()).isLessThanOrEqualTo(SecretRules.MAX_VALUE_BYTES + 1);
        assertThat(SecretRules.checkContent(SecretContent.Text.of(value))).extracting(Problem::field).containsExactly("value");
        assertThat(SecretRules.checkContent(SecretContent.Text.of("a".repeat(SecretRules.MAX_VALUE_BYTES - character.getBytes(
                StandardCharsets.UTF_8).length) + character))).isEmpty();
    }

    @Property(tries = 30)
    void binaryValuesAreMeasuredInBytes(@ForAll @IntRange(min = SecretRules.MAX_VALUE_BYTES - 2, max = SecretRules.MAX_VALUE_BYTES + 2) int size) {
        List<Problem> problems = SecretRules.checkContent(new SecretContent.Binary(new byte[size]));
        assertThat(problems.isEmpty()).isEqualTo(size <= SecretRules.MAX_VALUE_BYTES);
    }

    @Property(tries = 50)
    void keyValueSizeIsTheWrittenJson(@ForAll("utf8Chars") String character, @ForAll @IntRange(min = -2, max = 2) int delta) {
        // {"k":"..."} adds 8 bytes around the value
        String value = textOfBytes(SecretRules.MAX_VALUE_BYTES - 8 + delta, character);
        SecretContent.KeyValues kv = new SecretContent.KeyValues(List.of(Map.entry("k", SecretText.of(value))));
        assertThat(kv.sizeInBytes()).isEqualTo(kv.toSecretString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(SecretRules.checkContent(kv).isEmpty()).isEqualTo(kv.sizeInBytes() <= SecretRules.MAX_VALUE_BYTES);
    }

    // ------------------------------------------------------------------ every problem at once

    @Property(tries = 50)
    void everyProblemOfADraftIsReportedAtOnce(@ForAll("forbidden") char bad, @ForAll @IntRange(min = 0, max = 3) int emptyKeyAt) {
        List<Map.Entry<String, SecretText>> entries = new ArrayList<>(List.of(
                Map.entry("user", SecretText.of("u")), Map.entry("user", SecretText.of("v")),
                Map.entry("host", SecretText.of("h")), Map.entry("db", SecretText.of("d"))));
        int emptyIndex = emptyKeyAt == 1 ? 2 : emptyKeyAt; // keep the duplicate at index 1
        entries.set(emptyIndex, Map.entry("", SecretText.of("x")));
        SecretDraft draft = new SecretDraft("bad" + bad + "name", "d".repeat(SecretRules.DESCRIPTION_MAX + 1),
                new SecretContent.KeyValues(entries), Optional.of("alias/with space"),
                List.of(new Tag("aws:reserved", "v"), new Tag("ok", "x".repeat(TagRules.VALUE_MAX + 1))));
        List<String> fields = SecretRules.check(draft).stream().map(Problem::field).toList();
        assertThat(fields).contains("name", "description", "keyId", SecretRules.entryKeyField(emptyIndex),
                Problem.tagKeyField(0), Problem.tagValueField(1));
        if (emptyIndex != 0) {
            assertThat(fields).contains(SecretRules.entryKeyField(1)); // "user" twice
        }
    }

    @Example
    void emptyValuesAreProblems() {
        assertThat(SecretRules.checkContent(SecretContent.Text.of(""))).extracting(Problem::field).containsExactly("value");
        assertThat(SecretRules.checkContent(new SecretContent.Binary(new byte[0]))).extracting(Problem::field).containsExactly("value");
        assertThat(SecretRules.checkContent(new SecretContent.KeyValues(List.of()))).extracting(Problem::field).containsExactly("value");
        assertThat(SecretRules.check(SecretDraft.of("n", SecretContent.Text.of("")))).extracting(Problem::field).containsExactly("value");
    }

    // ------------------------------------------------------------------ generators

    private static String textOfBytes(int bytes, String character) {
        int width = character.getBytes(StandardCharsets.UTF_8).length;
        int count = bytes / width;
        return character.repeat(count) + "a".repeat(bytes - count * width);
    }

    @Provide
    Arbitrary<String> validNames() {
        return Arbitraries.strings().withChars(NAME_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> sixChars() {
        return Arbitraries.strings().withChars(NAME_CHARS.toCharArray()).ofLength(6);
    }

    @Provide
    Arbitrary<Character> forbidden() {
        List<Character> chars = new ArrayList<>();
        for (char c : FORBIDDEN) {
            chars.add(c);
        }
        return Arbitraries.of(chars);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(256)
                .filter(s -> !s.isBlank() && !SecretRules.AWS_LABELS.contains(s) && s.codePointCount(0, s.length()) <= 256);
    }

    @Provide
    Arbitrary<String> utf8Chars() {
        return Arbitraries.of(UTF8_CHARS);
    }

    @Provide
    Arbitrary<String> multiByteChars() {
        return Arbitraries.of("é", "€", "😀", "中");
    }

    @Provide
    Arbitrary<List<Tag>> validTags() {
        Arbitrary<String> keys = Arbitraries.strings().withChars("abcXYZ019 _.:/=+-@").ofMinLength(1).ofMaxLength(128)
                .filter(k -> !k.toLowerCase(java.util.Locale.ROOT).startsWith("aws:"));
        Arbitrary<String> values = Arbitraries.strings().withChars("abcXYZ019 _.:/=+-@é").ofMaxLength(256);
        return Combinators.combine(keys, values).as(Tag::new).list().ofMaxSize(50).uniqueElements(Tag::key);
    }
}
