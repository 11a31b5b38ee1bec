package dev.coffer.ui.kit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one app-wide executor for AWS calls. Work runs off the FX thread; its result or error comes
 * back on the FX thread. Daemon threads, so a hung call never keeps the app alive.
 */
public final class FxBackground implements Background {

    private final ExecutorService pool;

    public FxBackground() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "coffer-aws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void later(Runnable uiWork) {
        Platform.runLater(uiWork);
    }

    @Override
    public void after(Duration delay, Runnable uiWork) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> Platform.runLater(uiWork));
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
