package dev.coffer.auth.sso;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Where and how to sign in for an IAM Identity Center profile: its start URL and SSO region, from
 * the profile's {@code [sso-session NAME]} section or, for a legacy profile, from the profile itself.
 *
 * @param sessionName        the sso-session's name; empty for a legacy profile
 * @param registrationScopes the session's {@code sso_registration_scopes} as the AWS CLI parses them (a list that
 *                           may be empty); empty when the key is not there, which the CLI's registration cache key tells apart
 */
public record SsoConfig(Optional<String> sessionName, String startUrl, String region, Optional<List<String>> registrationScopes) {

    public static final String DEFAULT_SCOPE = "sso:account:access";

    /**
     * The name of the token cache entry, as the AWS CLI v2 keys it: the sso-session's name, or the
     * start URL for a legacy profile.
     */
    public String cacheKey() {
        return sessionName.orElse(startUrl);
    }

    /**
     * The scopes Coffer registers its client with: those configured, else {@value #DEFAULT_SCOPE} for an
     * sso-session (a registration with it gets refresh tokens), and none for a legacy profile, as the CLI.
     */
    public List<String> scopes() {
        return registrationScopes.filter(list -> !list.isEmpty())
                .orElse(sessionName.isPresent() ? List.of(DEFAULT_SCOPE) : List.of());
    }

    /** What the user signs in to, for dialogs: "corp (https://corp.awsapps.com/start)". */
    public String label() {
        return sessionName.map(s -> s + " (" + startUrl + ")").orElse(startUrl);
    }

    /** Where the settings come from, for messages: "sso-session 'corp'" or "the profile's sso_start_url https://…". */
    public String source() {
        return sessionName.map(s -> "sso-session '" + s + "'").orElse("the profile's sso_start_url " + startUrl);
    }

    /** The SSO settings of a profile, when it is an IAM Identity Center profile. */
    public static Optional<SsoConfig> ofProfile(ProfileFile file, String profileName) {
        Optional<Profile> profile = file.profile(profileName);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> session = profile.get().property("sso_session");
        if (session.isPresent()) {
            return ofSession(file, session.get());
        }
        Optional<String> startUrl = profile.get().property(ProfileProperty.SSO_START_URL);
        Optional<String> region = profile.get().property(ProfileProperty.SSO_REGION);
        if (startUrl.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SsoConfig(Optional.empty(), startUrl.get().trim(), region.get().trim(), Optional.empty()));
    }

    /** The settings of an {@code [sso-session NAME]} section. */
    public static Optional<SsoConfig> ofSession(ProfileFile file, String sessionName) {
        return file.getSection("sso-session", sessionName).flatMap(section -> {
            Optional<String> startUrl = section.property(ProfileProperty.SSO_START_URL);
            Optional<String> region = section.property(ProfileProperty.SSO_REGION);
            if (startUrl.isEmpty() || region.isEmpty()) {
                return Optional.empty();
            }
            Optional<List<String>> scopes = section.property("sso_registration_scopes")
                    .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
            return Optional.of(new SsoConfig(Optional.of(sessionName), startUrl.get().trim(), region.get().trim(), scopes));
        });
    }
}
