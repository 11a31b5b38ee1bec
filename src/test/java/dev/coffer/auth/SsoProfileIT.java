package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.audit.SessionClients;
import dev.coffer.auth.ProfileInfo.Kind;
import dev.coffer.aws.AwsErrors.Problem;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.sso.FakeSso.Call;
import dev.coffer.testsupport.sso.FakeSso.RoleCredentials;
import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.SsoTokenCache.CachedToken;
import dev.coffer.testsupport.sso.SsoTokenCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * An IAM Identity Center profile whose token the AWS CLI has cached, opened through Coffer's own
 * Profiles, Sessions and ClientFactory exactly as the Connect dialog does: the SDK's SSO provider
 * reads the token cache, trades the token for role credentials at the (fake) SSO portal, and those
 * credentials sign the calls to Parameter Store and Secrets Manager (moto).
 *
 * <p>The SDK builds its own SSO portal and SSO-OIDC clients, so the fake is reached through the
 * service-specific endpoint system properties ({@link FakeSso#overrideSdkEndpoints()}), and the
 * token cache is the SDK's own, moved under target/ ({@link SsoTokenCache#redirected()}).
 */
@WithMoto
class SsoProfileIT {

    static final String ACCOUNT = "111122223333";
    static final String ROLE = "AdministratorAccess";
    static final String SESSION = "corp";
    static final String START_URL = "https://corp.awsapps.com/start";
    static final String SSO_REGION = "eu-west-1";
    static final String LEGACY_START_URL = "https://legacy.awsapps.com/start";

    static final String CONFIG = """
            [profile admin]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = AdministratorAccess
            region = us-east-1

            [profile legacy]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 111122223333
            sso_role_name = AdministratorAccess
            region = us-east-1

            [profile not-assigned]
            sso_session = corp
            sso_account_id = 999988887777
            sso_role_name = AdministratorAccess
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access
            """;

    static final String CLIENT_ID = "_1eiPvmZiVVoOcpn9t6wHnVzLWVhc3QtMQ";
    static final String CLIENT_SECRET = "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.cached-client-secret";

    static SsoTokenCache cache;

    @TempDir
    Path dir;

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    Profiles profiles;

    @BeforeAll
    static void seedMoto(MotoServer moto) {
        cache = SsoTokenCache.redirected();
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/sso-it/app/db-host").value("db.internal").type(ParameterType.STRING));
            local.ssm().putParameter(b -> b.name("/sso-it/app/api-key").value("k-123").type(ParameterType.SECURE_STRING));
            local.secretsManager().createSecret(b -> b.name("sso-it/app/db").secretString("{\"password\":\"p\"}"));
        }
    }

    @BeforeEach
    void startFakeSso() throws IOException {
        sso = FakeSso.start().registeredClient(CLIENT_ID, CLIENT_SECRET).assign(ACCOUNT, ROLE);
        endpoints = sso.overrideSdkEndpoints();
        Path config = Files.writeString(dir.resolve("config"), CONFIG);
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        profiles = new Profiles(file, name -> null);
    }

    @AfterEach
    void stopFakeSso() {
        if (endpoints != null) {
            endpoints.close();
        }
        if (sso != null) {
            sso.close();
        }
        cache.delete(SESSION);
        cache.delete(LEGACY_START_URL);
    }

    /** A token as `aws sso login --sso-session corp` leaves it, valid or not by {@code expiresAt}. */
    static CachedToken token(String accessToken, Instant expiresAt, String refreshToken) {
        return new CachedToken(START_URL, SSO_REGION, accessToken, expiresAt, CLIENT_ID, CLIENT_SECRET,
                Instant.now().plus(Duration.ofDays(80)), refreshToken);
    }

    /** Opens the profile as the Connect dialog does, with moto as the endpoint. */
    ClientFactory connect(String profile, MotoServer moto) {
        ProfileInfo info = profiles.find(profile).orElseThrow();
        Connection connection = Connection.profile(info.name(), info.region().orElseThrow(), moto.endpoint(), true);
        AwsSession session = Sessions.forProfile(connection, profiles.file(), profiles.endpointsFor(profile));
        return SessionClients.open(session);
    }

    static List<String> parameterNames(ClientFactory clients) {
        List<Parameter> all = new ArrayList<>();
        new ParameterStore(clients).listAll(all::addAll, () -> false);
        return all.stream().map(Parameter::name).toList();
    }

    static List<String> secretNames(ClientFactory clients) {
        List<Secret> all = new ArrayList<>();
        new SecretStore(clients).listAll(all::addAll, () -> false);
        return all.stream().map(Secret::name).toList();
    }

    @Test
    void aCachedTokenOpensTheProfileAndItsRoleCredentialsSignTheCalls(MotoServer moto) {
        String accessToken = "aoaCachedAccessTokenFromTheCli";
        sso.acceptAccessToken(accessToken);
        Path written = cache.write(SESSION, token(accessToken, Instant.now().plus(Duration.ofHours(6)), "aorCachedRefreshToken"));
        // ~/.aws/sso/cache/<SHA-1 of the sso-session name>.json, as the AWS CLI names it, under target/, not the real home.
        assertThat(written).startsWith(Path.of("target").toAbsolutePath());
        assertThat(written.getFileName()).hasToString("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");

        ProfileInfo info = profiles.find("admin").orElseThrow();
        assertThat(info.kind()).isEqualTo(Kind.SSO);
        assertThat(info.region()).contains("us-east-1");
        assertThat(info.ssoSession()).contains(SESSION);
        assertThat(info.accountId()).contains(ACCOUNT);
        assertThat(info.roleName()).contains(ROLE);

        RoleCredentials handedOut = sso.credentials(ACCOUNT, ROLE);
        Moto.startRecording(moto);
        try (ClientFactory clients = connect("admin", moto)) {
            assertThat(parameterNames(clients)).contains("/sso-it/app/db-host", "/sso-it/app/api-key");
            assertThat(secretNames(clients)).contains("sso-it/app/db");
        }
        List<String> recorded = Moto.stopRecording(moto);

        List<Call> exchanges = sso.calls("GetRoleCredentials");
        assertThat(exchanges).hasSize(1);
        Call call = exchanges.get(0);
        assertThat(call.bearerToken()).isEqualTo(accessToken);
        assertThat(call.query("account_id")).isEqualTo(ACCOUNT);
        assertThat(call.query("role_name")).isEqualTo(ROLE);
        assertThat(call.status()).isEqualTo(200);
        assertThat(sso.count("CreateToken")).as("a valid token needs no refresh").isZero();

        // Both services were signed with the role credentials the portal handed out.
        assertThat(recorded).filteredOn(line -> line.contains("DescribeParameters") || line.contains("ListSecrets"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line)
                        .contains("Credential=" + handedOut.accessKeyId() + "/")
                        .contains(handedOut.sessionToken()));
    }
    @Test
    void anExpiredTokenIsRefreshedWithItsRefreshTokenAndTheNewTokenIsCachedForTheCli(MotoServer moto) {
        String refreshToken = "aorCachedRefreshToken";
        sso.acceptRefreshToken(refreshToken);
        cache.write(SESSION, token("aoaExpiredAccessToken", Instant.now().minus(Duration.ofHours(1)), refreshToken));

        try (ClientFactory clients = connect("admin", moto)) {
            assertThat(parameterNames(clients)).contains("/sso-it/app/db-host");
            assertThat(secretNames(clients)).contains("sso-it/app/db");
        }

        List<Call> refreshes = sso.calls("CreateToken");
        assertThat(refreshes).hasSize(1);
        Call refresh = refreshes.get(0);
        assertThat(refresh.body("grantType")).isEqualTo(FakeSso.REFRESH_TOKEN_GRANT);
        assertThat(refresh.body("refreshToken")).isEqualTo(refreshToken);
        assertThat(refresh.body("clientId")).isEqualTo(CLIENT_ID);
        assertThat(refresh.body("clientSecret")).isEqualTo(CLIENT_SECRET);
        assertThat(refresh.status()).isEqualTo(200);

        String newToken = sso.issuedAccessTokens().get(0);
        assertThat(sso.calls("GetRoleCredentials")).singleElement()
                .satisfies(call -> assertThat(call.bearerToken()).isEqualTo(newToken));
        // The SDK writes the new token back, so the AWS CLI (and the next start of Coffer) use it too.
        Map<String, Object> cached = cache.read(SESSION).orElseThrow();
        assertThat(cached.get("accessToken")).isEqualTo(newToken);
        assertThat(Instant.parse((String) cached.get("expiresAt"))).isAfter(Instant.now().plus(Duration.ofHours(7)));
        assertThat(cached.get("refreshToken")).isNotEqualTo(refreshToken).asString().startsWith("aor");
        assertThat(cached).containsEntry("clientId", CLIENT_ID).containsEntry("startUrl", START_URL);
    }

    @Test
    void anExpiredTokenWithoutARefreshTokenAsksTheUserToSignInAgain(MotoServer moto) {
        cache.write(SESSION, token("aoaExpiredAccessToken", Instant.now().minus(Duration.ofMinutes(5)), null));

        Throwable error;
        try (ClientFactory clients = connect("admin", moto)) {
            error = catchThrowable(() -> parameterNames(clients));
        }

        assertThat(error).isNotNull();
        Problem problem = AwsErrors.explain(error);
        assertThat(problem.kind()).as(String.valueOf(error)).isEqualTo(AwsErrors.Kind.EXPIRED_CREDENTIALS);
        assertReadable(problem);
        assertThat(problem.advice()).containsIgnoringCase("sign in");
        assertThat(sso.count("GetRoleCredentials")).as("no credentials without a valid token").isZero();
        assertThat(sso.issuedAccessTokens()).isEmpty();
    }

    @Test
    void aTokenThePortalNoLongerAcceptsAsksTheUserToSignInAgain(MotoServer moto) {
        // Valid by its expiry time, but signed out elsewhere (or revoked by an administrator).
        cache.write(SESSION, token("aoaRevokedAccessToken", Instant.now().plus(Duration.ofHours(6)), "aorSomething"));

        Throwable error;
        try (ClientFactory clients = connect("admin", moto)) {
            error = catchThrowable(() -> parameterNames(clients));
        }

        assertThat(sso.calls("GetRoleCredentials")).singleElement()
                .satisfies(call -> assertThat(call.status()).isEqualTo(401));
        Problem problem = AwsErrors.explain(error);
        assertThat(problem.kind()).as(String.valueOf(error)).isEqualTo(AwsErrors.Kind.EXPIRED_CREDENTIALS);
        assertReadable(problem);
        assertThat(problem.advice()).containsIgnoringCase("sign in");
    }

    @Test
    void aRoleTheUserIsNotAssignedIsAccessDenied(MotoServer moto) {
        String accessToken = "aoaValidAccessToken";
        sso.acceptAccessToken(accessToken);
        cache.write(SESSION, token(accessToken, Instant.now().plus(Duration.ofHours(6)), null));

        Throwable error;
        try (ClientFactory clients = connect("not-assigned", moto)) {
            error = catchThrowable(() -> parameterNames(clients));
        }

        assertThat(sso.calls("GetRoleCredentials")).singleElement()
                .satisfies(call -> assertThat(call.status()).isEqualTo(403));
        Problem problem = AwsErrors.explain(error);
        assertThat(problem.kind()).as(String.valueOf(error)).isEqualTo(AwsErrors.Kind.ACCESS_DENIED);
        assertReadable(problem);
    }

    @Test
    void aLegacyProfileUsesTheTokenCachedUnderItsStartUrl(MotoServer moto) {
        String accessToken = "aoaLegacyAccessToken";
        sso.acceptAccessToken(accessToken);
        // Legacy profiles: keyed by the SHA-1 of the start URL; the CLI caches no refresh token for them.
        Path written = cache.write(LEGACY_START_URL, new CachedToken(LEGACY_START_URL, SSO_REGION, accessToken,
                Instant.now().plus(Duration.ofHours(6)), null, null, null, null));
        assertThat(written.getFileName()).hasToString("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json");
        assertThat(profiles.find("legacy").orElseThrow().kind()).isEqualTo(Kind.SSO);

        try (ClientFactory clients = connect("legacy", moto)) {
            assertThat(secretNames(clients)).contains("sso-it/app/db");
        }

        assertThat(sso.calls("GetRoleCredentials")).singleElement().satisfies(call -> {
            assertThat(call.bearerToken()).isEqualTo(accessToken);
            assertThat(call.query("account_id")).isEqualTo(ACCOUNT);
            assertThat(call.query("role_name")).isEqualTo(ROLE);
        });
    }

    /** What a person reads: one line each, no stack trace, no Java class names. */
    static void assertReadable(Problem p) {
        for (String text : new String[] {p.summary(), p.advice()}) {
            assertThat(text).isNotBlank().doesNotContain("\n").doesNotContain("\tat ")
                    .doesNotContain("software.amazon").doesNotContain("java.").doesNotContain("null");
        }
        assertThat(p.summary()).endsWith(".");
    }
}
