package dev.coffer.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place SDK clients are built. Every client of a session shares one HTTP connection pool
 * and gets the same region, credentials, timeouts and, for a read-only session, the
 * {@link ReadOnlyGuard}; each gets its service's endpoint from the session. Whoever opens the
 * session adds what else must watch every call (audit mode's reveal recorder, see
 * {@code audit.SessionClients}).
 *
 * <h2>Retries</h2>
 * Every call is retried by the SDK with the client's strategy: adaptive (throttling slows the
 * client down to the rate AWS allows, each pause has jitter), {@link RetrySettings#readAttempts}
 * attempts, for throttling, server errors, lost connections and timeouts. That is right for reads
 * and for writes that are idempotent (tags, resource policies, and the secret writes that carry a
 * ClientRequestToken: CreateSecret, PutSecretValue, UpdateSecret, RotateSecret). A write that is
 * not idempotent (PutParameter, LabelParameterVersion, UnlabelParameterVersion, DeleteParameters,
 * UpdateSecretVersionStage, DeleteSecret) carries {@link #writeOnce()}: it is retried only when AWS
 * certainly did not apply it ({@link AwsErrors#certainlyNotApplied}); after any other failure the
 * caller reads back what happened.
 */
public final class ClientFactory implements AutoCloseable {

    private final AwsSession session;
    private final RetrySettings retries;
    private final Throttles throttles = new Throttles();
    private final AwsRequestOverrideConfiguration writeOnce;
    private final List<ExecutionInterceptor> interceptors;
    private final ApiCallCounter calls = new ApiCallCounter();
    private volatile CallerIdentity identity;
    private SdkHttpClient http;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
    private final Optional<ProfileFile> sdkProfileFile;
    private final List<Function<ClientFactory, ExecutionInterceptor>> extra;
    private final Map<String, ClientFactory> otherRegions = new ConcurrentHashMap<>();

    /**
     * @param extra interceptors every client of the session gets after the read-only guard, made
     *              for this factory (an interceptor may ask the factory who the session is)
     */
    public ClientFactory(AwsSession session, List<Function<ClientFactory, ExecutionInterceptor>> extra) {
        this(session, RetrySettings.standard(), extra);
    }

    public ClientFactory(AwsSession session, RetrySettings retries, List<Function<ClientFactory, ExecutionInterceptor>> extra) {
        this.session = session;
        this.retries = retries;
        this.extra = List.copyOf(extra);
        RetryStrategy onlyWhenNotApplied = throttles.watch(DefaultRetryStrategy.standardStrategyBuilder()
                .retryOnException(AwsErrors::certainlyNotApplied)
                .treatAsThrottling(Throttles::isThrottling)
                .maxAttempts(retries.writeAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(retries.pause(), retries.longestPause()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retries.throttledPause(), retries.longestThrottledPause()))
                .circuitBreakerEnabled(false)
                .useClientDefaults(false)
                .build());
        this.writeOnce = AwsRequestOverrideConfiguration.builder()
                .addPlugin(config -> config.overrideConfiguration(c -> c.retryStrategy(onlyWhenNotApplied)))
                .build();
        this.sdkProfileFile = session.profileFile().map(file -> withoutConfiguredEndpoints(file, session.profile()));
        List<ExecutionInterceptor> list = new ArrayList<>();
        if (session.readOnly()) {
            // Installed here, not by the caller: no read-only session can be opened without it.
            list.add(new ReadOnlyGuard());
        }
        extra.forEach(make -> list.add(make.apply(this)));
        list.add(calls);
        if (session.credentials() instanceof RenewableCredentials renewable) {
            list.add(renewable.expiryWatcher());
        }
        this.interceptors = List.copyOf(list);
    }

    public AwsSession session() {
        return session;
    }

    /**
     * The request override of a write that is not idempotent: retried only when AWS certainly did
     * not apply it (throttled, HTTP 503, the connection never made), never after the request may
     * have reached AWS. Set it with {@code request.overrideConfiguration(clients.writeOnce())}.
     */
    public AwsRequestOverrideConfiguration writeOnce() {
        return writeOnce;
    }

    /** Throttling answers this session's clients got so far, every attempt counted. */
    public Throttles throttles() {
        return throttles;
    }

    public RetrySettings retrySettings() {
        return retries;
    }

    /** AWS calls sent through this factory's clients, by operation. */
    public ApiCallCounter calls() {
        return calls;
    }

    /** The interceptor of this type the factory was given, if any. */
    public <T extends ExecutionInterceptor> Optional<T> interceptor(Class<T> type) {
        return interceptors.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Who this session is (STS GetCallerIdentity, asked once). */
    public CallerIdentity identity() {
        CallerIdentity known = identity;
        if (known == null) {
            known = CallerIdentity.of(this);
            identity = known;
        }
        return known;
    }

    public SsmClient ssm() {
        return client(SsmClient.class, () -> configure(SsmClient.builder(), AwsService.SSM));
    }

    public SecretsManagerClient secretsManager() {
        return client(SecretsManagerClient.class, () -> configure(SecretsManagerClient.builder(), AwsService.SECRETS_MANAGER));
    }

    public KmsClient kms() {
        return client(KmsClient.class, () -> configure(KmsClient.builder(), AwsService.KMS));
    }

    public Ec2Client ec2() {
        return client(Ec2Client.class, () -> configure(Ec2Client.builder(), AwsService.EC2));
    }

    public LambdaClient lambda() {
        return client(LambdaClient.class, () -> configure(LambdaClient.builder(), AwsService.LAMBDA));
    }

    public CloudFormationClient cloudFormation() {
        return client(CloudFormationClient.class, () -> configure(CloudFormationClient.builder(), AwsService.CLOUDFORMATION));
    }

    public EcsClient ecs() {
        return client(EcsClient.class, () -> configure(EcsClient.builder(), AwsService.ECS));
    }

    public RdsClient rds() {
        return client(RdsClient.class, () -> configure(RdsClient.builder(), AwsService.RDS));
    }

    public RedshiftClient redshift() {
        return client(RedshiftClient.class, () -> configure(RedshiftClient.builder(), AwsService.REDSHIFT));
    }

    /**
     * The same session in another region (a secret's replica regions, their KMS keys): the same
     * credentials, endpoints, retries and interceptors, so a read-only session's clients there
     * refuse changes too and an audit session's still log every value read. Made once a region
     * and closed with this factory; this factory's own region gives this factory.
     */
    public ClientFactory inRegion(String region) {
        if (region.equals(session.region())) {
            return this;
        }
        synchronized (this) {
            return otherRegions.computeIfAbsent(region,
                    r -> new ClientFactory(session.with(session.connection().withRegion(r)), retries, extra));
        }
    }

    public StsClient sts() {
        return client(StsClient.class, () -> configure(StsClient.builder(), AwsService.STS));
    }

    /**
     * IAM Identity Center's sign-in service (SSO-OIDC) in the sso-session's region. Unsigned, as
     * the AWS CLI calls it; the SDK's aws.endpointUrlSsoOidc setting still applies. The caller closes it.
     */
    public static SsoOidcClient ssoOidc(String ssoRegion) {
        return SsoOidcClient.builder().region(Region.of(ssoRegion))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(unsignedConfiguration())
                .build();
    }

    /** The SSO portal (accounts, roles, role credentials), authenticated by the access token. The caller closes it. */
    public static SsoClient ssoPortal(String ssoRegion) {
        return SsoClient.builder().region(Region.of(ssoRegion))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(unsignedConfiguration())
                .build();
    }

    private static ClientOverrideConfiguration unsignedConfiguration() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(Duration.ofSeconds(30))
                .apiCallTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * The client of this type, made on first use under this factory's lock: making one takes the
     * lock anyway (the shared HTTP client), and {@link #close()} holds it while it clears the map,
     * so a map's computeIfAbsent here deadlocked with a close from another thread.
     */
    private <C extends SdkClient> C client(Class<C> type, Supplier<C> create) {
        SdkClient made = clients.get(type);
        if (made != null) {
            return type.cast(made);
        }
        synchronized (this) {
            made = clients.get(type);
            if (made == null) {
                made = create.get();
                clients.put(type, made);
            }
            return type.cast(made);
        }
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, AwsService service) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .executionInterceptors(interceptors)
                .retryStrategy(readStrategy())
                .apiCallAttemptTimeout(retries.attemptTimeout())
                .apiCallTimeout(retries.callTimeout());
        // Named, or the SDK would read its other settings (and endpoints) from the default profile.
        sdkProfileFile.ifPresent(file -> override.defaultProfileFile(file).defaultProfileName(session.profile()));
        builder.region(Region.of(session.region()))
                .credentialsProvider(session.credentials())
                .httpClient(http())
                .overrideConfiguration(override.build());
        session.endpoints().of(service).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * One client's strategy, so that throttling of one service does not slow another: the SDK's
     * adaptive strategy with AWS's retry conditions, more attempts, and Coffer's pauses.
     */
    private RetryStrategy readStrategy() {
        RetryStrategy.Builder<?, ?> adaptive = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder();
        adaptive.maxAttempts(retries.readAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(retries.pause(), retries.longestPause()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retries.throttledPause(), retries.longestThrottledPause()));
        return throttles.watch(adaptive.build());
    }

    /**
     * The session's profile file as the SDK's clients get it: with
     * {@code ignore_configured_endpoint_urls} set on the profile, because the session's endpoints
     * are already resolved (as the AWS CLI does, {@code Profiles.endpointsFor}) and set client by
     * client. The SDK must not resolve them a second time: a service the session sends to AWS
     * goes to AWS.
     */
    private static ProfileFile withoutConfiguredEndpoints(ProfileFile file, String profile) {
        String overlay = "[profile " + profile + "]\n" + ProfileProperty.IGNORE_CONFIGURED_ENDPOINT_URLS + " = true\n";
        return ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(new ByteArrayInputStream(overlay.getBytes(StandardCharsets.UTF_8)))
                        .type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(file) // the first file's value of a property wins
                .build();
    }

    /**
     * The shared connection pool, made with the first client. Making it (TLS set-up included) can
     * take a second in a fresh JVM; clients are made on background threads, so this never holds up
     * the window that opens a connection.
     */
    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = new AbortableHttpClient(ApacheHttpClient.builder()
                    .maxConnections(32)
                    .connectionTimeout(Duration.ofSeconds(5))
                    // Longer than an attempt: the attempt's own timeout always ends a slow answer, and says how long it waited.
                    .socketTimeout(retries.attemptTimeout().plusSeconds(5))
                    .build());
        }
        return http;
    }

    @Override
    public synchronized void close() {
        otherRegions.values().forEach(ClientFactory::close);
        otherRegions.clear();
        clients.values().forEach(SdkClient::close);
        clients.clear();
        if (http != null) {
            http.close();
        }
    }
}
