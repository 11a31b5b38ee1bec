package dev.coffer.audit.view;

import dev.coffer.audit.AuditReport;
import dev.coffer.audit.AuditSettings;
import dev.coffer.audit.Finding;
import dev.coffer.audit.InventoryItem;
import dev.coffer.audit.ReportCollector;
import dev.coffer.audit.ReportExport;
import dev.coffer.audit.SessionClients;
import dev.coffer.audit.Severity;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.ui.kit.Background;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The audit report window's state: the report settings, the run (in the background, with
 * progress, cancellable), the findings and inventory with their filters, and the export.
 * The report always reads through a read-only session, whatever mode the window is in.
 */
public final class AuditReportViewModel {

    private final Background background;
    private final AwsSession session;

    private final StringProperty regions = new SimpleStringProperty();
    private final StringProperty requiredTags = new SimpleStringProperty("");
    private final IntegerProperty notAccessedDays = new SimpleIntegerProperty(AuditSettings.defaults().notAccessedDays());
    private final IntegerProperty expiringDays = new SimpleIntegerProperty(AuditSettings.defaults().expiringDays());
    private final StringProperty customerKeyPrefixes = new SimpleStringProperty("");
    private final StringProperty customerKeyTag = new SimpleStringProperty("");
    private final BooleanProperty parameterTags = new SimpleBooleanProperty();
    private final BooleanProperty scanConsumers = new SimpleBooleanProperty(AuditSettings.defaults().scanConsumers());

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("Set what to check, then run the report.");
    private final StringProperty consumerNote = new SimpleStringProperty("");
    private final ObjectProperty<AuditReport> report = new SimpleObjectProperty<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<InventoryItem> inventory = FXCollections.observableArrayList();
    private final FilteredList<Finding> shownFindings = new FilteredList<>(findings);
    private final FilteredList<InventoryItem> shownInventory = new FilteredList<>(inventory);
    private final StringProperty findingFilter = new SimpleStringProperty("");
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(Severity.LOW);
    private final StringProperty inventoryFilter = new SimpleStringProperty("");
    private final ObjectProperty<ReportExport.Format> exportFormat = new SimpleObjectProperty<>(ReportExport.Format.HTML);
    private final StringProperty exportFile = new SimpleStringProperty();
    private Cancellation cancellation = new Cancellation();

    public AuditReportViewModel(Background background, AwsSession session, Path exportFolder) {
        this.background = background;
        this.session = session;
        regions.set(session.region());
        exportFile.set(exportFolder.resolve("coffer-audit-" + java.time.LocalDate.now() + ".html").toString());
        findingFilter.addListener((o, a, b) -> refilter());
        minimumSeverity.addListener((o, a, b) -> refilter());
        inventoryFilter.addListener((o, a, b) -> refilter());
        exportFormat.addListener((o, old, format) -> {
            String file = exportFile.get();
            int dot = file.lastIndexOf('.');
            if (dot > Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))) {
                exportFile.set(file.substring(0, dot + 1) + format.extension());
            }
        });
    }

    /** The regions to audit with the window's credentials, comma-separated (the connection's own by default). */
    public StringProperty regionsProperty() {
        return regions;
    }

    public StringProperty requiredTagsProperty() {
        return requiredTags;
    }

    public IntegerProperty notAccessedDaysProperty() {
        return notAccessedDays;
    }

    public IntegerProperty expiringDaysProperty() {
        return expiringDays;
    }

    public StringProperty customerKeyPrefixesProperty() {
        return customerKeyPrefixes;
    }

    public StringProperty customerKeyTagProperty() {
        return customerKeyTag;
    }

    /** Read every parameter's tags, one call each, even when no tag check is set. */
    public BooleanProperty parameterTagsProperty() {
        return parameterTags;
    }

    /** Find each item's consumers (stacks, launch templates, functions, task definitions): slower, and the findings that need them. */
    public BooleanProperty scanConsumersProperty() {
        return scanConsumers;
    }

    /** What the shown report's consumer scan covered, and which sources it could not read; empty before a report. */
    public StringProperty consumerNoteProperty() {
        return consumerNote;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** 0 to 1, or -1 while the amount of work is not known yet. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<AuditReport> reportProperty() {
        return report;
    }

    public ObservableList<Finding> shownFindings() {
        return shownFindings;
    }

    public ObservableList<InventoryItem> shownInventory() {
        return shownInventory;
    }

    public StringProperty findingFilterProperty() {
        return findingFilter;
    }

    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    public StringProperty inventoryFilterProperty() {
        return inventoryFilter;
    }

    public ObjectProperty<ReportExport.Format> exportFormatProperty() {
        return exportFormat;
    }

    public StringProperty exportFileProperty() {
        return exportFile;
    }

    public BooleanBinding canExport() {
        return report.isNotNull().and(running.not()).and(Bindings.createBooleanBinding(
                () -> exportFile.get() != null && !exportFile.get().isBlank(), exportFile));
    }

    public String connectionLabel() {
        return session.label();
    }

    AuditSettings settings() {
        return new AuditSettings(list(requiredTags.get()), notAccessedDays.get(), expiringDays.get(),
                list(customerKeyPrefixes.get()), customerKeyTag.get(), parameterTags.get(), scanConsumers.get());
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Collects the report in the background through a read-only copy of the window's session. */
    public void run() {
        if (running.get()) {
            return;
        }
        AuditSettings settings = settings();
        Cancellation mine = new Cancellation();
        cancellation = mine;
        running.set(true);
        progress.set(-1);
        status.set("Starting…");
        List<String> chosen = list(regions.get());
        List<AwsSession> audits = (chosen.isEmpty() ? List.of(session.region()) : chosen).stream()
                .map(r -> session.with(session.connection().withRegion(r).withReadOnly(true)))
                .toList();
        background.run(() -> {
            List<ClientFactory> clients = audits.stream().map(SessionClients::open).toList();
            try {
                // Inside the cancellation, so that Cancel aborts the call the report waits for.
                return mine.run(() -> ReportCollector.report(clients, settings, (message, done, total) -> background.later(() -> {
                    if (!mine.cancelled()) {
                        status.set(message);
                        progress.set(total > 0 ? (double) done / total : -1);
                    }
                }), mine::cancelled));
            } finally {
                clients.forEach(ClientFactory::close);
            }
        }, done -> {
            running.set(false);
            progress.set(0);
            show(done);
        }, error -> {
            running.set(false);
            progress.set(0);
            status.set(mine.cancelled() ? "Cancelled; the previous report is still shown."
                    : "The report failed: " + AwsErrors.explain(error).text());
        });
    }

    /** Stops the run: the call it waits for is aborted, not left to time out. */
    public void cancel() {
        cancellation.cancel();
    }

    private void show(AuditReport done) {
        report.set(done);
        findings.setAll(done.findings());
        inventory.setAll(done.inventory());
        var counts = done.findingsBySeverity();
        status.set(String.format("%,d parameters and %,d secrets read; %d HIGH, %d MEDIUM, %d LOW findings.",
                done.parameterCount(), done.secretCount(), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW)));
        consumerNote.set(String.join("\n", done.consumerScanNotes()));
    }

    private void refilter() {
        String f = findingFilter.get() == null ? "" : findingFilter.get().toLowerCase(Locale.ROOT);
        Severity min = minimumSeverity.get() == null ? Severity.LOW : minimumSeverity.get();
        shownFindings.setPredicate(x -> x.severity().atLeast(min) && (f.isEmpty()
                || (x.item() + " " + x.title() + " " + x.detail()).toLowerCase(Locale.ROOT).contains(f)));
        String i = inventoryFilter.get() == null ? "" : inventoryFilter.get().toLowerCase(Locale.ROOT);
        shownInventory.setPredicate(x -> i.isEmpty() || (x.name() + " " + x.type() + " " + x.store() + " "
                + (x.kmsKey() == null ? "" : x.kmsKey()) + " " + (x.tags() == null ? "" : x.tags())).toLowerCase(Locale.ROOT).contains(i));
    }

    /** Writes the shown report in the chosen format to the chosen file, off the FX thread. */
    public void export() {
        AuditReport current = report.get();
        if (current == null) {
            return;
        }
        Path file = Path.of(exportFile.get().trim());
        ReportExport.Format format = exportFormat.get();
        status.set("Writing " + file + "…");
        background.run(() -> ReportExport.write(current, format, file),
                written -> status.set("Wrote " + String.join(" and ", written.stream().map(Path::toString).toList()) + "."),
                error -> status.set(AwsErrors.explain(error).text()));
    }
}
