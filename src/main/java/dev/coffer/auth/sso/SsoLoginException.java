package dev.coffer.auth.sso;

import dev.coffer.aws.CofferException;

/** A sign-in that did not end with a token, with a sentence the user can act on. */
public final class SsoLoginException extends CofferException {

    public enum Reason {
        /** The user chose Deny on the verification page. */
        DENIED,
        /** The code ran out before the user approved it. */
        CODE_EXPIRED,
        /** The user cancelled. */
        CANCELLED,
        /** The service named a verification page that is not https:// (nor http:// on this computer): not opened or shown. */
        UNSAFE_PAGE
    }

    private final Reason reason;

    public SsoLoginException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
