package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** Property tests of the tag rules shared by parameters and secrets, and of {@link TagChange}. */
class TagRulesPropertyTest {

    /** Allowed by the AWS pattern: letters (any script), digits, white space, _ . : / = + - @. */
    private static final String ALLOWED = "abcXYZéßЖ中ñ0123456789 _.:/=+-@\u00a0";
    private static final String[] FORBIDDEN = {"#", "!", "*", "?", "<", ">", "&", "%", "$", ",", ";", "\"", "'", "\t", "\n", "😀"};

    @Property(tries = 150)
    void everyGeneratedValidTagListPasses(@ForAll("validTags") List<Tag> tags) {
        assertThat(TagRules.check(tags)).as(tags.toString()).isEmpty();
    }

    @Property(tries = 200)
    void moreThanFiftyTagsFail(@ForAll @IntRange(min = 51, max = 120) int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(new Tag("key-" + i, "v"));
        }
        assertThat(TagRules.check(tags)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tags");
            assertThat(p.message()).contains(count + " tags").contains("at most 50");
        });
    }

    @Property(tries = 150)
    void eachBrokenTagIsReportedAtItsIndex(@ForAll("validTags") List<Tag> tags, @ForAll @IntRange(min = 0, max = 100) int at,
                                            @ForAll("breakages") Breakage breakage) {
        if (tags.isEmpty()) {
            return;
        }
        int index = at % tags.size();
        List<Tag> broken = new ArrayList<>(tags);
        Tag tag = tags.get(index);
        broken.set(index, breakage.apply(tag));
        List<Problem> problems = TagRules.check(broken);
        String field = breakage.onValue ? Problem.tagValueField(index) : Problem.tagKeyField(index);
        assertThat(problems).as(breakage.name + " at " + index).isNotEmpty()
                .allSatisfy(p -> assertThat(p.field()).isEqualTo(field))
                .anySatisfy(p -> assertThat(p.message()).contains(breakage.says));
    }

    @Property(tries = 150)
    void aDuplicateKeyIsReportedOnTheLaterTag(@ForAll("validTags") List<Tag> tags, @ForAll @IntRange(min = 0, max = 100) int at) {
        if (tags.isEmpty() || tags.size() >= TagRules.MAX_TAGS) {
            return;
        }
        Tag original = tags.get(at % tags.size());
        List<Tag> withDuplicate = new ArrayList<>(tags);
        withDuplicate.add(new Tag(original.key(), "other"));
        assertThat(TagRules.check(withDuplicate)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(Problem.tagKeyField(tags.size()));
            assertThat(p.message()).contains("used twice");
        });
    }

    @Property(tries = 100)
    void everyProblemIsReportedAtOnce(@ForAll("validTags") List<Tag> tags) {
        List<Tag> broken = new ArrayList<>(tags);
        while (broken.size() < 51) {
            broken.add(new Tag("filler-" + broken.size(), ""));
        }
        broken.add(new Tag("", "no key"));
        broken.add(new Tag("k".repeat(129), "long key"));
        broken.add(new Tag("AWS:reserved", "v"));
        broken.add(new Tag("hash#", "v"));
        broken.add(new Tag("long-value", "v".repeat(257)));
        broken.add(new Tag("bang-value", "wow!"));
        broken.add(new Tag(broken.get(0).key(), "duplicate"));
        Set<String> fields = TagRules.check(broken).stream().map(Problem::field).collect(Collectors.toSet());
        int n = broken.size();
        assertThat(fields).contains("tags", Problem.tagKeyField(n - 7), Problem.tagKeyField(n - 6), Problem.tagKeyField(n - 5),
                Problem.tagKeyField(n - 4), Problem.tagValueField(n - 3), Problem.tagValueField(n - 2), Problem.tagKeyField(n - 1));
    }

    @Property(tries = 150)
    void aTagChangeTurnsTheOldTagsIntoTheNewOnes(@ForAll("validTags") List<Tag> before, @ForAll("validTags") List<Tag> after) {
        TagChange change = TagChange.between(before, after);
        Map<String, String> result = new LinkedHashMap<>();
        before.forEach(t -> result.put(t.key(), t.value()));
        change.keysToRemove().forEach(result::remove);
        change.toAdd().forEach(t -> result.put(t.key(), t.value()));
        Map<String, String> expected = new LinkedHashMap<>();
        after.forEach(t -> expected.put(t.key(), t.value()));
        assertThat(result).isEqualTo(expected);
        // minimal: nothing removed that stays, nothing added that is already equal
        Set<String> afterKeys = expected.keySet();
        assertThat(change.keysToRemove()).noneMatch(afterKeys::contains);
        assertThat(change.toAdd()).noneMatch(before::contains);
        assertThat(TagChange.between(after, after).isEmpty()).isTrue();
    }

    @Example
    void knownTags() {
        assertThat(TagRules.check(List.of(new Tag("Team", "platform"), new Tag("cost-center", ""), new Tag("aws-ish", "ok")))).isEmpty();
        assertThat(TagRules.check(List.of(new Tag("aws:cloudformation:stack-name", "x")))).hasSize(1);
        assertThat(TagRules.check(List.of(new Tag("Aws:x", "x")))).hasSize(1);
        assertThat(TagRules.check(List.of(new Tag("Team", "a"), new Tag("team", "b")))).isEmpty(); // keys are case-sensitive
        assertThat(TagRules.check(List.of(new Tag("k".repeat(128), "v".repeat(256))))).isEmpty();
        assertThat(TagRules.check(List.of(new Tag("ключ", "значение 1")))).isEmpty();
        assertThat(TagRules.check(null)).isEmpty();
        TagChange change = TagChange.between(List.of(new Tag("a", "1"), new Tag("b", "2")), List.of(new Tag("b", "3"), new Tag("c", "4")));
        assertThat(change.toAdd()).containsExactly(new Tag("b", "3"), new Tag("c", "4"));
        assertThat(change.keysToRemove()).containsExactly("a");
    }

    // ------------------------------------------------------------------ generators

    /** One way to break one tag, the field it breaks and what the message says. */
    record Breakage(String name, boolean onValue, String says, java.util.function.UnaryOperator<Tag> how) {
        Tag apply(Tag t) {
            return how.apply(t);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        Arbitrary<Breakage> fixed = Arbitraries.of(
                new Breakage("empty key", false, "no key", t -> new Tag("", t.value())),
                new Breakage("long key", false, "at most 128", t -> new Tag(pad(t.key(), 129), t.value())),
                new Breakage("reserved key", false, "reserved", t -> new Tag("aWs:" + t.key(), t.value())),
                new Breakage("long value", true, "at most 256", t -> new Tag(t.key(), pad(t.value(), 257))));
        Arbitrary<Breakage> badKeyChar = Arbitraries.of(FORBIDDEN).map(c ->
                new Breakage("key with " + c, false, "tags allow only", t -> new Tag(t.key().substring(0, Math.min(100, t.key().length())) + c, t.value())));
        Arbitrary<Breakage> badValueChar = Arbitraries.of(FORBIDDEN).map(c ->
                new Breakage("value with " + c, true, "tags allow only", t -> new Tag(t.key(), c + t.value().substring(0, Math.min(200, t.value().length())))));
        return Arbitraries.oneOf(fixed, badKeyChar, badValueChar);
    }

    private static String pad(String s, int length) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.codePointCount(0, sb.length()) < length) {
            sb.append('x');
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<List<Tag>> validTags() {
        Arbitrary<String> key = Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMinLength(1).ofMaxLength(TagRules.KEY_MAX)
                .filter(k -> !k.toLowerCase(Locale.ROOT).startsWith("aws:"));
        Arbitrary<String> value = Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMaxLength(TagRules.VALUE_MAX);
        return Combinators.combine(key, value).as(Tag::new).list().ofMaxSize(TagRules.MAX_TAGS).uniqueElements(Tag::key);
    }
}
