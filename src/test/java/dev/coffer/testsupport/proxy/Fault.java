package dev.coffer.testsupport.proxy;

/** What the proxy can do to a request instead of, or besides, forwarding it. */
public enum Fault {
    /** Answers the protocol's throttling error (JSON: HTTP 400 ThrottlingException "Rate exceeded"); not forwarded. */
    THROTTLING,
    /** Answers HTTP 500 in the protocol's error shape; not forwarded. */
    INTERNAL_ERROR,
    /** Answers HTTP 503 ServiceUnavailable; not forwarded. */
    SERVICE_UNAVAILABLE,
    /** Answers the protocol's expired-credentials error (JSON: HTTP 400 ExpiredTokenException), as when a sign-in ran out; not forwarded. */
    EXPIRED_TOKEN,
    /** Answers the protocol's access-denied error (JSON: HTTP 400 AccessDeniedException; query: HTTP 403 AccessDenied), as for a role without the permission; not forwarded. */
    ACCESS_DENIED,
    /** Resets the connection (SO_LINGER 0) without forwarding or answering: AWS never saw the request. */
    RESET_BEFORE_FORWARD,
    /** Forwards, so the upstream applies the request, then resets the connection without answering: the answer is lost. */
    RESET_AFTER_FORWARD,
    /** Forwards, then holds the answer back for the rule's delay (for attempt timeouts). */
    SLOW_ANSWER,
    /** Forwards, then sends the status and headers with the whole body's Content-Length but only half the body, and closes. */
    TRUNCATED_ANSWER
}
