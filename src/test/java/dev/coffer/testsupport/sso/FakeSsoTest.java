package dev.coffer.testsupport.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.testsupport.sso.FakeSso.DeviceAuthorization;
import dev.coffer.testsupport.sso.FakeSso.DeviceState;
import dev.coffer.testsupport.sso.FakeSso.RoleCredentials;
import dev.coffer.testsupport.sso.SsoTokenCache.CachedToken;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The fake answers the real SDK clients: every response and error unmarshals into the SDK's
 * modelled types, so code tested against it meets the same shapes as against AWS.
 */
class FakeSsoTest {

    static final String START_URL = "https://corp.awsapps.com/start";

    FakeSso fake;
    SsoOidcClient oidc;
    SsoClient portal;

    @BeforeEach
    void start() {
        fake = FakeSso.start();
        oidc = SsoOidcClient.builder().region(Region.EU_WEST_1).endpointOverride(fake.endpoint())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        portal = SsoClient.builder().region(Region.EU_WEST_1).endpointOverride(fake.endpoint())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    }

    @AfterEach
    void stop() {
        oidc.close();
        portal.close();
        fake.close();
    }

    RegisterClientResponse register() {
        return oidc.registerClient(b -> b.clientName("coffer").clientType("public").scopes("sso:account:access"));
    }

    CreateTokenResponse poll(RegisterClientResponse client, String deviceCode) {
        return oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(FakeSso.DEVICE_CODE_GRANT).deviceCode(deviceCode));
    }

    @Test
    void theDeviceFlowPendsSlowsDownAndIssuesATokenThePortalAccepts() {
        fake.assign("111122223333", "AdministratorAccess").assign("111122223333", "ReadOnly")
                .account("444455556666", "Audit", "audit@example.com").assign("444455556666", "ReadOnly");

        RegisterClientResponse client = register();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecretExpiresAt()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(fake.calls("RegisterClient")).singleElement()
                .satisfies(call -> assertThat(call.body().get("scopes")).isEqualTo(List.of("sso:account:access")));

        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(START_URL));
        assertThat(device.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(device.verificationUriComplete()).endsWith(device.userCode());
        assertThat(device.expiresIn()).isEqualTo(600);
        assertThat(device.interval()).isEqualTo(1);
        DeviceAuthorization authorization = fake.latestDeviceAuthorization().orElseThrow();
        assertThat(authorization.deviceCode()).isEqualTo(device.deviceCode());
        assertThat(authorization.startUrl()).isEqualTo(START_URL);

        assertThatThrownBy(() -> poll(client, device.deviceCode()))
                .isInstanceOfSatisfying(AuthorizationPendingException.class, e -> {
                    assertThat(e.error()).isEqualTo("authorization_pending");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        authorization.slowDown();
        assertThatThrownBy(() -> poll(client, device.deviceCode()))
                .isInstanceOfSatisfying(SlowDownException.class, e -> assertThat(e.error()).isEqualTo("slow_down"));
        authorization.approve();
        CreateTokenResponse token = poll(client, device.deviceCode());
        assertThat(authorization.polls()).isEqualTo(3);
        assertThat(authorization.state()).isEqualTo(DeviceState.REDEEMED);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(8 * 3600);
        assertThat(token.refreshToken()).isNotBlank();
        assertThat(fake.isValidAccessToken(token.accessToken())).isTrue();
        // A device code is redeemed once.
        assertThatThrownBy(() -> poll(client, device.deviceCode()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));

        assertThat(portal.listAccountsPaginator(b -> b.accessToken(token.accessToken()).maxResults(1)).accountList())
                .extracting(AccountInfo::accountId, AccountInfo::accountName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("111122223333", "Account 111122223333"),
                        org.assertj.core.groups.Tuple.tuple("444455556666", "Audit"));
        assertThat(fake.count("ListAccounts")).isEqualTo(2);
        assertThat(portal.listAccountRoles(b -> b.accessToken(token.accessToken()).accountId("111122223333")).roleList())
                .extracting(RoleInfo::roleName).containsExactly("AdministratorAccess", "ReadOnly");

        GetRoleCredentialsResponse role = portal.getRoleCredentials(b -> b.accessToken(token.accessToken())
                .accountId("111122223333").roleName("ReadOnly"));
        RoleCredentials handedOut = fake.credentials("111122223333", "ReadOnly");
        assertThat(role.roleCredentials().accessKeyId()).isEqualTo(handedOut.accessKeyId()).startsWith("ASIA");
        assertThat(role.roleCredentials().secretAccessKey()).isEqualTo(handedOut.secretAccessKey());
        assertThat(role.roleCredentials().sessionToken()).isEqualTo(handedOut.sessionToken());
        assertThat(Instant.ofEpochMilli(role.roleCredentials().expiration())).isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void aDeniedOrExpiredDeviceCodeEndsThePolling() {
        RegisterClientResponse client = register();
        String denied = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(START_URL)).deviceCode();
        fake.latestDeviceAuthorization().orElseThrow().deny();
        assertThatThrownBy(() -> poll(client, denied))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.error()).isEqualTo("access_denied"));

        String expired = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(START_URL)).deviceCode();
        fake.latestDeviceAuthorization().orElseThrow().expire();
        assertThatThrownBy(() -> poll(client, expired))
                .isInstanceOfSatisfying(ExpiredTokenException.class, e -> assertThat(e.error()).isEqualTo("expired_token"));
        assertThat(fake.deviceAuthorizations()).extracting(DeviceAuthorization::state)
                .containsExactly(DeviceState.DENIED, DeviceState.EXPIRED);
    }

    @Test
    void refreshTokensAndClientsAreChecked() {
        fake.registeredClient("cached-client", "cached-secret").acceptRefreshToken("aorKnown");
        CreateTokenResponse refreshed = oidc.createToken(b -> b.clientId("cached-client").clientSecret("cached-secret")
                .grantType(FakeSso.REFRESH_TOKEN_GRANT).refreshToken("aorKnown"));
        assertThat(fake.issuedAccessTokens()).containsExactly(refreshed.accessToken());

        assertThatThrownBy(() -> oidc.createToken(b -> b.clientId("cached-client").clientSecret("cached-secret")
                .grantType(FakeSso.REFRESH_TOKEN_GRANT).refreshToken("aorUnknown")))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        assertThatThrownBy(() -> oidc.createToken(b -> b.clientId("cached-client").clientSecret("wrong")
                .grantType(FakeSso.REFRESH_TOKEN_GRANT).refreshToken("aorKnown")))
                .isInstanceOfSatisfying(InvalidClientException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void thePortalRejectsUnknownTokensAndUnassignedRoles() {
        fake.assign("111122223333", "ReadOnly").acceptAccessToken("aoaGood");

        assertThatThrownBy(() -> portal.getRoleCredentials(b -> b.accessToken("aoaUnknown")
                .accountId("111122223333").roleName("ReadOnly")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Session token not found or invalid");
                });
        assertThatThrownBy(() -> portal.getRoleCredentials(b -> b.accessToken("aoaGood")
                .accountId("111122223333").roleName("AdministratorAccess")))
                .isInstanceOfSatisfying(SsoException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No access");
                });

        portal.logout(b -> b.accessToken("aoaGood"));
        assertThat(fake.isValidAccessToken("aoaGood")).isFalse();
        assertThat(fake.calls()).extracting(FakeSso.Call::operation)
                .containsExactly("GetRoleCredentials", "GetRoleCredentials", "Logout");
    }

    @Test
    void theSdkEndpointOverrideIsRestored() {
        System.setProperty("aws.endpointUrlSso", "http://before.invalid");
        try {
            try (FakeSso.EndpointOverride ignored = fake.overrideSdkEndpoints()) {
                assertThat(System.getProperty("aws.endpointUrlSso")).isEqualTo(fake.endpoint().toString());
                assertThat(System.getProperty("aws.endpointUrlSsoOidc")).isEqualTo(fake.endpoint().toString());
            }
            assertThat(System.getProperty("aws.endpointUrlSso")).isEqualTo("http://before.invalid");
            assertThat(System.getProperty("aws.endpointUrlSsoOidc")).isNull();
        } finally {
            System.clearProperty("aws.endpointUrlSso");
        }
    }

    @Test
    void theTokenCacheFileIsWrittenAsTheAwsCliWritesIt() {
        CachedToken token = new CachedToken(START_URL, "eu-west-1", "aoaTOKEN", Instant.parse("2026-11-28T12:00:00.750Z"),
                "client-id", "client-secret", Instant.parse("2027-02-26T12:00:00Z"), "aorREFRESH");
        // aws sso login (AWS CLI v2): json.dumps of startUrl, region, accessToken, expiresAt, clientId,
        // clientSecret, registrationExpiresAt and refreshToken, times as %Y-%m-%dT%H:%M:%SZ.
        assertThat(token.json()).isEqualTo("{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"aoaTOKEN\", \"expiresAt\": \"2026-11-28T12:00:00Z\", \"clientId\": \"client-id\", "
                + "\"clientSecret\": \"client-secret\", \"registrationExpiresAt\": \"2027-02-26T12:00:00Z\", "
                + "\"refreshToken\": \"aorREFRESH\"}");
        assertThat(SsoTokenCache.sha1Hex("corp")).isEqualTo("ee0bfd2552fbd840c02cc48b6e823320543c450f");
    }
}
