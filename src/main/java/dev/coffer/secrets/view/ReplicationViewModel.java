package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.secrets.Replica;
import dev.coffer.secrets.Replication;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The replication section of a secret's details: the regions it is replicated to, with each
 * copy's status, AWS's message and KMS key (one DescribeSecret when the secret is shown), and for a
 * replica opened in its own region, that it is one and of which primary. Replicate and Remove are
 * offered only where they can work: a window that may change AWS, on a primary.
 */
public final class ReplicationViewModel {

    private final Background background;
    private final Supplier<SecretStore> store;
    private final Supplier<String> region;
    private final BooleanSupplier readOnly;

    private final ObjectProperty<Secret> secret = new SimpleObjectProperty<>();
    private final ObservableList<Replica> replicas = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Optional<String>> primaryRegion = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty writable = new SimpleBooleanProperty();
    private int request;

    /**
     * @param store    Secrets Manager of the connection shown
     * @param region   the connection's region
     * @param readOnly whether the window may change nothing (audit mode)
     */
    public ReplicationViewModel(Background background, Supplier<SecretStore> store, Supplier<String> region, BooleanSupplier readOnly) {
        this.background = background;
        this.store = store;
        this.region = region;
        this.readOnly = readOnly;
    }

    /** Shows a secret's replication, read afresh; null shows nothing. */
    public void show(Secret shown) {
        int mine = ++request;
        secret.set(shown);
        replicas.clear();
        message.set("");
        writable.set(!readOnly.getAsBoolean());
        if (shown == null) {
            loading.set(false);
            summary.set("");
            primaryRegion.set(Optional.empty());
            return;
        }
        primaryRegion.set(shown.replicaOf(region.get()));
        summary.set(summaryOf(shown, null));
        loading.set(true);
        SecretStore secrets = store.get();
        background.run(() -> secrets.replication(shown.arn()), replication -> {
            if (mine == request) {
                loading.set(false);
                showReplication(replication);
            }
        }, error -> {
            if (mine == request) {
                loading.set(false);
                message.set("Could not read the replication: " + AwsErrors.explain(error).text());
            }
        });
    }

    /** Reads the shown secret's replication again (after a change). */
    public void refresh() {
        show(secret.get());
    }

    private void showReplication(Replication replication) {
        replicas.setAll(replication.replicas());
        primaryRegion.set(replication.secret().replicaOf(region.get()));
        summary.set(summaryOf(replication.secret(), replication));
    }

    private String summaryOf(Secret s, Replication read) {
        Optional<String> primary = s.replicaOf(region.get());
        if (primary.isPresent()) {
            return "Replica of " + s.name() + " in " + primary.get() + ". Secrets Manager changes a replica only through its primary: "
                    + "connect to " + primary.get() + " to edit, rotate, replicate or delete it.";
        }
        if (read == null) {
            return "Reading replication…";
        }
        int n = read.replicas().size();
        if (n == 0) {
            return "Not replicated to other regions.";
        }
        long failed = read.replicas().stream().filter(Replica::failed).count();
        return "Primary in " + region.get() + ", replicated to " + n + (n == 1 ? " region" : " regions")
                + (failed == 0 ? "." : "; " + failed + " failed (see the message).");
    }

    /**
     * Removes the replica in {@code region} (the caller asked first); {@code done} gets the region.
     * The list is read again either way.
     */
    public void remove(String replicaRegion, java.util.function.Consumer<String> done) {
        Secret shown = secret.get();
        if (shown == null) {
            return;
        }
        SecretStore secrets = store.get();
        loading.set(true);
        message.set("Removing the replica in " + replicaRegion + "…");
        background.run(() -> {
            secrets.removeReplica(shown.arn(), replicaRegion);
            return replicaRegion;
        }, removed -> {
            refresh();
            done.accept(removed);
        }, error -> {
            loading.set(false);
            message.set("The replica in " + replicaRegion + " was not removed: " + AwsErrors.explain(error).text());
        });
    }

    public ReadOnlyObjectProperty<Secret> secretProperty() {
        return secret;
    }

    public ObservableList<Replica> replicas() {
        return replicas;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** The primary's region while a replica is shown; empty for a primary. */
    public ReadOnlyObjectProperty<Optional<String>> primaryRegionProperty() {
        return primaryRegion;
    }

    /** Replication in one sentence: not replicated, primary and its replicas, or replica of which primary. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** What went wrong reading or changing it; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether Replicate to regions and Remove are offered: a window that may change AWS, a primary not scheduled for deletion. */
    public BooleanBinding canChange() {
        return Bindings.createBooleanBinding(() -> writable.get() && secret.get() != null && secret.get().deletedDate().isEmpty()
                && primaryRegion.get().isEmpty(), writable, secret, primaryRegion);
    }

    /** The connection's region, where the shown secret is read. */
    public String region() {
        return region.get();
    }
}
