package dev.coffer.usage;

import static dev.coffer.usage.UsageSeed.BATCH_TEMPLATE;
import static dev.coffer.usage.UsageSeed.DB_HOST;
import static dev.coffer.usage.UsageSeed.FUNCTION;
import static dev.coffer.usage.UsageSeed.GOLDEN_ARM;
import static dev.coffer.usage.UsageSeed.GOLDEN_X86;
import static dev.coffer.usage.UsageSeed.INSTANCE_TYPE;
import static dev.coffer.usage.UsageSeed.JSON_STACK;
import static dev.coffer.usage.UsageSeed.OWNED;
import static dev.coffer.usage.UsageSeed.POINTER_PARAMETER;
import static dev.coffer.usage.UsageSeed.ROTATION_FUNCTION;
import static dev.coffer.usage.UsageSeed.SECRET;
import static dev.coffer.usage.UsageSeed.SECRET_REF_PARAMETER;
import static dev.coffer.usage.UsageSeed.TASK_FAMILY;
import static dev.coffer.usage.UsageSeed.UNUSED;
import static dev.coffer.usage.UsageSeed.WEB_TEMPLATE;
import static dev.coffer.usage.UsageSeed.YAML_STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.coffer.aws.Cancellation;
import dev.coffer.aws.CancelledException;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A where-used scan against moto: every consumer kind, every lookup, read-only sessions and Cancel. */
@WithMoto
class UsageScanIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ClientFactory readOnly;
    private static String secretArn;
    private static ConsumerIndex index;

    @BeforeAll
    static void scanOnce(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        secretArn = UsageSeed.seed(moto, clients);
        readOnly = Moto.clients(moto, true);
        // Audit mode: a read-only session's clients refuse every change, and the scan still works.
        index = UsageScan.scan(readOnly, new Cancellation(), message -> { });
    }

    @AfterAll
    static void close() {
        clients.close();
        readOnly.close();
    }

    @Test
    void everyServiceWasRead() {
        assertThat(index.unread()).isEmpty();
    }

    @Test
    void jsonStackReadsTheGoldenAmiThroughItsParameterTypeAndPinsAVersionInADynamicReference() {
        assertThat(index.ofParameter(GOLDEN_X86)).filteredOn(c -> c.kind() == ConsumerKind.CLOUDFORMATION_STACK)
                .extracting(Consumer::resource, Consumer::location, Consumer::pinnedVersion)
                .containsExactly(tuple(JSON_STACK, "Parameters.ImageId", Optional.empty()));
        assertThat(index.ofParameter(INSTANCE_TYPE)).extracting(Consumer::resource, Consumer::location, Consumer::pinnedVersion)
                .containsExactly(tuple(JSON_STACK, "Config.Value", Optional.of("2")));
        assertThat(index.ofParameter(INSTANCE_TYPE).get(0).versionNote()).isEqualTo("pinned to version 2, will not follow updates");
    }

    @Test
    void yamlStackWithShortFormTagsReadsAParameterAndASecretByArn() {
        assertThat(index.ofParameter(DB_HOST)).filteredOn(c -> c.kind() == ConsumerKind.CLOUDFORMATION_STACK)
                .extracting(Consumer::resource, Consumer::location).containsExactly(tuple(YAML_STACK, "Queue.Tags[0].Value[1][0]"));
        assertThat(index.ofSecret(SECRET)).filteredOn(c -> c.kind() == ConsumerKind.CLOUDFORMATION_STACK)
                .extracting(Consumer::resource, Consumer::location).containsExactly(tuple(YAML_STACK, "Queue.Tags[1].Value"));
    }

    @Test
    void aStackThatDeclaresAParameterManagesIt() {
        assertThat(index.ofParameter(OWNED)).singleElement().satisfies(c -> {
            assertThat(c.manages()).isTrue();
            assertThat(c.resource()).isEqualTo(JSON_STACK);
            assertThat(c.versionNote()).isEqualTo("managed by stack " + JSON_STACK + ", change it there");
        });
    }

    @Test
    void launchTemplatesDefaultAndLatestVersionsPinnedOrNot() {
        assertThat(index.ofParameter(GOLDEN_X86)).filteredOn(c -> c.kind() == ConsumerKind.LAUNCH_TEMPLATE)
                .extracting(Consumer::resource, Consumer::location, Consumer::pinnedVersion)
                .containsExactly(tuple(BATCH_TEMPLATE, "version 1 (default and latest) ImageId", Optional.of("1")),
                        tuple(WEB_TEMPLATE, "version 1 (default) ImageId", Optional.empty()));
        assertThat(index.ofParameter(GOLDEN_ARM)).extracting(Consumer::resource, Consumer::location, Consumer::pinnedVersion)
                .containsExactly(tuple(WEB_TEMPLATE, "version 2 (latest) ImageId", Optional.empty()));
    }

    @Test
    void lambdaEnvironmentNamesAParameterAndASecretInEveryFormAndTheRotationFunctionReadsItsSecret() {
        assertThat(index.ofParameter(DB_HOST)).filteredOn(c -> c.kind() == ConsumerKind.LAMBDA_FUNCTION)
                .extracting(Consumer::resource, Consumer::location)
                .containsExactly(tuple(functionArn(FUNCTION), "environment variable DB_HOST_PARAMETER"));
        assertThat(index.ofSecret(secretArn)).filteredOn(c -> c.kind() == ConsumerKind.LAMBDA_FUNCTION)
                .extracting(Consumer::resource, Consumer::location)
                .containsExactlyInAnyOrder(tuple(functionArn(FUNCTION), "environment variable DB_SECRET"),
                        tuple(functionArn(FUNCTION), "environment variable DB_SECRET_REF"),
                        tuple(functionArn(ROTATION_FUNCTION), "rotation function"));
        assertThat(index.all()).as("a value that names nothing that exists is no consumer")
                .noneMatch(c -> c.location().equals("environment variable SCRATCH"));
    }

    @Test
    void ecsLatestRevisionReadsFromBothStores() {
        String latest = "arn:aws:ecs:us-east-1:123456789012:task-definition/" + TASK_FAMILY + ":2";
        assertThat(index.ofParameter(DB_HOST)).filteredOn(c -> c.kind() == ConsumerKind.ECS_TASK_DEFINITION)
                .extracting(Consumer::resource, Consumer::location).containsExactly(tuple(latest, "container app, secret DB_HOST"));
        assertThat(index.ofSecret(SECRET)).filteredOn(c -> c.kind() == ConsumerKind.ECS_TASK_DEFINITION)
                .extracting(Consumer::resource, Consumer::location)
                .containsExactlyInAnyOrder(tuple(latest, "container app, secret DB_PASSWORD"), tuple(latest, "container app, environment SECRET_NAME"));
        assertThat(index.ofParameter(UNUSED)).as("only the latest revision of a family is read").isEmpty();
    }

    @Test
    void parametersThatPointAtAnotherParameterOrASecret() {
        assertThat(index.ofParameter(DB_HOST)).filteredOn(c -> c.kind() == ConsumerKind.PARAMETER)
                .extracting(Consumer::resource).containsExactly(POINTER_PARAMETER);
        assertThat(index.ofSecret(SECRET)).filteredOn(c -> c.kind() == ConsumerKind.PARAMETER)
                .extracting(Consumer::resource).containsExactly(SECRET_REF_PARAMETER);
    }

    @Test
    void aSecretIsFoundByNameArnAndPartialArnAlike() {
        List<Consumer> byName = index.ofSecret(SECRET);
        assertThat(byName).hasSize(7).allSatisfy(c -> assertThat(c.target()).isEqualTo(Target.secret(secretArn)));
        assertThat(index.ofSecret(secretArn)).isEqualTo(byName);
        assertThat(index.ofSecret(secretArn.substring(0, secretArn.length() - 7))).isEqualTo(byName);
        assertThat(index.lookUp(SECRET)).isEqualTo(byName);
    }

    @Test
    void aFolderHasTheConsumersOfEverythingUnderIt() {
        assertThat(index.underFolder("/golden-ami")).extracting(c -> c.target().id()).containsOnly(GOLDEN_X86, GOLDEN_ARM).hasSize(4);
        assertThat(index.underFolder("/apps/web/")).extracting(c -> c.target().id()).containsOnly(DB_HOST, OWNED);
        assertThat(index.underFolder("/apps/unused")).isEmpty();
        assertThat(index.lookUp("arn:aws:ssm:us-east-1:123456789012:parameter" + GOLDEN_ARM)).isEqualTo(index.ofParameter(GOLDEN_ARM));
    }

    @Test
    void cancelStopsTheScan() {
        Cancellation cancellation = new Cancellation();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> UsageScan.scan(clients, cancellation, message -> {
            heard.add(message);
            cancellation.cancel();
        })).isInstanceOf(CancelledException.class);
        assertThat(heard).isNotEmpty();
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
    }
}
