package dev.coffer.auth.sso;

import java.time.Duration;
import java.time.Instant;

/** A client registration from SSO-OIDC RegisterClient; reused until shortly before it expires. */
public record ClientRegistration(String clientId, String clientSecret, Instant expiresAt) {

    /** Usable for a sign-in and the refreshes after it, with a margin (the CLI allows 15 minutes). */
    public boolean usable(Instant now) {
        return expiresAt.isAfter(now.plus(Duration.ofMinutes(15)));
    }

    @Override
    public String toString() {
        return "ClientRegistration[" + clientId + ", expires " + expiresAt + "]";
    }
}
