package dev.coffer.auth.sso;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the AWS CLI v2's SSO token cache. The client registration travels with the token so
 * that the token can be refreshed (sso-session profiles) without signing in again.
 */
public record CachedToken(String startUrl, String region, String accessToken, Instant expiresAt,
                          Optional<String> clientId, Optional<String> clientSecret,
                          Optional<Instant> registrationExpiresAt, Optional<String> refreshToken) {

    /** Still usable for at least {@code margin} at {@code now}. */
    public boolean validFor(Duration margin, Instant now) {
        return expiresAt.isAfter(now.plus(margin));
    }

    /** Has what CreateToken needs to refresh it: a refresh token and a client registration that has not expired. */
    public boolean refreshable(Instant now) {
        return refreshToken.isPresent() && clientId.isPresent() && clientSecret.isPresent()
                && registrationExpiresAt.map(now::isBefore).orElse(false);
    }

    public Optional<ClientRegistration> registration() {
        if (clientId.isEmpty() || clientSecret.isEmpty() || registrationExpiresAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientRegistration(clientId.get(), clientSecret.get(), registrationExpiresAt.get()));
    }

    /** Secrets stay out of logs and error messages. */
    @Override
    public String toString() {
        return "CachedToken[" + startUrl + ", expires " + expiresAt + "]";
    }
}
