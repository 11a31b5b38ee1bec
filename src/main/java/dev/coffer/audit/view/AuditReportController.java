package dev.coffer.audit.view;

import dev.coffer.audit.ConsumerCoverage;
import dev.coffer.audit.Finding;
import dev.coffer.audit.InventoryItem;
import dev.coffer.audit.ReportExport;
import dev.coffer.audit.Severity;
import dev.coffer.aws.AwsSession;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Binds the audit report window (Tools → Audit report…) to its {@link AuditReportViewModel}: what
 * to check, a run with progress that can be cancelled, a summary, the findings and the inventory
 * with filters, and the exports.
 */
public final class AuditReportController {

    private AuditReportViewModel model;
    private Stage stage;

    @FXML
    private GridPane auditSettings;
    @FXML
    private TextField auditRequiredTags;
    @FXML
    private TextField auditCustomerKeyPrefixes;
    @FXML
    private TextField auditCustomerKeyTag;
    @FXML
    private TextField auditRegions;
    @FXML
    private Spinner<Integer> auditNotAccessedDays;
    @FXML
    private Spinner<Integer> auditExpiringDays;
    @FXML
    private CheckBox auditParameterTags;
    @FXML
    private CheckBox auditScanConsumers;
    @FXML
    private Button auditRun;
    @FXML
    private Button auditCancel;
    @FXML
    private ProgressBar auditProgress;
    @FXML
    private Label auditStatus;
    @FXML
    private HBox auditSummary;
    @FXML
    private Label auditConsumerNote;
    @FXML
    private Tab findingTab;
    @FXML
    private TextField auditFindingFilter;
    @FXML
    private ComboBox<Severity> auditMinimumSeverity;
    @FXML
    private TableView<Finding> auditFindings;
    @FXML
    private TableColumn<Finding, String> findingSeverity;
    @FXML
    private TableColumn<Finding, String> findingTitle;
    @FXML
    private TableColumn<Finding, String> findingItem;
    @FXML
    private TableColumn<Finding, String> findingConnection;
    @FXML
    private TableColumn<Finding, String> findingDetail;
    @FXML
    private Tab inventoryTab;
    @FXML
    private TextField auditInventoryFilter;
    @FXML
    private TableView<InventoryItem> auditInventory;
    @FXML
    private TableColumn<InventoryItem, String> itemStore;
    @FXML
    private TableColumn<InventoryItem, String> itemName;
    @FXML
    private TableColumn<InventoryItem, String> itemRegion;
    @FXML
    private TableColumn<InventoryItem, String> itemType;
    @FXML
    private TableColumn<InventoryItem, String> itemTier;
    @FXML
    private TableColumn<InventoryItem, String> itemKmsKey;
    @FXML
    private TableColumn<InventoryItem, String> itemKeyManager;
    @FXML
    private TableColumn<InventoryItem, String> itemLastModified;
    @FXML
    private TableColumn<InventoryItem, String> itemLastModifiedBy;
    @FXML
    private TableColumn<InventoryItem, String> itemVersions;
    @FXML
    private TableColumn<InventoryItem, String> itemRotation;
    @FXML
    private TableColumn<InventoryItem, String> itemLastAccessed;
    @FXML
    private TableColumn<InventoryItem, String> itemTags;
    @FXML
    private TableColumn<InventoryItem, String> itemConsumers;
    @FXML
    private ComboBox<ReportExport.Format> auditExportFormat;
    @FXML
    private TextField auditExportFile;
    @FXML
    private Button auditExport;

    /** Opens the report window of {@code session} beside {@code owner}; it is not modal. */
    public static void open(Window owner, AwsSession session, Background background) {
        AuditReportViewModel model = new AuditReportViewModel(background, session, Path.of(System.getProperty("user.home")));
        Windows.open(owner, Screen.AUDIT_REPORT, "Audit report — " + model.connectionLabel(), false,
                (AuditReportController c, Stage stage) -> c.init(model, stage));
    }

    void init(AuditReportViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        bindSettings();
        bindRun();
        model.reportProperty().addListener((o, old, report) -> {
            auditSummary.getChildren().clear();
            if (report == null) {
                return;
            }
            // A scan that could not read every source is a warning: its counts are lower bounds.
            auditConsumerNote.getStyleClass().removeAll("subtle", "severity-MEDIUM");
            auditConsumerNote.getStyleClass().add(report.consumerScans().stream().allMatch(ConsumerCoverage::complete) ? "subtle" : "severity-MEDIUM");
            auditSummary.getChildren().add(figure(report.parameterCount(), "parameters", ""));
            auditSummary.getChildren().add(figure(report.secretCount(), "secrets", ""));
            report.findingsBySeverity().entrySet().stream().sorted((a, b) -> b.getKey().compareTo(a.getKey()))
                    .forEach(e -> auditSummary.getChildren().add(figure(e.getValue(), e.getKey() + " findings", "severity-" + e.getKey())));
        });
        bindFindings();
        bindInventory();
        auditExportFormat.getItems().setAll(ReportExport.Format.values());
        auditExportFormat.valueProperty().bindBidirectional(model.exportFormatProperty());
        auditExportFile.textProperty().bindBidirectional(model.exportFileProperty());
        auditExport.disableProperty().bind(model.canExport().not());
        // Esc stops a run first; only then does it close the window.
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (model.runningProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.cancel());
    }

    private void bindSettings() {
        auditRegions.textProperty().bindBidirectional(model.regionsProperty());
        auditRequiredTags.textProperty().bindBidirectional(model.requiredTagsProperty());
        auditCustomerKeyPrefixes.textProperty().bindBidirectional(model.customerKeyPrefixesProperty());
        auditCustomerKeyTag.textProperty().bindBidirectional(model.customerKeyTagProperty());
        days(auditNotAccessedDays, model.notAccessedDaysProperty());
        days(auditExpiringDays, model.expiringDaysProperty());
        auditParameterTags.selectedProperty().bindBidirectional(model.parameterTagsProperty());
        auditScanConsumers.selectedProperty().bindBidirectional(model.scanConsumersProperty());
        auditSettings.disableProperty().bind(model.runningProperty());
    }

    private static void days(Spinner<Integer> spinner, IntegerProperty value) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 3650, value.get()));
        spinner.valueProperty().addListener((o, a, b) -> value.set(b));
    }

    private void bindRun() {
        auditRun.disableProperty().bind(model.runningProperty());
        auditCancel.disableProperty().bind(model.runningProperty().not());
        auditProgress.progressProperty().bind(model.progressProperty());
        auditProgress.visibleProperty().bind(model.runningProperty());
        auditStatus.textProperty().bind(model.statusProperty());
        auditConsumerNote.textProperty().bind(model.consumerNoteProperty());
        auditConsumerNote.managedProperty().bind(auditConsumerNote.textProperty().isNotEmpty());
        auditConsumerNote.visibleProperty().bind(auditConsumerNote.managedProperty());
    }

    private void bindFindings() {
        auditFindings.setItems(model.shownFindings());
        show(findingSeverity, f -> f.severity().name());
        findingSeverity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                if (!empty && item != null) {
                    getStyleClass().add("severity-" + item);
                }
            }
        });
        show(findingTitle, Finding::title);
        show(findingItem, Finding::item);
        show(findingConnection, Finding::connection);
        show(findingDetail, Finding::detail);
        // A detail (a pinned consumer and its remedy, say) is often longer than the column: the tooltip has it whole.
        findingDetail.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : wrapped(item));
            }
        });
        auditFindingFilter.textProperty().bindBidirectional(model.findingFilterProperty());
        auditMinimumSeverity.getItems().setAll(Severity.values());
        auditMinimumSeverity.valueProperty().bindBidirectional(model.minimumSeverityProperty());
        findingTab.textProperty().bind(Bindings.format("Findings (%d)", Bindings.size(model.shownFindings())));
    }

    private void bindInventory() {
        auditInventory.setItems(model.shownInventory());
        show(itemStore, i -> i.isSecret() ? "Secret" : "Parameter");
        show(itemName, InventoryItem::name);
        show(itemRegion, InventoryItem::region);
        show(itemType, InventoryItem::type);
        show(itemTier, i -> text(i.tier()));
        show(itemKmsKey, i -> text(i.kmsKey()));
        show(itemKeyManager, i -> text(i.keyManager()));
        show(itemLastModified, i -> time(i.lastModified()));
        show(itemLastModifiedBy, i -> text(i.lastModifiedBy()));
        show(itemVersions, i -> String.valueOf(i.versions()));
        show(itemRotation, i -> i.rotationEnabled() == null ? "" : i.rotationEnabled() ? "On" : "Off");
        show(itemLastAccessed, i -> time(i.lastAccessed()));
        show(itemTags, i -> i.tags() == null ? "(not read)" : String.join(", ",
                i.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        show(itemConsumers, i -> model.reportProperty().get() == null ? "" : model.reportProperty().get().consumersOf(i));
        auditInventoryFilter.textProperty().bindBidirectional(model.inventoryFilterProperty());
        inventoryTab.textProperty().bind(Bindings.format("Inventory (%d)", Bindings.size(model.shownInventory())));
    }

    private static <T> void show(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
    }

    private static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        return tip;
    }

    private static Label figure(long n, String what, String style) {
        Label l = new Label(String.format("%,d %s", n, what));
        l.getStyleClass().add("title-4");
        if (!style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String time(Instant at) {
        return at == null ? "" : Formats.dateTime(at);
    }

    @FXML
    private void onRun() {
        model.run();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onBrowse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit report to");
        File current = new File(model.exportFileProperty().get());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        chooser.setInitialFileName(current.getName());
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            model.exportFileProperty().set(chosen.getPath());
        }
    }

    @FXML
    private void onExport() {
        model.export();
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
