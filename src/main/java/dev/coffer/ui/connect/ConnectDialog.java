package dev.coffer.ui.connect;

import dev.coffer.auth.ProfileInfo;
import dev.coffer.auth.Profiles;
import dev.coffer.aws.Connection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** Chooses what to connect to: a profile, the local sandbox or a custom endpoint, with region and read-only mode. */
public final class ConnectDialog extends Dialog<Connection> {

    /** Regions offered in the list; any other can be typed. */
    public static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1",
            "me-central-1", "af-south-1");

    private static final String ENDPOINT_PROMPT = "http://localhost:4566 (optional)";

    /** One choice in the list. */
    record Choice(String title, String detail, Optional<ProfileInfo> profile, boolean sandbox) {
    }

    private final ListView<Choice> choices = new ListView<>();
    private final ComboBox<String> region = new ComboBox<>(FXCollections.observableArrayList(REGIONS));
    private final TextField endpoint = new TextField();
    private final CheckBox readOnly = new CheckBox("Audit mode (read-only): nothing that could change AWS is sent; reveals are logged");
    private java.util.function.Predicate<Connection> rememberedAudit = c -> false;
    private boolean auditByDefault;
    private final Label auditLocked = new Label();
    private final Label problem = new Label();

    public ConnectDialog(Window owner, Profiles profiles, Connection current, boolean sandboxInstalled) {
        initOwner(owner);
        setTitle("Connect");
        setHeaderText("Choose a profile, the local sandbox or an endpoint");

        List<Choice> items = new ArrayList<>();
        if (sandboxInstalled) {
            items.add(new Choice(Connection.SANDBOX_NAME, "moto_server on this machine with example data", Optional.empty(), true));
        }
        for (ProfileInfo p : profiles.list()) {
            items.add(new Choice(p.name(), p.kind().label() + p.region().map(r -> " · " + r).orElse("")
                    + p.endpointUrl().map(e -> " · " + e).orElse(""), Optional.of(p), false));
        }
        items.add(new Choice("Custom endpoint", "LocalStack or moto, with local test credentials", Optional.empty(), false));
        choices.getItems().setAll(items);
        choices.setId("connectChoices");
        choices.setPrefHeight(Math.min(320, 56 * items.size() + 8));
        choices.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Choice item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.title() + "\n" + item.detail());
                }
            }
        });

        region.setEditable(true);
        region.setId("connectRegion");
        endpoint.setId("connectEndpoint");
        endpoint.setPromptText(ENDPOINT_PROMPT);
        readOnly.setId("connectReadOnly");
        auditLocked.setId("connectAuditLocked");
        auditLocked.getStyleClass().add("text-muted");
        auditLocked.setWrapText(true);
        auditLocked.visibleProperty().bind(readOnly.disabledProperty());
        auditLocked.managedProperty().bind(auditLocked.visibleProperty());
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);

        choices.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c == null) {
                return;
            }
            if (c.profile().isPresent()) {
                ProfileInfo p = c.profile().get();
                p.region().ifPresent(region::setValue);
                // The profile's own endpoints apply service by service; a URL typed here replaces them all.
                endpoint.clear();
                endpoint.setPromptText(p.endpointUrl().map(e -> e + " (from the profile)").orElse(ENDPOINT_PROMPT));
            } else {
                endpoint.setPromptText(ENDPOINT_PROMPT);
                if (c.sandbox()) {
                    region.setValue("us-east-1");
                    endpoint.clear();
                }
            }
            endpoint.setDisable(c.sandbox());
            validate();
            if (old != null) {
                applyRememberedAuditMode();
            }
        });
        endpoint.textProperty().addListener((obs, old, text) -> validate());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10, 4, 4, 4));
        grid.add(choices, 0, 0, 2, 1);
        grid.addRow(1, new Label("Region"), region);
        grid.addRow(2, new Label("Endpoint URL"), endpoint);
        grid.add(readOnly, 0, 3, 2, 1);
        grid.add(auditLocked, 0, 4, 2, 1);
        grid.add(problem, 0, 5, 2, 1);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        region.setMaxWidth(Double.MAX_VALUE);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(520);

        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        getDialogPane().lookupButton(connect).disableProperty().bind(problem.textProperty().isNotEmpty());

        // Start from the current connection.
        readOnly.setSelected(current != null && current.readOnly());
        region.setValue(current != null ? current.region() : "us-east-1");
        Choice initial = items.stream().filter(c -> current != null && (current.sandbox() ? c.sandbox()
                : current.usesLocalCredentials() ? c.profile().isEmpty() && !c.sandbox()
                : c.profile().map(p -> p.name().equals(current.profile())).orElse(false))).findFirst().orElse(items.get(0));
        choices.getSelectionModel().select(initial);
        if (current != null) {
            current.endpoint().filter(e -> !current.sandbox()).ifPresent(e -> endpoint.setText(e.toString()));
        }

        // From here on, pointing the dialog at another connection shows how that one was last opened.
        endpoint.textProperty().addListener((obs, old, text) -> applyRememberedAuditMode());
        region.valueProperty().addListener((obs, old, r) -> applyRememberedAuditMode());

        setResultConverter(button -> button == connect ? result() : null);
    }

    /**
     * The dialog starts in the current connection's mode; choosing another connection ticks audit
     * mode when that one was last chosen in audit mode (the user can still untick it).
     */
    public void rememberAuditModes(java.util.function.Predicate<Connection> remembered) {
        rememberedAudit = remembered;
    }

    /** Audit mode ticked, and not to be unticked: the window, or all of Coffer, is in audit mode ({@code why}). */
    public void lockAuditMode(String why) {
        preferAuditMode();
        readOnly.setDisable(true);
        auditLocked.setText(why);
    }

    /** Audit mode ticked to start with, and again whenever another connection is chosen; the user may untick it. */
    public void preferAuditMode() {
        auditByDefault = true;
        readOnly.setSelected(true);
    }

    private void applyRememberedAuditMode() {
        if (check().isEmpty()) {
            readOnly.setSelected(auditByDefault || rememberedAudit.test(result()));
        }
    }

    private void validate() {
        problem.setText(check().orElse(""));
    }

    private Optional<String> check() {
        Choice c = choices.getSelectionModel().getSelectedItem();
        if (c == null) {
            return Optional.of("Choose what to connect to.");
        }
        String text = endpoint.getText() == null ? "" : endpoint.getText().trim();
        if (!c.sandbox() && c.profile().isEmpty() && text.isEmpty()) {
            return Optional.of("A custom endpoint needs its URL, for example http://localhost:4566.");
        }
        if (!text.isEmpty() && !c.sandbox()) {
            try {
                URI uri = URI.create(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    return Optional.of("The endpoint must be an http:// or https:// URL with a host.");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of("The endpoint is not a valid URL.");
            }
        }
        return Optional.empty();
    }

    private Connection result() {
        Choice c = choices.getSelectionModel().getSelectedItem();
        String r = region.getEditor().getText() == null || region.getEditor().getText().isBlank() ? region.getValue()
                : region.getEditor().getText().trim();
        if (c.sandbox()) {
            return Connection.sandbox(readOnly.isSelected());
        }
        String text = endpoint.getText() == null ? "" : endpoint.getText().trim();
        URI uri = text.isEmpty() ? null : URI.create(text);
        if (c.profile().isEmpty()) {
            return Connection.endpoint(uri, r, readOnly.isSelected());
        }
        return Connection.profile(c.profile().get().name(), r, uri, readOnly.isSelected());
    }
}
