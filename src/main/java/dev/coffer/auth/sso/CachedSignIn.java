package dev.coffer.auth.sso;

import java.util.List;
import java.util.Optional;

/**
 * Where the cached IAM Identity Center sign-in of an sso-session (or legacy start URL) stands,
 * after refreshing a token about to expire where that is possible.
 *
 * @param token  the usable token, when signed in
 * @param reason why there is none, e.g. "there is no cached sign-in for sso-session 'corp'"
 */
public record CachedSignIn(State state, Optional<CachedToken> token, String reason) {

    public enum State {
        /** A token good for a few minutes at least, perhaps just refreshed. */
        SIGNED_IN,
        /** Nothing cached for this sso-session or start URL (or a token for another start URL). */
        NOT_SIGNED_IN,
        /** The token expired (or is about to) and can not be refreshed: a legacy profile, no refresh token, or an expired registration. */
        EXPIRED,
        /** The token expired and IAM Identity Center refused to refresh it: the session ended. */
        REFRESH_REFUSED
    }

    static CachedSignIn signedIn(CachedToken token) {
        return new CachedSignIn(State.SIGNED_IN, Optional.of(token), "");
    }

    static CachedSignIn none(State state, String reason) {
        return new CachedSignIn(state, Optional.empty(), reason);
    }

    /** For a command line: which it is, and the commands that sign the profile in again. */
    public List<String> explain(String profile) {
        return List.of("The profile '" + profile + "' is not signed in to IAM Identity Center: " + reason + ".",
                "Sign in with: coffer login --profile " + profile + "   (or: aws sso login --profile " + profile + ")");
    }
}
