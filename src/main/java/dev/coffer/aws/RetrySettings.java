package dev.coffer.aws;

import java.time.Duration;

/**
 * How long Coffer waits for AWS and how often it tries again, for every client of a session.
 *
 * @param attemptTimeout  how long one attempt may wait for its answer
 * @param callTimeout     how long one call may take with all its attempts and pauses
 * @param readAttempts    attempts of a read (and of an idempotent write): throttling and lost answers are retried
 * @param writeAttempts   attempts of a write that is not idempotent: retried only when AWS certainly did not apply it
 * @param pause           the first pause before a retry after a failure that is not throttling (doubled, with jitter)
 * @param longestPause    the longest such pause
 * @param throttledPause  the first pause after AWS throttled a request (doubled, with jitter)
 * @param longestThrottledPause the longest pause after throttling
 */
public record RetrySettings(Duration attemptTimeout, Duration callTimeout, int readAttempts, int writeAttempts,
                            Duration pause, Duration longestPause, Duration throttledPause, Duration longestThrottledPause) {

    public RetrySettings {
        if (readAttempts < 1 || writeAttempts < 1) {
            throw new IllegalArgumentException("A call needs at least one attempt");
        }
    }

    /**
     * Coffer's settings: 30 s an attempt, 90 s a call, 10 attempts of a
     * read, 3 of a write; pauses of 100 ms to 2 s after errors and of 1 s to 20 s after
     * throttling, as the SDK's own throttling back-off.
     */
    public static RetrySettings standard() {
        return new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90), 10, 3,
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    /** The same settings with another attempt timeout (and a call timeout that leaves room for three attempts). */
    public RetrySettings withAttemptTimeout(Duration timeout) {
        Duration call = timeout.multipliedBy(3).compareTo(callTimeout) > 0 ? timeout.multipliedBy(3) : callTimeout;
        return new RetrySettings(timeout, call, readAttempts, writeAttempts, pause, longestPause, throttledPause, longestThrottledPause);
    }

    /** The same settings with shorter pauses after throttling (tests that throttle half the calls). */
    public RetrySettings withThrottledPauses(Duration first, Duration longest) {
        return new RetrySettings(attemptTimeout, callTimeout, readAttempts, writeAttempts, pause, longestPause, first, longest);
    }
}
