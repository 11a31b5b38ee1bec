package dev.coffer.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps new events waiting: a heartbeat thread posts a ping to
 * the FX thread every few milliseconds and records how late each one runs. The longest delay is
 * the longest stall a user's click or keystroke would have met (pulses, page handling and GC
 * pauses included).
 */
final class FxStallMeter implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    private final AtomicLong maxNanos = new AtomicLong();
    /** When the longest stall began (System.nanoTime), to find it in a profile. */
    private volatile long worstStart;
    private final AtomicLong pings = new AtomicLong();
    private volatile boolean running = true;
    private final Thread heartbeat;

    private FxStallMeter() {
        heartbeat = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long late = System.nanoTime() - posted;
                    if (late > maxNanos.get()) {
                        maxNanos.set(late);
                        worstStart = posted;
                    }
                    pings.incrementAndGet();
                });
                LockSupport.parkNanos(PERIOD_NANOS);
            }
        }, "benchmark-fx-heartbeat");
        heartbeat.setDaemon(true);
    }

    static FxStallMeter start() {
        FxStallMeter meter = new FxStallMeter();
        meter.heartbeat.start();
        return meter;
    }

    /** The longest wait so far, in milliseconds. */
    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** When the longest stall began, in System.nanoTime. */
    long worstStart() {
        return worstStart;
    }

    long pings() {
        return pings.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            heartbeat.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
