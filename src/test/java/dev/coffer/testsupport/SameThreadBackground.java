package dev.coffer.testsupport;

import dev.coffer.ui.kit.Background;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link Background} for view-model tests: work and its result run at once on the test's own
 * thread, so a test needs neither the FX toolkit nor waiting.
 */
public final class SameThreadBackground implements Background {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void execute(Runnable work) {
        work.run();
    }

    @Override
    public void later(Runnable uiWork) {
        uiWork.run();
    }

    /** At once: a test does not wait for a pause in typing. */
    @Override
    public void after(Duration delay, Runnable uiWork) {
        uiWork.run();
    }

    @Override
    public void shutdown() {
    }
}
