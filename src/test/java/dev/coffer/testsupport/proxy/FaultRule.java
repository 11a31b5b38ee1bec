package dev.coffer.testsupport.proxy;

import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * When the proxy injects a {@link Fault}: on which operations (all when none are named), and either
 * on the next {@code N} matching calls or on each matching call with a probability drawn from a
 * seeded {@link Random}, so a run can be repeated exactly. Immutable; hand it to
 * {@link AwsProxy#inject(FaultRule)}.
 *
 * <pre>{@code
 * FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter").times(1)
 * FaultRule.of(Fault.THROTTLING).on("DescribeParameters", "ListSecrets").rate(0.5).seed(7)
 * FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(31)).on("GetParameter").times(1)
 * }</pre>
 *
 * @param times the next N matching calls; 0 means no count (the rate decides)
 * @param rate  the chance that a matching call gets the fault, 0 to 1 (1 with no count: every call)
 * @param after how many matching calls pass untouched before the rule applies (a listing's first pages)
 */
public record FaultRule(Fault fault, Set<String> operations, int times, double rate, long seed, Duration delay, int after) {

    public FaultRule {
        operations = Set.copyOf(operations);
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 (no count) or more, not " + times);
        }
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
        }
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative, not " + after);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /** The fault on every call of every operation, until narrowed; a slow answer waits 5 s unless told. */
    public static FaultRule of(Fault fault) {
        return new FaultRule(fault, Set.of(), 0, 1, 1, Duration.ofSeconds(5), 0);
    }

    /** Only these operations, as named in X-Amz-Target or Action= (PutParameter, ListSecrets, GetCallerIdentity). */
    public FaultRule on(String... names) {
        return new FaultRule(fault, Set.of(names), times, rate, seed, delay, after);
    }

    /** Only the next {@code n} matching calls. */
    public FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + n);
        }
        return new FaultRule(fault, operations, n, 1, seed, delay, after);
    }

    /** Each matching call with this chance (0 to 1). */
    public FaultRule rate(double chance) {
        return new FaultRule(fault, operations, 0, chance, seed, delay, after);
    }

    /** The seed of the rate's random draws (1 unless told). */
    public FaultRule seed(long value) {
        return new FaultRule(fault, operations, times, rate, value, delay, after);
    }

    /** How long a {@link Fault#SLOW_ANSWER} holds the answer back. */
    public FaultRule delay(Duration value) {
        return new FaultRule(fault, operations, times, rate, seed, value, after);
    }

    /** Lets the first {@code n} matching calls through untouched (a listing's first pages), then applies. */
    public FaultRule after(int n) {
        return new FaultRule(fault, operations, times, rate, seed, delay, n);
    }

    boolean matches(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }
}
