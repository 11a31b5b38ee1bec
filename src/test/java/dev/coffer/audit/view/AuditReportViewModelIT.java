package dev.coffer.audit.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.audit.AuditFixture;
import dev.coffer.audit.AuditReport;
import dev.coffer.audit.Finding;
import dev.coffer.audit.FindingKind;
import dev.coffer.audit.InventoryItem;
import dev.coffer.audit.ReportExport;
import dev.coffer.audit.Severity;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit report window's model against moto, without a window: settings, the run, filters, exports, cancel and failure. */
@WithMoto
class AuditReportViewModelIT {

    private static MotoServer moto;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        try (ClientFactory clients = Moto.clients(moto, false)) {
            AuditFixture.seed(clients, moto.endpoint());
        }
    }

    /** The window's own session: writable, as a window that is not in audit mode has. */
    private static AwsSession windowSession(URI endpoint) {
        return Sessions.local(Connection.endpoint(endpoint, "us-east-1", false), endpoint);
    }

    private AuditReportViewModel model() {
        AuditReportViewModel model = new AuditReportViewModel(new SameThreadBackground(), windowSession(moto.endpoint()), dir);
        model.requiredTagsProperty().set("Owner");
        model.customerKeyPrefixesProperty().set("/audit/prod/, audit/prod/");
        return model;
    }

    private static List<FindingKind> kindsOf(List<Finding> findings, String item) {
        return findings.stream().filter(f -> f.item().equals(item)).map(Finding::kind).toList();
    }

    @Test
    void aReportOfSeveralRegionsIsReadAndSummed() {
        AuditReportViewModel model = model();
        assertThat(model.regionsProperty().get()).as("the connection's region").isEqualTo("us-east-1");
        assertThat(model.statusProperty().get()).isEqualTo("Set what to check, then run the report.");
        assertThat(model.canExport().get()).isFalse();
        model.regionsProperty().set("us-east-1, us-west-2,");

        model.run();

        AuditReport report = model.reportProperty().get();
        assertThat(report.connections()).extracting(AuditReport.ConnectionInfo::region).containsExactly("us-east-1", "us-west-2");
        assertThat(report.settings().requiredTags()).containsExactly("Owner");
        assertThat(report.settings().customerKeyPrefixes()).containsExactly("/audit/prod/", "audit/prod/");
        Map<Severity, Long> counts = report.findingsBySeverity();
        assertThat(model.statusProperty().get()).isEqualTo("7 parameters and 2 secrets read; " + counts.get(Severity.HIGH) + " HIGH, "
                + counts.get(Severity.MEDIUM) + " MEDIUM, " + counts.get(Severity.LOW) + " LOW findings.");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isZero();
        // Consumers are scanned by default, and nothing in the fixture reads these two.
        assertThat(kindsOf(model.shownFindings(), AuditFixture.STRING_PASSWORD))
                .containsExactlyInAnyOrder(FindingKind.CREDENTIAL_AS_STRING, FindingKind.NO_CONSUMER);
        assertThat(kindsOf(model.shownFindings(), AuditFixture.EXPIRED)).containsExactlyInAnyOrder(FindingKind.EXPIRED, FindingKind.NO_CONSUMER);
        assertThat(kindsOf(model.shownFindings(), AuditFixture.DB_SECRET)).contains(FindingKind.ROTATION_OFF);
        assertThat(model.shownInventory()).hasSize(9);
        assertThat(model.canExport().get()).isTrue();
    }

    @Test
    void consumersAreScannedByDefaultAndTheWindowSaysWhatTheScanCoveredOrThatItWasOff() {
        AuditReportViewModel model = model();
        assertThat(model.scanConsumersProperty().get()).isTrue();
        assertThat(model.consumerNoteProperty().get()).as("nothing to say before a report").isEmpty();

        model.run();

        AuditReport scanned = model.reportProperty().get();
        assertThat(scanned.settings().scanConsumers()).isTrue();
        assertThat(model.consumerNoteProperty().get()).startsWith("Consumers scanned in CloudFormation stacks, EC2 launch templates, "
                + "Lambda functions, ECS task definitions and Parameter Store: 1 found, reading 1 of 9 parameters and secrets.");
        InventoryItem rotated = model.shownInventory().stream().filter(i -> i.name().equals(AuditFixture.ROTATED_SECRET)).findFirst().orElseThrow();
        assertThat(rotated.consumers()).as("its rotation function reads it").isEqualTo(1);
        assertThat(scanned.consumersOf(rotated)).isEqualTo("1");
        assertThat(kindsOf(model.shownFindings(), AuditFixture.ROTATED_SECRET)).doesNotContain(FindingKind.NO_CONSUMER);

        model.scanConsumersProperty().set(false);
        model.run();

        AuditReport quick = model.reportProperty().get();
        assertThat(quick.settings().scanConsumers()).isFalse();
        assertThat(quick.consumerScans()).isEmpty();
        assertThat(model.shownInventory()).hasSize(9).allMatch(i -> i.consumers() == null);
        assertThat(quick.consumersOf(model.shownInventory().get(0))).isEqualTo("(not collected)");
        assertThat(model.shownFindings()).noneMatch(f -> f.kind() == FindingKind.NO_CONSUMER || f.kind() == FindingKind.PINNED_OLD_VERSION);
        assertThat(model.consumerNoteProperty().get()).startsWith("Consumers were not scanned");
    }

    @Test
    void theFiltersNarrowFindingsAndInventory() {
        AuditReportViewModel model = model();
        model.run();
        int allFindings = model.shownFindings().size();

        model.findingFilterProperty().set("EXPIRATION POLICY");
        assertThat(model.shownFindings()).extracting(Finding::kind).containsExactlyInAnyOrder(FindingKind.EXPIRED, FindingKind.EXPIRING);
        model.findingFilterProperty().set("");
        model.minimumSeverityProperty().set(Severity.HIGH);
        assertThat(model.shownFindings()).isNotEmpty().allMatch(f -> f.severity() == Severity.HIGH);
        model.minimumSeverityProperty().set(Severity.LOW);
        assertThat(model.shownFindings()).hasSize(allFindings);

        model.inventoryFilterProperty().set("securestring");
        assertThat(model.shownInventory()).extracting(InventoryItem::name)
                .containsExactlyInAnyOrder(AuditFixture.DEFAULT_KEY_TOKEN, AuditFixture.CUSTOMER_KEY_CERT);
        model.inventoryFilterProperty().set("owner=platform");
        assertThat(model.shownInventory()).as("tags are searched").isNotEmpty()
                .allMatch(i -> "platform".equals(i.tags().get("Owner")));
        model.inventoryFilterProperty().set(null);
        assertThat(model.shownInventory()).hasSize(9);
    }

    @Test
    void theReportIsExportedInEachFormatWithoutAnyValue() throws IOException {
        AuditReportViewModel model = model();
        assertThat(model.exportFileProperty().get()).startsWith(dir.resolve("coffer-audit-").toString()).endsWith(".html");
        model.regionsProperty().set("us-east-1, us-west-2");
        model.run();

        for (ReportExport.Format format : ReportExport.Format.values()) {
            model.exportFileProperty().set(dir.resolve("report.html").toString());
            model.exportFormatProperty().set(format);
            assertThat(model.exportFileProperty().get()).as("the extension follows the format").endsWith("report." + format.extension());
            model.export();
            Path file = dir.resolve("report." + format.extension());
            assertThat(model.statusProperty().get()).isEqualTo(format == ReportExport.Format.CSV
                    ? "Wrote " + file + " and " + ReportExport.findingsFileFor(file) + "." : "Wrote " + file + ".");
        }

        Path csv = dir.resolve("report.csv");
        Path findings = dir.resolve("report-findings.csv");
        assertThat(Files.readString(findings)).contains(AuditFixture.STRING_PASSWORD);
        assertThat(new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("connections").findValuesAsText("region"))
                .containsExactly("us-east-1", "us-west-2");
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        for (Path file : List.of(csv, findings, dir.resolve("report.json"), dir.resolve("report.html"))) {
            String text = Files.readString(file);
            for (String canary : List.of(AuditFixture.CANARY_SECRET, AuditFixture.CANARY_SECURE, AuditFixture.CANARY_ADVANCED)) {
                assertThat(text).as(file.toString()).doesNotContain(canary);
            }
        }
    }

    @Test
    void anExportThatCannotBeWrittenIsSaid() throws IOException {
        AuditReportViewModel model = model();
        model.run();
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        model.exportFileProperty().set(notAFolder.resolve("report.html").toString());

        model.export();

        assertThat(model.statusProperty().get()).startsWith("The file could not be used: ").contains(notAFolder.toString());
    }

    @Test
    void aCancelledRunKeepsThePreviousReport() {
        AuditReportViewModel model = model();
        model.run();
        AuditReport previous = model.reportProperty().get();
        model.statusProperty().addListener((o, was, now) -> {
            if (now.startsWith("Listing parameters")) {
                model.cancel();
            }
        });

        model.run();

        assertThat(model.statusProperty().get()).isEqualTo("Cancelled; the previous report is still shown.");
        assertThat(model.reportProperty().get()).isSameAs(previous);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aReportThatCannotReachAwsSaysWhy() {
        AuditReportViewModel model = new AuditReportViewModel(new SameThreadBackground(),
                windowSession(URI.create("http://127.0.0.1:9")), dir);

        model.run();

        assertThat(model.statusProperty().get()).startsWith("The report failed: ");
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.canExport().get()).isFalse();
    }
}
