package dev.coffer.ui.kit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where screens send work that must not run on the UI thread (every AWS call), and how its result
 * comes back to the UI thread. The app uses {@link FxBackground}; tests of a view model run
 * everything on their own thread, without the FX toolkit.
 */
public interface Background {

    /** Runs {@code work} in the background and hands its result or error to the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs plain background work; it reports back through {@link #later} itself. */
    void execute(Runnable work);

    /** Runs {@code uiWork} on the UI thread, after what is already queued there. */
    void later(Runnable uiWork);

    /** Runs {@code uiWork} on the UI thread once {@code delay} has passed, e.g. once typing paused. */
    void after(Duration delay, Runnable uiWork);

    void shutdown();
}
