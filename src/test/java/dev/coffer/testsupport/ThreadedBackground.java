package dev.coffer.testsupport;

import dev.coffer.ui.kit.Background;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link Background} for view-model tests that must act while a call really runs (Cancel):
 * work runs on a pool of its own, as in the app, and UI work on one thread standing in for the FX
 * thread, without the FX toolkit. The test reads and drives the view model through {@link #onUi}.
 */
public final class ThreadedBackground implements Background {

    private final ThreadPoolExecutor pool;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> daemon(r, "test-ui"));

    public ThreadedBackground() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "test-background-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                ui.execute(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void later(Runnable uiWork) {
        ui.execute(uiWork);
    }

    @Override
    public void after(Duration delay, Runnable uiWork) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> ui.execute(uiWork));
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        ui.shutdownNow();
    }

    /** Runs {@code uiWork} on the UI thread and returns its result. */
    public <T> T onUi(Callable<T> uiWork) {
        try {
            return ui.submit(uiWork).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code uiWork} on the UI thread and waits for it. */
    public void onUi(Runnable uiWork) {
        onUi(() -> {
            uiWork.run();
            return null;
        });
    }

    /** Whether no background work runs: every thread of the pool is back, none waits in a call. */
    public boolean idle() {
        return pool.getActiveCount() == 0;
    }
}
