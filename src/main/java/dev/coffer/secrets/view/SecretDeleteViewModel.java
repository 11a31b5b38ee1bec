package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Deleting a secret: scheduled with a recovery window (7-30 days), or at once without recovery
 * once the user typed the secret's name exactly.
 */
public final class SecretDeleteViewModel {

    private final Background background;
    private final BusyWork work;
    private final SecretStore secrets;
    private final Secret secret;
    private final IntegerProperty recoveryDays = new SimpleIntegerProperty(SecretRules.DEFAULT_RECOVERY_DAYS);
    private final BooleanProperty force = new SimpleBooleanProperty();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canDelete;

    public SecretDeleteViewModel(Background background, SecretStore secrets, Secret secret) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.secrets = secrets;
        this.secret = secret;
        this.canDelete = Bindings.createBooleanBinding(() -> !busy.get()
                && (force.get() ? secret.name().equals(typedName.get())
                : SecretRules.checkRecoveryWindow(recoveryDays.get()).isEmpty()), busy, force, typedName, recoveryDays);
    }

    public Secret secret() {
        return secret;
    }

    /** Deletes as chosen; {@code onDeleted} gets whether it was a force delete. Errors stay in the dialog. */
    public void delete(Consumer<Boolean> onDeleted) {
        if (!canDelete.get()) {
            return;
        }
        boolean now = force.get();
        int days = recoveryDays.get();
        message.set("");
        work.run(() -> {
            if (now) {
                secrets.forceDelete(secret.arn());
            } else {
                secrets.delete(secret.arn(), days);
            }
            return now;
        }, done -> {
            onDeleted.accept(done);
        });
    }

    public IntegerProperty recoveryDaysProperty() {
        return recoveryDays;
    }

    public BooleanProperty forceProperty() {
        return force;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }
}
