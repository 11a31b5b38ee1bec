package dev.coffer.testsupport;

import dev.coffer.ui.kit.Background;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link Background} for view-model tests that holds every piece of work until the test lets it
 * run, on the test's own thread: a test can act while a call is "in flight".
 */
public final class HeldBackground implements Background {

    private final Queue<Runnable> held = new ArrayDeque<>();
    private final SameThreadBackground now = new SameThreadBackground();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        held.add(() -> now.run(work, onSuccess, onError));
    }

    @Override
    public void execute(Runnable work) {
        held.add(work);
    }

    @Override
    public void later(Runnable uiWork) {
        uiWork.run();
    }

    /** Held like the rest: the test lets it run when the pause it waits for has passed. */
    @Override
    public void after(Duration delay, Runnable uiWork) {
        held.add(uiWork);
    }

    @Override
    public void shutdown() {
    }

    /** How many pieces of work wait. */
    public int waiting() {
        return held.size();
    }

    /** Runs what waits, and what that work hands on, until nothing is left. */
    public void runAll() {
        for (Runnable next = held.poll(); next != null; next = held.poll()) {
            next.run();
        }
    }

    /** Runs the oldest piece of work only. */
    public void runNext() {
        held.remove().run();
    }
}
