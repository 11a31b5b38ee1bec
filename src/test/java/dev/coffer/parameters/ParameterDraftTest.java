package dev.coffer.parameters;

import static dev.coffer.parameters.ParameterDataType.TEXT;
import static dev.coffer.parameters.ParameterTier.ADVANCED;
import static dev.coffer.parameters.ParameterTier.STANDARD;
import static dev.coffer.parameters.ParameterType.SECURE_STRING;
import static dev.coffer.parameters.ParameterType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value objects of the editor: no value in any toString, AWS defaults, the version limit warning. */
class ParameterDraftTest {

    private static final String SECRET = "hunter2-not-for-logs";

    @Test
    void noToStringShowsTheValue() {
        ParameterDraft draft = ParameterDraft.of("/apps/db/password", SECURE_STRING, SecretText.of(SECRET))
                .withDescription("database password").withTags(List.of(new Tag("Team", "db")));
        assertThat(draft.toString()).doesNotContain(SECRET).contains("/apps/db/password").contains("20 bytes").contains("database password");
        ParameterVersion version = new ParameterVersion(3, Instant.EPOCH, "alice", SECURE_STRING, STANDARD, TEXT, List.of("prod"),
                Optional.empty(), Optional.of("alias/aws/ssm"), "", Optional.of(SecretText.of(SECRET)));
        assertThat(version.toString()).doesNotContain(SECRET);
        assertThat(new ParameterValue("/x", SecretText.of(SECRET), 3, SECURE_STRING, TEXT).toString()).doesNotContain(SECRET);
        InvalidDraftException invalid = new InvalidDraftException(List.of(new Problem("value", "Value is 5,000 bytes; …")));
        assertThat(invalid.getMessage()).isEqualTo("Value is 5,000 bytes; …");
        assertThat(invalid.problems()).hasSize(1);
    }

    @Test
    void missingPartsGetAwsDefaults() {
        ParameterDraft draft = new ParameterDraft("/x", STRING, null, null, null, null, null, null, null);
        assertThat(draft.value().reveal()).isEmpty();
        assertThat(draft.description()).isEmpty();
        assertThat(draft.dataType()).isEqualTo(TEXT);
        assertThat(draft.tier()).isEqualTo(STANDARD);
        assertThat(draft.keyId()).isEmpty();
        assertThat(draft.tags()).isEmpty();
        assertThat(draft.policies().isEmpty()).isTrue();
        assertThat(draft.withKeyId(Optional.of(" ")).keyId()).isEmpty();
    }

    @Test
    void theTagListIsCopied() {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("a", "1")));
        ParameterDraft draft = ParameterDraft.of("/x", STRING, SecretText.of("v")).withTags(tags);
        tags.add(new Tag("b", "2"));
        assertThat(draft.tags()).hasSize(1);
    }

    @Test
    void aDraftOfAnExistingParameterStartsFromIt() {
        Parameter p = new Parameter("/x", SECURE_STRING, ADVANCED, TEXT, 7, Instant.EPOCH, "alice", Optional.of("alias/app"),
                Optional.of("about x"), "[{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"20\",\"Unit\":\"Days\"}}]");
        ParameterDraft draft = ParameterDraft.of(p, SecretText.of("v"), List.of(new Tag("k", "v")));
        assertThat(draft.name()).isEqualTo("/x");
        assertThat(draft.tier()).isEqualTo(ADVANCED);
        assertThat(draft.keyId()).contains("alias/app");
        assertThat(draft.description()).isEqualTo("about x");
        assertThat(draft.policies().noChangeNotification()).contains(ParameterPolicies.Notice.days(20));
        Parameter plain = new Parameter("/y", STRING, STANDARD, TEXT, 1, Instant.EPOCH, "alice", Optional.of("ignored"),
                Optional.empty(), "{broken");
        ParameterDraft plainDraft = ParameterDraft.of(plain, SecretText.of("v"), List.of());
        assertThat(plainDraft.keyId()).isEmpty();
        assertThat(plainDraft.policies().isEmpty()).isTrue();
    }

    @Test
    void theVersionLimitWarningNamesTheLabelAndVersion() {
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(history(100, 1, List.of("golden")))).hasValueSatisfying(w ->
                assertThat(w).contains("Version 1").contains("\"golden\"").contains("ParameterMaxVersionLimitExceeded"));
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(history(99, 1, List.of("golden")))).isEmpty();
        List<ParameterVersion> labelOnSecondOldest = new ArrayList<>(history(100, 1, List.of()));
        ParameterVersion second = labelOnSecondOldest.get(98);
        assertThat(second.version()).isEqualTo(2);
        labelOnSecondOldest.set(98, new ParameterVersion(2, Instant.EPOCH, "alice", STRING, STANDARD, TEXT, List.of("golden"),
                Optional.empty(), Optional.empty(), "", Optional.empty()));
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(labelOnSecondOldest)).isEmpty();
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(history(100, 1, List.of()))).isEmpty();
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(List.of())).isEmpty();
        List<ParameterVersion> reversed = new ArrayList<>(history(100, 1, List.of("a", "b")));
        java.util.Collections.reverse(reversed);
        assertThat(VersionLimitWarning.oldestVersionLabelWarning(reversed)).hasValueSatisfying(w -> assertThat(w).contains("\"a\", \"b\""));
    }

    @Test
    void policiesAreClearedOnlyWhenTheyWereThere() {
        ParameterPolicies some = ParameterPolicies.none().withNoChangeNotification(ParameterPolicies.Notice.days(3));
        Parameter with = new Parameter("/x", STRING, ADVANCED, TEXT, 1, Instant.EPOCH, "a", Optional.empty(), Optional.empty(),
                some.toJson());
        Parameter without = new Parameter("/x", STRING, ADVANCED, TEXT, 1, Instant.EPOCH, "a", Optional.empty(), Optional.empty(), "");
        assertThat(ParameterStore.policiesToSend(some, Optional.of(without))).contains(some.toJson());
        assertThat(ParameterStore.policiesToSend(some, Optional.empty())).contains(some.toJson());
        assertThat(ParameterStore.policiesToSend(ParameterPolicies.none(), Optional.of(with))).contains("[{}]");
        assertThat(ParameterStore.policiesToSend(ParameterPolicies.none(), Optional.of(without))).isEmpty();
        assertThat(ParameterStore.policiesToSend(ParameterPolicies.none(), Optional.empty())).isEmpty();
    }

    private static List<ParameterVersion> history(int count, long oldestVersion, List<String> oldestLabels) {
        List<ParameterVersion> versions = new ArrayList<>();
        for (long v = oldestVersion + count - 1; v >= oldestVersion; v--) {
            versions.add(new ParameterVersion(v, Instant.EPOCH, "alice", STRING, STANDARD, TEXT,
                    v == oldestVersion ? oldestLabels : List.of(), Optional.empty(), Optional.empty(), "", Optional.empty()));
        }
        return versions;
    }
}
