package dev.coffer.aws;

/**
 * A write whose answer was lost (the connection reset or timed out after the request was sent,
 * or AWS answered with a server error) and whose outcome Coffer could not read back: the change
 * may or may not be saved. {@link AwsErrors} says so in words; the cause tells how the answer was lost.
 */
public final class WriteOutcomeUnknownException extends RuntimeException {

    private final String change;

    /** @param change what was being written, in words ("saving /app/url") */
    public WriteOutcomeUnknownException(String change, Throwable cause) {
        super("AWS's answer to " + change + " was lost, and Coffer could not confirm whether the change was made.", cause);
        this.change = change;
    }

    public String change() {
        return change;
    }
}
