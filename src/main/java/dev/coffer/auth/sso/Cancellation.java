package dev.coffer.auth.sso;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets the user stop a sign-in at once: a wait in progress ends the moment {@link #cancel()} is called. */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits up to {@code time}; returns early when cancelled. */
    public void await(Duration time) throws InterruptedException {
        cancelled.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }
}
