package dev.coffer.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A profile whose credentials cannot work as it is written (a source_profile loop, a role without
 * keys to assume it). An SDK client exception, as a credentials provider must throw, whose message
 * Coffer wrote for the user: {@link AwsErrors} shows it as it is.
 */
public final class MisconfiguredProfileException extends SdkClientException {

    public MisconfiguredProfileException(String message) {
        super(SdkClientException.builder().message(message));
    }
}
