package dev.coffer.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/** Opens a {@link Connection} into an {@link AwsSession}: resolves credentials and endpoint. */
public final class Sessions {

    /** Credentials that moto and the sandbox accept; they grant nothing anywhere else. */
    public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private Sessions() {
    }

    /**
     * A session for a profile. The SDK's profile provider handles static keys, web identity and
     * SSO (with a cached token) just as the AWS CLI does; credential_process runs in
     * {@link ProcessCredentials}, which does not wait for it without end.
     *
     * <p>Assume-role profiles with a {@code source_profile} are resolved here instead: the SDK's
     * own provider builds its STS client from the default profile file and region chain, so it
     * would ignore this connection's region and endpoints (AssumeRole for a LocalStack or moto
     * profile would go to the real STS). Here STS is called in the connection's region, at the
     * session's STS endpoint, with the source profile's credentials (which may themselves come
     * from a role, SSO or a process).
     *
     * @param configured the profile's endpoints as the AWS CLI resolves them ({@code Profiles.endpointsFor});
     *                   an endpoint chosen for the connection replaces them all
     */
    public static AwsSession forProfile(Connection connection, ProfileFile profiles, Endpoints configured) {
        Endpoints endpoints = connection.endpoint().map(Endpoints::everywhere).orElse(configured);
        // Renewable, so that signing in again (SSO) takes effect in every client of this session.
        AwsCredentialsProvider credentials = new RenewableCredentials(() -> credentialsFor(profiles, connection.profile(),
                connection, endpoints, new ArrayList<>()));
        return new AwsSession(connection, credentials, endpoints, Optional.of(profiles));
    }

    /** A session against a local endpoint (the sandbox, moto or LocalStack) with local credentials. */
    public static AwsSession local(Connection connection, URI endpoint) {
        return new AwsSession(connection, LOCAL_CREDENTIALS, Endpoints.everywhere(endpoint), Optional.empty());
    }

    /** Credentials of profile {@code name}, a step of the source_profile chain of the profile {@code opened}. */
    private static AwsCredentialsProvider credentialsFor(ProfileFile file, String name, Connection opened, Endpoints endpoints,
                                                        List<String> chain) {
        Optional<Profile> profile = file.profile(name);
        if (profile.isPresent() && usesProcess(profile.get().properties())) {
            return new ProcessCredentials(name, profile.get().properties().get(ProfileProperty.CREDENTIAL_PROCESS));
        }
        if (profile.isEmpty() || !isRoleWithSourceProfile(profile.get().properties())) {
            return ProfileCredentialsProvider.builder().profileFile(file).profileName(name).build();
        }
        Map<String, String> props = profile.get().properties();
        if (chain.contains(name)) {
            chain.add(name);
            return failing("The profiles " + String.join(" → ", chain) + " name each other as source_profile; "
                    + "fix the loop in your AWS config file.");
        }
        chain.add(name);
        String source = props.get(ProfileProperty.SOURCE_PROFILE);
        AwsCredentialsProvider sourceCredentials = source.equals(name)
                ? ownKeys(profile.get())
                : credentialsFor(file, source, opened, endpoints, chain);

        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(props.get(ProfileProperty.ROLE_ARN))
                .roleSessionName(Optional.ofNullable(props.get(ProfileProperty.ROLE_SESSION_NAME))
                        .orElse("coffer-" + System.currentTimeMillis()));
        Optional.ofNullable(props.get(ProfileProperty.EXTERNAL_ID)).ifPresent(request::externalId);
        String duration = props.get(ProfileProperty.DURATION_SECONDS);
        if (duration != null) {
            try {
                request.durationSeconds(Integer.valueOf(duration.trim()));
            } catch (NumberFormatException e) {
                return failing("The profile '" + name + "' has duration_seconds = " + duration.trim() + ", which is not a number of seconds.");
            }
        }
        // STS through the one client factory (retry mode, timeouts, the opened profile's STS
        // endpoint, as the CLI), signed with the source credentials. Not read-only: AssumeRole
        // changes nothing, but is not a read either.
        ClientFactory sts = new ClientFactory(new AwsSession(opened.withReadOnly(false), sourceCredentials, endpoints, Optional.of(file)), List.of());
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.sts())
                .refreshRequest(request.build())
                .build();
    }

    /**
     * role_arn + source_profile, not web identity or SSO (those the SDK takes first), and not
     * credential_source (EC2/ECS/environment sources, left to the SDK).
     */
    private static boolean isRoleWithSourceProfile(Map<String, String> props) {
        return props.containsKey(ProfileProperty.ROLE_ARN)
                && props.containsKey(ProfileProperty.SOURCE_PROFILE)
                && !props.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)
                && !props.containsKey(ProfileProperty.CREDENTIAL_SOURCE)
                && !props.containsKey("sso_session") && !props.containsKey(ProfileProperty.SSO_START_URL)
                && !props.containsKey(ProfileProperty.SSO_ACCOUNT_ID) && !props.containsKey(ProfileProperty.SSO_ROLE_NAME)
                && !props.containsKey(ProfileProperty.SSO_REGION);
    }

    /**
     * Credentials from credential_process, where the SDK would take them from it: no role, no
     * IAM Identity Center and no keys of its own, which the SDK takes first.
     */
    private static boolean usesProcess(Map<String, String> props) {
        return props.containsKey(ProfileProperty.CREDENTIAL_PROCESS)
                && !props.containsKey(ProfileProperty.ROLE_ARN)
                && !props.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)
                && !props.containsKey("sso_session") && !props.containsKey(ProfileProperty.SSO_START_URL)
                && !props.containsKey(ProfileProperty.SSO_ACCOUNT_ID) && !props.containsKey(ProfileProperty.SSO_ROLE_NAME);
    }

    /** A profile that is its own source_profile assumes its role with the keys it holds. */
    private static AwsCredentialsProvider ownKeys(Profile profile) {
        Optional<String> id = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID);
        Optional<String> secret = profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY);
        if (id.isEmpty() || secret.isEmpty()) {
            return failing("The profile '" + profile.name() + "' is its own source_profile but holds no access keys.");
        }
        Optional<String> token = profile.property(ProfileProperty.AWS_SESSION_TOKEN);
        AwsCredentials credentials = token.<AwsCredentials>map(t -> AwsSessionCredentials.create(id.get(), secret.get(), t))
                .orElseGet(() -> AwsBasicCredentials.create(id.get(), secret.get()));
        return StaticCredentialsProvider.create(credentials);
    }

    /** A provider that reports a configuration problem when credentials are first needed, as the SDK's does. */
    private static AwsCredentialsProvider failing(String message) {
        return () -> {
            throw new MisconfiguredProfileException(message);
        };
    }
}
