package dev.coffer.compare;

import static dev.coffer.compare.CompareSeed.KEY_ALIAS;
import static dev.coffer.compare.CompareSeed.LEFT_PATH;
import static dev.coffer.compare.CompareSeed.LEFT_PREFIX;
import static dev.coffer.compare.CompareSeed.MARK;
import static dev.coffer.compare.CompareSeed.RIGHT_PATH;
import static dev.coffer.compare.CompareSeed.RIGHT_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promoting from one account (the shared moto) to another (a second moto with its own account id):
 * KMS keys mapped by alias or by choice, tags on and off, a failing item in the middle, a target
 * changed since the comparison, a read-only target, a repeated apply and deleting.
 */
@WithMoto
class PromotionIT {

    static final String TARGET_ACCOUNT = "210987654321";

    private static MotoServer targetMoto;
    private static ClientFactory source;
    private static ClientFactory target;

    @BeforeAll
    static void start(MotoServer moto) {
        targetMoto = MotoServer.start(Optional.empty(), Map.of("MOTO_ACCOUNT_ID", TARGET_ACCOUNT));
        source = Moto.clients(moto, false);
        CompareSeed.createKey(source);
        CompareSeed.seedParameters(source, LEFT_PATH, true);
        CompareSeed.seedSecrets(source, LEFT_PREFIX, true);
        target = clients(targetMoto.endpoint(), false);
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
        targetMoto.close();
    }

    @BeforeEach
    void freshTarget() {
        targetMoto.reset();
        CompareSeed.seedParameters(target, RIGHT_PATH, false);
        CompareSeed.seedSecrets(target, RIGHT_PREFIX, false);
    }

    private static ClientFactory clients(URI endpoint, boolean readOnly) {
        Connection connection = new Connection("", "us-east-1", Optional.of(endpoint), readOnly, false);
        return SessionClients.open(Sessions.local(connection, endpoint));
    }

    private static Comparison compare(ClientFactory targetClients) throws Exception {
        return Comparer.compare(new Side.Live(source, Optional.of(LEFT_PATH), Optional.of(LEFT_PREFIX)),
                new Side.Live(targetClients, Optional.of(RIGHT_PATH), Optional.of(RIGHT_PREFIX)), new CompareOptions(true, true),
                m -> { }, () -> false);
    }

    private static PromotionPlan plan(Comparison c, PlanOptions options) {
        return PromotionPlan.of(c, c.rows(), options, new KeyCatalog(((Side.Live) c.right()).clients()).listIfAllowed());
    }

    private static PlanItem item(PromotionPlan plan, ItemKind kind, String name) {
        return plan.items().stream().filter(i -> i.kind() == kind && i.name().equals(name)).findFirst().orElseThrow();
    }

    private static ItemResult result(List<ItemResult> results, ItemKind kind, String name) {
        return results.stream().filter(r -> r.item().kind() == kind && r.item().name().equals(name)).findFirst().orElseThrow();
    }

    private static String targetKeyId() {
        return target.kms().listAliases().aliases().stream().filter(a -> a.aliasName().equals(KEY_ALIAS)).findFirst().orElseThrow()
                .targetKeyId();
    }

    @Test
    void theTargetBecomesLikeTheSourceWithItsOwnKeyOfTheSameAlias() throws Exception {
        CompareSeed.createKey(target);
        PromotionPlan plan = plan(compare(target), PlanOptions.leftToRight());

        assertThat(item(plan, ItemKind.PARAMETER, "only-left").action()).isEqualTo(Action.CREATE);
        assertThat(item(plan, ItemKind.PARAMETER, "nested/deep").targetName()).isEqualTo(RIGHT_PATH + "/nested/deep");
        assertThat(item(plan, ItemKind.PARAMETER, "value").fieldsCopied()).containsExactly(Field.VALUE);
        assertThat(item(plan, ItemKind.PARAMETER, "secure").targetKey()).contains(KEY_ALIAS);
        assertThat(item(plan, ItemKind.PARAMETER, "only-right").action()).as("deleting is off").isEqualTo(Action.SKIP);
        assertThat(item(plan, ItemKind.SECRET, "rotated").action()).as("rotation is not copied").isEqualTo(Action.SKIP);
        assertThat(plan.complete()).isTrue();
        assertThat(plan.items().toString()).doesNotContain(MARK);

        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(results).filteredOn(r -> r.item().action() != Action.SKIP).allSatisfy(r ->
                assertThat(r.outcome()).as(r.item().name() + ": " + r.message()).isEqualTo(Outcome.DONE));
        Comparison after = compare(target);
        assertThat(after.rows()).filteredOn(r -> r.status() != Status.SAME).extracting(Row::name)
                .containsExactlyInAnyOrder("only-right", "tier", "rotated", "policy");
        assertThat(after.rows()).filteredOn(r -> r.name().equals("tier")).singleElement()
                .satisfies(r -> assertThat(r.fields()).as("Advanced can not go back to Standard").containsExactly(Field.TIER));
        String secureKey = target.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(RIGHT_PATH + "/secure")))
                .parameters().get(0).keyId();
        assertThat(secureKey).as("the target account's key, never a key id of the source account")
                .satisfiesAnyOf(k -> assertThat(k).isEqualTo(KEY_ALIAS), k -> assertThat(k).contains(targetKeyId()));
        assertThat(target.secretsManager().describeSecret(b -> b.secretId(RIGHT_PREFIX + "api")).kmsKeyId())
                .satisfiesAnyOf(k -> assertThat(k).isEqualTo(KEY_ALIAS), k -> assertThat(k).contains(targetKeyId()));
        assertThat(target.secretsManager().describeSecret(b -> b.secretId(RIGHT_PREFIX + "only-left")).arn()).contains(TARGET_ACCOUNT);
    }

    @Test
    void aKeyWhoseAliasTheTargetLacksWaitsForAChoiceAndAChosenKeyIsUsed() throws Exception {
        Comparison c = compare(target);
        PromotionPlan unmapped = plan(c, PlanOptions.leftToRight());
        assertThat(item(unmapped, ItemKind.PARAMETER, "secure").action()).isEqualTo(Action.SKIP);
        assertThat(item(unmapped, ItemKind.PARAMETER, "secure").blocked()).isTrue();
        assertThat(item(unmapped, ItemKind.PARAMETER, "secure").note()).contains("no KMS key chosen on the target for " + KEY_ALIAS);
        assertThat(item(unmapped, ItemKind.SECRET, "api").blocked()).isTrue();
        assertThat(unmapped.complete()).isFalse();

        String chosen = target.kms().createKey(b -> b.description("prod apps")).keyMetadata().keyId();
        PromotionPlan mapped = plan(c, new PlanOptions(Direction.LEFT_TO_RIGHT, true, Map.of(KEY_ALIAS, chosen), false, ""));
        assertThat(item(mapped, ItemKind.PARAMETER, "secure").targetKey()).contains(chosen);
        List<ItemResult> results = new Promotion(mapped).apply(r -> { }, () -> false);

        assertThat(result(results, ItemKind.PARAMETER, "secure").outcome()).isEqualTo(Outcome.DONE);
        assertThat(target.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(RIGHT_PATH + "/secure")))
                .parameters().get(0).keyId()).contains(chosen);
        assertThat(target.ssm().getParameter(b -> b.name(RIGHT_PATH + "/secure").withDecryption(true)).parameter().value())
                .isEqualTo(MARK + "secure");
    }

    @Test
    void withTagsOffTheTargetKeepsItsTags() throws Exception {
        CompareSeed.createKey(target);
        Comparison c = compare(target);
        PromotionPlan plan = plan(c, new PlanOptions(Direction.LEFT_TO_RIGHT, false, Map.of(), false, ""));
        assertThat(item(plan, ItemKind.PARAMETER, "tags").action()).as("only tags differ").isEqualTo(Action.SKIP);
        assertThat(item(plan, ItemKind.SECRET, "api").fieldsCopied()).containsExactly(Field.DESCRIPTION, Field.KMS_KEY);

        new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(target.ssm().listTagsForResource(b -> b.resourceType("Parameter").resourceId(RIGHT_PATH + "/tags")).tagList())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("Env=prod");
        assertThat(target.secretsManager().describeSecret(b -> b.secretId(RIGHT_PREFIX + "api")).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("Env=prod");
        assertThat(target.secretsManager().describeSecret(b -> b.secretId(RIGHT_PREFIX + "api")).description()).isEqualTo("API key");
        assertThat(target.ssm().listTagsForResource(b -> b.resourceType("Parameter").resourceId(RIGHT_PATH + "/only-left")).tagList())
                .isEmpty();
    }

    @Test
    void aFailedItemInTheMiddleIsReportedAndTheOthersAreApplied() throws Exception {
        CompareSeed.createKey(target);
        try (AwsProxy proxy = AwsProxy.start(targetMoto.endpoint())
                .inject(FaultRule.of(Fault.EXPIRED_TOKEN).on("PutParameter").after(1).times(1));
             ClientFactory throughProxy = clients(proxy.endpoint(), false)) {
            PromotionPlan plan = plan(compare(throughProxy), PlanOptions.leftToRight());
            List<PlanItem> puts = plan.items().stream().filter(i -> i.kind() == ItemKind.PARAMETER && i.action() != Action.SKIP).toList();
            PlanItem second = puts.get(1);

            List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

            ItemResult failed = result(results, ItemKind.PARAMETER, second.name());
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.commandText()).startsWith("Your credentials are expired").doesNotContain(MARK)
                    .isEqualTo(failed.problem().orElseThrow().commandText());
            assertThat(failed.message()).startsWith("failed: Your credentials are expired");
            assertThat(results).filteredOn(r -> r != failed && r.item().action() != Action.SKIP)
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.item().name()).isEqualTo(Outcome.DONE));
            assertThat(compare(target).rows()).filteredOn(r -> r.status() != Status.SAME).extracting(Row::name)
                    .contains(second.name()).doesNotContain(puts.get(0).name(), puts.get(2).name());
        }
    }

    @Test
    void anItemWhoseTargetChangedSinceTheComparisonIsSkipped() throws Exception {
        CompareSeed.createKey(target);
        PromotionPlan plan = plan(compare(target), PlanOptions.leftToRight());
        target.ssm().putParameter(b -> b.name(RIGHT_PATH + "/value").value("someone else's").type("String").overwrite(true));
        target.secretsManager().putSecretValue(b -> b.secretId(RIGHT_PREFIX + "db").secretString("{\"changed\":\"meanwhile\"}"));

        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(result(results, ItemKind.PARAMETER, "value").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result(results, ItemKind.PARAMETER, "value").message()).contains("changed since the comparison");
        assertThat(result(results, ItemKind.SECRET, "db").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(target.ssm().getParameter(b -> b.name(RIGHT_PATH + "/value")).parameter().value()).isEqualTo("someone else's");
        assertThat(target.secretsManager().getSecretValue(b -> b.secretId(RIGHT_PREFIX + "db")).secretString())
                .isEqualTo("{\"changed\":\"meanwhile\"}");
        assertThat(result(results, ItemKind.PARAMETER, "description").outcome()).isEqualTo(Outcome.DONE);
    }

    @Test
    void aReadOnlyTargetIsRefusedByTheGuardAndNothingChanges() throws Exception {
        CompareSeed.createKey(target);
        try (ClientFactory readOnly = clients(targetMoto.endpoint(), true)) {
            PromotionPlan plan = plan(compare(readOnly), PlanOptions.leftToRight());

            List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

            assertThat(results).filteredOn(r -> r.item().action() != Action.SKIP).isNotEmpty().allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(r.problem().orElseThrow().kind()).isEqualTo(dev.coffer.aws.AwsErrors.Kind.READ_ONLY);
            });
        }
        assertThat(compare(target).counts()).isEqualTo(compare(target).counts()).containsEntry(Status.ONLY_LEFT, 3);
    }

    @Test
    void applyingTheSamePlanAgainMakesNoSecondSecretVersion() throws Exception {
        CompareSeed.createKey(target);
        PromotionPlan plan = plan(compare(target), PlanOptions.leftToRight());
        new Promotion(plan).apply(r -> { }, () -> false);
        int versions = target.secretsManager().listSecretVersionIds(b -> b.secretId(RIGHT_PREFIX + "db").includeDeprecated(true))
                .versions().size();

        List<ItemResult> again = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(result(again, ItemKind.SECRET, "db").outcome()).isEqualTo(Outcome.DONE);
        assertThat(target.secretsManager().listSecretVersionIds(b -> b.secretId(RIGHT_PREFIX + "db").includeDeprecated(true))
                .versions()).hasSize(versions);
        assertThat(result(again, ItemKind.PARAMETER, "value").outcome()).as("its version moved on: never a second put")
                .isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void deletingWhatOnlyTheTargetHoldsNeedsItsRootTyped() throws Exception {
        CompareSeed.createKey(target);
        Comparison c = compare(target);
        assertThatThrownBy(() -> plan(c, new PlanOptions(Direction.LEFT_TO_RIGHT, true, Map.of(), true, "/cmp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type that root exactly");

        PromotionPlan plan = plan(c, new PlanOptions(Direction.LEFT_TO_RIGHT, true, Map.of(), true, RIGHT_PATH));
        assertThat(item(plan, ItemKind.PARAMETER, "only-right").action()).isEqualTo(Action.DELETE);
        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(result(results, ItemKind.PARAMETER, "only-right").outcome()).isEqualTo(Outcome.DONE);
        assertThat(target.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(RIGHT_PATH + "/only-right")))
                .parameters()).isEmpty();
    }
}
