package dev.coffer.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the AWS config and credentials files, read by the SDK exactly as the AWS CLI
 * reads them (honouring AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE).
 */
public final class Profiles {

    private static final String SSO_SESSION = "sso_session";

    private final ProfileFile file;
    private final Function<String, String> env;

    public Profiles(ProfileFile file, Function<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /**
     * The user's own AWS files and environment. The SDK's {@code aws.profile} system property
     * stands in for AWS_PROFILE when set, as it does for the SDK itself.
     */
    public static Profiles fromEnvironment() {
        return new Profiles(ProfileFile.defaultProfileFile(), name -> {
            if ("AWS_PROFILE".equals(name)) {
                String property = System.getProperty(ProfileFileSystemSetting.AWS_PROFILE.property());
                if (property != null && !property.isBlank()) {
                    return property;
                }
            }
            return System.getenv(name);
        });
    }

    public List<ProfileInfo> list() {
        List<ProfileInfo> result = new ArrayList<>();
        for (Profile p : file.profiles().values()) {
            result.add(describe(p));
        }
        result.sort(Comparator.comparing(ProfileInfo::name));
        return result;
    }

    public Optional<ProfileInfo> find(String name) {
        return file.profile(name).map(this::describe);
    }

    public boolean isEmpty() {
        return file.profiles().isEmpty();
    }

    /** AWS_PROFILE (from this instance's environment), else "default" when it exists. */
    public Optional<String> defaultProfileName() {
        String named = env.apply("AWS_PROFILE");
        if (named != null && !named.isBlank()) {
            return Optional.of(named.trim());
        }
        return file.profile("default").map(Profile::name);
    }

    /**
     * Region as the CLI picks it: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. An
     * SSO profile without a region falls back to its SSO region (from its sso-session, or from
     * the profile itself for a legacy SSO profile) so the connection screen has something to
     * start from; the CLI would ask for one.
     */
    public Optional<String> regionFor(String profile) {
        for (String var : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.apply(var);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return file.profile(profile).flatMap(p -> p.property(ProfileProperty.REGION))
                .or(() -> ssoSessionOf(profile).flatMap(s -> s.property(ProfileProperty.SSO_REGION)))
                .or(() -> file.profile(profile).flatMap(p -> p.property(ProfileProperty.SSO_REGION)));
    }

    /**
     * Endpoint as the CLI picks it: AWS_ENDPOINT_URL, then the profile's endpoint_url; none when
     * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's ignore_configured_endpoint_urls is true.
     * (Per-service endpoints, AWS_ENDPOINT_URL_SSM and `services` sections, are not read.)
     */
    public Optional<String> endpointFor(String profile) {
        if (isTrue(env.apply("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
                || file.profile(profile).flatMap(p -> p.property(ProfileProperty.IGNORE_CONFIGURED_ENDPOINT_URLS))
                        .filter(Profiles::isTrue).isPresent()) {
            return Optional.empty();
        }
        String value = env.apply("AWS_ENDPOINT_URL");
        if (value != null && !value.isBlank()) {
            return Optional.of(value.trim());
        }
        return file.profile(profile).flatMap(p -> p.property(ProfileProperty.ENDPOINT_URL)).map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    private static boolean isTrue(String value) {
        return value != null && value.trim().equalsIgnoreCase("true");
    }

    public ProfileFile file() {
        return file;
    }

    /** Any SSO setting makes the SDK treat a profile as SSO (and fail if the others are missing). */
    static boolean isSso(Map<String, String> props) {
        return props.containsKey(SSO_SESSION) || props.containsKey(ProfileProperty.SSO_START_URL)
                || props.containsKey(ProfileProperty.SSO_ACCOUNT_ID) || props.containsKey(ProfileProperty.SSO_ROLE_NAME)
                || props.containsKey(ProfileProperty.SSO_REGION);
    }

    private Optional<Profile> ssoSessionOf(String profile) {
        return file.profile(profile).flatMap(p -> p.property(SSO_SESSION))
                .flatMap(session -> file.getSection("sso-session", session));
    }

    /** The kind of credentials, checked in the order the SDK's profile provider checks them. */
    private ProfileInfo describe(Profile p) {
        Map<String, String> props = p.properties();
        ProfileInfo.Kind kind;
        if (props.containsKey(ProfileProperty.ROLE_ARN) && props.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
            kind = ProfileInfo.Kind.WEB_IDENTITY;
        } else if (isSso(props)) {
            kind = ProfileInfo.Kind.SSO;
        } else if (props.containsKey(ProfileProperty.ROLE_ARN)) {
            kind = ProfileInfo.Kind.ASSUME_ROLE;
        } else if (props.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) {
            kind = ProfileInfo.Kind.CREDENTIAL_PROCESS;
        } else if (props.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)) {
            kind = ProfileInfo.Kind.STATIC_KEYS;
        } else {
            kind = ProfileInfo.Kind.OTHER;
        }
        return new ProfileInfo(p.name(), kind, regionFor(p.name()), endpointFor(p.name()),
                p.property(SSO_SESSION),
                p.property(ProfileProperty.SSO_ACCOUNT_ID),
                p.property(ProfileProperty.SSO_ROLE_NAME));
    }
}
