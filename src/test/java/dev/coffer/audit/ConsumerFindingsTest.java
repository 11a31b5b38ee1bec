package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerKind;
import dev.coffer.usage.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The consumer findings' rules where moto cannot set the scene: labels, owners, versions that are gone, deletions. */
class ConsumerFindingsTest {

    private static final AuditReport.ConnectionInfo CONNECTION = new AuditReport.ConnectionInfo("c", "c", "r", "", "1", "arn");
    private static final String ARN = "arn:aws:secretsmanager:r:1:secret:db-AbCdEf";
    private static final InventoryItem PARAMETER = InventoryItem.parameter(CONNECTION, "/golden").type("String").build();
    private static final InventoryItem SECRET = InventoryItem.secret(CONNECTION, "db").arn(ARN)
            .labels(Map.of("v1", List.of("AWSPREVIOUS"), "v2", List.of("AWSCURRENT", "BLUE"))).build();

    private static Consumer template(String pin) {
        return new Consumer(Target.parameter("/golden"), ConsumerKind.LAUNCH_TEMPLATE, "web", "version 1 (default) ImageId",
                Optional.ofNullable(pin), false);
    }

    private static Consumer task(String pin) {
        return new Consumer(Target.secret(ARN), ConsumerKind.ECS_TASK_DEFINITION, "task:1", "container app, secret DB",
                Optional.ofNullable(pin), false);
    }

    @Test
    void aParameterPinnedByLabelIsNotJudgedForItsLabelsAreNotCollected() {
        assertThat(ConsumerFindings.ofParameter(PARAMETER, 3, List.of(template("golden")), true)).isEmpty();
    }

    @Test
    void aStackThatManagesAParameterPinsNothing() {
        Consumer owner = new Consumer(Target.parameter("/golden"), ConsumerKind.CLOUDFORMATION_STACK, "s", "P (AWS::SSM::Parameter)",
                Optional.empty(), true);
        assertThat(ConsumerFindings.ofParameter(PARAMETER, 3, List.of(owner), true)).isEmpty();
    }

    @Test
    void aPinBeyondTheCurrentVersionSaysItDoesNotExist() {
        assertThat(ConsumerFindings.ofParameter(PARAMETER, 3, List.of(template("7")), true)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("EC2 launch template web, at version 1 (default) ImageId, pins "
                        + "version 7, which does not exist; the current version is 3,"));
    }

    @Test
    void aStageTheCurrentVersionAlsoCarriesIsNoOldVersion() {
        assertThat(ConsumerFindings.ofSecret(SECRET, List.of(task("BLUE"), task("v2")), true)).isEmpty();
    }

    @Test
    void aPinNoVersionCarriesIsSaid() {
        assertThat(ConsumerFindings.ofSecret(SECRET, List.of(task("v0-gone")), true)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.PINNED_OLD_VERSION);
            assertThat(f.detail()).startsWith("ECS task definition task:1, at container app, secret DB, pins v0-gone, which no version "
                    + "of the secret carries as its id or a staging label; the current version is v2 (AWSCURRENT)");
        });
        assertThat(ConsumerFindings.ofSecret(SECRET, List.of(task("v1")), true)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("pins version v1 (AWSPREVIOUS); the current version is v2"));
    }

    @Test
    void aSecretAnotherServiceOwnsOrOneScheduledForDeletionIsNotSaidToBeUnread() {
        InventoryItem owned = InventoryItem.secret(CONNECTION, "rds!db").arn(ARN).owningService("rds").build();
        InventoryItem deleted = InventoryItem.secret(CONNECTION, "old").arn(ARN).deletionDate(Instant.parse("2026-12-20T00:00:00Z")).build();

        assertThat(ConsumerFindings.ofSecret(owned, List.of(), true)).isEmpty();
        assertThat(ConsumerFindings.ofSecret(deleted, List.of(task("AWSPREVIOUS")), true)).isEmpty();
        assertThat(ConsumerFindings.ofSecret(SECRET, List.of(), true)).extracting(Finding::kind).containsExactly(FindingKind.NO_CONSUMER);
        assertThat(ConsumerFindings.ofSecret(SECRET, List.of(), false)).as("a source was not read").isEmpty();
    }
}
