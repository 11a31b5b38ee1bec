package dev.coffer.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * An opened connection: everything the client factory needs to build SDK clients.
 * The credentials provider resolves (and refreshes) credentials lazily; nothing here is a secret
 * by itself.
 */
public record AwsSession(Connection connection, AwsCredentialsProvider credentials, Optional<URI> endpoint) {

    public String region() {
        return connection.region();
    }

    public boolean readOnly() {
        return connection.readOnly();
    }

    public String profile() {
        return connection.profile();
    }

    /** The same session in audit mode: its clients refuse every change and log every value read. */
    public AwsSession asReadOnly() {
        return readOnly() ? this : new AwsSession(connection.withReadOnly(true), credentials, endpoint);
    }
}
