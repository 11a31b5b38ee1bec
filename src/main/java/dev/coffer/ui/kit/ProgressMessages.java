package dev.coffer.ui.kit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Progress text from background threads for the UI thread, latest only: however fast the work
 * reports (a scan says something per stack read, hundreds a second), at most one update waits on
 * the UI thread and it runs {@link #INTERVAL} after the first message it carries, with the latest
 * message by then. Each update re-lays out and repaints its label, so one per report kept the
 * UI thread busy for no one to read. The last message is never lost.
 */
public final class ProgressMessages implements Consumer<String> {

    /** About ten updates a second: as fast as anyone reads. */
    public static final Duration INTERVAL = Duration.ofMillis(100);

    private final Background background;
    private final Consumer<String> show;
    private final AtomicReference<String> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param show runs on the UI thread with the latest message
     */
    public ProgressMessages(Background background, Consumer<String> show) {
        this.background = background;
        this.show = show;
    }

    /** From any thread. */
    @Override
    public void accept(String message) {
        latest.set(message);
        if (queued.compareAndSet(false, true)) {
            background.after(INTERVAL, this::flush);
        }
    }

    private void flush() {
        // Cleared before reading, so a message that arrives now queues an update of its own.
        queued.set(false);
        String message = latest.getAndSet(null);
        if (message != null) {
            show.accept(message);
        }
    }
}
