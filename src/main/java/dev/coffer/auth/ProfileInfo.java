package dev.coffer.auth;

import java.util.Optional;

/**
 * One profile from the AWS config and credentials files, as the connection screen lists it.
 *
 * @param endpointUrl where the profile's Parameter Store calls go when not to AWS, as configured
 */
public record ProfileInfo(String name, Kind kind, Optional<String> region, Optional<String> endpointUrl,
                          Optional<String> ssoSession, Optional<String> accountId, Optional<String> roleName) {

    /** How the profile gets its credentials. */
    public enum Kind {
        STATIC_KEYS("access keys"),
        ASSUME_ROLE("assume role"),
        CREDENTIAL_PROCESS("credential process"),
        SSO("IAM Identity Center"),
        WEB_IDENTITY("web identity"),
        OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
