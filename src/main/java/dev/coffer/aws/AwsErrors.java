package dev.coffer.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place an exception becomes the message a person reads, in every window, dialog and
 * command: a short summary and what to do about it, never a stack trace. AWS's errors are
 * explained; Coffer's own refusals ({@link CofferException}, and the IllegalArgumentException and
 * NoSuchElementException Coffer throws with a sentence) are said as written; files that could not
 * be used are named. Never includes request bodies, and hides values that AWS echoes back in
 * validation errors, so a secret value can not leak through an error dialog.
 */
public final class AwsErrors {

    /** What happened, and what the user can do about it. */
    public record Problem(Kind kind, String summary, String advice) {
        public String text() {
            return advice.isEmpty() ? summary : summary + " " + advice;
        }
    }

    public enum Kind {
        ACCESS_DENIED, THROTTLED, EXPIRED_CREDENTIALS, NO_CREDENTIALS, UNREACHABLE, NOT_FOUND, READ_ONLY, INVALID_REQUEST,
        /** Coffer refused or stopped, and says why in its own words. */
        REFUSED,
        /** A local file could not be read or written. */
        FILE,
        OTHER
    }

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "ThrottledException", "RequestThrottled", "SlowDown");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "InvalidClientTokenId", "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch");
    private static final Set<String> NOT_FOUND = Set.of("ParameterNotFound", "ResourceNotFoundException", "ParameterVersionNotFound",
            "NotFoundException", "InvalidAMIID.NotFound");

    /**
     * AWS validation errors quote the rejected value ("Value 'xyz' at 'secretString' failed to
     * satisfy constraint"; moto also quotes with double quotes); for a value that is the secret
     * itself. The quote ends only where the member name and "failed to satisfy constraint" follow,
     * so a value that itself holds "' at '" is dropped whole.
     */
    private static final Pattern ECHOED_VALUE = Pattern.compile(
            "(?s)Value (['\"]).*?\\1 at \\1([\\w.\\[\\]-]+)\\1 failed to satisfy constraint");
    /** An echoed value whose end can not be told (the message was cut short): everything from it on is dropped. */
    private static final Pattern UNENDED_VALUE = Pattern.compile("(?s)Value ['\"].*");

    private AwsErrors() {
    }

    public static Problem explain(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof ReadOnlyRefusedException refused) {
            return new Problem(Kind.READ_ONLY, "Read-only mode: " + refused.operation() + " was not sent.",
                    "This window is in audit mode for good; to make changes, open File → New window… without audit mode.");
        }
        if (t instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorCode());
            String message = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorMessage());
            // 401: AWS did not accept who is calling, e.g. the SSO portal's UnauthorizedException for a
            // session token that was signed out or revoked. Signing in again fixes it; a permission does not.
            boolean unauthenticated = aws.statusCode() == 401;
            if (!unauthenticated && (DENIED.contains(code) || aws.statusCode() == 403 && !EXPIRED.contains(code))) {
                return new Problem(Kind.ACCESS_DENIED, "Access denied" + detail(message),
                        "Ask your administrator for the permission, or connect with a role that has it.");
            }
            if (THROTTLED.contains(code) || aws.isThrottlingException()) {
                return new Problem(Kind.THROTTLED, "AWS is throttling requests (rate exceeded).",
                        "Wait a moment and try again; your work has been kept.");
            }
            if (EXPIRED.contains(code) || unauthenticated) {
                return new Problem(Kind.EXPIRED_CREDENTIALS, "Your credentials are expired or not valid" + detail(message),
                        "Sign in again, then retry.");
            }
            if (NOT_FOUND.contains(code)) {
                return new Problem(Kind.NOT_FOUND, "Not found" + detail(message), "Refresh to see the current state.");
            }
            if (aws.statusCode() == 400) {
                return new Problem(Kind.INVALID_REQUEST, "AWS rejected the request" + detail(codeAndMessage(code, message)),
                        "Correct the input and try again.");
            }
            return new Problem(Kind.OTHER, "AWS answered with an error" + detail(codeAndMessage(code, message)),
                    "Try again; if it persists, check the AWS service health.");
        }
        if (t instanceof CofferException own) {
            return new Problem(Kind.REFUSED, own.getMessage(), own.getCause() == null ? "" : explain(own.getCause()).text());
        }
        // Coffer throws these with a sentence for the user (a bad setting, a file that is not an export, a parameter gone).
        if (t instanceof IllegalArgumentException || t instanceof NoSuchElementException) {
            return new Problem(Kind.REFUSED, nullToEmpty(t.getMessage()), "");
        }
        if (isNetworkFailure(error) || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return new Problem(Kind.UNREACHABLE, "Cannot reach the AWS endpoint.",
                    "Check your network, VPN or proxy, and the endpoint and region of this connection.");
        }
        Optional<Problem> file = fileProblem(t);
        if (file.isPresent()) {
            return file.get();
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

    /** A local file Coffer could not use, named; a sentence Coffer wrote about it is said as written. */
    private static Optional<Problem> fileProblem(Throwable t) {
        Throwable e = t;
        if (t instanceof UncheckedIOException unchecked) {
            if (!Objects.equals(unchecked.getMessage(), String.valueOf(unchecked.getCause()))) {
                return Optional.of(new Problem(Kind.FILE, unchecked.getMessage(), ""));
            }
            e = unchecked.getCause();
        }
        if (e instanceof NoSuchFileException missing) {
            return Optional.of(new Problem(Kind.FILE, "There is no file or folder " + missing.getFile() + ".", ""));
        }
        if (e instanceof AccessDeniedException denied) {
            return Optional.of(new Problem(Kind.FILE, "Coffer may not use the file " + denied.getFile() + ".", ""));
        }
        if (e instanceof IOException io) {
            return Optional.of(new Problem(Kind.FILE, "The file could not be used: " + io.getMessage(), ""));
        }
        return Optional.empty();
    }

    /**
     * Could not connect or got no answer: unknown host, refused, no route, or a timeout. Apache's
     * connect timeout is an InterruptedIOException (not a SocketTimeoutException), so it is
     * matched by name rather than by a type this class would otherwise not need.
     */
    private static boolean isNetworkFailure(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof SocketTimeoutException
                    || c.getClass().getName().equals("org.apache.http.conn.ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static String codeAndMessage(String code, String message) {
        if (code.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? code : code + ": " + message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReadOnlyRefusedException || c instanceof AwsServiceException || c instanceof CofferException) {
                return c;
            }
        }
        return t;
    }

    /** ": first line of the message." (or just "." when there is none), with echoed values hidden. */
    private static String detail(String message) {
        String line = message == null ? "" : firstLine(message).trim();
        if (line.isEmpty()) {
            return ".";
        }
        return ": " + line + (line.endsWith(".") || line.endsWith("…") ? "" : ".");
    }

    private static String firstLine(String s) {
        String hidden = UNENDED_VALUE.matcher(ECHOED_VALUE.matcher(s).replaceAll("Value (hidden) at $1$2$1 failed to satisfy constraint"))
                .replaceAll("Value (hidden)");
        int end = hidden.length();
        for (char stop : new char[] {'\n', '\r'}) {
            int at = hidden.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String line = hidden.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
