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
 *
 * <p>It is also the profiler that says why: while a ping is overdue by more than 16 ms, a sampler
 * thread records where the FX thread is (pulse phase or Coffer handler, innermost frames) and
 * what the renderer thread is doing, every 2 ms; {@link #stallProfile} gives the shares.
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
    /** Stall samples: the FX thread's pulse phase or handler, its innermost frames, and the renderer's; sampler thread only until close. */
    private final Map<String, Integer> phases = new HashMap<>();
    private final Map<String, Integer> innermost = new HashMap<>();
    private final Map<String, Integer> renderer = new HashMap<>();
    private int stallSamples;
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
            long rendererId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::getId).findFirst().orElse(-1);
            while (running) {
                long pending = oldestPending.get();
                if (fxThreadId > 0 && pending != 0 && System.nanoTime() - pending > SAMPLE_AFTER_NANOS) {
                    ThreadInfo fx = threads.getThreadInfo(fxThreadId, 256);
                    if (fx != null) {
                        stallSamples++;
                        StackTraceElement[] stack = fx.getStackTrace();
                        phases.merge(phase(stack), 1, Integer::sum);
                        innermost.merge(innermost(stack, 3), 1, Integer::sum);
                    }
                    ThreadInfo render = rendererId > 0 ? threads.getThreadInfo(rendererId, 64) : null;
                    if (render != null && render.getThreadState() == Thread.State.RUNNABLE) {
                        renderer.merge(innermost(render.getStackTrace(), 3), 1, Integer::sum);
                    }
                }
                LockSupport.parkNanos(SAMPLE_PERIOD_NANOS);
            }
        }, "benchmark-fx-stall-sampler");
        sampler.setDaemon(true);
    }

    /** JavaFX's pulse phases, outermost first: which part of a pulse the FX thread was in. */
    private static final List<String> PHASES = List.of("doCSSPass", "doLayoutPass", "synchronizeSceneNodes", "waitForRenderingToComplete",
            "runPulse");

    /** Where in a pulse the FX thread was, or which of Coffer's handlers it ran. */
    private static String phase(StackTraceElement[] stack) {
        for (String phase : PHASES) {
            if (java.util.Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals(phase))) {
                return "pulse: " + phase;
            }
        }
        for (int i = stack.length - 1; i >= 0; i--) {
            if (stack[i].getClassName().startsWith("dev.coffer.") && !stack[i].getClassName().contains(".benchmark.")) {
                return "handler: " + stack[i].getClassName().replace("dev.coffer.", "") + "." + stack[i].getMethodName();
            }
        }
        return stack.length == 0 ? "(no stack)" : "other: " + innermost(stack, 1);
    }

    private static String innermost(StackTraceElement[] stack, int frames) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(frames, stack.length); i++) {
            String cls = stack[i].getClassName();
            kept.add(cls.substring(cls.lastIndexOf('.') + 1) + "." + stack[i].getMethodName());
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

    /** The longest wait among pings posted in [{@code from}, {@code to}) (System.nanoTime), in milliseconds; read after close. */
    double maxMillisBetween(long from, long to) {
        long max = 0;
        for (int i = 0; i < recorded; i++) {
            if (postedAt[i] >= from && postedAt[i] < to) {
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

    /** Where the FX thread (and the renderer) were during stalls, commonest first, in shares of the samples; read after close. */
    Map<String, Object> stallProfile(int top) {
        Map<String, Object> profile = new java.util.LinkedHashMap<>();
        profile.put("samples", stallSamples);
        profile.put("sample_period_ms", SAMPLE_PERIOD_NANOS / 1e6);
        profile.put("fx_thread_by_phase", shares(phases, top));
        profile.put("fx_thread_innermost", shares(innermost, top));
        profile.put("renderer_innermost", shares(renderer, top));
        return profile;
    }

    private Map<String, String> shares(Map<String, Integer> counts, int top) {
        Map<String, String> shares = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> shares.put(e.getKey(), Math.round(100.0 * e.getValue() / Math.max(1, stallSamples)) + "%"));
        return shares;
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
