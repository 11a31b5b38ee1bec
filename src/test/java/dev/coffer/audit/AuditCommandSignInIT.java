package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.TokenCache;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferProcess;
import dev.coffer.testsupport.CofferProcess.Finished;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.sso.FakeSso;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer audit} for an IAM Identity Center profile whose sign-in is missing, expired or can
 * no longer be refreshed, run through Coffer's real entry point in a JVM of its own: the terminal
 * shows which of these it is and the command that signs in again, and nothing from the SDK.
 */
@WithMoto
class AuditCommandSignInIT {

    static final String ACCOUNT = "111122223333";
    static final String ROLE = "SecurityAudit";
    static final Instant EXPIRED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path home;

    FakeSso sso;
    TokenCache cache;
    Path report;
    Map<String, String> properties;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        sso = FakeSso.start().assign(ACCOUNT, ROLE);
        Path config = home.resolve(".aws").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile auditor]
                sso_session = corp
                sso_account_id = %s
                sso_role_name = %s
                region = us-east-1
                endpoint_url = %s

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """.formatted(ACCOUNT, ROLE, moto.endpoint()));
        cache = new TokenCache(home.resolve(".aws").resolve("sso").resolve("cache"));
        report = home.resolve("audit.json");
        properties = Map.of("aws.configFile", config.toString(), "aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString(),
                "aws.endpointUrlSso", sso.endpoint().toString(), "aws.endpointUrlSsoOidc", sso.endpoint().toString(),
                "coffer.home", home.resolve(".coffer").toString());
    }

    @AfterEach
    void tearDown() {
        sso.close();
    }

    Finished audit() {
        return CofferProcess.run(home, properties, "audit", "--profile", "auditor", "--format", "json", "--out", report.toString());
    }

    /** A token the CLI left behind; with a client registration and refresh token when given. */
    void cached(Instant expiresAt, String refreshToken) {
        boolean refreshable = refreshToken != null;
        cache.write("corp", new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaCachedAccessToken", expiresAt,
                refreshable ? Optional.of("cli-client") : Optional.empty(), refreshable ? Optional.of("cli-secret") : Optional.empty(),
                refreshable ? Optional.of(Instant.now().plus(Duration.ofDays(60))) : Optional.empty(), Optional.ofNullable(refreshToken)));
        sso.registeredClient("cli-client", "cli-secret");
    }

    /** Only Coffer's own lines: no SDK log line, no stack trace. */
    static void saysOnly(Finished run, String... lines) {
        assertThat(run.err()).doesNotContain("WARN").doesNotContain("software.amazon").doesNotContain("\tat ");
        assertThat(run.err().lines().toList()).containsExactly(lines);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutAnySignInItSaysSoAndHowToSignIn() {
        Finished run = audit();

        assertThat(run.exitCode()).isEqualTo(AuditCommand.FAILED);
        saysOnly(run, "The profile 'auditor' is not signed in to IAM Identity Center: there is no cached sign-in for sso-session 'corp'.",
                "Sign in with: coffer login --profile auditor   (or: aws sso login --profile auditor)");
        assertThat(report).doesNotExist();
        assertThat(sso.calls()).isEmpty();
    }

    @Test
    void anExpiredSignInThatCanNotBeRefreshedSaysWhenItExpired() {
        cached(EXPIRED, null);

        Finished run = audit();

        assertThat(run.exitCode()).isEqualTo(AuditCommand.FAILED);
        saysOnly(run, "The profile 'auditor' is not signed in to IAM Identity Center: its sign-in (sso-session 'corp') expired at "
                        + "2026-01-02T03:04:05Z.",
                "Sign in with: coffer login --profile auditor   (or: aws sso login --profile auditor)");
        assertThat(sso.calls()).isEmpty();
    }

    @Test
    void aRefusedRefreshSaysThatTheRefreshWasRefusedWithoutTheSdksWarnings() {
        cached(EXPIRED, "aorRevokedRefreshToken");

        Finished run = audit();

        assertThat(run.exitCode()).isEqualTo(AuditCommand.FAILED);
        saysOnly(run, "The profile 'auditor' is not signed in to IAM Identity Center: its sign-in (sso-session 'corp') expired at "
                        + "2026-01-02T03:04:05Z, and IAM Identity Center refused to refresh it (InvalidGrantException).",
                "Sign in with: coffer login --profile auditor   (or: aws sso login --profile auditor)");
        assertThat(sso.calls("CreateToken")).singleElement().satisfies(call -> {
            assertThat(call.body("grantType")).isEqualTo(FakeSso.REFRESH_TOKEN_GRANT);
            assertThat(call.errorCode()).isEqualTo("InvalidGrantException");
        });
        assertThat(report).doesNotExist();
    }

    @Test
    void anExpiredSignInThatRefreshesIsUsedQuietly() {
        cached(EXPIRED, "aorGoodRefreshToken");
        sso.acceptRefreshToken("aorGoodRefreshToken");

        Finished run = audit();

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Wrote " + report);
        String refreshed = sso.issuedAccessTokens().get(0);
        assertThat(cache.read("corp")).get().satisfies(token -> assertThat(token.accessToken()).isEqualTo(refreshed));
        assertThat(sso.calls("GetRoleCredentials")).isNotEmpty().allSatisfy(call -> assertThat(call.bearerToken()).isEqualTo(refreshed));
    }
}
