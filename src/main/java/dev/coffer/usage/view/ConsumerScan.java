package dev.coffer.usage.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.ProgressMessages;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.UsageScan;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection's where-used scan as a confirmation or a wizard uses it: the scan the window
 * caches when there is one, otherwise a scan run in the background (progress, Cancel) whose
 * result fills that cache, so Where used and every later warning of the connection read it too.
 */
public final class ConsumerScan {

    private final Background background;
    private final ClientFactory clients;
    private final ObjectProperty<ConsumerIndex> cache;
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");
    private Cancellation scan = new Cancellation();

    /**
     * @param cache the connection's scan, kept by the window (null until the first scan)
     */
    public ConsumerScan(Background background, ClientFactory clients, ObjectProperty<ConsumerIndex> cache) {
        this.background = background;
        this.clients = clients;
        this.cache = cache;
    }

    /** Scans unless the connection has a scan already or one of ours runs. */
    public void ensure() {
        if (cache.get() == null) {
            scan();
        }
    }

    /** Scans the connection (again); the result replaces the cached scan. */
    public void scan() {
        scan(index -> { });
    }

    /** {@link #scan()}, then {@code scanned} gets the new scan; not called when a scan already runs, fails or is cancelled. */
    public void scan(java.util.function.Consumer<ConsumerIndex> scanned) {
        if (scanning.get()) {
            return;
        }
        Cancellation mine = new Cancellation();
        scan = mine;
        failure.set("");
        progress.set("");
        scanning.set(true);
        // A scan reports each stack and task definition it reads: the latest is shown, ten times a second.
        ProgressMessages messages = new ProgressMessages(background, message -> {
            if (scan == mine && scanning.get()) {
                progress.set(message);
            }
        });
        background.run(() -> UsageScan.scan(clients, mine, messages), index -> {
            cache.set(index);
            scanning.set(false);
            scanned.accept(index);
        }, error -> {
            scanning.set(false);
            failure.set(mine.cancelled() ? "the scan was cancelled." : "the scan failed: " + AwsErrors.explain(error).text());
        });
    }

    /** Stops a running scan (Cancel, or its window closed); the cached scan, if any, stays. */
    public void cancel() {
        scan.cancel();
    }

    /** The connection's scan; null until one completed. */
    public ReadOnlyObjectProperty<ConsumerIndex> indexProperty() {
        return cache;
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning;
    }

    /** What the running scan has read so far. */
    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    /** Why the last scan gave no answer ("the scan was cancelled.", "the scan failed: …"); empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }
}
