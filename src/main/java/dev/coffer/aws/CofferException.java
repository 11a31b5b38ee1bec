package dev.coffer.aws;

/**
 * A failure Coffer explains itself: its message is a sentence written for the user, never holding
 * a value. {@link AwsErrors#explain} shows it as it is, followed by the explanation of its cause
 * when it has one (for example the AWS error that stopped a copy part way).
 */
public abstract class CofferException extends RuntimeException {

    protected CofferException(String message) {
        super(message);
    }

    protected CofferException(String message, Throwable cause) {
        super(message, cause);
    }
}
