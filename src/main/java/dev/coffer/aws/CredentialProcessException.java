package dev.coffer.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A profile's credential_process that gave no credentials: it did not answer in time, failed, or
 * answered with something other than credentials. An SDK client exception, as a credentials
 * provider must throw; its message, which Coffer wrote and which never quotes the process's
 * output, names the profile.
 */
public final class CredentialProcessException extends SdkClientException {

    public CredentialProcessException(String message) {
        super(SdkClientException.builder().message(message));
    }
}
