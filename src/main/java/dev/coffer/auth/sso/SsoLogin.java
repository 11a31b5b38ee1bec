package dev.coffer.auth.sso;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ServiceText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Signs in to IAM Identity Center as {@code aws sso login} does, with the OAuth device flow of
 * SSO-OIDC, and keeps the result in the AWS CLI's token cache. Used by the sign-in dialog and by the
 * headless {@code coffer login} alike.
 *
 * <ol>
 *   <li>RegisterClient, unless a registration the CLI or Coffer cached is still valid;</li>
 *   <li>StartDeviceAuthorization: the user code and verification page to show;</li>
 *   <li>CreateToken, polled every {@code interval} seconds: {@code authorization_pending} waits,
 *       {@code slow_down} adds 5 seconds to the interval (RFC 8628), {@code expired_token} and
 *       {@code access_denied} end the sign-in, and Cancel ends it at once;</li>
 *   <li>the token is written to the cache in the CLI's format.</li>
 * </ol>
 */
public final class SsoLogin {

    /** How polling waits; tests pass one that only records the waits. */
    public interface Pause {
        void pause(Duration time, Cancellation cancellation) throws InterruptedException;
    }

    /** A token is used only while it has this long left; otherwise it is refreshed first (the SDK uses 5 minutes too). */
    static final Duration MIN_VALIDITY = Duration.ofMinutes(5);
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    static final String CLIENT_NAME = "coffer";
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_TOKEN_GRANT = "refresh_token";
    /** How URI.getHost() spells this computer; an IPv6 literal keeps its brackets. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final SsoConfig config;
    private final TokenCache cache;
    private final Supplier<SsoOidcClient> oidc;
    private final Clock clock;
    private final Pause pause;

    public SsoLogin(SsoConfig config, TokenCache cache, Supplier<SsoOidcClient> oidc, Clock clock, Pause pause) {
        this.config = config;
        this.cache = cache;
        this.oidc = oidc;
        this.clock = clock;
        this.pause = pause;
    }

    /** Against the real IAM Identity Center (or whatever aws.endpointUrlSsoOidc names), with the user's token cache. */
    public static SsoLogin standard(SsoConfig config) {
        return new SsoLogin(config, TokenCache.standard(), () -> ClientFactory.ssoOidc(config.region()), Clock.systemUTC(),
                (time, cancellation) -> cancellation.await(time));
    }

    public SsoConfig config() {
        return config;
    }

    /**
     * A cached token good for at least a few minutes, refreshed with its refresh token first when it
     * is about to expire (sso-session profiles; legacy ones have no refresh token). Empty when the
     * user must sign in.
     */
    public Optional<CachedToken> usableToken() {
        return cachedSignIn().token();
    }

    /** As {@link #usableToken()}, and when there is none, why: nothing cached, expired, or the refresh refused. */
    public CachedSignIn cachedSignIn() {
        Optional<CachedToken> cached = cache.read(config.cacheKey());
        Instant now = clock.instant();
        if (cached.isEmpty() || !cached.get().startUrl().equals(config.startUrl())) {
            return CachedSignIn.none(CachedSignIn.State.NOT_SIGNED_IN, "there is no cached sign-in for " + config.source());
        }
        CachedToken old = cached.get();
        if (old.validFor(MIN_VALIDITY, now)) {
            return CachedSignIn.signedIn(old);
        }
        String expiry = "its sign-in (" + config.source() + ") " + (old.expiresAt().isAfter(now)
                ? "expires at " + old.expiresAt() + ", in less than " + MIN_VALIDITY.toMinutes() + " minutes"
                : "expired at " + old.expiresAt());
        if (config.sessionName().isEmpty() || !old.refreshable(now)) {
            return CachedSignIn.none(CachedSignIn.State.EXPIRED, expiry);
        }
        try (SsoOidcClient client = oidc.get()) {
            CreateTokenResponse answer = client.createToken(b -> b.grantType(REFRESH_TOKEN_GRANT)
                    .clientId(old.clientId().orElseThrow()).clientSecret(old.clientSecret().orElseThrow())
                    .refreshToken(old.refreshToken().orElseThrow()));
            CachedToken refreshed = new CachedToken(old.startUrl(), old.region(), answer.accessToken(),
                    clock.instant().plusSeconds(answer.expiresIn()), old.clientId(), old.clientSecret(),
                    old.registrationExpiresAt(), Optional.ofNullable(answer.refreshToken()).or(old::refreshToken));
            cache.write(config.cacheKey(), refreshed);
            return CachedSignIn.signedIn(refreshed);
        } catch (SsoOidcException e) {
            // invalid_grant and the like: the session ended; only a new sign-in helps.
            return CachedSignIn.none(CachedSignIn.State.REFRESH_REFUSED,
                    expiry + ", and IAM Identity Center refused to refresh it (" + refusal(e) + ")");
        }
    }

    /** The service's error code, and its description when it sent one. */
    private static String refusal(SsoOidcException e) {
        String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
        String description = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return ServiceText.printable(description == null || description.isBlank() ? code : code + ": " + description);
    }

    /** Registers (or reuses a registration) and starts a device authorization: what to show the user. */
    public DeviceCode start() {
        try (SsoOidcClient client = oidc.get()) {
            ClientRegistration registration = registration(client, false);
            StartDeviceAuthorizationResponse answer;
            try {
                answer = startDeviceAuthorization(client, registration);
            } catch (InvalidClientException e) {
                // A cached registration the service no longer knows (revoked, or from another directory): register anew.
                registration = registration(client, true);
                answer = startDeviceAuthorization(client, registration);
            }
            int interval = answer.interval() == null || answer.interval() <= 0 ? 5 : answer.interval();
            String page = safePage(answer.verificationUri());
            String pageWithCode = answer.verificationUriComplete() == null ? page : safePage(answer.verificationUriComplete());
            return new DeviceCode(ServiceText.printable(answer.userCode()), page, pageWithCode,
                    clock.instant().plusSeconds(answer.expiresIn()), Duration.ofSeconds(interval), answer.deviceCode(),
                    registration);
        }
    }

    /**
     * Polls until the user approved the code, then caches the token.
     *
     * @throws SsoLoginException when the user denied, the code expired or the sign-in was cancelled
     */
    public CachedToken complete(DeviceCode code, Cancellation cancellation) {
        Duration interval = code.interval();
        try (SsoOidcClient client = oidc.get()) {
            while (true) {
                if (cancellation.isCancelled()) {
                    throw new SsoLoginException(SsoLoginException.Reason.CANCELLED, "Sign-in cancelled.");
                }
                if (clock.instant().isAfter(code.expiresAt())) {
                    throw expired();
                }
                try {
                    CreateTokenResponse answer = client.createToken(b -> b.grantType(DEVICE_CODE_GRANT)
                            .clientId(code.registration().clientId()).clientSecret(code.registration().clientSecret())
                            .deviceCode(code.deviceCode()));
                    return store(code.registration(), answer);
                } catch (AuthorizationPendingException e) {
                    // The user has not approved yet: ask again after the interval.
                } catch (SlowDownException e) {
                    interval = interval.plus(SLOW_DOWN_STEP);
                } catch (ExpiredTokenException e) {
                    throw expired();
                } catch (AccessDeniedException e) {
                    throw new SsoLoginException(SsoLoginException.Reason.DENIED,
                            "The sign-in was denied on the verification page. Sign in again and choose Allow.");
                }
                try {
                    pause.pause(interval, cancellation);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SsoLoginException(SsoLoginException.Reason.CANCELLED, "Sign-in cancelled.");
                }
            }
        }
    }

    /** The whole sign-in: {@code show} gets the code to display (or print) before polling starts. */
    public CachedToken signIn(Consumer<DeviceCode> show, Cancellation cancellation) {
        DeviceCode code = start();
        show.accept(code);
        return complete(code, cancellation);
    }

    private static SsoLoginException expired() {
        return new SsoLoginException(SsoLoginException.Reason.CODE_EXPIRED,
                "The sign-in code expired before it was approved. Sign in again to get a new code.");
    }

    /**
     * The verification page as the service sent it, when it is safe to open in a browser and to
     * print: https:// with a host, or plain http:// on this computer (a local stand-in). Anything
     * else (javascript:, file:, another scheme, http:// across the network, control characters)
     * could run or phish instead of signing in, so the sign-in stops before the page is shown.
     */
    private String safePage(String page) {
        URI uri;
        try {
            uri = page == null ? null : new URI(page);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && !host.isEmpty() || scheme.equals("http") && LOOPBACK_HOSTS.contains(host)) {
            return page;
        }
        throw new SsoLoginException(SsoLoginException.Reason.UNSAFE_PAGE, "IAM Identity Center sent a sign-in page that Coffer "
                + "does not open: '" + ServiceText.printable(page) + "'. Only https:// pages are used (http:// only on this "
                + "computer). Check sso_region and sso_start_url of " + config.source() + ", and any SSO-OIDC endpoint setting.");
    }

    private StartDeviceAuthorizationResponse startDeviceAuthorization(SsoOidcClient client, ClientRegistration registration) {
        return client.startDeviceAuthorization(b -> b
                .clientId(registration.clientId()).clientSecret(registration.clientSecret()).startUrl(config.startUrl()));
    }

    private ClientRegistration registration(SsoOidcClient client, boolean forceNew) {
        Instant now = clock.instant();
        Optional<ClientRegistration> reusable = cache.readRegistration(config)
                .or(() -> cache.read(config.cacheKey()).flatMap(CachedToken::registration))
                .filter(r -> r.usable(now));
        if (reusable.isPresent() && !forceNew) {
            return reusable.get();
        }
        RegisterClientResponse answer = client.registerClient(b -> {
            b.clientName(CLIENT_NAME).clientType("public");
            if (!config.scopes().isEmpty()) {
                b.scopes(config.scopes());
            }
        });
        ClientRegistration registration = new ClientRegistration(answer.clientId(), answer.clientSecret(),
                Instant.ofEpochSecond(answer.clientSecretExpiresAt()));
        cache.writeRegistration(config, registration);
        return registration;
    }

    private CachedToken store(ClientRegistration registration, CreateTokenResponse answer) {
        Instant expiresAt = clock.instant().plusSeconds(answer.expiresIn());
        // Legacy profiles keep no refresh token or registration in the token file, as the CLI does.
        boolean session = config.sessionName().isPresent();
        CachedToken token = new CachedToken(config.startUrl(), config.region(), answer.accessToken(), expiresAt,
                session ? Optional.of(registration.clientId()) : Optional.empty(),
                session ? Optional.of(registration.clientSecret()) : Optional.empty(),
                session ? Optional.of(registration.expiresAt()) : Optional.empty(),
                session ? Optional.ofNullable(answer.refreshToken()) : Optional.empty());
        cache.write(config.cacheKey(), token);
        return token;
    }
}
