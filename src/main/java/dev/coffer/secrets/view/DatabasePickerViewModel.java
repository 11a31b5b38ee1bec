package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.secrets.Database;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.ui.kit.Background;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Pick database: the account's RDS instances, Aurora, Multi-AZ and DocumentDB clusters and
 * Redshift clusters, listed in the background with progress and Cancel. A source AWS refuses is
 * said in words while the others are listed. When creating a secret it offers the secret a name
 * after the database chosen.
 */
public final class DatabasePickerViewModel {

    private final Background background;
    private final DatabaseCatalog catalog;
    private final Supplier<String> user;
    private final boolean naming;

    private final ObservableList<Database> databases = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Database> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty nameAfterIt = new SimpleBooleanProperty();
    private final StringBinding proposedName;
    private Cancellation cancellation;

    /**
     * @param user   the username the secret has so far (the proposed name uses it, else the database's master user)
     * @param naming whether the secret may still be named (a new secret); an existing one keeps its name
     */
    public DatabasePickerViewModel(Background background, DatabaseCatalog catalog, Supplier<String> user, boolean naming) {
        this.background = background;
        this.catalog = catalog;
        this.user = user;
        this.naming = naming;
        this.nameAfterIt.set(naming);
        this.proposedName = Bindings.createStringBinding(
                () -> selected.get() == null ? "" : selected.get().proposedSecretName(user.get()), selected);
    }

    /** Lists the databases afresh; Cancel stops it, keeping nothing half read. */
    public void load() {
        if (loading.get()) {
            return;
        }
        Cancellation mine = new Cancellation();
        cancellation = mine;
        loading.set(true);
        problems.clear();
        databases.clear();
        selected.set(null);
        // Each source reports from its own reading thread; the set is read on the UI thread.
        Set<DatabaseCatalog.Source> pending = Collections.synchronizedSet(EnumSet.allOf(DatabaseCatalog.Source.class));
        status.set(reading(pending));
        background.run(() -> mine.run(() -> catalog.list(mine::cancelled, done -> background.later(() -> {
            if (mine == cancellation && loading.get()) {
                pending.remove(done);
                status.set(reading(pending));
            }
        }))), listing -> {
            if (mine != cancellation) {
                return;
            }
            loading.set(false);
            databases.setAll(listing.databases());
            listing.failures().forEach((source, error) -> problems.add(source.label() + " could not be listed: "
                    + AwsErrors.explain(error).text() + " (needs " + source.permission() + ")"));
            status.set(listed(listing.databases().size()));
        }, error -> {
            if (mine != cancellation) {
                return;
            }
            loading.set(false);
            status.set(mine.cancelled() ? "Cancelled. Nothing was listed; List again reads every source."
                    : AwsErrors.explain(error).text());
        });
    }

    /** Stops the listing: its requests are aborted at once. */
    public void cancel() {
        if (cancellation != null && loading.get()) {
            cancellation.cancel();
        }
    }

    private static String reading(Set<DatabaseCatalog.Source> pending) {
        synchronized (pending) {
            return readingText(pending);
        }
    }

    private static String readingText(Set<DatabaseCatalog.Source> pending) {
        return pending.isEmpty() ? "Sorting…" : "Listing " + String.join(", ", pending.stream()
                .map(s -> s.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.label().substring(1)).toList()) + "…";
    }

    private String listed(int count) {
        String found = count == 0 ? "No databases in this account and region" : count == 1 ? "1 database" : count + " databases";
        return problems.isEmpty() ? found + "." : found + "; some could not be listed (below).";
    }

    public ObservableList<Database> databases() {
        return databases;
    }

    /** Each source that could not be listed, in words, with the permission it needs. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ObjectProperty<Database> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Whether the secret is named after the database chosen; offered only for a new secret. */
    public BooleanProperty nameAfterItProperty() {
        return nameAfterIt;
    }

    public boolean namingOffered() {
        return naming;
    }

    /** The name offered for the secret, such as rds/orders/app_user; empty until a database is chosen. */
    public StringBinding proposedName() {
        return proposedName;
    }

    /** Use may be pressed: a database is chosen, it has an endpoint, and nothing is being listed. */
    public BooleanBinding canUse() {
        return Bindings.createBooleanBinding(() -> !loading.get() && selected.get() != null && !selected.get().host().isEmpty(),
                loading, selected);
    }

    /** The database chosen and whether to name the secret after it. */
    public record Choice(Database database, boolean nameAfterIt) {
    }

    /** What Use hands the editor. */
    public Choice choice() {
        return new Choice(selected.get(), naming && nameAfterIt.get());
    }
}
