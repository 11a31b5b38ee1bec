package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The audit report's consumer scan against moto: consumers pinned to an old version of a parameter
 * or a secret, parameters and secrets nothing scanned reads, the consumer count in every output, a
 * source that cannot be read, and {@code coffer audit --no-consumers}.
 */
@WithMoto
class ConsumerFindingsIT {

    static final String GOLDEN = "/consumers-it/golden-ami/x86_64";
    static final String INSTANCE_TYPE = "/consumers-it/web/instance-type";
    static final String UNREAD = "/consumers-it/web/feature-flag";
    static final String UNREAD_SECURE = "/consumers-it/web/api-key";
    static final String DB_SECRET = "consumers-it/db";
    static final String UNREAD_SECRET = "consumers-it/unused";
    static final String STACK = "consumers-it-web";
    static final String PINNED_OLD = "consumers-it-pinned-old";
    static final String PINNED_CURRENT = "consumers-it-pinned-current";
    static final String FOLLOWS = "consumers-it-follows";
    static final String PINNED_TASK = "consumers-it-pinned";
    static final String CURRENT_TASK = "consumers-it-current";
    static final String NO_CONSUMER_DETAIL = "No scanned consumer reads it. Only CloudFormation stacks, EC2 launch templates, Lambda "
            + "functions, ECS task definitions and Parameter Store were scanned: applications, scripts and other services that "
            + "read it at run time are not visible, so ask its owner before deleting it.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static String previousDbVersion;
    private static String currentDbVersion;
    private static AuditReport report;
    private static Map<String, Long> calls;
    private static final List<String> PROGRESS = new CopyOnWriteArrayList<>();

    static AuditSettings withConsumers() {
        return new AuditSettings(List.of(), 90, 30, List.of(), "", false, true);
    }

    @BeforeAll
    static void seedAndReport(MotoServer server) {
        moto = server;
        try (ClientFactory writable = Moto.clients(moto, false)) {
            var ssm = writable.ssm();
            for (String image : List.of("ami-0a00000000000000a", "ami-0b00000000000000b", "ami-0c00000000000000c")) {
                ssm.putParameter(b -> b.name(GOLDEN).type(ParameterType.STRING).value(image).overwrite(true));
            }
            for (String type : List.of("t3.micro", "t3.small")) {
                ssm.putParameter(b -> b.name(INSTANCE_TYPE).type(ParameterType.STRING).value(type).overwrite(true));
            }
            ssm.putParameter(b -> b.name(UNREAD).type(ParameterType.STRING).value("on"));
            ssm.putParameter(b -> b.name(UNREAD_SECURE).type(ParameterType.SECURE_STRING).value("not-read-by-anything"));

            var secrets = writable.secretsManager();
            String dbArn = secrets.createSecret(b -> b.name(DB_SECRET).secretString("{\"password\":\"first\"}")).arn();
            previousDbVersion = secrets.describeSecret(b -> b.secretId(DB_SECRET)).versionIdsToStages().keySet().iterator().next();
            currentDbVersion = secrets.putSecretValue(b -> b.secretId(DB_SECRET).secretString("{\"password\":\"second\"}")).versionId();
            secrets.createSecret(b -> b.name(UNREAD_SECRET).secretString("{}"));

            writable.cloudFormation().createStack(b -> b.stackName(STACK).templateBody("""
                    {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "consumers-it",
                      "Tags": [{"Key": "instance-type", "Value": "{{resolve:ssm:%s:1}}"}]}}}}
                    """.formatted(INSTANCE_TYPE)));

            var ec2 = writable.ec2();
            ec2.createLaunchTemplate(b -> b.launchTemplateName(PINNED_OLD)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN + ":1").instanceType("t3.micro")));
            ec2.createLaunchTemplate(b -> b.launchTemplateName(PINNED_CURRENT)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN + ":3").instanceType("t3.micro")));
            ec2.createLaunchTemplate(b -> b.launchTemplateName(FOLLOWS)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN).instanceType("t3.micro")));

            var ecs = writable.ecs();
            ecs.registerTaskDefinition(b -> b.family(PINNED_TASK).containerDefinitions(ContainerDefinition.builder()
                    .name("app").image("nginx").memory(256)
                    .secrets(s -> s.name("DB_PASSWORD").valueFrom(dbArn + ":password:AWSPREVIOUS:")).build()));
            ecs.registerTaskDefinition(b -> b.family(CURRENT_TASK).containerDefinitions(ContainerDefinition.builder()
                    .name("app").image("nginx").memory(256)
                    .secrets(s -> s.name("DB_PASSWORD").valueFrom(dbArn + ":password::" + currentDbVersion),
                            s -> s.name("DB_USER").valueFrom(dbArn + ":username:AWSCURRENT:")).build()));
        }
        try (ClientFactory audit = Moto.clients(moto, true)) {
            report = ReportCollector.report(List.of(audit), withConsumers(), (message, done, total) -> PROGRESS.add(message), () -> false);
            calls = audit.calls().snapshot();
        }
    }

    private static List<Finding> findings(AuditReport of, FindingKind kind, String item) {
        return of.findings().stream().filter(f -> f.kind() == kind && f.item().equals(item)).toList();
    }

    private static InventoryItem item(AuditReport of, String name) {
        return of.inventory().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aLaunchTemplatePinnedToAnOldVersionIsAMediumFindingNamingThePinTheCurrentVersionAndTheRemedy() {
        assertThat(findings(report, FindingKind.PINNED_OLD_VERSION, GOLDEN)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.title()).isEqualTo("Pinned to an old version");
            assertThat(f.store()).isEqualTo(RevealRecorder.PARAMETER_STORE);
            assertThat(f.detail()).isEqualTo("EC2 launch template " + PINNED_OLD + ", at version 1 (default and latest) ImageId, "
                    + "pins version 1; the current version is 3, so it does not get updates. Create a launch template version "
                    + "whose ImageId is resolve:ssm:" + GOLDEN + " (no version: each launch reads the current one) and make it the default.");
        });
        assertThat(report.findings()).as("a pin on the current version, and no pin, are no finding")
                .noneMatch(f -> f.detail().contains(PINNED_CURRENT) || f.detail().contains(FOLLOWS));
    }

    @Test
    void aStackWhoseDynamicReferencePinsAnOldVersionIsAFindingWithTheStacksRemedy() {
        assertThat(findings(report, FindingKind.PINNED_OLD_VERSION, INSTANCE_TYPE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.detail()).isEqualTo("CloudFormation stack " + STACK + ", at Queue.Tags[0].Value, pins version 1; the current "
                    + "version is 2, so it does not get updates. Change the reference in the template to the current version, or to "
                    + "none, and update the stack (it reads the parameter only when it is created or updated).");
        });
    }

    @Test
    void aTaskDefinitionReadingTheSecretsPreviousVersionIsAFindingAndOneReadingTheCurrentVersionIsNot() {
        String pinnedTask = "arn:aws:ecs:us-east-1:123456789012:task-definition/" + PINNED_TASK + ":1";
        assertThat(findings(report, FindingKind.PINNED_OLD_VERSION, DB_SECRET)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.store()).isEqualTo(RevealRecorder.SECRETS_MANAGER);
            assertThat(f.detail()).isEqualTo("ECS task definition " + pinnedTask + ", at container app, secret DB_PASSWORD, pins staging "
                    + "label AWSPREVIOUS (version " + previousDbVersion + "); the current version is " + currentDbVersion
                    + " (AWSCURRENT), so it does not get rotations or updates. Register a task definition revision whose valueFrom "
                    + "names no version stage or id (AWSCURRENT is read without them) and deploy it.");
        });
    }

    @Test
    void whatNoScannedConsumerReadsIsALowFindingThatSaysWhatWasScanned() {
        for (String unread : List.of(UNREAD, UNREAD_SECURE, UNREAD_SECRET)) {
            assertThat(findings(report, FindingKind.NO_CONSUMER, unread)).as(unread).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.title()).isEqualTo("No consumer found");
                assertThat(f.detail()).isEqualTo(NO_CONSUMER_DETAIL);
            });
        }
        for (String read : List.of(GOLDEN, INSTANCE_TYPE, DB_SECRET)) {
            assertThat(findings(report, FindingKind.NO_CONSUMER, read)).as(read).isEmpty();
        }
    }

    @Test
    void eachParameterAndSecretCountsItsConsumers() {
        assertThat(item(report, GOLDEN).consumers()).as("three launch templates").isEqualTo(3);
        assertThat(item(report, INSTANCE_TYPE).consumers()).isEqualTo(1);
        assertThat(item(report, DB_SECRET).consumers()).as("three container secrets in two task definitions").isEqualTo(3);
        assertThat(item(report, UNREAD).consumers()).isZero();
        assertThat(item(report, UNREAD_SECRET).consumers()).isZero();
        assertThat(report.consumersOf(item(report, GOLDEN))).isEqualTo("3");
        assertThat(report.consumerCount()).isEqualTo(7);
        assertThat(report.consumerScans()).singleElement().satisfies(c -> assertThat(c.complete()).isTrue());
        assertThat(report.consumerScanNotes()).containsExactly("Consumers scanned in CloudFormation stacks, EC2 launch templates, "
                + "Lambda functions, ECS task definitions and Parameter Store: 7 found, reading 3 of 6 parameters and secrets. "
                + "Applications that read them at run time are not visible to this scan.");
    }

    @Test
    void theScanReadsOneTemplatePerStackWithProgress() {
        assertThat(calls).containsEntry("DescribeStacks", 1L).containsEntry("GetTemplate", 1L)
                .containsEntry("DescribeLaunchTemplateVersions", 1L).containsEntry("ListTaskDefinitionFamilies", 1L)
                .containsEntry("DescribeTaskDefinition", 2L).containsEntry("ListFunctions", 1L);
        assertThat(calls.keySet()).allMatch(Moto::isRead);
        assertThat(PROGRESS).contains("Finding consumers: reading CloudFormation, EC2, Lambda and ECS…")
                .anyMatch(m -> m.startsWith("Finding consumers: read "));
    }

    @Test
    void theConsumerCountIsInTheJsonCsvAndHtmlExports(@TempDir Path dir) throws IOException {
        ReportExport.write(report, ReportExport.Format.JSON, dir.resolve("report.json"));
        JsonNode json = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(jsonItem(json, GOLDEN).path("consumers").asInt()).isEqualTo(3);
        assertThat(jsonItem(json, UNREAD).path("consumers").isInt()).as("0 is said, not left out").isTrue();
        assertThat(jsonItem(json, UNREAD).path("consumers").asInt()).isZero();
        assertThat(json.path("summary").path("consumers").asLong()).isEqualTo(7);
        JsonNode scan = json.path("consumerScan");
        assertThat(scan.path("scanned").asBoolean()).isTrue();
        assertThat(scan.path("connections")).singleElement().satisfies(c -> {
            assertThat(c.path("complete").asBoolean()).isTrue();
            assertThat(c.path("unread").isEmpty()).isTrue();
        });
        assertThat(json.path("findings").findValuesAsText("kind")).contains("PINNED_OLD_VERSION", "NO_CONSUMER");

        Path csv = dir.resolve("report.csv");
        ReportExport.write(report, ReportExport.Format.CSV, csv);
        List<CSVRecord> rows = records(csv);
        assertThat(row(rows, GOLDEN).get("Consumers")).isEqualTo("3");
        assertThat(row(rows, UNREAD).get("Consumers")).isEqualTo("0");
        assertThat(row(rows, DB_SECRET).get("Consumers")).isEqualTo("3");
        assertThat(row(rows, UNREAD).get("Findings")).isEqualTo("LOW No consumer found");
        assertThat(Files.readString(ReportExport.findingsFileFor(csv))).contains("MEDIUM,Pinned to an old version,", "LOW,No consumer found,");

        Path html = dir.resolve("report.html");
        ReportExport.write(report, ReportExport.Format.HTML, html);
        String page = Files.readString(html);
        assertThat(htmlCell(page, INSTANCE_TYPE, "Consumers")).isEqualTo("1");
        assertThat(htmlCell(page, UNREAD_SECRET, "Consumers")).isEqualTo("0");
        assertThat(page).contains("Consumers scanned in CloudFormation stacks", "Pinned to an old version", "No consumer found");
    }

    @Test
    void aSourceThatCannotBeReadIsNamedNoItemIsSaidToHaveNoConsumerAndTheProvenPinsRemain(@TempDir Path dir) throws IOException {
        AuditReport partial;
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).inject(FaultRule.of(Fault.EXPIRED_TOKEN).on("GetTemplate"));
             ClientFactory audit = proxy.clients(true)) {
            partial = ReportCollector.report(List.of(audit), withConsumers(), (m, d, t) -> { }, () -> false);
        }

        assertThat(partial.parameterCount()).as("the report completes").isEqualTo(4);
        assertThat(partial.consumerScans()).singleElement().satisfies(c -> {
            assertThat(c.complete()).isFalse();
            assertThat(c.unread()).singleElement().asString().startsWith("CloudFormation stacks could not be read: ");
        });
        assertThat(partial.findings()).as("nothing can be said unread when a source was not read")
                .noneMatch(f -> f.kind() == FindingKind.NO_CONSUMER);
        assertThat(findings(partial, FindingKind.PINNED_OLD_VERSION, GOLDEN)).as("the launch template's pin is still proven").hasSize(1);
        assertThat(findings(partial, FindingKind.PINNED_OLD_VERSION, DB_SECRET)).as("the task definition's pin too").hasSize(1);
        assertThat(findings(partial, FindingKind.PINNED_OLD_VERSION, INSTANCE_TYPE)).as("the stack was not read").isEmpty();
        assertThat(partial.consumersOf(item(partial, GOLDEN))).isEqualTo("at least 3");
        assertThat(partial.consumersOf(item(partial, UNREAD))).isEqualTo("at least 0");
        String label = partial.connections().get(0).label();
        assertThat(partial.consumerScanNotes()).hasSize(2);
        assertThat(partial.consumerScanNotes().get(1)).startsWith("Not every consumer source of " + label + " could be read, so its "
                + "counts are lower bounds and \"No consumer found\" is not reported there: CloudFormation stacks could not be read: ");

        ReportExport.write(partial, ReportExport.Format.JSON, dir.resolve("partial.json"));
        JsonNode connection = JSON.readTree(dir.resolve("partial.json").toFile()).path("consumerScan").path("connections").get(0);
        assertThat(connection.path("complete").asBoolean()).isFalse();
        assertThat(connection.path("unread").get(0).asText()).startsWith("CloudFormation stacks could not be read: ");
        ReportExport.write(partial, ReportExport.Format.HTML, dir.resolve("partial.html"));
        assertThat(Files.readString(dir.resolve("partial.html"))).contains("Not every consumer source of " + HtmlReport.esc(label));
    }

    @Test
    void theAuditCommandPrintsTheConsumerScanAndNoConsumersSkipsIt(@TempDir Path dir) throws IOException {
        List<ClientFactory> opened = new CopyOnWriteArrayList<>();
        Path scanned = dir.resolve("scanned.json");
        StringWriter text = new StringWriter();
        assertThat(audit(opened, text, "--format", "json", "--out", scanned.toString())).as(text.toString()).isZero();
        assertThat(text.toString()).contains(report.consumerScanNotes().get(0));
        assertThat(opened).singleElement().satisfies(c -> assertThat(c.calls().count("GetTemplate")).isEqualTo(1));

        opened.clear();
        Path quick = dir.resolve("quick.json");
        StringWriter quickText = new StringWriter();
        assertThat(audit(opened, quickText, "--format", "json", "--out", quick.toString(), "--no-consumers"))
                .as(quickText.toString()).isZero();

        assertThat(opened).singleElement().satisfies(c -> assertThat(c.calls().snapshot())
                .containsKeys("DescribeParameters", "ListSecrets")
                .doesNotContainKeys("DescribeStacks", "GetTemplate", "DescribeLaunchTemplateVersions", "ListFunctions",
                        "ListTaskDefinitionFamilies", "DescribeTaskDefinition", "GetParametersByPath"));
        assertThat(quickText.toString()).contains("Consumers were not scanned: no consumer counts, and neither "
                + "\"Pinned to an old version\" nor \"No consumer found\" was checked.");
        JsonNode json = JSON.readTree(quick.toFile());
        assertThat(json.path("consumerScan").path("scanned").asBoolean()).isFalse();
        assertThat(json.path("summary").has("consumers")).isFalse();
        assertThat(json.path("inventory")).isNotEmpty().allSatisfy(i -> assertThat(i.has("consumers")).isFalse());
        assertThat(json.path("findings").findValuesAsText("kind")).doesNotContain("PINNED_OLD_VERSION", "NO_CONSUMER");
        assertThat(json.path("settings").path("scanConsumers").asBoolean()).isFalse();
    }

    /** {@code coffer audit} on moto, its clients kept to count their calls. */
    private static int audit(List<ClientFactory> opened, StringWriter text, String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1"));
        all.addAll(List.of(args));
        PrintWriter w = new PrintWriter(text, true);
        return new CommandLine(new AuditCommand(session -> {
            ClientFactory clients = SessionClients.open(session);
            opened.add(clients);
            return clients;
        })).setOut(w).setErr(w).execute(all.toArray(String[]::new));
    }

    private static JsonNode jsonItem(JsonNode report, String name) {
        for (JsonNode item : report.path("inventory")) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("not in the inventory: " + name);
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> records, String name) {
        return records.stream().filter(r -> r.get("Name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    /** The text of one cell of the HTML inventory: the row naming {@code name}, the column headed {@code column}. */
    private static String htmlCell(String page, String name, String column) {
        String inventory = page.substring(page.indexOf("<h2>Inventory"));
        for (String row : inventory.split("<tr>")) {
            List<String> cells = new ArrayList<>();
            for (String cell : row.split("<td>")) {
                int end = cell.indexOf("</td>");
                if (end >= 0) {
                    cells.add(cell.substring(0, end));
                }
            }
            if (cells.size() == ReportExport.INVENTORY_COLUMNS.size() && cells.get(ReportExport.INVENTORY_COLUMNS.indexOf("Name")).equals(name)) {
                return cells.get(ReportExport.INVENTORY_COLUMNS.indexOf(column));
            }
        }
        throw new AssertionError("no inventory row for " + name);
    }
}
