package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property tests of the version label rules. */
class LabelRulesPropertyTest {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALLOWED = LETTERS + "0123456789._-";

    @Property(tries = 500)
    void everyGeneratedValidLabelPasses(@ForAll("validLabels") String label) {
        assertThat(LabelRules.check(label)).as(label).isEmpty();
    }

    @Property(tries = 300)
    void aForbiddenCharacterFails(@ForAll("validLabels") String label, @ForAll("forbidden") String bad,
                                  @ForAll @IntRange(min = 0, max = 200) int at) {
        int position = 1 + at % Math.min(label.length(), 90); // after the first character, so only the character rule applies
        String mutated = (label.substring(0, position) + bad + label.substring(position));
        if (mutated.length() > LabelRules.MAX_LENGTH) {
            mutated = mutated.substring(0, position + bad.length());
        }
        List<Problem> problems = LabelRules.check(mutated);
        assertThat(problems).as(mutated).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("label");
            assertThat(p.message()).contains("labels allow only letters, digits, '.', '-' and '_'");
        });
    }

    @Property(tries = 200)
    void aLeadingDigitFails(@ForAll("validLabels") String label, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String mutated = (digit + label);
        mutated = mutated.substring(0, Math.min(mutated.length(), LabelRules.MAX_LENGTH));
        assertThat(LabelRules.check(mutated)).as(mutated).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("starts with a digit"));
    }

    @Property(tries = 200)
    void aReservedPrefixInAnyCaseFails(@ForAll("validLabels") String label, @ForAll("reserved") String prefix) {
        String mutated = (prefix + label);
        mutated = mutated.substring(0, Math.min(mutated.length(), LabelRules.MAX_LENGTH));
        assertThat(LabelRules.check(mutated)).as(mutated).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"aws\" or \"ssm\""));
    }

    @Property(tries = 200)
    void moreThan100CharactersFail(@ForAll("validLabels") String label, @ForAll @IntRange(min = 1, max = 300) int extra) {
        String mutated = label + "x".repeat(Math.max(1, LabelRules.MAX_LENGTH - label.length() + extra));
        assertThat(LabelRules.check(mutated)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("label");
            assertThat(p.message()).contains("at most 100");
        });
        String exact = (label + "x".repeat(LabelRules.MAX_LENGTH)).substring(0, LabelRules.MAX_LENGTH);
        assertThat(LabelRules.check(exact)).isEmpty();
    }

    @Property(tries = 100)
    void everyProblemIsReportedAtOnce(@ForAll("validLabels") String label) {
        String mutated = "7 " + label + "#".repeat(101);
        List<Problem> problems = LabelRules.check(mutated);
        assertThat(problems).hasSize(3).extracting(Problem::field).containsOnly("label");
    }

    @Property(tries = 100)
    void moreThanTenOnAVersionFail(@ForAll("distinctLabels") List<String> labels) {
        List<Problem> problems = LabelRules.check(labels, List.of());
        if (labels.size() <= LabelRules.MAX_PER_VERSION) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("at most 10 labels"));
        }
    }

    @Example
    void labelsAlreadyOnTheVersionCount() {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            existing.add("l" + i);
        }
        assertThat(LabelRules.check(List.of("new"), existing)).isEmpty();
        assertThat(LabelRules.check(List.of("new", "newer"), existing)).hasSize(1);
        assertThat(LabelRules.check(List.of("l1"), existing)).isEmpty(); // already there: no more labels
        assertThat(LabelRules.check(List.of("dup", "dup"), List.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("twice"));
        assertThat(LabelRules.check("")).singleElement().satisfies(p -> assertThat(p.message()).contains("1 to 100"));
        assertThat(LabelRules.check("prod")).isEmpty();
        assertThat(LabelRules.check(".hidden-ok_1")).isEmpty();
        assertThat(LabelRules.check("AwSome")).hasSize(1);
    }

    @Provide
    Arbitrary<String> validLabels() {
        Arbitrary<Character> first = Arbitraries.of(box(LETTERS + "._-"));
        Arbitrary<String> rest = Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMaxLength(LabelRules.MAX_LENGTH - 1);
        return Combinators.combine(first, rest).as((f, r) -> f + r).filter(l -> {
            String lower = l.toLowerCase(Locale.ROOT);
            return !lower.startsWith("aws") && !lower.startsWith("ssm");
        });
    }

    @Provide
    Arbitrary<List<String>> distinctLabels() {
        return validLabels().list().uniqueElements().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<String> forbidden() {
        return Arbitraries.of(" ", "/", ":", "#", "@", "é", "+", "=", ",", "*", "\t", "😀");
    }

    @Provide
    Arbitrary<String> reserved() {
        return Arbitraries.of("aws", "AWS", "Aws", "aWs", "ssm", "SSM", "Ssm", "sSM");
    }

    private static Character[] box(String chars) {
        Character[] boxed = new Character[chars.length()];
        for (int i = 0; i < chars.length(); i++) {
            boxed[i] = chars.charAt(i);
        }
        return boxed;
    }
}
