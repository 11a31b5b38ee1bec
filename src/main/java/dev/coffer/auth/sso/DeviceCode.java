package dev.coffer.auth.sso;

import java.time.Duration;
import java.time.Instant;

/**
 * A started sign-in: what the user must see (code and verification page) and what polling needs.
 *
 * @param verificationUriComplete the page with the code already filled in, opened in the browser
 */
public record DeviceCode(String userCode, String verificationUri, String verificationUriComplete, Instant expiresAt,
                         Duration interval, String deviceCode, ClientRegistration registration) {

    /** The device code and client secret stay out of logs. */
    @Override
    public String toString() {
        return "DeviceCode[" + userCode + ", " + verificationUri + "]";
    }
}
