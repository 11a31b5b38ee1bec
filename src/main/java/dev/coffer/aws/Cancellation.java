package dev.coffer.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * What a Cancel button stops: work that runs {@link #run inside} it, on any thread. Cancelling
 * aborts the HTTP requests that work is waiting on (their connections are closed, so the thread
 * and the pooled connection are free at once, not after the call's timeout), stops the
 * credential_process it is waiting for, and interrupts its threads. Work started inside a
 * cancelled one fails at once.
 */
public final class Cancellation {

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final Set<Thread> threads = new HashSet<>();
    private final List<Runnable> aborts = new ArrayList<>();
    private boolean cancelled;

    /** What to undo once the awaited thing is over. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> pending;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            // Work that cancels itself (a view model run on one thread in tests) sees the flag instead.
            threads.stream().filter(t -> t != Thread.currentThread()).forEach(Thread::interrupt);
            pending = List.copyOf(aborts);
            aborts.clear();
        }
        pending.forEach(Runnable::run);
    }

    /** Runs {@code work} on this thread so that {@link #cancel()} stops what it waits for. */
    public <T> T run(Callable<T> work) throws Exception {
        Thread me = Thread.currentThread();
        Cancellation outer = CURRENT.get();
        synchronized (this) {
            threads.add(me);
        }
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            CURRENT.set(outer);
            synchronized (this) {
                threads.remove(me);
                if (cancelled) {
                    // The interrupt was meant for this work only; the pooled thread goes on to other work.
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * {@code work} to be run on another thread inside the cancellation this thread's work runs in
     * (when it runs in one), so that Cancel stops it too.
     */
    public static <T> Callable<T> carried(Callable<T> work) {
        Cancellation current = CURRENT.get();
        return current == null ? work : () -> current.run(work);
    }

    /**
     * Cancels {@code other} when the work on this thread is cancelled (at once if it already is),
     * until the registration is closed: for work that hands its own cancellation to threads of
     * its own (a where-used scan inside an audit report's run).
     */
    public static Registration cancelWithCurrent(Cancellation other) {
        return onCancel(other::cancel);
    }

    /** Whether the work on this thread runs inside a cancellation that was cancelled. */
    static boolean currentCancelled() {
        Cancellation current = CURRENT.get();
        return current != null && current.cancelled();
    }

    /**
     * Calls {@code abort} if the work on this thread is cancelled before the registration is
     * closed; at once when it already is. Outside any cancellation it is never called.
     */
    static Registration onCancel(Runnable abort) {
        Cancellation current = CURRENT.get();
        if (current == null) {
            return () -> { };
        }
        synchronized (current) {
            if (!current.cancelled) {
                current.aborts.add(abort);
                return () -> {
                    synchronized (current) {
                        current.aborts.remove(abort);
                    }
                };
            }
        }
        abort.run();
        return () -> { };
    }
}
