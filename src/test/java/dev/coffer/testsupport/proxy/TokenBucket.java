package dev.coffer.testsupport.proxy;

/**
 * A token bucket as AWS meters API calls: it holds up to {@code burst} calls, refills at
 * {@code perSecond}, and a call that finds it empty is throttled.
 */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, int burst) {
        check(perSecond, burst);
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** Refuses a rate no bucket can have. */
    static void check(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate must be above 0 per second with a burst of at least 1, not "
                    + perSecond + "/s and " + burst);
        }
    }

    double perSecond() {
        return perSecond;
    }

    /** Takes one call's token; false when the bucket is empty (the call is throttled). */
    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
