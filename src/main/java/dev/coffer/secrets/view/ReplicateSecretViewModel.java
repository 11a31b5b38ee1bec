package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Problem;
import dev.coffer.aws.Regions;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.secrets.Replica;
import dev.coffer.secrets.ReplicaTarget;
import dev.coffer.secrets.ReplicationRules;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Replicate to regions: one row per region to add, each with a KMS key chosen from that region's
 * keys (listed in the background when the region is chosen; none chosen is the region's
 * aws/secretsmanager key). Checked at every change, every problem at once; Replicate sends one
 * ReplicateSecretToRegions to the primary.
 */
public final class ReplicateSecretViewModel {

    /** One region to add and its key. */
    public static final class TargetRow {
        private final StringProperty region = new SimpleStringProperty("");
        private final ObjectProperty<Optional<String>> keyId = new SimpleObjectProperty<>(Optional.empty());
        private final ObservableList<KmsKey> keys = FXCollections.observableArrayList();
        private final BooleanProperty keysLoading = new SimpleBooleanProperty();
        private final StringProperty keysProblem = new SimpleStringProperty("");

        public StringProperty regionProperty() {
            return region;
        }

        /** The key chosen (id or alias of that region); empty: the region's aws/secretsmanager key. */
        public ObjectProperty<Optional<String>> keyIdProperty() {
            return keyId;
        }

        /** The region's keys that can encrypt a secret, once listed. */
        public ObservableList<KmsKey> keys() {
            return keys;
        }

        public BooleanProperty keysLoadingProperty() {
            return keysLoading;
        }

        /** Why the region's keys could not be listed; the region's default key can still be used. */
        public StringProperty keysProblemProperty() {
            return keysProblem;
        }

        ReplicaTarget target() {
            return new ReplicaTarget(region.get() == null ? "" : region.get().trim(), keyId.get());
        }
    }

    private final Background background;
    private final SecretStore store;
    private final Function<String, KeyCatalog> keysIn;
    private final Secret secret;
    private final String here;
    private final List<Replica> existing;
    private final Map<String, List<KmsKey>> keysByRegion = new HashMap<>();
    private final ObservableList<TargetRow> rows = FXCollections.observableArrayList(r -> new Observable[] {r.region, r.keyId});
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyWork work;

    /**
     * @param keysIn   the key catalog of a region (the session's clients in that region)
     * @param here     the connection's region, where the secret is the primary
     * @param existing the regions it is replicated to now
     */
    public ReplicateSecretViewModel(Background background, SecretStore store, Function<String, KeyCatalog> keysIn,
                                    Secret secret, String here, List<Replica> existing) {
        this.background = background;
        this.store = store;
        this.keysIn = keysIn;
        this.secret = secret;
        this.here = here;
        this.existing = List.copyOf(existing);
        this.work = new BusyWork(background, busy, message::set);
        rows.addListener((javafx.collections.ListChangeListener<TargetRow>) c -> check());
        addRow();
    }

    /** Regions to offer: the usual ones, without the secret's own and those it is replicated to; any other can be typed. */
    public List<String> offeredRegions() {
        return Regions.OFFERED.stream().filter(r -> !r.equals(here) && existing.stream().noneMatch(e -> e.region().equals(r))).toList();
    }

    public TargetRow addRow() {
        TargetRow row = new TargetRow();
        row.region.addListener((obs, old, region) -> loadKeys(row, region));
        rows.add(row);
        return row;
    }

    public void removeRow(TargetRow row) {
        rows.remove(row);
    }

    /** Lists the keys of the region chosen, once a region; a row whose region changed meanwhile ignores the answer. */
    private void loadKeys(TargetRow row, String region) {
        row.keys.clear();
        row.keyId.set(Optional.empty());
        row.keysProblem.set("");
        String wanted = region == null ? "" : region.trim();
        if (!Regions.looksLikeRegion(wanted)) {
            return;
        }
        List<KmsKey> known = keysByRegion.get(wanted);
        if (known != null) {
            row.keys.setAll(known);
            return;
        }
        row.keysLoading.set(true);
        background.run(() -> KeyCatalog.forService(keysIn.apply(wanted).list(), "secretsmanager"), keys -> {
            keysByRegion.put(wanted, keys);
            if (wanted.equals(row.region.get().trim())) {
                row.keysLoading.set(false);
                row.keys.setAll(keys);
            }
        }, error -> {
            if (wanted.equals(row.region.get().trim())) {
                row.keysLoading.set(false);
                row.keysProblem.set("Could not list the KMS keys of " + wanted + ": " + AwsErrors.explain(error).summary()
                        + " The region's aws/secretsmanager key is used.");
            }
        });
    }

    private void check() {
        problems.setAll(ReplicationRules.check(here, secret, existing, targets()));
    }

    private List<ReplicaTarget> targets() {
        return rows.stream().map(TargetRow::target).toList();
    }

    /** Sends the replication; {@code done} gets the regions added. The rows stay as they were when AWS refuses. */
    public void replicate(java.util.function.Consumer<List<String>> done) {
        check();
        if (!problems.isEmpty()) {
            return;
        }
        List<ReplicaTarget> targets = targets();
        message.set("Replicating…");
        work.run(() -> {
            store.replicate(secret.arn(), targets);
            return targets.stream().map(ReplicaTarget::region).toList();
        }, added -> {
            message.set("");
            done.accept(added);
        });
    }

    public Secret secret() {
        return secret;
    }

    public ObservableList<TargetRow> rows() {
        return rows;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** Every problem in words, one a line. */
    public javafx.beans.binding.StringBinding problemText() {
        return Bindings.createStringBinding(() -> String.join("\n", problems.stream().map(Problem::message).toList()), problems);
    }

    public BooleanBinding canReplicate() {
        return Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get(), problems, busy);
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
