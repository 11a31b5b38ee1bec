package dev.coffer.audit.view;

import dev.coffer.audit.Finding;
import dev.coffer.audit.InventoryItem;
import dev.coffer.audit.ReportExport;
import dev.coffer.audit.Severity;
import dev.coffer.aws.AwsSession;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.Windows;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The audit report window (Tools → Audit report…): what to check, a run with progress that can
 * be cancelled, a summary, the findings and the inventory with filters, and the exports.
 */
public final class AuditReportWindow {

    private AuditReportWindow() {
    }

    public static Stage open(Window owner, AwsSession session, Background background) {
        AuditReportViewModel model = new AuditReportViewModel(background, session, Path.of(System.getProperty("user.home")));
        Stage stage = new Stage();
        VBox root = new VBox(10, settings(model), runBar(model), summary(model), tables(model), exportBar(model, stage));
        root.setPadding(new Insets(14));
        root.setId("auditReport");
        Windows.window(stage, owner, "Audit report — " + model.connectionLabel(), false, root, 1280, 820).getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (model.runningProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }

    private static GridPane settings(AuditReportViewModel model) {
        TextField regions = field("auditRegions", "eu-west-1, us-east-1", model.regionsProperty());
        regions.setTooltip(new Tooltip("Comma-separated regions to audit with this connection's credentials"));
        TextField tags = field("auditRequiredTags", "Owner, CostCenter", model.requiredTagsProperty());
        TextField prefixes = field("auditCustomerKeyPrefixes", "/prod/, prod/", model.customerKeyPrefixesProperty());
        TextField keyTag = field("auditCustomerKeyTag", "DataClass=confidential", model.customerKeyTagProperty());
        Spinner<Integer> notAccessed = days("auditNotAccessedDays", model.notAccessedDaysProperty());
        Spinner<Integer> expiring = days("auditExpiringDays", model.expiringDaysProperty());
        javafx.scene.control.CheckBox allTags = new javafx.scene.control.CheckBox("Read every parameter's tags (one call each)");
        allTags.setId("auditParameterTags");
        allTags.selectedProperty().bindBidirectional(model.parameterTagsProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Required tags"), tags, new Label("Secrets not accessed for (days)"), notAccessed);
        grid.addRow(1, new Label("Customer key required under"), prefixes, new Label("Expiration policy within (days)"), expiring);
        grid.addRow(2, new Label("… or when tagged"), keyTag, new Label("Regions"), regions);
        grid.add(allTags, 1, 3);
        GridPane.setHgrow(tags, Priority.ALWAYS);
        GridPane.setHgrow(prefixes, Priority.ALWAYS);
        tags.setTooltip(new Tooltip("Comma-separated tag keys every parameter and secret must carry. Parameter tags take one call per "
                + "parameter, so they are read only when this or the customer-key tag is set."));
        grid.disableProperty().bind(model.runningProperty());
        return grid;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Spinner<Integer> days(String id, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(0, 3650, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(200);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        return s;
    }

    private static HBox runBar(AuditReportViewModel model) {
        Button run = new Button("Run report");
        run.setId("auditRun");
        run.setDefaultButton(true);
        run.setGraphic(new FontIcon("mdmz-play_arrow"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Cancel");
        cancel.setId("auditCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("auditProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.setPrefWidth(220);
        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        HBox box = new HBox(10, run, cancel, bar, status);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static HBox summary(AuditReportViewModel model) {
        HBox box = new HBox(18);
        box.setId("auditSummary");
        box.setAlignment(Pos.CENTER_LEFT);
        model.reportProperty().addListener((o, old, report) -> {
            box.getChildren().clear();
            if (report == null) {
                return;
            }
            box.getChildren().add(figure(report.parameterCount(), "parameters", ""));
            box.getChildren().add(figure(report.secretCount(), "secrets", ""));
            report.findingsBySeverity().entrySet().stream().sorted((a, b) -> b.getKey().compareTo(a.getKey()))
                    .forEach(e -> box.getChildren().add(figure(e.getValue(), e.getKey() + " findings", "severity-" + e.getKey())));
        });
        return box;
    }

    private static Label figure(long n, String what, String style) {
        Label l = new Label(String.format("%,d %s", n, what));
        l.getStyleClass().addAll("title-4");
        if (!style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static TabPane tables(AuditReportViewModel model) {
        TableView<Finding> findings = new TableView<>(model.shownFindings());
        findings.setId("auditFindings");
        TableColumn<Finding, String> severity = column("Severity", 90, f -> f.severity().name());
        severity.setMinWidth(90);
        severity.setCellFactory(c -> new TableCell<>() {
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
        findings.getColumns().setAll(List.of(severity, column("Finding", 320, Finding::title), column("Item", 290, Finding::item),
                column("Connection", 150, Finding::connection), column("Detail", 460, Finding::detail)));
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findings.setPlaceholder(new Label("No findings yet: run the report."));
        TextField findingFilter = new TextField();
        findingFilter.setId("auditFindingFilter");
        findingFilter.setPromptText("Filter findings by item, kind or detail");
        findingFilter.textProperty().bindBidirectional(model.findingFilterProperty());
        ComboBox<Severity> minimum = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Severity.values()));
        minimum.setId("auditMinimumSeverity");
        minimum.valueProperty().bindBidirectional(model.minimumSeverityProperty());
        HBox findingBar = new HBox(8, findingFilter, new Label("At least"), minimum);
        findingBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(findingFilter, Priority.ALWAYS);
        VBox findingBox = new VBox(6, findingBar, findings);
        VBox.setVgrow(findings, Priority.ALWAYS);

        TableView<InventoryItem> inventory = new TableView<>(model.shownInventory());
        inventory.setId("auditInventory");
        inventory.getColumns().setAll(List.of(column("Store", 80, i -> i.isSecret() ? "Secret" : "Parameter"),
                column("Name", 340, InventoryItem::name), column("Region", 90, InventoryItem::region),
                column("Type", 100, InventoryItem::type), column("Tier", 80, i -> text(i.tier())),
                column("KMS key", 170, i -> text(i.kmsKey())), column("Key manager", 100, i -> text(i.keyManager())),
                column("Last modified", 150, i -> time(i.lastModified())), column("By", 120, i -> text(i.lastModifiedBy())),
                column("Versions", 70, i -> String.valueOf(i.versions())),
                column("Rotation", 70, i -> i.rotationEnabled() == null ? "" : i.rotationEnabled() ? "On" : "Off"),
                column("Last accessed", 110, i -> time(i.lastAccessed())),
                column("Tags", 220, i -> i.tags() == null ? "(not read)" : String.join(", ",
                        i.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))));
        inventory.setPlaceholder(new Label("Run the report to list every parameter and secret."));
        TextField inventoryFilter = new TextField();
        inventoryFilter.setId("auditInventoryFilter");
        inventoryFilter.setPromptText("Filter by name, type, key or tag");
        inventoryFilter.textProperty().bindBidirectional(model.inventoryFilterProperty());
        VBox inventoryBox = new VBox(6, inventoryFilter, inventory);
        VBox.setVgrow(inventory, Priority.ALWAYS);

        Tab findingTab = new Tab();
        findingTab.textProperty().bind(Bindings.format("Findings (%d)", Bindings.size(model.shownFindings())));
        findingTab.setContent(findingBox);
        Tab inventoryTab = new Tab();
        inventoryTab.textProperty().bind(Bindings.format("Inventory (%d)", Bindings.size(model.shownInventory())));
        inventoryTab.setContent(inventoryBox);
        TabPane tabs = new TabPane(findingTab, inventoryTab);
        tabs.setId("auditTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    private static HBox exportBar(AuditReportViewModel model, Stage stage) {
        ComboBox<ReportExport.Format> format = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ReportExport.Format.values()));
        format.setId("auditExportFormat");
        format.valueProperty().bindBidirectional(model.exportFormatProperty());
        TextField file = new TextField();
        file.setId("auditExportFile");
        file.textProperty().bindBidirectional(model.exportFileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
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
        });
        Button export = new Button("Export");
        export.setId("auditExport");
        export.setGraphic(new FontIcon("mdmz-save_alt"));
        export.disableProperty().bind(model.canExport().not());
        export.setOnAction(e -> model.export());
        Label never = new Label("Exports hold metadata only, never a value.");
        never.getStyleClass().add("subtle");
        Button close = new Button("Close");
        close.setCancelButton(false);
        close.setOnAction(e -> stage.close());
        HBox box = new HBox(8, new Label("Export as"), format, file, browse, export, never, new Pane(), close);
        HBox.setHgrow(file, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String time(Instant at) {
        return at == null ? "" : Formats.dateTime(at);
    }
}
