package dev.coffer.ui.shell;

import dev.coffer.aws.CallerIdentity;

/**
 * How a window names its connection, so windows side by side can be told apart: profile and
 * region (and the endpoint, when not AWS's), then the account (name and id) and the role once
 * STS has answered.
 */
public final class ConnectionTitle {

    private ConnectionTitle() {
    }

    /**
     * "prod-admin · us-east-1 · Production 111122223333 · AdministratorAccess".
     *
     * @param label the session's label ({@code MainViewModel.labelProperty()}), null when not connected
     */
    public static String of(String label, CallerIdentity identity, String accountName) {
        if (label == null) {
            return "Not connected";
        }
        StringBuilder text = new StringBuilder(label);
        if (identity != null) {
            text.append(" · ").append(accountName == null || accountName.isBlank() ? "" : accountName + " ")
                    .append(identity.account()).append(" · ").append(identity.principalName());
        }
        return text.toString();
    }
}
