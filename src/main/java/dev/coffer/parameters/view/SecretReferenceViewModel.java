package dev.coffer.parameters.view;

import dev.coffer.audit.RevealRecorder;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Resolving a Secrets Manager secret through Parameter Store
 * ({@value ParameterStore#SECRETS_MANAGER_REFERENCE}{@code <secret id>}), the way templates and
 * applications that only speak Parameter Store read it. The value stays masked until revealed.
 */
public final class SecretReferenceViewModel {

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final ParameterStore parameters;
    private final StringProperty secretId = new SimpleStringProperty("");
    private final StringBinding referenceName;
    private final BooleanProperty resolved = new SimpleBooleanProperty();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final StringProperty shownValue = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canResolve;
    private SecretText value;

    public SecretReferenceViewModel(Background background, ClientFactory clients, ParameterStore parameters, String secretId) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.parameters = parameters;
        this.secretId.set(secretId == null ? "" : secretId);
        referenceName = Bindings.createStringBinding(() -> ParameterStore.SECRETS_MANAGER_REFERENCE + id(), this.secretId);
        canResolve = Bindings.createBooleanBinding(() -> !busy.get() && !id().isEmpty(), busy, this.secretId);
        // A value belongs to the id it was resolved for.
        this.secretId.addListener((obs, old, text) -> forget());
    }

    private String id() {
        return secretId.get() == null ? "" : secretId.get().trim();
    }

    private void forget() {
        value = null;
        resolved.set(false);
        revealed.set(false);
        shownValue.set("");
        message.set("");
    }

    /** GetParameter on the reference name, with decryption; the value is kept masked. */
    public void resolve() {
        if (!canResolve.get()) {
            return;
        }
        String id = id();
        forget();
        message.set("Resolving " + ParameterStore.SECRETS_MANAGER_REFERENCE + id + "…");
        work.run(() -> parameters.resolveSecretReference(id), secret -> {
            if (!id.equals(id())) {
                return;
            }
            value = secret;
            resolved.set(true);
            message.set("Resolved through Parameter Store (" + secret.sizeInBytes() + " bytes).");
        });
    }

    public void toggleReveal() {
        if (!resolved.get()) {
            return;
        }
        revealed.set(!revealed.get());
        shownValue.set(revealed.get() ? value.reveal() : "");
    }

    /**
     * Copies {@code text}, the resolved value or the part of it selected, with {@code toClipboard}.
     * In audit mode the reveal log's line for the copy is written first, off the FX thread, and
     * the text reaches the clipboard only after it; when the line cannot be written nothing is
     * copied and the message says why.
     */
    public void copyValue(String text, Consumer<String> toClipboard) {
        if (!resolved.get() || text == null || text.isEmpty()) {
            return;
        }
        Optional<RevealRecorder> reveals = SessionClients.reveals(clients);
        if (reveals.isEmpty()) {
            copied(text, toClipboard);
            return;
        }
        String name = referenceName().get();
        background.run(() -> {
            reveals.get().copied(RevealRecorder.PARAMETER_STORE, name, "current");
            return text;
        }, logged -> copied(logged, toClipboard), error -> message.set(reveals.get().copyRefused(error).text()));
    }

    private void copied(String text, Consumer<String> toClipboard) {
        toClipboard.accept(text);
        message.set("Value copied; the clipboard is cleared in 30 seconds.");
    }

    /** The resolved value, for copying; null before it is resolved. */
    public SecretText value() {
        return value;
    }

    /** The secret's name or ARN. */
    public StringProperty secretIdProperty() {
        return secretId;
    }

    /** The Parameter Store name that resolves the secret. */
    public StringBinding referenceName() {
        return referenceName;
    }

    public BooleanProperty resolvedProperty() {
        return resolved;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** The value while revealed; empty otherwise. */
    public StringProperty shownValueProperty() {
        return shownValue;
    }

    public BooleanBinding canResolve() {
        return canResolve;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
