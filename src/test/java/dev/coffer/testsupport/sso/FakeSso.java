package dev.coffer.testsupport.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for IAM Identity Center, for tests only (moto has neither API). One loopback
 * HTTP server answers both REST-JSON services the AWS SDK and CLI use for SSO, with the request
 * and response shapes of botocore's models (sso and sso-oidc, 2019-06-10):
 * <ul>
 *   <li>the SSO portal ({@code sso}): GetRoleCredentials, ListAccounts, ListAccountRoles and Logout,
 *       authenticated by the {@code x-amz-sso_bearer_token} header. An unknown, revoked or expired
 *       access token gets 401 UnauthorizedException; a role not assigned to the user gets 403
 *       ForbiddenException "No access", as the real portal answers;</li>
 *   <li>SSO-OIDC ({@code oidc}): RegisterClient, StartDeviceAuthorization and CreateToken for the
 *       device-code and refresh-token grants, with the OAuth errors ({@code authorization_pending},
 *       {@code slow_down}, {@code expired_token}, {@code access_denied}, {@code invalid_grant}, ...)
 *       as 400/401 answers carrying {@code x-amzn-ErrorType} and an {@code {"error", "error_description"}} body.</li>
 * </ul>
 * Tests script it (assign roles, accept or revoke tokens, approve, deny or expire a device
 * authorization, demand {@code slow_down}) and read back every call it answered. Point the SDK's
 * own SSO clients at it with {@link #overrideSdkEndpoints()}.
 */
public final class FakeSso implements AutoCloseable {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";

    /** What GetRoleCredentials hands out. Any key works with moto. */
    public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    }

    /** One request the fake answered: its operation, inputs and outcome (errorCode is null on success). */
    public record Call(String operation, Map<String, String> query, String bearerToken, Map<String, Object> body,
                       int status, String errorCode) {

        public String query(String name) {
            return query.get(name);
        }

        public String body(String name) {
            Object value = body.get(name);
            return value == null ? null : value.toString();
        }
    }

    /** Restores the SDK's SSO endpoint settings when closed. */
    public interface EndpointOverride extends AutoCloseable {
        @Override
        void close();
    }

    public enum DeviceState { PENDING, APPROVED, DENIED, EXPIRED, REDEEMED }

    /** One StartDeviceAuthorization, as the person at the verification page would act on it. */
    public final class DeviceAuthorization {
        private final String deviceCode;
        private final String userCode;
        private final String clientId;
        private final String startUrl;
        private final Instant expiresAt;
        private DeviceState state = DeviceState.PENDING;
        private int slowDowns;
        private int polls;

        private DeviceAuthorization(String deviceCode, String userCode, String clientId, String startUrl, Instant expiresAt) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.startUrl = startUrl;
            this.expiresAt = expiresAt;
        }

        public String deviceCode() {
            return deviceCode;
        }

        public String userCode() {
            return userCode;
        }

        public String clientId() {
            return clientId;
        }

        public String startUrl() {
            return startUrl;
        }

        /** The user signed in and allowed access: the next poll gets the tokens. */
        public void approve() {
            set(DeviceState.APPROVED);
        }

        /** The user chose "Deny": polls get access_denied. */
        public void deny() {
            set(DeviceState.DENIED);
        }

        /** The code ran out (as after expiresIn): polls get expired_token. */
        public void expire() {
            set(DeviceState.EXPIRED);
        }

        /** The next poll gets slow_down (call again for more), whatever the state. */
        public void slowDown() {
            synchronized (FakeSso.this) {
                slowDowns++;
            }
        }

        public DeviceState state() {
            synchronized (FakeSso.this) {
                return state;
            }
        }

        /** CreateToken calls made with this device code so far. */
        public int polls() {
            synchronized (FakeSso.this) {
                return polls;
            }
        }

        private void set(DeviceState newState) {
            synchronized (FakeSso.this) {
                state = newState;
            }
        }
    }

    private record Client(String secret) {
    }

    private record Account(String accountId, String accountName, String emailAddress) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    // All state below is guarded by this.
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Instant> accessTokens = new LinkedHashMap<>();
    private final List<String> refreshTokens = new ArrayList<>();
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, RoleCredentials> assignments = new LinkedHashMap<>();
    private final List<DeviceAuthorization> deviceAuthorizations = new ArrayList<>();
    private final List<String> issuedAccessTokens = new ArrayList<>();
    private Duration tokenLifetime = Duration.ofHours(8);
    private Duration credentialLifetime = Duration.ofHours(1);
    private Instant latestRoleCredentialsExpiry = Instant.EPOCH;
    private Duration deviceCodeLifetime = Duration.ofMinutes(10);
    private int pollingInterval = 1;
    private String verificationUri;
    private String verificationUriComplete;
    private String userCodeSent;

    private FakeSso(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Starts the fake on a free loopback port. */
    public static FakeSso start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fake-sso");
                t.setDaemon(true);
                return t;
            });
            FakeSso fake = new FakeSso(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL of both services, e.g. http://127.0.0.1:40123. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Sends the SSO portal and SSO-OIDC clients that the SDK builds by itself (inside its SSO
     * credential and token providers) here, through the service-specific endpoint system properties
     * {@code aws.endpointUrlSso} and {@code aws.endpointUrlSsoOidc}; closing restores the previous
     * values. JVM-wide: it affects every SSO client built while it is open, so keep tests that use
     * it sequential.
     */
    public EndpointOverride overrideSdkEndpoints() {
        Map<String, String> previous = new LinkedHashMap<>();
        for (String property : new String[] {"aws.endpointUrlSso", "aws.endpointUrlSsoOidc"}) {
            previous.put(property, System.getProperty(property));
            System.setProperty(property, endpoint.toString());
        }
        return () -> previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    // ---- scripting: the portal ----

    /** Adds an account to ListAccounts (assign() adds one with a generated name when missing). */
    public synchronized FakeSso account(String accountId, String accountName, String emailAddress) {
        accounts.put(accountId, new Account(accountId, accountName, emailAddress));
        return this;
    }

    /** Assigns the signed-in user a role in an account, with freshly generated credentials. */
    public synchronized FakeSso assign(String accountId, String roleName) {
        return assign(accountId, roleName, new RoleCredentials("ASIA" + random(UPPER_ALNUM, 16),
                random(UPPER_ALNUM, 40), "FakeSsoSessionToken" + random(UPPER_ALNUM, 32)));
    }

    /** Assigns a role that hands out exactly these credentials. */
    public synchronized FakeSso assign(String accountId, String roleName, RoleCredentials credentials) {
        accounts.putIfAbsent(accountId, new Account(accountId, "Account " + accountId, "aws+" + accountId + "@example.com"));
        assignments.put(accountId + "/" + roleName, credentials);
        return this;
    }

    /** The credentials GetRoleCredentials hands out for an assigned role. */
    public synchronized RoleCredentials credentials(String accountId, String roleName) {
        return Objects.requireNonNull(assignments.get(accountId + "/" + roleName), "not assigned: " + accountId + "/" + roleName);
    }

    /** Makes the portal accept this bearer token (for example one a test wrote to the token cache) until revoked. */
    public synchronized FakeSso acceptAccessToken(String accessToken) {
        accessTokens.put(accessToken, Instant.MAX);
        return this;
    }

    /** The portal rejects this token from now on (as after a sign-out elsewhere or a revoked session). */
    public synchronized FakeSso revokeAccessToken(String accessToken) {
        accessTokens.remove(accessToken);
        return this;
    }

    /** When the role credentials handed out last expire. */
    public synchronized Instant latestRoleCredentialsExpiry() {
        return latestRoleCredentialsExpiry;
    }

    public synchronized FakeSso credentialLifetime(Duration lifetime) {
        credentialLifetime = lifetime;
        return this;
    }

    // ---- scripting: SSO-OIDC ----

    /** A client registration the fake knows, as if RegisterClient had issued it (as in a cached token). */
    public synchronized FakeSso registeredClient(String clientId, String clientSecret) {
        clients.put(clientId, new Client(clientSecret));
        return this;
    }

    /** CreateToken accepts this refresh token. */
    public synchronized FakeSso acceptRefreshToken(String refreshToken) {
        refreshTokens.add(refreshToken);
        return this;
    }

    /** expiresIn of the access tokens CreateToken issues (default 8 hours). */
    public synchronized FakeSso tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
        return this;
    }

    /** expiresIn and interval of StartDeviceAuthorization (defaults: 10 minutes, 1 second). */
    public synchronized FakeSso deviceCodeTiming(Duration lifetime, int intervalSeconds) {
        deviceCodeLifetime = lifetime;
        pollingInterval = intervalSeconds;
        return this;
    }

    /**
     * StartDeviceAuthorization answers with these verification pages and this user code instead of
     * its own, as a compromised or misconfigured endpoint could (null: the fake's own).
     */
    public synchronized FakeSso deviceAuthorizationAnswer(String verificationUri, String verificationUriComplete, String userCode) {
        this.verificationUri = verificationUri;
        this.verificationUriComplete = verificationUriComplete;
        this.userCodeSent = userCode;
        return this;
    }

    // ---- observing ----

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public synchronized long count(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    public synchronized List<DeviceAuthorization> deviceAuthorizations() {
        return List.copyOf(deviceAuthorizations);
    }

    public synchronized Optional<DeviceAuthorization> latestDeviceAuthorization() {
        return deviceAuthorizations.isEmpty() ? Optional.empty() : Optional.of(deviceAuthorizations.get(deviceAuthorizations.size() - 1));
    }

    /** Access tokens CreateToken has issued, oldest first. */
    public synchronized List<String> issuedAccessTokens() {
        return List.copyOf(issuedAccessTokens);
    }

    public synchronized boolean isValidAccessToken(String accessToken) {
        Instant expiry = accessTokens.get(accessToken);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    /** An answer: status, the x-amzn-ErrorType (null on success) and the JSON body. */
    private record Answer(int status, String errorType, Map<String, Object> body) {
        static Answer ok(Map<String, Object> body) {
            return new Answer(200, null, body);
        }

        /** Portal errors: {"message": ...}. */
        static Answer portalError(int status, String type, String message) {
            return new Answer(status, type, Map.of("message", message));
        }

        /** SSO-OIDC errors: {"error": ..., "error_description": ...}, the OAuth error in the body. */
        static Answer oauthError(int status, String type, String error, String description) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("error_description", description);
            return new Answer(status, type, body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String bearer = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, Object> body = raw.length == 0 ? Map.of() : parseJson(raw);

            String operation = switch (method + " " + path) {
                case "GET /federation/credentials" -> "GetRoleCredentials";
                case "GET /assignment/accounts" -> "ListAccounts";
                case "GET /assignment/roles" -> "ListAccountRoles";
                case "POST /logout" -> "Logout";
                case "POST /client/register" -> "RegisterClient";
                case "POST /device_authorization" -> "StartDeviceAuthorization";
                case "POST /token" -> "CreateToken";
                default -> "Unknown";
            };
            Answer answer;
            synchronized (this) {
                try {
                    answer = switch (operation) {
                        case "GetRoleCredentials" -> getRoleCredentials(bearer, query);
                        case "ListAccounts" -> listAccounts(bearer, query);
                        case "ListAccountRoles" -> listAccountRoles(bearer, query);
                        case "Logout" -> logout(bearer);
                        case "RegisterClient" -> registerClient(body);
                        case "StartDeviceAuthorization" -> startDeviceAuthorization(body);
                        case "CreateToken" -> createToken(body);
                        default -> Answer.portalError(404, "UnknownOperationException", "No such operation: " + method + " " + path);
                    };
                } catch (RuntimeException e) {
                    // A bug in the fake (or a request it does not understand) shows as an answer, not a dropped connection.
                    answer = Answer.portalError(500, "InternalServerException", "FakeSso failed: " + e);
                }
                calls.add(new Call(operation, query, bearer, body, answer.status(), answer.errorType()));
            }
            byte[] out = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", random(UPPER_ALNUM, 12));
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
            }
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    // ---- the portal ----

    private Answer unauthorized() {
        return Answer.portalError(401, "UnauthorizedException", "Session token not found or invalid");
    }

    private Answer getRoleCredentials(String bearer, Map<String, String> query) {
        if (!isValidAccessToken(bearer)) {
            return unauthorized();
        }
        String accountId = query.get("account_id");
        String roleName = query.get("role_name");
        if (accountId == null || roleName == null) {
            return Answer.portalError(400, "InvalidRequestException", "account_id and role_name are required");
        }
        RoleCredentials credentials = assignments.get(accountId + "/" + roleName);
        if (credentials == null) {
            return Answer.portalError(403, "ForbiddenException", "No access");
        }
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("accessKeyId", credentials.accessKeyId());
        role.put("secretAccessKey", credentials.secretAccessKey());
        role.put("sessionToken", credentials.sessionToken());
        latestRoleCredentialsExpiry = Instant.now().plus(credentialLifetime);
        role.put("expiration", latestRoleCredentialsExpiry.toEpochMilli());
        return Answer.ok(Map.of("roleCredentials", role));
    }

    private Answer listAccounts(String bearer, Map<String, String> query) {
        if (!isValidAccessToken(bearer)) {
            return unauthorized();
        }
        List<Object> list = new ArrayList<>();
        for (Account a : accounts.values()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("accountId", a.accountId());
            item.put("accountName", a.accountName());
            item.put("emailAddress", a.emailAddress());
            list.add(item);
        }
        return page("accountList", list, query);
    }

    private Answer listAccountRoles(String bearer, Map<String, String> query) {
        if (!isValidAccessToken(bearer)) {
            return unauthorized();
        }
        String accountId = query.get("account_id");
        if (accountId == null) {
            return Answer.portalError(400, "InvalidRequestException", "account_id is required");
        }
        List<Object> list = new ArrayList<>();
        for (String key : assignments.keySet()) {
            if (key.startsWith(accountId + "/")) {
                list.add(Map.of("roleName", key.substring(accountId.length() + 1), "accountId", accountId));
            }
        }
        return page("roleList", list, query);
    }

    /** max_result items a page (default 20, as the portal's is small), next_token an offset. */
    private static Answer page(String member, List<Object> all, Map<String, String> query) {
        int size = query.containsKey("max_result") ? Integer.parseInt(query.get("max_result")) : 20;
        int from = query.containsKey("next_token") ? Integer.parseInt(query.get("next_token")) : 0;
        int to = Math.min(all.size(), from + size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(member, all.subList(Math.min(from, to), to));
        if (to < all.size()) {
            body.put("nextToken", Integer.toString(to));
        }
        return Answer.ok(body);
    }

    private Answer logout(String bearer) {
        if (!isValidAccessToken(bearer)) {
            return unauthorized();
        }
        accessTokens.remove(bearer);
        return new Answer(200, null, null);
    }

    // ---- SSO-OIDC ----

    private Answer registerClient(Map<String, Object> body) {
        if (body.get("clientName") == null || body.get("clientType") == null) {
            return Answer.oauthError(400, "InvalidRequestException", "invalid_request", "clientName and clientType are required");
        }
        String clientId = random(UPPER_ALNUM, 22);
        String clientSecret = "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0." + random(UPPER_ALNUM, 40);
        clients.put(clientId, new Client(clientSecret));
        Instant now = Instant.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("clientId", clientId);
        answer.put("clientSecret", clientSecret);
        answer.put("clientIdIssuedAt", now.getEpochSecond());
        answer.put("clientSecretExpiresAt", now.plus(Duration.ofDays(90)).getEpochSecond());
        return Answer.ok(answer);
    }

    private boolean knownClient(Map<String, Object> body) {
        Client client = clients.get(String.valueOf(body.get("clientId")));
        return client != null && client.secret().equals(body.get("clientSecret"));
    }

    private static Answer invalidClient() {
        return Answer.oauthError(401, "InvalidClientException", "invalid_client", "Invalid client");
    }

    private Answer startDeviceAuthorization(Map<String, Object> body) {
        if (!knownClient(body)) {
            return invalidClient();
        }
        if (body.get("startUrl") == null) {
            return Answer.oauthError(400, "InvalidRequestException", "invalid_request", "startUrl is required");
        }
        String userCode = userCodeSent != null ? userCodeSent : random(USER_CODE_LETTERS, 4) + "-" + random(USER_CODE_LETTERS, 4);
        DeviceAuthorization authorization = new DeviceAuthorization(random(UPPER_ALNUM, 64), userCode,
                (String) body.get("clientId"), (String) body.get("startUrl"), Instant.now().plus(deviceCodeLifetime));
        deviceAuthorizations.add(authorization);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deviceCode", authorization.deviceCode);
        answer.put("userCode", userCode);
        answer.put("verificationUri", verificationUri != null ? verificationUri : endpoint + "/device");
        answer.put("verificationUriComplete", verificationUriComplete != null ? verificationUriComplete
                : endpoint + "/device?user_code=" + userCode);
        answer.put("expiresIn", deviceCodeLifetime.toSeconds());
        answer.put("interval", pollingInterval);
        return Answer.ok(answer);
    }

    private Answer createToken(Map<String, Object> body) {
        if (!knownClient(body)) {
            return invalidClient();
        }
        Object grantType = body.get("grantType");
        if (DEVICE_CODE_GRANT.equals(grantType)) {
            return redeemDeviceCode(body);
        }
        if (REFRESH_TOKEN_GRANT.equals(grantType)) {
            Object refreshToken = body.get("refreshToken");
            if (refreshToken == null) {
                return Answer.oauthError(400, "InvalidRequestException", "invalid_request", "refreshToken is required");
            }
            if (!refreshTokens.contains(refreshToken)) {
                return Answer.oauthError(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
            }
            return issueTokens();
        }
        return Answer.oauthError(400, "UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant type: " + grantType);
    }

    private Answer redeemDeviceCode(Map<String, Object> body) {
        DeviceAuthorization authorization = deviceAuthorizations.stream()
                .filter(a -> a.deviceCode.equals(body.get("deviceCode")) && a.clientId.equals(body.get("clientId")))
                .findFirst().orElse(null);
        if (authorization == null || authorization.state == DeviceState.REDEEMED) {
            return Answer.oauthError(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
        }
        authorization.polls++;
        if (authorization.slowDowns > 0) {
            authorization.slowDowns--;
            return Answer.oauthError(400, "SlowDownException", "slow_down", "Client is polling too quickly");
        }
        if (authorization.state == DeviceState.EXPIRED || Instant.now().isAfter(authorization.expiresAt)) {
            authorization.state = DeviceState.EXPIRED;
            return Answer.oauthError(400, "ExpiredTokenException", "expired_token", "Device code has expired");
        }
        return switch (authorization.state) {
            case DENIED -> Answer.oauthError(400, "AccessDeniedException", "access_denied", "Access denied by the user");
            case PENDING -> Answer.oauthError(400, "AuthorizationPendingException", "authorization_pending", "Authorization is still pending");
            default -> {
                authorization.state = DeviceState.REDEEMED;
                yield issueTokens();
            }
        };
    }

    private Answer issueTokens() {
        String accessToken = "aoa" + random(UPPER_ALNUM, 60);
        String refreshToken = "aor" + random(UPPER_ALNUM, 60);
        accessTokens.put(accessToken, Instant.now().plus(tokenLifetime));
        refreshTokens.add(refreshToken);
        issuedAccessTokens.add(accessToken);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accessToken", accessToken);
        answer.put("tokenType", "Bearer");
        answer.put("expiresIn", tokenLifetime.toSeconds());
        answer.put("refreshToken", refreshToken);
        return Answer.ok(answer);
    }

    // ---- helpers ----

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseJson(byte[] raw) throws IOException {
        return JSON.readValue(raw, LinkedHashMap.class);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
