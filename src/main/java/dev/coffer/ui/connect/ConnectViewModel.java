package dev.coffer.ui.connect;

import dev.coffer.auth.ProfileInfo;
import dev.coffer.aws.Connection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect dialog's state: what to connect to (a profile, the local sandbox or a custom
 * endpoint), the region, an endpoint URL and audit mode, with what is wrong with the choice.
 */
public final class ConnectViewModel {

    /** Regions offered in the list; any other can be typed. */
    public static final List<String> REGIONS = dev.coffer.aws.Regions.OFFERED;

    static final String ENDPOINT_PROMPT = "http://localhost:4566 (optional)";

    /** One choice in the list. */
    public record Choice(String title, String detail, Optional<ProfileInfo> profile, boolean sandbox) {
        boolean customEndpoint() {
            return !sandbox && profile.isEmpty();
        }
    }

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
    private final StringProperty region = new SimpleStringProperty("us-east-1");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper endpointPrompt = new ReadOnlyStringWrapper(ENDPOINT_PROMPT);
    private final BooleanProperty auditMode = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper auditLocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper auditLockedReason = new ReadOnlyStringWrapper("");
    private final StringBinding problem = Bindings.createStringBinding(() -> check().orElse(""), choice, endpoint);
    private final BooleanBinding endpointDisabled = Bindings.createBooleanBinding(() -> choice.get() != null && choice.get().sandbox(), choice);
    private Predicate<Connection> rememberedAudit = c -> false;
    private boolean auditByDefault;

    /**
     * @param profiles         the AWS profiles, in the order the config file has them
     * @param current          the window's connection, which the dialog starts from; null before the first
     * @param sandboxInstalled whether moto_server is on this machine for the local sandbox
     */
    public ConnectViewModel(List<ProfileInfo> profiles, Connection current, boolean sandboxInstalled) {
        List<Choice> items = new ArrayList<>();
        if (sandboxInstalled) {
            items.add(new Choice(Connection.SANDBOX_NAME, "moto_server on this machine with example data", Optional.empty(), true));
        }
        for (ProfileInfo p : profiles) {
            items.add(new Choice(p.name(), p.kind().label() + p.region().map(r -> " · " + r).orElse("")
                    + p.endpointUrl().map(e -> " · " + e).orElse(""), Optional.of(p), false));
        }
        items.add(new Choice("Custom endpoint", "LocalStack or moto, with local test credentials", Optional.empty(), false));
        choices.setAll(items);

        choice.addListener((obs, old, c) -> {
            if (c != null) {
                chosen(c, old != null);
            }
        });
        // Start from the current connection.
        auditMode.set(current != null && current.readOnly());
        region.set(current != null ? current.region() : "us-east-1");
        choice.set(items.stream().filter(c -> current != null && (current.sandbox() ? c.sandbox()
                : current.usesLocalCredentials() ? c.customEndpoint()
                : c.profile().map(p -> p.name().equals(current.profile())).orElse(false))).findFirst().orElse(items.get(0)));
        if (current != null) {
            current.endpoint().filter(e -> !current.sandbox()).ifPresent(e -> endpoint.set(e.toString()));
        }
        // From here on, pointing the dialog at another connection shows how that one was last opened.
        endpoint.addListener((obs, old, text) -> applyRememberedAuditMode());
        region.addListener((obs, old, r) -> applyRememberedAuditMode());
    }

    private void chosen(Choice c, boolean changed) {
        if (c.profile().isPresent()) {
            ProfileInfo p = c.profile().get();
            p.region().ifPresent(region::set);
            // The profile's own endpoints apply service by service; a URL typed here replaces them all.
            endpoint.set("");
            endpointPrompt.set(p.endpointUrl().map(e -> e + " (from the profile)").orElse(ENDPOINT_PROMPT));
        } else {
            endpointPrompt.set(ENDPOINT_PROMPT);
            if (c.sandbox()) {
                region.set("us-east-1");
                endpoint.set("");
            }
        }
        if (changed) {
            applyRememberedAuditMode();
        }
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public ReadOnlyStringProperty endpointPromptProperty() {
        return endpointPrompt.getReadOnlyProperty();
    }

    /** The sandbox runs on this machine: its endpoint is not chosen. */
    public BooleanBinding endpointDisabledProperty() {
        return endpointDisabled;
    }

    public BooleanProperty auditModeProperty() {
        return auditMode;
    }

    /** Audit mode is ticked and cannot be unticked. */
    public ReadOnlyBooleanProperty auditLockedProperty() {
        return auditLocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditLockedReasonProperty() {
        return auditLockedReason.getReadOnlyProperty();
    }

    /** What stops the choice from being used, in words; empty when it can be. */
    public StringBinding problemProperty() {
        return problem;
    }

    /**
     * The dialog starts in the current connection's mode; choosing another connection ticks audit
     * mode when that one was last chosen in audit mode (the user can still untick it).
     */
    public void rememberAuditModes(Predicate<Connection> remembered) {
        rememberedAudit = remembered;
    }

    /** Audit mode ticked, and not to be unticked: the window, or all of Coffer, is in audit mode ({@code why}). */
    public void lockAuditMode(String why) {
        preferAuditMode();
        auditLocked.set(true);
        auditLockedReason.set(why);
    }

    /** Audit mode ticked to start with, and again whenever another connection is chosen; the user may untick it. */
    public void preferAuditMode() {
        auditByDefault = true;
        auditMode.set(true);
    }

    private void applyRememberedAuditMode() {
        if (check().isEmpty()) {
            auditMode.set(auditByDefault || rememberedAudit.test(connection()));
        }
    }

    private Optional<String> check() {
        Choice c = choice.get();
        if (c == null) {
            return Optional.of("Choose what to connect to.");
        }
        String text = endpointText();
        if (c.customEndpoint() && text.isEmpty()) {
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

    private String endpointText() {
        return endpoint.get() == null ? "" : endpoint.get().trim();
    }

    /** The connection chosen, or empty while {@link #problemProperty()} says what is wrong. */
    public Optional<Connection> result() {
        return check().isPresent() ? Optional.empty() : Optional.of(connection());
    }

    private Connection connection() {
        Choice c = choice.get();
        String r = region.get() == null || region.get().isBlank() ? "us-east-1" : region.get().trim();
        if (c.sandbox()) {
            return Connection.sandbox(auditMode.get());
        }
        URI uri = endpointText().isEmpty() ? null : URI.create(endpointText());
        if (c.profile().isEmpty()) {
            return Connection.endpoint(uri, r, auditMode.get());
        }
        return Connection.profile(c.profile().get().name(), r, uri, auditMode.get());
    }
}
