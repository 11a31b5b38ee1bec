package dev.coffer.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** Opens a {@link Connection} into an {@link AwsSession}: resolves credentials and endpoint. */
public final class Sessions {

    /** Credentials that moto and the sandbox accept; they grant nothing anywhere else. */
    public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private Sessions() {
    }

    /**
     * A session for a profile. The SDK's profile provider handles static keys, assume-role,
     * credential_process and SSO (with a cached token) just as the AWS CLI does.
     */
    public static AwsSession forProfile(Connection connection, ProfileFile profiles, Optional<String> profileEndpoint) {
        AwsCredentialsProvider credentials = ProfileCredentialsProvider.builder()
                .profileFile(profiles)
                .profileName(connection.profile())
                .build();
        Optional<URI> endpoint = connection.endpoint().or(() -> profileEndpoint.map(URI::create));
        return new AwsSession(connection, credentials, endpoint);
    }

    /** A session against a local endpoint (the sandbox, moto or LocalStack) with local credentials. */
    public static AwsSession local(Connection connection, URI endpoint) {
        return new AwsSession(connection, LOCAL_CREDENTIALS, Optional.of(endpoint));
    }
}
