package dev.coffer.ui.kit;

import dev.coffer.aws.AwsErrors;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * A view model's background steps: its busy flag is set while a step runs and cleared when it
 * ends, and a step's error becomes the message the view model shows ({@link AwsErrors#explain}).
 */
public final class BusyWork {

    private final Background background;
    private final BooleanProperty busy;
    private final Consumer<String> message;

    /** @param message where the view model shows what went wrong */
    public BusyWork(Background background, BooleanProperty busy, Consumer<String> message) {
        this.background = background;
        this.busy = busy;
        this.message = message;
    }

    /** Runs {@code step} in the background; {@code done} gets its result on the UI thread. */
    public <T> void run(Callable<T> step, Consumer<T> done) {
        run(step, done, error -> message.accept(AwsErrors.explain(error).text()));
    }

    /** As {@link #run(Callable, Consumer)}, with the error handled by {@code failed} instead. */
    public <T> void run(Callable<T> step, Consumer<T> done, Consumer<Throwable> failed) {
        busy.set(true);
        background.run(step, result -> {
            busy.set(false);
            done.accept(result);
        }, error -> {
            busy.set(false);
            failed.accept(error);
        });
    }
}
