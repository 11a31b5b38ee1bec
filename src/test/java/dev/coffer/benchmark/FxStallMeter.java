package dev.coffer.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Every ping (when posted, how late it ran), written by the FX thread only; read after close. */
    private long[] postedAt = new long[1 << 16];
    private long[] lateness = new long[1 << 16];
    private int recorded;
    private volatile boolean running = true;
    private final Thread heartbeat;

    private static final long SAMPLE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    private static final long SAMPLE_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Posting time of the oldest ping not yet run, or 0. */
    private final AtomicLong oldestPending = new AtomicLong();
    private volatile long fxThreadId = -1;
    /** Stall samples by the FX thread's innermost application frames; sampler thread only until close. */
    private final Map<String, Integer> samples = new HashMap<>();
    private final Thread sampler;

    private FxStallMeter() {
        heartbeat = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                oldestPending.compareAndSet(0, posted);
                Platform.runLater(() -> record(posted, System.nanoTime() - posted));
                LockSupport.parkNanos(PERIOD_NANOS);
            }
        }, "benchmark-fx-heartbeat");
        heartbeat.setDaemon(true);
        sampler = new Thread(() -> {
            while (running) {
                long pending = oldestPending.get();
                if (fxThreadId > 0 && pending != 0 && System.nanoTime() - pending > SAMPLE_AFTER_NANOS) {
                    ThreadInfo info = threads.getThreadInfo(fxThreadId, 64);
                    if (info != null) {
                        samples.merge(frames(info.getStackTrace()), 1, Integer::sum);
                    }
                }
                LockSupport.parkNanos(SAMPLE_PERIOD_NANOS);
            }
        }, "benchmark-fx-stall-sampler");
        sampler.setDaemon(true);
    }

    /** JavaFX's pulse phases, outermost first: which part of a pulse the FX thread was in. */
    private static final List<String> PHASES = List.of("doCSSPass", "doLayoutPass", "synchronizeSceneNodes", "runPulse");

    /**
     * A stack in a few words: the innermost frame, the pulse phase if any, and the innermost
     * frame of Coffer's own code if any. What was busy, and for whom.
     */
    private static String frames(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "(no stack)";
        }
        List<String> kept = new ArrayList<>();
        kept.add(stack[0].getClassName() + "." + stack[0].getMethodName());
        for (String phase : PHASES) {
            if (java.util.Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals(phase))) {
                kept.add("pulse " + phase);
                break;
            }
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.coffer.")) {
                kept.add(frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber());
                break;
            }
        }
        return String.join(" < ", kept);
    }

    private void record(long when, long late) {
        fxThreadId = Thread.currentThread().getId();
        oldestPending.compareAndSet(when, 0);
        if (late > maxNanos.get()) {
            maxNanos.set(late);
            worstStart = when;
        }
        pings.incrementAndGet();
        if (recorded == postedAt.length) {
            postedAt = java.util.Arrays.copyOf(postedAt, recorded * 2);
            lateness = java.util.Arrays.copyOf(lateness, recorded * 2);
        }
        postedAt[recorded] = when;
        lateness[recorded++] = late;
    }

    /** The longest wait among pings posted at or after {@code since} (System.nanoTime), in milliseconds. */
    double maxMillisSince(long since) {
        long max = 0;
        for (int i = 0; i < recorded; i++) {
            if (postedAt[i] >= since) {
                max = Math.max(max, lateness[i]);
            }
        }
        return max / 1e6;
    }

    static FxStallMeter start() {
        FxStallMeter meter = new FxStallMeter();
        meter.heartbeat.start();
        meter.sampler.start();
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

    /** The FX thread's commonest stacks during stalls, with their share of the samples; read after close. */
    Map<String, Object> stallProfile(int top) {
        int total = samples.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> profile = new java.util.LinkedHashMap<>();
        profile.put("samples", total);
        profile.put("sample_period_ms", SAMPLE_PERIOD_NANOS / 1e6);
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> profile.put(e.getValue() + " (" + Math.round(100.0 * e.getValue() / total) + "%)", e.getKey()));
        return profile;
    }

    long pings() {
        return pings.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            heartbeat.join(1000);
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
