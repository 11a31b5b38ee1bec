package dev.coffer.aws;

import java.net.URI;
import java.util.Optional;

/**
 * What the user chose to connect to: a profile (or the local sandbox), a region, an optional
 * custom endpoint and whether the session may change anything. Holds no credentials, so it can
 * be remembered as a recent connection.
 */
public record Connection(String profile, String region, Optional<URI> endpoint, boolean readOnly, boolean sandbox) {

    public static final String SANDBOX_NAME = "Local sandbox";

    public Connection {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
    }

    public static Connection sandbox(boolean readOnly) {
        return new Connection(SANDBOX_NAME, "us-east-1", Optional.empty(), readOnly, true);
    }

    public static Connection profile(String profile, String region, URI endpoint, boolean readOnly) {
        return new Connection(profile, region, Optional.ofNullable(endpoint), readOnly, false);
    }

    /** A custom endpoint (LocalStack, moto) reached with local test credentials rather than a profile. */
    public static Connection endpoint(URI endpoint, String region, boolean readOnly) {
        return new Connection("", region, Optional.of(endpoint), readOnly, false);
    }

    public boolean usesLocalCredentials() {
        return sandbox || profile.isEmpty();
    }

    public Connection withRegion(String newRegion) {
        return new Connection(profile, newRegion, endpoint, readOnly, sandbox);
    }

    public Connection withReadOnly(boolean ro) {
        return new Connection(profile, region, endpoint, ro, sandbox);
    }

    /** Short label such as "prod-admin · eu-west-1". */
    public String label() {
        String who = profile.isEmpty() ? endpoint.map(Connection::hostAndPort).orElse("endpoint") : profile;
        return who + " · " + region;
    }

    /** "localhost:4566", as labels name an endpoint. */
    static String hostAndPort(URI endpoint) {
        return endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
    }
}
