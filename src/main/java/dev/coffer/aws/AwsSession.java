package dev.coffer.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * An opened connection: everything the client factory needs to build SDK clients.
 * The credentials provider resolves (and refreshes) credentials lazily; nothing here is a secret
 * by itself.
 *
 * @param endpoints   where each service's calls go, resolved once for the connection
 * @param profileFile the AWS config the connection's profile comes from, for the SDK's other
 *                    settings of that profile; empty for local sessions (sandbox, custom endpoint)
 */
public record AwsSession(Connection connection, AwsCredentialsProvider credentials, Endpoints endpoints,
                         Optional<ProfileFile> profileFile) {

    public String region() {
        return connection.region();
    }

    public boolean readOnly() {
        return connection.readOnly();
    }

    public String profile() {
        return connection.profile();
    }

    /** The connection's endpoint as Coffer names it: Parameter Store's; empty for AWS's own. */
    public Optional<URI> endpoint() {
        return endpoints.of(AwsService.SSM);
    }

    /**
     * How windows and reports name the connection: the connection's label, and for a profile
     * whose calls go elsewhere than AWS, that endpoint ("dev · us-east-1 · localhost:4566").
     */
    public String label() {
        if (connection.usesLocalCredentials() || endpoint().isEmpty()) {
            return connection.label();
        }
        return connection.label() + " · " + Connection.hostAndPort(endpoint().get());
    }

    /** The same credentials and endpoints for another region or mode of the connection. */
    public AwsSession with(Connection changed) {
        return new AwsSession(changed, credentials, endpoints, profileFile);
    }

    /** The same session in audit mode: its clients refuse every change and log every value read. */
    public AwsSession asReadOnly() {
        return readOnly() ? this : with(connection.withReadOnly(true));
    }
}
