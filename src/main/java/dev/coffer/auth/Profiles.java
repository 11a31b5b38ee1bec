package dev.coffer.auth;

import dev.coffer.aws.AwsService;
import dev.coffer.aws.Endpoints;
import dev.coffer.aws.LocalFileException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the AWS config and credentials files, read by the SDK exactly as the AWS CLI
 * reads them (honouring AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE).
 */
public final class Profiles {

    private static final String SSO_SESSION = "sso_session";
    private static final String SERVICES = "services";
    private static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    private static final String IGNORE_ENDPOINTS_VARIABLE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    private static final Map<String, String> SDK_PROPERTIES = sdkProperties();

    /** The SDK's parse errors: "Profile definition must end with ']' on line 3". */
    private static final Pattern ON_LINE = Pattern.compile("^(.*?) on line (\\d+)$");

    private final ProfileFile file;
    private final Function<String, String> env;
    private final List<LocalFileException> unreadable;

    public Profiles(ProfileFile file, Function<String, String> env) {
        this(file, env, List.of());
    }

    private Profiles(ProfileFile file, Function<String, String> env, List<LocalFileException> unreadable) {
        this.file = file;
        this.env = env;
        this.unreadable = List.copyOf(unreadable);
    }

    /**
     * The user's own AWS files and environment. The SDK's system properties ({@code aws.profile},
     * {@code aws.endpointUrl}, {@code aws.endpointUrlSsm}…) stand in for their variables when
     * set, as they do for the SDK itself. A file that cannot be read or parsed is left out (its
     * profiles are unavailable) and named in {@link #unreadableFiles()}, so one bad file never
     * stops Coffer from starting.
     */
    public static Profiles fromEnvironment() {
        List<LocalFileException> unreadable = new ArrayList<>();
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        // In the SDK's own order: a value in the credentials file wins over the config file's.
        readInto(files, ProfileFileLocation.credentialsFileLocation(), ProfileFile.Type.CREDENTIALS, unreadable);
        readInto(files, ProfileFileLocation.configurationFileLocation(), ProfileFile.Type.CONFIGURATION, unreadable);
        return new Profiles(files.build(), name -> {
            String property = SDK_PROPERTIES.get(name);
            String value = property == null ? null : System.getProperty(property);
            return value != null && !value.isBlank() ? value : System.getenv(name);
        }, unreadable);
    }

    private static void readInto(ProfileFile.Aggregator files, Optional<Path> location, ProfileFile.Type type,
                                 List<LocalFileException> unreadable) {
        location.ifPresent(path -> {
            try {
                files.addFile(ProfileFile.builder().content(path).type(type).build());
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                unreadable.add(fileProblem(path, e));
                setAsideForTheSdk(path, type);
            }
        });
    }

    /**
     * The SDK builds every client's defaults from the AWS files at their standard places, whatever
     * profile file the client is given, and fails on a damaged one; so for the rest of this run it
     * is pointed at a path under that file, where nothing can exist, and reads nothing from it.
     */
    private static void setAsideForTheSdk(Path path, ProfileFile.Type type) {
        ProfileFileSystemSetting setting = type == ProfileFile.Type.CONFIGURATION
                ? ProfileFileSystemSetting.AWS_CONFIG_FILE : ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE;
        System.setProperty(setting.property(), path.resolve("unreadable").toString());
    }

    /** The SDK's parse error names the line but not the file; its I/O errors are said without their Java text. */
    private static LocalFileException fileProblem(Path path, RuntimeException e) {
        Matcher line = ON_LINE.matcher(String.valueOf(e.getMessage()));
        if (e instanceof UncheckedIOException || !line.matches()) {
            return new LocalFileException(path, 0, "it cannot be read as an AWS config or credentials file", e);
        }
        return new LocalFileException(path, Integer.parseInt(line.group(2)), line.group(1), e);
    }

    /** The AWS config or credentials files that could not be read: their profiles are unavailable. */
    public List<LocalFileException> unreadableFiles() {
        return unreadable;
    }

    /** The SDK for Java's system properties for the variables read here; the SDK takes them first. */
    private static Map<String, String> sdkProperties() {
        Map<String, String> names = new HashMap<>(Map.of(
                "AWS_PROFILE", ProfileFileSystemSetting.AWS_PROFILE.property(),
                ENDPOINT_VARIABLE, "aws.endpointUrl",
                IGNORE_ENDPOINTS_VARIABLE, "aws.ignoreConfiguredEndpointUrls"));
        for (AwsService service : AwsService.values()) {
            names.put(service.environmentVariable(), service.systemProperty());
        }
        return Map.copyOf(names);
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
     * Endpoints as the AWS CLI v2 picks them, service by service: AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
     * then AWS_ENDPOINT_URL, then the service's {@code endpoint_url} in the {@code services}
     * section the profile names, then the profile's own {@code endpoint_url}. None at all (AWS's
     * own endpoints) when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's
     * {@code ignore_configured_endpoint_urls} is true. Only this profile's settings count, never
     * the default profile's.
     *
     * @throws IllegalArgumentException naming the setting, when one is not an http(s) URL with a host
     */
    public Endpoints endpointsFor(String profile) {
        Map<AwsService, URI> found = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            configuredEndpoint(profile, service).ifPresent(e -> found.put(service, e.uri()));
        }
        return new Endpoints(found);
    }

    /** A configured endpoint and the setting it came from. */
    private record Configured(String url, String setting) {
        URI uri() {
            try {
                URI uri = new URI(url);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, without the text: an endpoint URL can carry a user name and password
            }
            throw new IllegalArgumentException(setting + " is not an http:// or https:// URL with a host, "
                    + "such as http://localhost:4566.");
        }
    }

    private Optional<Configured> configuredEndpoint(String profile, AwsService service) {
        Optional<Profile> own = file.profile(profile);
        if (isTrue(env.apply(IGNORE_ENDPOINTS_VARIABLE))
                || own.flatMap(p -> p.property(ProfileProperty.IGNORE_CONFIGURED_ENDPOINT_URLS)).filter(Profiles::isTrue).isPresent()) {
            return Optional.empty();
        }
        return variable(service.environmentVariable())
                .or(() -> variable(ENDPOINT_VARIABLE))
                .or(() -> own.flatMap(p -> inServicesSection(p, service)))
                .or(() -> own.flatMap(p -> p.property(ProfileProperty.ENDPOINT_URL)).filter(v -> !v.isBlank())
                        .map(v -> new Configured(v.trim(), "The endpoint_url of the profile '" + profile + "'")));
    }

    /** The service's endpoint_url in the profile's {@code [services NAME]} section (the SDK reads "ssm =\n  endpoint_url = …" as ssm.endpoint_url). */
    private Optional<Configured> inServicesSection(Profile profile, AwsService service) {
        Optional<String> name = profile.property(SERVICES);
        return name.flatMap(n -> file.getSection(SERVICES, n))
                .flatMap(section -> section.property(service.configKey() + "." + ProfileProperty.ENDPOINT_URL))
                .filter(v -> !v.isBlank())
                .map(v -> new Configured(v.trim(), "The " + service.configKey() + " endpoint_url of [services " + name.get()
                        + "] (used by the profile '" + profile.name() + "')"));
    }

    private Optional<Configured> variable(String name) {
        return Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank()).map(v -> new Configured(v.trim(), name));
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
        return new ProfileInfo(p.name(), kind, regionFor(p.name()), configuredEndpoint(p.name(), AwsService.SSM).map(Configured::url),
                p.property(SSO_SESSION),
                p.property(ProfileProperty.SSO_ACCOUNT_ID),
                p.property(ProfileProperty.SSO_ROLE_NAME));
    }
}
