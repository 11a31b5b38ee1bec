package dev.coffer.compare;

import static dev.coffer.compare.CompareSeed.LEFT_PATH;
import static dev.coffer.compare.CompareSeed.LEFT_PREFIX;
import static dev.coffer.compare.CompareSeed.MARK;
import static dev.coffer.compare.CompareSeed.RIGHT_PATH;
import static dev.coffer.compare.CompareSeed.RIGHT_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing two paths (and two secret prefixes) of one account: every status and every kind of difference. */
@WithMoto
class ComparerIT {

    private static ClientFactory clients;
    private static Comparison withValues;

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
        clients = Moto.clients(moto, false);
        CompareSeed.seedBoth(clients);
        withValues = Comparer.compare(left(), right(), new CompareOptions(true, true), m -> { }, () -> false);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static ClientFactory clientsAt(java.net.URI endpoint) {
        dev.coffer.aws.Connection connection = new dev.coffer.aws.Connection("", "us-east-1", Optional.of(endpoint), false, false);
        return dev.coffer.audit.SessionClients.open(dev.coffer.aws.Sessions.local(connection, endpoint));
    }

    private static Side left() {
        return new Side.Live(clients, Optional.of(LEFT_PATH), Optional.of(LEFT_PREFIX));
    }

    private static Side right() {
        return new Side.Live(clients, Optional.of(RIGHT_PATH + "/"), Optional.of(RIGHT_PREFIX));
    }

    private static Row row(Comparison c, ItemKind kind, String name) {
        return c.rows().stream().filter(r -> r.kind() == kind && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + c.rows()));
    }

    @Test
    void everyParameterStatusAndDifferenceIsNamedByTheRelativeName() {
        assertThat(row(withValues, ItemKind.PARAMETER, "same").status()).isEqualTo(Status.SAME);
        assertThat(row(withValues, ItemKind.PARAMETER, "only-left").status()).isEqualTo(Status.ONLY_LEFT);
        assertThat(row(withValues, ItemKind.PARAMETER, "nested/deep").status()).isEqualTo(Status.ONLY_LEFT);
        assertThat(row(withValues, ItemKind.PARAMETER, "only-right").status()).isEqualTo(Status.ONLY_RIGHT);
        Map<String, List<Field>> expected = Map.of(
                "value", List.of(Field.VALUE),
                "type", List.of(Field.TYPE),
                "tier", List.of(Field.TIER),
                "data-type", List.of(Field.VALUE, Field.DATA_TYPE),
                "secure", List.of(Field.KMS_KEY),
                "description", List.of(Field.DESCRIPTION),
                "tags", List.of(Field.TAGS),
                "policies", List.of(Field.POLICIES));
        expected.forEach((name, fields) -> {
            Row row = row(withValues, ItemKind.PARAMETER, name);
            assertThat(row.status()).as(name).isEqualTo(Status.DIFFERENT);
            assertThat(row.fields()).as(name).containsExactlyElementsOf(fields);
        });
        assertThat(row(withValues, ItemKind.PARAMETER, "tier").differences()).containsExactly(new Difference(Field.TIER, "Standard → Advanced"));
        assertThat(row(withValues, ItemKind.PARAMETER, "secure").differences())
                .containsExactly(new Difference(Field.KMS_KEY, CompareSeed.KEY_ALIAS + " → alias/aws/ssm"));
        assertThat(row(withValues, ItemKind.PARAMETER, "tags").differences()).containsExactly(new Difference(Field.TAGS, "Env"));
    }

    @Test
    void everySecretDifferenceIsNamedWithoutItsValue() {
        assertThat(row(withValues, ItemKind.SECRET, "same").status()).isEqualTo(Status.SAME);
        assertThat(row(withValues, ItemKind.SECRET, "only-left").status()).isEqualTo(Status.ONLY_LEFT);
        assertThat(row(withValues, ItemKind.SECRET, "db").differences()).containsExactly(
                new Difference(Field.JSON_KEYS, "only left: host; only right: port"),
                new Difference(Field.VALUE, "values differ: password"));
        assertThat(row(withValues, ItemKind.SECRET, "token").differences())
                .containsExactly(new Difference(Field.VALUE_KIND, "plain text → binary"));
        assertThat(row(withValues, ItemKind.SECRET, "api").fields()).containsExactly(Field.DESCRIPTION, Field.KMS_KEY, Field.TAGS);
        assertThat(row(withValues, ItemKind.SECRET, "rotated").fields()).containsExactly(Field.ROTATION);
        assertThat(row(withValues, ItemKind.SECRET, "policy").differences())
                .containsExactly(new Difference(Field.RESOURCE_POLICY, "none on the left"));
    }

    @Test
    void countsAddUpPerStatusAndNothingShowsAValue() {
        Map<Status, Integer> counts = withValues.counts();
        assertThat(counts).containsEntry(Status.SAME, 2).containsEntry(Status.ONLY_LEFT, 3).containsEntry(Status.ONLY_RIGHT, 1)
                .containsEntry(Status.DIFFERENT, 13);
        assertThat(withValues.same()).isFalse();
        assertThat(withValues.rows().toString()).doesNotContain(MARK);
        withValues.rows().forEach(r -> {
            assertThat(r.left().map(Object::toString).orElse("")).doesNotContain(MARK);
            assertThat(r.right().map(Object::toString).orElse("")).doesNotContain(MARK);
        });
    }

    @Test
    void withoutValuesOnlyMetadataIsComparedAndNoValueIsRead() throws Exception {
        Comparison metadata = Comparer.compare(left(), right(), new CompareOptions(false, false), m -> { }, () -> false);

        assertThat(row(metadata, ItemKind.PARAMETER, "value").status()).isEqualTo(Status.SAME);
        assertThat(row(metadata, ItemKind.PARAMETER, "tags").status()).isEqualTo(Status.SAME);
        assertThat(row(metadata, ItemKind.SECRET, "db").status()).isEqualTo(Status.SAME);
        assertThat(row(metadata, ItemKind.PARAMETER, "tier").fields()).containsExactly(Field.TIER);
        assertThat(metadata.rows()).allSatisfy(r -> {
            assertThat(r.left().or(r::right).orElseThrow()).satisfies(item -> {
                if (item instanceof ParameterItem p) {
                    assertThat(p.value()).isEmpty();
                } else {
                    assertThat(((SecretItem) item).value()).isEmpty();
                }
            });
        });
    }

    @Test
    void anExportFileIsASide(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("staging.json");
        Export.folder(clients, LEFT_PATH, file, step -> { }, () -> false);

        Comparison c = Comparer.compare(new Side.ExportFile(file), new Side.Live(clients, Optional.of(RIGHT_PATH), Optional.empty()),
                new CompareOptions(true, true), m -> { }, () -> false);

        assertThat(row(c, ItemKind.PARAMETER, "same").status()).isEqualTo(Status.SAME);
        assertThat(row(c, ItemKind.PARAMETER, "only-left").status()).isEqualTo(Status.ONLY_LEFT);
        assertThat(row(c, ItemKind.PARAMETER, "value").fields()).containsExactly(Field.VALUE);
        assertThat(row(c, ItemKind.PARAMETER, "tags").fields()).containsExactly(Field.TAGS);
        assertThat(row(c, ItemKind.PARAMETER, "secure").status()).as("a file holds no SecureString value nor key").isEqualTo(Status.SAME);
    }

    @Test
    void aFileThatIsNoExportIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "{\"hello\": 1}");

        assertThatThrownBy(() -> Comparer.compare(new Side.ExportFile(file), right(), new CompareOptions(false, false), m -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothSidesReportProgressAndACancelledComparisonStops() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        Comparer.compare(left(), right(), new CompareOptions(false, false), heard::add, () -> false);
        assertThat(heard).contains("left: 11 parameters listed", "right: 10 parameters listed", "left: 7 secrets listed",
                "right: 6 secrets listed");

        assertThatThrownBy(() -> Comparer.compare(left(), right(), new CompareOptions(true, true), m -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void valuesAreReadInTheLargestBatchesAndOnlyWhenCompared(MotoServer moto) throws Exception {
        Moto.startRecording(moto);
        Comparer.compare(left(), right(), new CompareOptions(false, false), m -> { }, () -> false);
        List<String> metadataOnly = Moto.stopRecording(moto);

        assertThat(Moto.operations(metadataOnly)).doesNotContain("GetParametersByPath", "GetParameters", "GetParameter",
                "BatchGetSecretValue", "GetSecretValue", "ListTagsForResource");
        // moto answers 10 a page whatever is asked; what counts is what Coffer asks for.
        assertThat(Moto.requestsFor(metadataOnly, "AmazonSSM.DescribeParameters")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("MaxResults").asInt()).isEqualTo(50));
        assertThat(Moto.requestsFor(metadataOnly, "secretsmanager.ListSecrets")).hasSize(2)
                .allSatisfy(r -> assertThat(r.path("MaxResults").asInt()).isEqualTo(100));

        Moto.startRecording(moto);
        Comparison compared = Comparer.compare(left(), right(), new CompareOptions(true, false), m -> { }, () -> false);
        List<String> withValues = Moto.stopRecording(moto);

        // Values by name as the listing hands them over, 10 a call (no page chain), each parameter once.
        assertThat(Moto.operations(withValues)).doesNotContain("GetParametersByPath", "GetParameter", "GetSecretValue",
                "ListTagsForResource");
        List<com.fasterxml.jackson.databind.JsonNode> gets = Moto.requestsFor(withValues, "AmazonSSM.GetParameters");
        assertThat(gets).allSatisfy(r -> {
            assertThat(r.path("Names").size()).isBetween(1, 10);
            assertThat(r.path("WithDecryption").asBoolean()).isTrue();
        });
        List<String> asked = gets.stream().flatMap(r -> java.util.stream.StreamSupport.stream(r.path("Names").spliterator(), false))
                .map(com.fasterxml.jackson.databind.JsonNode::asText).toList();
        List<String> listed = compared.rows().stream().filter(r -> r.kind() == ItemKind.PARAMETER)
                .flatMap(r -> java.util.stream.Stream.of(r.left(), r.right())).flatMap(Optional::stream)
                .map(i -> ((ParameterItem) i).name()).toList();
        assertThat(asked).containsExactlyInAnyOrderElementsOf(listed);
        List<com.fasterxml.jackson.databind.JsonNode> batches = Moto.requestsFor(withValues, "secretsmanager.BatchGetSecretValue");
        assertThat(batches).hasSize(2).allSatisfy(r -> assertThat(r.path("SecretIdList").size()).isBetween(1, 20));
        assertThat(batches.stream().mapToInt(r -> r.path("SecretIdList").size()).sum()).isEqualTo(13);
    }

    @Test
    void bothSidesAreReadAtOnce(MotoServer moto) throws Exception {
        try (AwsProxy slowLeft = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SLOW_ANSWER).on("DescribeParameters").delay(Duration.ofSeconds(3)).times(1));
             ClientFactory leftClients = clientsAt(slowLeft.endpoint())) {
            List<String> heard = new CopyOnWriteArrayList<>();

            Comparer.compare(new Side.Live(leftClients, Optional.of(LEFT_PATH), Optional.empty()),
                    new Side.Live(clients, Optional.of(RIGHT_PATH), Optional.of(RIGHT_PREFIX)), new CompareOptions(true, true),
                    heard::add, () -> false);

            assertThat(heard).as("the right side was read while the left's listing waited")
                    .containsSubsequence("right: 10 parameters listed", "left: 11 parameters listed");
        }
    }
}
