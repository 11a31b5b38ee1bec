package dev.coffer.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/** Thrown by {@link ReadOnlyGuard} instead of sending an operation that could change AWS. */
public final class ReadOnlyRefusedException extends SdkClientException {

    private final String operation;

    private ReadOnlyRefusedException(Builder builder, String operation) {
        super(builder);
        this.operation = operation;
    }

    static ReadOnlyRefusedException refuse(String service, String operation) {
        Builder builder = SdkClientException.builder()
                .message("Read-only mode: " + service + " " + operation + " was not sent to AWS.");
        return new ReadOnlyRefusedException(builder, operation);
    }

    public String operation() {
        return operation;
    }
}
