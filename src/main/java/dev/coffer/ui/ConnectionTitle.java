package dev.coffer.ui;

import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.Connection;

/**
 * How a window names its connection, so windows side by side can be told apart: profile and
 * region, then the account (name and id) and the role once STS has answered.
 */
public final class ConnectionTitle {

    private ConnectionTitle() {
    }

    /** "prod-admin · us-east-1 · Production 111122223333 · AdministratorAccess". */
    public static String of(Connection connection, CallerIdentity identity, String accountName) {
        if (connection == null) {
            return "Not connected";
        }
        StringBuilder text = new StringBuilder(connection.label());
        if (identity != null) {
            text.append(" · ").append(accountName == null || accountName.isBlank() ? "" : accountName + " ")
                    .append(identity.account()).append(" · ").append(identity.principalName());
        }
        return text.toString();
    }
}
