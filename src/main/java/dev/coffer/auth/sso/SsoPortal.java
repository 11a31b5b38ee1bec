package dev.coffer.auth.sso;

import dev.coffer.aws.ClientFactory;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleInfo;

/** The accounts and roles the signed-in user may use, from the SSO portal (every page of ListAccounts and ListAccountRoles). */
public final class SsoPortal {

    /** An AWS account the user is assigned to. */
    public record Account(String id, String name, String email) {
    }

    private final Supplier<SsoClient> portal;

    public SsoPortal(Supplier<SsoClient> portal) {
        this.portal = portal;
    }

    public static SsoPortal standard(SsoConfig config) {
        return new SsoPortal(() -> ClientFactory.ssoPortal(config.region()));
    }

    /** Every account, sorted by name. */
    public List<Account> accounts(CachedToken token) {
        try (SsoClient client = portal.get()) {
            return client.listAccountsPaginator(b -> b.accessToken(token.accessToken())).accountList().stream()
                    .map(a -> new Account(a.accountId(), a.accountName(), a.emailAddress()))
                    .sorted(Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }
    }

    /** The role names the user may take in an account, sorted. */
    public List<String> roles(CachedToken token, String accountId) {
        try (SsoClient client = portal.get()) {
            return client.listAccountRolesPaginator(b -> b.accessToken(token.accessToken()).accountId(accountId)).roleList().stream()
                    .map(RoleInfo::roleName).sorted().toList();
        }
    }
}
