package dev.coffer.audit;

import static dev.coffer.audit.AuditFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The audit report against seeded moto data: inventory, each finding, read-only calls, exports and the audit command. */
@WithMoto
class AuditReportIT {

    private static final Path OUT = Path.of("target", "audit-it");
    private static MotoServer moto;
    private static String customerKey;
    private static AuditReport report;
    private static List<String> operations;
    private static List<String> recorded;
    /** The DB secret's versions: the first holds AWSPREVIOUS and MYLABEL, the second AWSCURRENT. */
    private static String firstDbVersion;
    private static String secondDbVersion;

    @BeforeAll
    static void seedAndReport(MotoServer server) throws IOException {
        moto = server;
        try (ClientFactory writable = Moto.clients(moto, false)) {
            customerKey = AuditFixture.seed(writable, moto.endpoint());
            var secrets = writable.secretsManager();
            firstDbVersion = secrets.describeSecret(b -> b.secretId(DB_SECRET)).versionIdsToStages().keySet().iterator().next();
            secondDbVersion = secrets.putSecretValue(b -> b.secretId(DB_SECRET).secretString("{\"username\":\"app\"}")).versionId();
            secrets.updateSecretVersionStage(b -> b.secretId(DB_SECRET).versionStage("MYLABEL").moveToVersionId(firstDbVersion));
        }
        Files.createDirectories(OUT);
        Moto.startRecording(moto);
        try (ClientFactory audit = Moto.clients(moto, true)) {
            report = ReportCollector.report(List.of(audit), AuditFixture.settings(), (m, d, t) -> { }, () -> false);
        }
        recorded = Moto.stopRecording(moto);
        operations = Moto.operations(recorded);
    }

    private static InventoryItem item(String name) {
        return report.inventory().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static Set<FindingKind> findingsOf(String name) {
        return report.findings().stream().filter(f -> f.item().equals(name)).map(Finding::kind).collect(Collectors.toSet());
    }

    @Test
    void listsEveryParameterAndSecretWithItsMetadata() {
        assertThat(report.parameterCount()).isEqualTo(7);
        assertThat(report.secretCount()).isEqualTo(2);
        assertThat(report.connections()).singleElement().satisfies(c -> {
            assertThat(c.account()).isEqualTo("123456789012");
            assertThat(c.identity()).startsWith("arn:aws:");
        });

        InventoryItem token = item(DEFAULT_KEY_TOKEN);
        assertThat(token.type()).isEqualTo("SecureString");
        assertThat(token.tier()).isEqualTo("Standard");
        assertThat(token.kmsKey()).isEqualTo("alias/aws/ssm");
        assertThat(token.keyManager()).isEqualTo(InventoryItem.AWS_MANAGED);
        assertThat(token.tags()).containsEntry("Owner", "payments");
        assertThat(token.valueBytes()).as("only Advanced values are measured").isNull();
        assertThat(token.arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/audit/prod/api/token");

        InventoryItem cert = item(CUSTOMER_KEY_CERT);
        assertThat(cert.keyManager()).isEqualTo(InventoryItem.CUSTOMER);
        assertThat(cert.valueBytes()).as("a SecureString is not decrypted to measure it").isNull();
        assertThat(item(SMALL_ADVANCED).valueBytes()).isEqualTo("{\"mode\":\"on\"}".length());
        assertThat(item(LARGE_ADVANCED).valueBytes()).isEqualTo(LARGE_BYTES);
        assertThat(item(STRING_PASSWORD).keyManager()).isNull();
        assertThat(item(EXPIRED).expiration()).isNotNull();
        assertThat(item(EXPIRED).policies()).startsWith("Expires");

        InventoryItem db = item(DB_SECRET);
        assertThat(db.type()).isEqualTo("Secret");
        assertThat(db.rotationEnabled()).isFalse();
        assertThat(db.kmsKey()).isEqualTo("aws/secretsmanager");
        assertThat(db.keyManager()).isEqualTo(InventoryItem.AWS_MANAGED);
        assertThat(db.versions()).isEqualTo(2);
        assertThat(db.created()).isNotNull();

        InventoryItem rotated = item(ROTATED_SECRET);
        assertThat(rotated.rotationEnabled()).isTrue();
        assertThat(rotated.rotationSchedule()).isEqualTo("every 30 days");
        assertThat(rotated.nextRotation()).isAfter(report.generated());
        assertThat(rotated.keyManager()).isEqualTo(InventoryItem.CUSTOMER);
        assertThat(rotated.kmsKey()).contains(customerKey);
    }

    @Test
    void findsEachProblemOnTheItemThatHasIt() {
        assertThat(findingsOf(STRING_PASSWORD)).containsExactly(FindingKind.CREDENTIAL_AS_STRING);
        assertThat(findingsOf(DEFAULT_KEY_TOKEN)).containsExactly(FindingKind.AWS_MANAGED_KEY);
        assertThat(findingsOf(CUSTOMER_KEY_CERT)).as("customer key, tagged; its size is not measured").isEmpty();
        assertThat(findingsOf(SMALL_ADVANCED)).containsExactlyInAnyOrder(FindingKind.ADVANCED_FITS_STANDARD, FindingKind.MISSING_TAGS);
        assertThat(findingsOf(LARGE_ADVANCED)).isEmpty();
        assertThat(findingsOf(EXPIRED)).containsExactly(FindingKind.EXPIRED);
        assertThat(findingsOf(EXPIRING)).containsExactly(FindingKind.EXPIRING);
        assertThat(findingsOf(DB_SECRET)).containsExactlyInAnyOrder(FindingKind.ROTATION_OFF, FindingKind.AWS_MANAGED_KEY,
                FindingKind.NOT_ACCESSED);
        assertThat(findingsOf(ROTATED_SECRET)).containsExactly(FindingKind.NOT_ACCESSED);
        assertThat(report.findings().get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(report.hasFindingsAtLeast(Severity.HIGH)).isTrue();
    }

    @Test
    void secureStringsAreNeverDecryptedToMeasureTheirSize() {
        List<com.fasterxml.jackson.databind.JsonNode> sizeReads = Moto.requestsFor(recorded, "AmazonSSM.GetParameters");
        assertThat(sizeReads).isNotEmpty().allSatisfy(body -> {
            assertThat(body.path("WithDecryption").asBoolean()).isFalse();
            assertThat(body.path("Names").toString()).doesNotContain(CUSTOMER_KEY_CERT, DEFAULT_KEY_TOKEN).contains(SMALL_ADVANCED);
        });
    }

    @Test
    void whatIsNotCollectedIsLeftOutAndSecretLabelsAreGivenPerVersion() throws IOException {
        Path jsonFile = OUT.resolve("exact.json");
        Path csvFile = OUT.resolve("exact.csv");
        ReportExport.write(report, ReportExport.Format.JSON, jsonFile);
        ReportExport.write(report, ReportExport.Format.CSV, csvFile);

        var inventory = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonFile.toFile()).path("inventory");
        var parameters = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        inventory.forEach(i -> {
            if (i.path("store").asText().equals(RevealRecorder.PARAMETER_STORE)) {
                parameters.add(i);
            }
        });
        assertThat(parameters).hasSize(7).allSatisfy(p -> assertThat(p.has("labels")).as("parameter labels are not collected").isFalse());
        assertThat(jsonItem(inventory, CUSTOMER_KEY_CERT).has("valueBytes")).isFalse();
        var labels = jsonItem(inventory, DB_SECRET).path("labels");
        assertThat(labels.isObject()).as("labels by version: " + labels).isTrue();
        assertThat(labels.size()).isEqualTo(2);
        assertThat(texts(labels.path(firstDbVersion))).containsExactlyInAnyOrder("AWSPREVIOUS", "MYLABEL");
        assertThat(texts(labels.path(secondDbVersion))).containsExactly("AWSCURRENT");

        List<org.apache.commons.csv.CSVRecord> rows;
        try (var in = Files.newBufferedReader(csvFile)) {
            rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        var cert = rows.stream().filter(r -> r.get("Name").equals(CUSTOMER_KEY_CERT)).findFirst().orElseThrow();
        assertThat(cert.get("Labels")).isEqualTo("(not collected)");
        assertThat(cert.get("Value size (bytes)")).isEqualTo("(not measured: SecureString)");
        var db = rows.stream().filter(r -> r.get("Name").equals(DB_SECRET)).findFirst().orElseThrow();
        assertThat(db.get("Labels").split("; ")).containsExactlyInAnyOrder(firstDbVersion + ": AWSPREVIOUS, MYLABEL",
                secondDbVersion + ": AWSCURRENT");
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonItem(com.fasterxml.jackson.databind.JsonNode inventory, String name) {
        for (var item : inventory) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("not in the inventory: " + name);
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void readsOnlyAndRefusesAWritableSession() {
        assertThat(operations).contains("DescribeParameters", "ListSecrets", "GetParameters", "ListTagsForResource", "ListKeys")
                .allMatch(Moto::isRead);
        try (ClientFactory writable = Moto.clients(moto, false)) {
            assertThatThrownBy(() -> new ReportCollector(writable, AuditSettings.defaults(), (m, d, t) -> { }, () -> false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void eachThingIsReadWithTheFewestCalls() {
        Map<String, Long> calls = operations.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(calls).as("7 parameters and 2 secrets fit one page each; 4 Advanced String values fit one GetParameters; "
                        + "the Owner check needs every parameter's tags; no secret is replicated; no value is read")
                .containsEntry("GetCallerIdentity", 1L)
                .containsEntry("ListKeys", 1L)
                .containsEntry("ListAliases", 1L)
                .containsEntry("DescribeParameters", 1L)
                .containsEntry("GetParameters", 1L)
                .containsEntry("ListTagsForResource", (long) report.parameterCount())
                .containsEntry("ListSecrets", 1L)
                .doesNotContainKeys("DescribeSecret", "GetSecretValue", "GetParameter", "GetParametersByPath");
    }

    @Test
    void aReplicaIsDescribedForItsReplicationAndNoOtherSecretIs() {
        // moto names the primary region only on the replica's ListSecrets entry (AWS on both), so the replica's region is audited.
        String replicated = "audit/replicated/db";
        try (ClientFactory primary = clientsIn("eu-west-1", false); ClientFactory replicaRegion = clientsIn("eu-central-1", false)) {
            primary.secretsManager().createSecret(b -> b.name(replicated).secretString("{}")
                    .addReplicaRegions(r -> r.region("eu-central-1")));
            replicaRegion.secretsManager().createSecret(b -> b.name("audit/single/db").secretString("{}"));
        }
        AuditReport replicaReport;
        Moto.startRecording(moto);
        try (ClientFactory audit = clientsIn("eu-central-1", true)) {
            replicaReport = ReportCollector.report(List.of(audit), AuditFixture.settings(), (m, d, t) -> { }, () -> false);
        }
        List<String> calls = Moto.operations(Moto.stopRecording(moto));

        Map<String, String> replication = replicaReport.inventory().stream()
                .collect(Collectors.toMap(InventoryItem::name, i -> String.valueOf(i.replication())));
        assertThat(replication).containsOnly(Map.entry(replicated, "primary in eu-west-1; replicas: eu-central-1 InSync"), Map.entry("audit/single/db", "null"));
        assertThat(calls.stream().filter("DescribeSecret"::equals)).as("only the replicated secret is described").hasSize(1);
    }

    private static ClientFactory clientsIn(String region, boolean readOnly) {
        return SessionClients.open(Sessions.local(new Connection("moto", region, Optional.of(moto.endpoint()), readOnly, false),
                moto.endpoint()));
    }

    @Test
    void aCancelledReportStopsBetweenCalls() {
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        try (ClientFactory audit = Moto.clients(moto, true)) {
            assertThatThrownBy(() -> ReportCollector.report(List.of(audit), AuditFixture.settings(),
                    (m, d, t) -> updates.incrementAndGet(), () -> updates.get() >= 3))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        }
        assertThat(updates.get()).isLessThan(6);
    }

    @Test
    void exportsHoldMetadataButNoValue() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (ReportExport.Format format : ReportExport.Format.values()) {
            files.addAll(ReportExport.write(report, format, OUT.resolve("report." + format.extension())));
        }
        assertThat(files).hasSize(4);
        String csv = Files.readString(OUT.resolve("report.csv"));
        assertThat(csv).startsWith("Connection,Account,Region,Store,Name,ARN,Type,Tier").contains(DEFAULT_KEY_TOKEN, "AWS managed");
        assertThat(Files.readString(OUT.resolve("report-findings.csv"))).contains("HIGH,Credential-like name stored as plain String");
        String json = Files.readString(OUT.resolve("report.json"));
        assertThat(json).contains("\"CREDENTIAL_AS_STRING\"", "\"valueBytes\" : " + LARGE_BYTES, "\"generated\"");
        String html = Files.readString(OUT.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Findings by kind", DB_SECRET)
                .doesNotContain("<script", "http://", "https://", "<link");
        for (Path f : files) {
            assertNoCanary(Files.readString(f), f.toString());
        }
        assertNoCanaryUnder(Path.of(System.getProperty("coffer.home")));
    }

    @Test
    void theReportsValueReadsAreLoggedWithoutValues() throws IOException {
        Path log = RevealLog.standard().file();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.contains("\"item\":\"" + SMALL_ADVANCED + "\"") && l.contains("read value")
                && l.contains("\"account\":\"123456789012\""));
        assertNoCanary(String.join("\n", lines), log.toString());
    }

    @Test
    void theAuditCommandWritesTheReportAndItsExitCodeFollowsTheFindings() throws IOException {
        Path out = OUT.resolve("cli.html");
        StringWriter text = new StringWriter();
        String[] base = {"--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1", "--format", "html",
            "--out", out.toString(), "--required-tag", "Owner", "--customer-key-prefix", "/audit/prod/"};
        assertThat(run(text, base)).isZero();
        assertThat(text.toString()).contains("Wrote " + out, "7 parameters, 2 secrets");
        assertThat(Files.readString(out)).contains(STRING_PASSWORD);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(run(text, concat(base, "--fail-on", "HIGH"))).isEqualTo(AuditCommand.FINDINGS);
        assertThat(run(text, "--endpoint-url", moto.endpoint().toString(), "--region", "us-west-2", "--format", "json",
                "--out", OUT.resolve("empty.json").toString(), "--fail-on", "LOW")).as("an empty region has no findings").isZero();
        assertThat(run(text, "--endpoint-url", moto.endpoint().toString(), "--format", "pdf", "--out", "x")).isEqualTo(2);
        assertThat(run(text, "--endpoint-url", "http://127.0.0.1:9", "--format", "csv", "--out", OUT.resolve("x.csv").toString()))
                .isEqualTo(AuditCommand.FAILED);
        assertNoCanary(text.toString(), "command output");
        assertNoCanary(Files.readString(out), out.toString());
    }

    @Test
    void theAuditCommandAuditsAProfileInSeveralRegions(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile auditor]\nregion = us-east-1\nendpoint_url = "
                + moto.endpoint() + "\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        dev.coffer.auth.Profiles profiles = new dev.coffer.auth.Profiles(software.amazon.awssdk.profiles.ProfileFile.builder()
                .content(config).type(software.amazon.awssdk.profiles.ProfileFile.Type.CONFIGURATION).build(), name -> null);
        Path out = OUT.resolve("profiles.json");
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        assertThat(new CommandLine(new AuditCommand(profiles)).setOut(w).setErr(w).execute("--profile", "auditor",
                "--region", "us-east-1", "--region", "us-west-2", "--format", "json", "--out", out.toString())).as(text.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(json.path("connections").findValuesAsText("region")).containsExactly("us-east-1", "us-west-2");
        assertThat(json.path("connections").findValuesAsText("profile")).containsOnly("auditor");
        assertThat(json.path("summary").path("parameters").asInt()).isEqualTo(7);
        assertThat(new CommandLine(new AuditCommand(profiles)).setOut(w).setErr(w).execute("--profile", "nobody",
                "--format", "json", "--out", out.toString())).isEqualTo(2);
        assertThat(text.toString()).contains("There is no AWS profile named 'nobody'");
    }

    private static int run(StringWriter text, String... args) {
        PrintWriter w = new PrintWriter(text, true);
        return new CommandLine(new AuditCommand()).setOut(w).setErr(w).execute(args);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    static void assertNoCanary(String text, String where) {
        for (String canary : List.of(CANARY_SECRET, CANARY_SECURE, CANARY_ADVANCED)) {
            assertThat(text).as(where + " must not contain a value").doesNotContain(canary);
        }
    }

    /** Every file Coffer wrote in its home folder (settings, audit log), read as text. */
    static void assertNoCanaryUnder(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoCanary(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), f.toString());
            }
        }
    }
}
