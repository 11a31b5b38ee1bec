package dev.coffer.aws;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns SDK exceptions into a short message a person can act on. Never includes request bodies,
 * so a secret value can not leak through an error dialog.
 */
public final class AwsErrors {

    /** What happened, and what the user can do about it. */
    public record Problem(Kind kind, String summary, String advice) {
        public String text() {
            return summary + " " + advice;
        }
    }

    public enum Kind { ACCESS_DENIED, THROTTLED, EXPIRED_CREDENTIALS, NO_CREDENTIALS, UNREACHABLE, NOT_FOUND, READ_ONLY, INVALID_REQUEST, OTHER }

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "ThrottledException", "RequestThrottled", "SlowDown");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "InvalidClientTokenId", "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch");
    private static final Set<String> NOT_FOUND = Set.of("ParameterNotFound", "ResourceNotFoundException", "ParameterVersionNotFound",
            "NotFoundException", "InvalidAMIID.NotFound");

    private AwsErrors() {
    }

    public static Problem explain(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof ReadOnlyRefusedException refused) {
            return new Problem(Kind.READ_ONLY, "Read-only mode: " + refused.operation() + " was not sent.",
                    "Reconnect without read-only mode to make changes.");
        }
        if (t instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorCode());
            String message = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorMessage());
            if (DENIED.contains(code) || aws.statusCode() == 403 && !EXPIRED.contains(code)) {
                return new Problem(Kind.ACCESS_DENIED, "Access denied" + detail(message),
                        "Ask your administrator for the permission, or connect with a role that has it.");
            }
            if (THROTTLED.contains(code) || aws.isThrottlingException()) {
                return new Problem(Kind.THROTTLED, "AWS is throttling requests (rate exceeded).",
                        "Wait a moment and try again; your work has been kept.");
            }
            if (EXPIRED.contains(code)) {
                return new Problem(Kind.EXPIRED_CREDENTIALS, "Your credentials are expired or not valid" + detail(message),
                        "Sign in again (for SSO profiles: Connect → Sign in), then retry.");
            }
            if (NOT_FOUND.contains(code)) {
                return new Problem(Kind.NOT_FOUND, "Not found" + detail(message), "Refresh to see the current state.");
            }
            if (aws.statusCode() == 400) {
                return new Problem(Kind.INVALID_REQUEST, "AWS rejected the request" + detail(code + (message.isEmpty() ? "" : ": " + message)),
                        "Correct the input and try again.");
            }
            return new Problem(Kind.OTHER, "AWS answered with an error" + detail(code + (message.isEmpty() ? "" : ": " + message)),
                    "Try again; if it persists, check the AWS service health.");
        }
        if (hasCause(error, UnknownHostException.class) || hasCause(error, ConnectException.class)
                || hasCause(error, SocketTimeoutException.class) || t instanceof ApiCallTimeoutException) {
            return new Problem(Kind.UNREACHABLE, "Cannot reach the AWS endpoint.",
                    "Check your network, VPN or proxy, and the endpoint and region of this connection.");
        }
        String message = nullToEmpty(t.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("token is expired") || lower.contains("token has expired") || lower.contains("sso session")
                || lower.contains("expired") && lower.contains("token")) {
            return new Problem(Kind.EXPIRED_CREDENTIALS, "Your SSO session has expired.",
                    "Sign in again, then retry; your work has been kept.");
        }
        if (t instanceof SdkClientException && (lower.contains("unable to load credentials") || lower.contains("profile file contained no credentials"))) {
            return new Problem(Kind.NO_CREDENTIALS, "No credentials were found for this connection.",
                    "Choose another profile, or configure this one with `aws configure` or `aws configure sso`.");
        }
        return new Problem(Kind.OTHER, "Something went wrong" + detail(firstLine(message)), "Try again.");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReadOnlyRefusedException || c instanceof AwsServiceException) {
                return c;
            }
        }
        return t;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String detail(String message) {
        return message == null || message.isBlank() ? "." : ": " + firstLine(message).trim() + (message.trim().endsWith(".") ? "" : ".");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
