package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The draft rules beyond names and sizes (those are property-tested). */
class ParameterRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ParameterDraft VALID = ParameterDraft.of("/apps/billing/url", ParameterType.STRING, SecretText.of("https://billing.example"));

    private static List<Problem> check(ParameterDraft draft) {
        return ParameterRules.check(draft, Optional.empty(), NOW);
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    private static Parameter existing(String name, ParameterType type, ParameterTier tier, String policiesJson) {
        return new Parameter(name, type, tier, ParameterDataType.TEXT, 4, NOW, "arn:aws:iam::123456789012:user/alice", Optional.empty(), Optional.empty(),
                policiesJson);
    }

    @Test
    void aValidDraftHasNoProblems() {
        assertThat(check(VALID)).isEmpty();
        assertThat(check(VALID.withType(ParameterType.SECURE_STRING).withKeyId(Optional.of("alias/app")))).isEmpty();
        assertThat(check(VALID.withType(ParameterType.STRING_LIST).withValue(SecretText.of("a,b,c")))).isEmpty();
        assertThat(check(VALID.withDescription("d".repeat(1024)).withTier(ParameterTier.ADVANCED))).isEmpty();
    }

    @Test
    void theValueMustNotBeEmpty() {
        assertThat(check(VALID.withValue(SecretText.of("")))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.message()).contains("empty");
        });
    }

    @Test
    void theMessageSaysWhichLimitTheValueHit() {
        assertThat(check(VALID.withValue(SecretText.of("x".repeat(4100))))).singleElement().extracting(Problem::message)
                .isEqualTo("Value is 4,100 bytes; Standard parameters allow at most 4,096 bytes (UTF-8). Use the Advanced tier (up to 8,192 bytes).");
        assertThat(check(VALID.withValue(SecretText.of("x".repeat(9000))).withTier(ParameterTier.ADVANCED))).singleElement().extracting(Problem::message)
                .isEqualTo("Value is 9,000 bytes; Advanced parameters allow at most 8,192 bytes (UTF-8).");
        assertThat(check(VALID.withValue(SecretText.of("x".repeat(9000))).withTier(ParameterTier.INTELLIGENT_TIERING))).singleElement()
                .extracting(Problem::message).asString().contains("Intelligent-Tiering").contains("8,192");
    }

    @Test
    void typeTierAndDataTypeMustBeNamesAwsUses() {
        assertThat(fields(ParameterRules.checkNames("Text", "Standard", "text"))).containsExactly("type");
        assertThat(fields(ParameterRules.checkNames("", "Standard", "text"))).containsExactly("type");
        assertThat(fields(ParameterRules.checkNames("String", "Premium", "text"))).containsExactly("tier");
        assertThat(fields(ParameterRules.checkNames("String", "Standard", "AWS:EC2:IMAGE"))).containsExactly("dataType");
        assertThat(check(VALID.withDataType(ParameterDataType.SSM_INTEGRATION).withType(ParameterType.SECURE_STRING))).isEmpty();
    }

    @Test
    void anAmiParameterIsAStringHoldingAnAmiId() {
        ParameterDraft ami = VALID.withDataType(ParameterDataType.EC2_IMAGE).withValue(SecretText.of("ami-0123456789abcdef0"));
        assertThat(check(ami)).isEmpty();
        assertThat(check(ami.withValue(SecretText.of("ami-12345678")))).isEmpty();
        assertThat(check(ami.withType(ParameterType.SECURE_STRING))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("dataType");
            assertThat(p.message()).contains("needs type String");
        });
        for (String bad : new String[] {"ami-0123456789ABCDEF0", "ami-123", "ami-0123456789abcdef", "i-0123456789abcdef0", " ami-12345678"}) {
            assertThat(check(ami.withValue(SecretText.of(bad)))).as(bad).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("value");
                assertThat(p.message()).contains("AMI id");
            });
        }
        assertThat(fields(check(ami.withType(ParameterType.STRING_LIST).withValue(SecretText.of("nope"))))).containsExactlyInAnyOrder("dataType", "value");
    }

    @Test
    void descriptionsHaveALimit() {
        assertThat(check(VALID.withDescription("d".repeat(1025)))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("description");
            assertThat(p.message()).contains("1,025").contains("1,024");
        });
    }

    @Test
    void anAdvancedParameterCanNotGoBackToStandard() {
        Parameter advanced = existing(VALID.name(), ParameterType.STRING, ParameterTier.ADVANCED, "");
        assertThat(ParameterRules.check(VALID, Optional.of(advanced), NOW)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tier");
            assertThat(p.message()).contains("can't move an Advanced parameter back to Standard");
        });
        assertThat(ParameterRules.check(VALID.withTier(ParameterTier.ADVANCED), Optional.of(advanced), NOW)).isEmpty();
        assertThat(ParameterRules.check(VALID.withTier(ParameterTier.INTELLIGENT_TIERING), Optional.of(advanced), NOW)).isEmpty();
        Parameter standard = existing(VALID.name(), ParameterType.STRING, ParameterTier.STANDARD, "");
        assertThat(ParameterRules.check(VALID.withTier(ParameterTier.ADVANCED), Optional.of(standard), NOW)).isEmpty();
    }

    @Test
    void policiesNeedAdvancedOrIntelligentTiering() {
        ParameterDraft withPolicies = VALID.withPolicies(ParameterPolicies.none().withExpiration(NOW.plusSeconds(86_400)));
        assertThat(check(withPolicies)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("policies");
            assertThat(p.message()).contains("Advanced tier");
        });
        assertThat(check(withPolicies.withTier(ParameterTier.ADVANCED))).isEmpty();
        assertThat(check(withPolicies.withTier(ParameterTier.INTELLIGENT_TIERING))).isEmpty();
        ParameterDraft expired = withPolicies.withTier(ParameterTier.ADVANCED).withPolicies(ParameterPolicies.none().withExpiration(NOW.minusSeconds(1)));
        assertThat(fields(check(expired))).containsExactly("policies");
    }

    @Test
    void aKeyOnlyForSecureStrings() {
        assertThat(check(VALID.withKeyId(Optional.of("alias/app")))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("keyId");
            assertThat(p.message()).contains("only to SecureString");
        });
        assertThat(check(VALID.withKeyId(Optional.of("  ")))).isEmpty(); // blank means none
    }

    @Test
    void tagProblemsKeepTheirIndex() {
        ParameterDraft tagged = VALID.withTags(List.of(new Tag("Team", "ok"), new Tag("aws:x", "v"), new Tag("Team", "again")));
        assertThat(fields(check(tagged))).containsExactly("tag[1].key", "tag[2].key");
    }

    @Test
    void everyProblemAtOnce() {
        ParameterDraft bad = new ParameterDraft("aws thing", ParameterType.STRING_LIST, SecretText.of(""), "d".repeat(2000),
                ParameterDataType.EC2_IMAGE, ParameterTier.STANDARD, Optional.of("alias/k"), List.of(new Tag("", "v")),
                ParameterPolicies.none().withExpiration(NOW));
        Optional<Parameter> advanced = Optional.of(existing("aws thing", ParameterType.STRING_LIST, ParameterTier.ADVANCED, ""));
        List<String> fields = fields(ParameterRules.check(bad, advanced, NOW));
        assertThat(fields).contains("name", "tier", "value", "dataType", "description", "keyId", "tag[0].key", "policies");
        assertThat(fields(ParameterRules.checkNames("Blob", "Gold", "image"))).containsExactly("type", "tier", "dataType");
        String messages = ParameterRules.check(bad, advanced, NOW).stream().map(Problem::message).collect(Collectors.joining("\n"));
        assertThat(messages).doesNotContain("null");
    }

    @Test
    void warningsForWhatAwsAcceptsButIsProbablyUnmeant() {
        ParameterDraft list = VALID.withType(ParameterType.STRING_LIST).withValue(SecretText.of("a,,b,"));
        assertThat(check(list)).isEmpty(); // AWS accepts it
        assertThat(ParameterRules.warnings(list, Optional.empty())).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.message()).contains("2 empty items").contains("item 2, 4 of 4");
        });
        assertThat(ParameterRules.warnings(VALID.withType(ParameterType.STRING_LIST).withValue(SecretText.of("a,b")), Optional.empty())).isEmpty();

        ParameterDraft big = VALID.withTier(ParameterTier.INTELLIGENT_TIERING).withValue(SecretText.of("x".repeat(5000)));
        assertThat(ParameterRules.warnings(big, Optional.empty())).extracting(Problem::field).containsExactly("tier");
        assertThat(ParameterRules.warnings(big, Optional.of(existing(VALID.name(), ParameterType.STRING, ParameterTier.ADVANCED, "")))).isEmpty();

        Parameter secure = existing(VALID.name(), ParameterType.SECURE_STRING, ParameterTier.STANDARD, "");
        assertThat(ParameterRules.warnings(VALID, Optional.of(secure))).extracting(Problem::field).containsExactly("type");
        assertThat(ParameterRules.warnings(VALID, Optional.empty())).isEmpty();
    }
}
