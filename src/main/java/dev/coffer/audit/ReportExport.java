package dev.coffer.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coffer.files.PrivateFiles;
import dev.coffer.parameters.ParameterType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an audit report as CSV, JSON or one HTML page, each file readable by its owner only. A
 * report holds metadata only (value sizes at most), so no export can contain a secret or
 * SecureString value. CSV cells that a spreadsheet would run as a formula are neutralised; JSON
 * and HTML keep every text exactly.
 */
public final class ReportExport {

    /** The export formats, as the audit command names them. */
    public enum Format {
        HTML, CSV, JSON;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    static final List<String> INVENTORY_COLUMNS = List.of("Connection", "Account", "Region", "Store", "Name", "ARN", "Type", "Tier",
            "Data type", "Description", "KMS key", "Key manager", "Last modified", "Last modified by", "Versions", "Labels", "Tags",
            "Policies", "Expiration", "Rotation", "Rotation schedule", "Last rotated", "Next rotation", "Last accessed", "Created",
            "Scheduled deletion", "Owning service", "Replication", "Value size (bytes)", "Consumers", "Findings");
    /** What a cell says for a field Coffer did not read, so that it is not taken for "none". */
    static final String NOT_COLLECTED = "(not collected)";
    static final List<String> FINDING_COLUMNS = List.of("Severity", "Finding", "Connection", "Store", "Name", "Detail");

    private ReportExport() {
    }

    /**
     * Writes the report in {@code format} to {@code file}; CSV writes the inventory there and the
     * findings beside it ({@code name-findings.csv}). Returns the files written.
     */
    public static List<Path> write(AuditReport report, Format format, Path file) throws IOException {
        return switch (format) {
            case HTML -> {
                PrivateFiles.write(file, HtmlReport.render(report));
                yield List.of(file);
            }
            case JSON -> {
                PrivateFiles.write(file, JSON.writeValueAsString(json(report)));
                yield List.of(file);
            }
            case CSV -> {
                Path findings = findingsFileFor(file);
                PrivateFiles.write(file, inventoryCsv(report));
                PrivateFiles.write(findings, findingsCsv(report));
                yield List.of(file, findings);
            }
        };
    }

    /** Where the findings of a CSV export go: beside the inventory, named "-findings.csv". */
    public static Path findingsFileFor(Path inventory) {
        String name = inventory.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return inventory.resolveSibling(base + "-findings.csv");
    }

    private static ObjectNode json(AuditReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generated", report.generated().toString());
        root.set("settings", JSON.valueToTree(report.settings()));
        root.set("connections", JSON.valueToTree(report.connections()));
        ObjectNode summary = root.putObject("summary");
        summary.put("parameters", report.parameterCount());
        summary.put("secrets", report.secretCount());
        report.findingsBySeverity().forEach((s, n) -> summary.put(s.name(), n));
        if (report.settings().scanConsumers()) {
            summary.put("consumers", report.consumerCount());
        }
        ObjectNode consumers = root.putObject("consumerScan");
        consumers.put("scanned", report.settings().scanConsumers());
        if (report.settings().scanConsumers()) {
            consumers.put("sources", ConsumerFindings.SCANNED);
            var connections = consumers.putArray("connections");
            for (ConsumerCoverage c : report.consumerScans()) {
                ObjectNode connection = connections.addObject();
                connection.put("connection", c.connection());
                connection.put("complete", c.complete());
                connection.set("unread", JSON.valueToTree(c.unread()));
            }
        }
        consumers.set("notes", JSON.valueToTree(report.consumerScanNotes()));
        root.set("findings", JSON.valueToTree(report.findings()));
        root.set("inventory", JSON.valueToTree(report.inventory()));
        return root;
    }

    private static String inventoryCsv(AuditReport report) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(INVENTORY_COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (InventoryItem i : report.inventory()) {
                csv.printRecord(inventoryRow(i, report).stream().map(ReportExport::neutralised));
            }
        }
        return out.toString();
    }

    private static String findingsCsv(AuditReport report) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(FINDING_COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (Finding f : report.findings()) {
                csv.printRecord(Stream.of(f.severity().name(), f.title(), f.connection(), f.store(), f.item(), f.detail())
                        .map(ReportExport::neutralised));
            }
        }
        return out.toString();
    }

    /**
     * A CSV cell a spreadsheet shows as text: one starting with =, +, -, @, a tab or a carriage
     * return is a formula (or a DDE command) to Excel and LibreOffice, so it gets a leading
     * apostrophe, as OWASP recommends for CSV injection.
     */
    static String neutralised(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** One inventory row of the report as text, in {@link #INVENTORY_COLUMNS} order (also for the HTML page). */
    static List<String> inventoryRow(InventoryItem i, AuditReport report) {
        List<String> row = new ArrayList<>();
        row.add(i.connection());
        row.add(i.account());
        row.add(i.region());
        row.add(i.store());
        row.add(i.name());
        row.add(i.arn());
        row.add(i.type());
        row.add(text(i.tier()));
        row.add(text(i.dataType()));
        row.add(text(i.description()));
        row.add(text(i.kmsKey()));
        row.add(text(i.keyManager()));
        row.add(time(i.lastModified()));
        row.add(text(i.lastModifiedBy()));
        row.add(String.valueOf(i.versions()));
        row.add(labels(i.labels()));
        row.add(tags(i.tags()));
        row.add(text(i.policies()));
        row.add(time(i.expiration()));
        row.add(i.rotationEnabled() == null ? "" : i.rotationEnabled() ? "On" : "Off");
        row.add(text(i.rotationSchedule()));
        row.add(time(i.lastRotated()));
        row.add(time(i.nextRotation()));
        row.add(time(i.lastAccessed()));
        row.add(time(i.created()));
        row.add(time(i.deletionDate()));
        row.add(text(i.owningService()));
        row.add(text(i.replication()));
        row.add(valueSize(i));
        row.add(report.consumersOf(i));
        row.add(report.findingsOf(i));
        return row;
    }

    /** "version: LABEL, LABEL; version: LABEL", or {@link #NOT_COLLECTED} (parameter labels). */
    static String labels(Map<String, List<String>> byVersion) {
        if (byVersion == null) {
            return NOT_COLLECTED;
        }
        return String.join("; ", byVersion.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList());
    }

    /** Measured for Advanced String and StringList parameters only; a secret has no such column. */
    private static String valueSize(InventoryItem i) {
        if (i.valueBytes() != null) {
            return String.valueOf(i.valueBytes());
        }
        if (i.isSecret()) {
            return "";
        }
        return ParameterType.SECURE_STRING.awsName().equals(i.type()) ? "(not measured: SecureString)" : "(not measured)";
    }

    static String tags(Map<String, String> tags) {
        if (tags == null) {
            return NOT_COLLECTED;
        }
        return String.join("; ", tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
