package dev.coffer.aws;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sends a write that is not idempotent (its request carries {@link ClientFactory#writeOnce()}, so
 * the SDK retries it only when AWS certainly did not apply it) and, when its answer is lost,
 * reads back whether it took effect instead of sending it blindly again.
 */
public final class ReadBack {

    /** How often a write is sent in all when reading back shows each time that AWS did not apply it. */
    public static final int ROUNDS = 3;

    private ReadBack() {
    }

    /**
     * @param change      what is written, in words ("labelling version 3 of /app/url")
     * @param send        sends the write and returns its result
     * @param applied     reads back whether the write took effect
     * @param whenApplied the result when reading back showed the write took effect
     * @throws WriteOutcomeUnknownException when reading back fails too
     */
    public static <R> R send(String change, Supplier<R> send, BooleanSupplier applied, R whenApplied) {
        RuntimeException notApplied = null;
        for (int round = 0; round < ROUNDS; round++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (!AwsErrors.outcomeUnknown(e)) {
                    throw e;
                }
                boolean done;
                try {
                    done = applied.getAsBoolean();
                } catch (RuntimeException readFailure) {
                    WriteOutcomeUnknownException unknown = new WriteOutcomeUnknownException(change, e);
                    unknown.addSuppressed(readFailure);
                    throw unknown;
                }
                if (done) {
                    return whenApplied;
                }
                notApplied = e;
            }
        }
        throw notApplied;
    }
}
