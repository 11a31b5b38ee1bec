package dev.coffer.auth.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.testsupport.sso.FakeSso;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts and roles come from every page of the portal's answers, with names and e-mail addresses. */
class SsoPortalIT {

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    CachedToken token;

    @BeforeEach
    void start() {
        sso = FakeSso.start().acceptAccessToken("aoaPortal");
        endpoints = sso.overrideSdkEndpoints();
        token = new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaPortal", Instant.now().plus(Duration.ofHours(1)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @AfterEach
    void stop() {
        endpoints.close();
        sso.close();
    }

    @Test
    void listsEveryAccountAcrossPagesAndTheRolesOfOne() {
        // 45 accounts: three pages of the portal's 20.
        IntStream.range(0, 45).forEach(i -> sso.account(String.format("1000000000%02d", i), String.format("team-%02d", i),
                "team" + i + "@example.com"));
        sso.account("111122223333", "Production", "aws-prod@example.com")
                .assign("111122223333", "ReadOnlyAccess").assign("111122223333", "AdministratorAccess");
        SsoPortal portal = SsoPortal.standard(new SsoConfig(Optional.of("corp"), token.startUrl(), "eu-west-1", Optional.empty()));

        var accounts = portal.accounts(token);

        assertThat(accounts).hasSize(46).contains(new SsoPortal.Account("111122223333", "Production", "aws-prod@example.com"));
        assertThat(accounts.get(accounts.size() - 1).name()).isEqualTo("team-44");
        assertThat(sso.calls("ListAccounts")).hasSize(3).allSatisfy(call -> assertThat(call.bearerToken()).isEqualTo("aoaPortal"));
        assertThat(portal.roles(token, "111122223333")).containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(sso.calls("ListAccountRoles")).singleElement()
                .satisfies(call -> assertThat(call.query("account_id")).isEqualTo("111122223333"));
    }
}
