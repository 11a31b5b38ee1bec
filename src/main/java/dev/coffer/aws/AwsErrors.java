package dev.coffer.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one classification of every failure Coffer shows: what happened and what to do, one line
 * each, never a stack trace nor an SDK or Java exception's text. Coffer's own refusals
 * ({@link CofferException}, and the IllegalArgumentException and NoSuchElementException Coffer
 * throws with a sentence) are said as written; local files that could not be used are named. Never includes request bodies,
 * and hides values that AWS echoes back in validation errors, so a secret value can not leak
 * through an error dialog. A {@link Problem} reads differently in a window ({@link Problem#text()})
 * and from a headless command ({@link Problem#commandText()}).
 *
 * <p>It also tells the retry strategies and the stores which failures leave a write's outcome
 * unknown: {@link #certainlyNotApplied} (AWS did not apply the request: it may be sent again) and
 * {@link #outcomeUnknown} (it may have been applied: read back before anything else).
 */
public final class AwsErrors {

    /**
     * What happened, and what the user can do about it.
     *
     * @param advice        what to do in a window ("Try again" only where trying again can help)
     * @param commandAdvice what to do when a headless command failed (nothing about windows or drafts)
     */
    public record Problem(Kind kind, String summary, String advice, String commandAdvice) {

        public Problem(Kind kind, String summary, String advice) {
            this(kind, summary, advice, advice);
        }

        /** For a window: what happened and what to do there. */
        public String text() {
            return advice.isEmpty() ? summary : summary + " " + advice;
        }

        /** For a headless command's standard error: what happened and what to do from the command line. */
        public String commandText() {
            return commandAdvice.isEmpty() ? summary : summary + " " + commandAdvice;
        }
    }

    public enum Kind {
        /** AWS refused for lack of a permission. */
        ACCESS_DENIED,
        /** AWS kept throttling even after Coffer slowed down. */
        THROTTLED,
        /** AWS answered with an HTTP 5xx error. */
        SERVER_ERROR,
        /** The endpoint could not be reached at all: refused, unknown host, no route, connect timeout. */
        UNREACHABLE,
        /** The connection broke while the answer was awaited or arriving (reset, cut off). */
        CONNECTION_LOST,
        /** AWS did not answer within the time Coffer waits. */
        SLOW_ENDPOINT,
        /** A write's answer was lost and Coffer could not confirm whether it was applied. */
        ANSWER_LOST,
        EXPIRED_CREDENTIALS,
        NO_CREDENTIALS,
        /** A local file (AWS config, settings) cannot be read or understood. */
        BAD_FILE,
        NOT_FOUND,
        READ_ONLY,
        INVALID_REQUEST,
        /** Coffer refused or stopped, and says why in its own words. */
        REFUSED,
        /** The user cancelled it. */
        CANCELLED,
        OTHER
    }

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "ThrottledException", "RequestThrottled", "SlowDown", "RequestThrottledException");
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
    /** IAM's denial: "User: ARN is not authorized to perform: ACTION on resource: ARN because …". */
    private static final Pattern DENIAL = Pattern.compile(
            "(?:User: (\\S+) )?is not authorized to perform: (\\S+?)(?: on resource: (\\S+?))?(?: because (.*?))?\\.?$");
    /** The time an SDK timeout names: "… timeout configuration: 30000 millis". */
    private static final Pattern MILLIS = Pattern.compile("(\\d+) millis");
    /** Apache's "Connect to HOST:PORT [/ADDRESS] failed: …". */
    private static final Pattern CONNECT_TO = Pattern.compile("Connect to (\\S+?)(?: \\[| failed)");

    private static final String CHECK_NETWORK = "Check your network, VPN or proxy, and the endpoint and region of this connection.";

    private AwsErrors() {
    }

    public static Problem explain(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof ListingIncompleteException listing && listing.getCause() instanceof CancelledException) {
            return new Problem(Kind.CANCELLED, "Listing cancelled" + (listing.pagesListed() == 0 ? "."
                    : " after " + listing.itemsListed() + " " + listing.items() + "."), "Retry goes on from there.", "");
        }
        if (t instanceof ListingIncompleteException listing) {
            Problem cause = explain(listing.getCause());
            // Only a listing that got somewhere says how far.
            return listing.pagesListed() == 0 ? cause
                    : new Problem(cause.kind(), listing.getMessage() + " " + cause.summary(), cause.advice(), cause.commandAdvice());
        }
        if (t instanceof WriteOutcomeUnknownException lost) {
            return new Problem(Kind.ANSWER_LOST, "AWS's answer to " + lost.change() + " was lost (" + howLost(lost.getCause())
                    + "), and Coffer could not confirm whether the change was made.",
                    "Refresh to see whether it was saved before you save again.",
                    "Check in AWS whether the change was made before you run the command again.");
        }
        if (t instanceof ReadOnlyRefusedException refused) {
            return new Problem(Kind.READ_ONLY, "Read-only mode: " + refused.operation() + " was not sent.",
                    "This window is in audit mode for good; to make changes, open File → New window… without audit mode.",
                    "This command only reads; nothing was changed.");
        }
        if (t instanceof LocalFileException file) {
            return new Problem(Kind.BAD_FILE, "Coffer cannot use " + file.file() + file.line().stream()
                    .mapToObj(line -> " (line " + line + ")").findFirst().orElse("") + ": " + sentence(file.problem()),
                    "Correct or move aside that file; Coffer keeps working without it.",
                    "Correct or move aside that file, then run the command again.");
        }
        if (t instanceof MisconfiguredProfileException profile) {
            return new Problem(Kind.NO_CREDENTIALS, sentence(profile.getMessage()), "Or choose another profile.",
                    "Or name another --profile.");
        }
        if (t instanceof CredentialProcessException process) {
            return new Problem(Kind.NO_CREDENTIALS, process.getMessage(),
                    "Check its command in your AWS config file and run it in a terminal to see what it waits for, or choose another profile.",
                    "Check its command in your AWS config file and run it in a terminal to see what it waits for, or name another --profile.");
        }
        if (t instanceof CancelledException cancelled) {
            return new Problem(Kind.CANCELLED, cancelled.getMessage(), "");
        }
        if (t instanceof AwsServiceException aws) {
            return explainService(aws);
        }
        if (t instanceof CofferException own) {
            return new Problem(Kind.REFUSED, own.getMessage(), own.getCause() == null ? "" : explain(own.getCause()).text(),
                    own.getCause() == null ? "" : explain(own.getCause()).commandText());
        }
        // Coffer throws these with a sentence for the user (a bad setting, a file that is not an export, a parameter gone).
        if (t instanceof IllegalArgumentException || t instanceof NoSuchElementException) {
            return new Problem(Kind.REFUSED, nullToEmpty(t.getMessage()), "");
        }
        // Before the network: a local file's IOException comes bare, the network's inside the SDK's exception.
        Optional<Problem> file = fileProblem(t);
        if (file.isPresent()) {
            return file.get();
        }
        Optional<Problem> network = explainNetwork(error);
        if (network.isPresent()) {
            return network.get();
        }
        String message = nullToEmpty(t.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("token is expired") || lower.contains("token has expired") || lower.contains("sso session")
                || lower.contains("expired") && lower.contains("token")) {
            return new Problem(Kind.EXPIRED_CREDENTIALS, "Your SSO session has expired.", "Sign in again, then retry.",
                    "Sign in again (coffer login or aws sso login), then run the command again.");
        }
        if (t instanceof SdkClientException && (lower.contains("unable to load credentials") || lower.contains("profile file contained no credentials"))) {
            return new Problem(Kind.NO_CREDENTIALS, "No credentials were found for this connection.",
                    "Choose another profile, or configure this one with `aws configure` or `aws configure sso`.",
                    "Name another --profile, or configure this one with `aws configure` or `aws configure sso`.");
        }
        if (t instanceof SdkException || !readable(firstLine(message))) {
            // The SDK's own text and Java's are not for an administrator.
            return new Problem(Kind.OTHER, "Coffer could not complete the request.", "Try again; if it persists, restart Coffer.",
                    "Run the command again; if it persists, report it with the command line you used.");
        }
        return new Problem(Kind.OTHER, "Something went wrong" + detail(message), "Try again.", "");
    }

    private static Problem explainService(AwsServiceException aws) {
        String code = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorCode());
        String message = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorMessage());
        // 401: AWS did not accept who is calling, e.g. the SSO portal's UnauthorizedException for a
        // session token that was signed out or revoked. Signing in again fixes it; a permission does not.
        boolean unauthenticated = aws.statusCode() == 401;
        if (!unauthenticated && (DENIED.contains(code) || aws.statusCode() == 403 && !EXPIRED.contains(code))) {
            return new Problem(Kind.ACCESS_DENIED, denial(message),
                    "Ask your administrator for the permission, or connect with a role that has it.",
                    "Ask your administrator for the permission, or run the command with a --profile whose role has it.");
        }
        if (isThrottlingCode(aws) || aws.isThrottlingException()) {
            return new Problem(Kind.THROTTLED, "AWS kept throttling Coffer's requests (" + (code.isEmpty() ? "rate exceeded" : code) + ")"
                    + afterTries(aws) + ", although Coffer slowed down and paused between tries.",
                    "Wait a minute and try again; AWS shares this limit among every tool calling it in this account and region.",
                    "Run the command again later, when fewer calls are made in this account and region.");
        }
        if (EXPIRED.contains(code) || unauthenticated) {
            return new Problem(Kind.EXPIRED_CREDENTIALS, "Your credentials are expired or not valid" + detail(message),
                    "Sign in again, then retry.", "Renew the profile's credentials (coffer login or aws sso login), then run the command again.");
        }
        if (NOT_FOUND.contains(code)) {
            return new Problem(Kind.NOT_FOUND, "Not found" + detail(message), "Refresh to see the current state.", "");
        }
        if (aws.statusCode() >= 500) {
            return new Problem(Kind.SERVER_ERROR, "AWS answered with a server error (HTTP " + aws.statusCode()
                    + (code.isEmpty() ? "" : " " + code) + ")" + afterTries(aws) + ".",
                    "Try again in a minute; if it persists, check the AWS Health Dashboard.",
                    "Run the command again in a minute; if it persists, check the AWS Health Dashboard.");
        }
        if (aws.statusCode() == 400) {
            return new Problem(Kind.INVALID_REQUEST, "AWS rejected the request" + detail(codeAndMessage(code, message)),
                    "Correct the input and try again.", "");
        }
        return new Problem(Kind.OTHER, "AWS answered with an error" + detail(codeAndMessage(code, message)),
                "Try again; if it persists, check the AWS Health Dashboard.",
                "Run the command again; if it persists, check the AWS Health Dashboard.");
    }

    /** A local file Coffer could not use, named; a sentence Coffer wrote about it is said as written. */
    private static Optional<Problem> fileProblem(Throwable t) {
        Throwable e = t;
        if (t instanceof UncheckedIOException unchecked) {
            if (!Objects.equals(unchecked.getMessage(), String.valueOf(unchecked.getCause()))) {
                return Optional.of(new Problem(Kind.BAD_FILE, unchecked.getMessage(), ""));
            }
            e = unchecked.getCause();
        }
        if (e instanceof NoSuchFileException missing) {
            return Optional.of(new Problem(Kind.BAD_FILE, "There is no file or folder " + missing.getFile() + ".", ""));
        }
        if (e instanceof AccessDeniedException denied) {
            return Optional.of(new Problem(Kind.BAD_FILE, "Coffer may not use the file " + denied.getFile() + ".", ""));
        }
        // A file system's message names the file and the reason; any other reader's (a parser's)
        // may quote what it read, which can be a secret.
        if (e instanceof FileSystemException fs) {
            return Optional.of(new Problem(Kind.BAD_FILE, "The file could not be used: " + fs.getMessage(), ""));
        }
        if (e instanceof IOException io && !isNetworkType(io)) {
            return Optional.of(new Problem(Kind.BAD_FILE, "A file could not be read or written.",
                    "Check that the file is whole and that you may read and write it."));
        }
        return Optional.empty();
    }

    /** java.net's and TLS's exceptions are the network's, even when they come bare. */
    private static boolean isNetworkType(IOException e) {
        String where = e.getClass().getPackageName();
        return where.equals("java.net") || where.equals("javax.net.ssl");
    }

    /**
     * A failure on the way to AWS or back: never reached, reached but the answer was lost, or no
     * answer in time. Empty when the failure is none of these.
     */
    private static Optional<Problem> explainNetwork(Throwable error) {
        Throwable timeout = find(error, c -> c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                || c instanceof SocketTimeoutException && !isConnectTimeout(c));
        if (timeout != null && !isUnreachable(error)) {
            Matcher millis = MILLIS.matcher(nullToEmpty(timeout.getMessage()));
            String waited = millis.find() ? " within " + seconds(Long.parseLong(millis.group(1))) : " in time";
            return Optional.of(new Problem(Kind.SLOW_ENDPOINT, "AWS did not answer" + waited + afterTries(error) + ".",
                    "Try again later; if it persists, check the AWS Health Dashboard and your network.",
                    "Run the command again later; if it persists, check the AWS Health Dashboard and your network."));
        }
        if (isUnreachable(error)) {
            return Optional.of(new Problem(Kind.UNREACHABLE, "Cannot reach the AWS endpoint: " + whyUnreachable(error) + ".",
                    CHECK_NETWORK + " Then try again.", CHECK_NETWORK));
        }
        if (isConnectionLost(error)) {
            return Optional.of(new Problem(Kind.CONNECTION_LOST, "The connection to AWS was lost before its answer arrived ("
                    + howLost(error) + ")" + afterTries(error) + ".",
                    "Check your network, VPN or proxy, then try again.", "Check your network, VPN or proxy, then run the command again."));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- what a failure means for a write

    /**
     * AWS certainly did not apply the request, so sending it again cannot apply it twice: AWS
     * throttled it, answered 503 Service Unavailable (the request was not processed), or the
     * connection was never made (refused, unknown host, no route, connect timeout).
     */
    public static boolean certainlyNotApplied(Throwable failure) {
        if (Throttles.isThrottling(failure)) {
            return true;
        }
        Throwable t = unwrap(failure);
        if (t instanceof AwsServiceException aws) {
            return aws.statusCode() == 503;
        }
        return isUnreachable(failure);
    }

    /**
     * The request may have been applied although no answer says so: the connection broke after it
     * was sent, the answer came too late or cut off, or AWS answered with a server error other than 503.
     */
    public static boolean outcomeUnknown(Throwable failure) {
        if (certainlyNotApplied(failure)) {
            return false;
        }
        Throwable t = unwrap(failure);
        if (t instanceof AwsServiceException aws) {
            return aws.statusCode() >= 500;
        }
        return find(failure, c -> c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                || c instanceof IOException || c instanceof UncheckedIOException) != null;
    }

    /** Whether AWS's error code is one of the throttling codes of its services. */
    public static boolean isThrottlingCode(AwsServiceException aws) {
        return aws.awsErrorDetails() != null && THROTTLED.contains(nullToEmpty(aws.awsErrorDetails().errorCode()));
    }

    // ---------------------------------------------------------------- network failures in words

    /**
     * Could not connect: unknown host, refused, no route, or a connect timeout. Apache's connect
     * timeout is an InterruptedIOException (not a SocketTimeoutException), so it is matched by
     * name rather than by a type this class would otherwise not need.
     */
    private static boolean isUnreachable(Throwable error) {
        return find(error, c -> c instanceof UnknownHostException || c instanceof ConnectException || c instanceof NoRouteToHostException
                || isConnectTimeout(c)) != null;
    }

    private static boolean isConnectTimeout(Throwable c) {
        return c.getClass().getName().equals("org.apache.http.conn.ConnectTimeoutException")
                || c instanceof SocketTimeoutException && nullToEmpty(c.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
    }

    private static boolean isConnectionLost(Throwable error) {
        return find(error, c -> c instanceof IOException || c instanceof UncheckedIOException) != null;
    }

    private static String whyUnreachable(Throwable error) {
        Throwable unknownHost = find(error, c -> c instanceof UnknownHostException);
        if (unknownHost != null) {
            String host = nullToEmpty(unknownHost.getMessage()).trim();
            return host.isEmpty() || !readable(host) ? "its host name was not found" : "the host name " + host + " was not found";
        }
        String where = "";
        for (Throwable c = error; c != null && where.isEmpty(); c = c.getCause()) {
            Matcher to = CONNECT_TO.matcher(nullToEmpty(c.getMessage()));
            where = to.find() ? " to " + to.group(1) : "";
        }
        if (find(error, c -> c instanceof NoRouteToHostException) != null) {
            return "there is no network route" + where;
        }
        if (find(error, AwsErrors::isConnectTimeout) != null) {
            return "connecting" + where + " timed out";
        }
        return "the connection" + where + " was refused";
    }

    /** How an answer was lost, in words: "connection reset", "the answer was cut off"… */
    private static String howLost(Throwable error) {
        if (error == null) {
            return "no answer";
        }
        if (find(error, c -> c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                || c instanceof SocketTimeoutException) != null) {
            Throwable timeout = find(error, c -> MILLIS.matcher(nullToEmpty(c.getMessage())).find());
            Matcher millis = MILLIS.matcher(timeout == null ? "" : nullToEmpty(timeout.getMessage()));
            return millis.find() ? "no answer within " + seconds(Long.parseLong(millis.group(1))) : "no answer in time";
        }
        Throwable unwrapped = unwrap(error);
        if (unwrapped instanceof AwsServiceException aws) {
            return "AWS answered with a server error, HTTP " + aws.statusCode();
        }
        Throwable cutOff = find(error, c -> c.getClass().getName().equals("org.apache.http.ConnectionClosedException")
                || c instanceof java.io.EOFException);
        if (cutOff != null) {
            return "the answer was cut off";
        }
        if (find(error, c -> c.getClass().getName().equals("org.apache.http.NoHttpResponseException")) != null) {
            return "the connection closed without an answer";
        }
        Throwable socket = find(error, c -> c instanceof SocketException);
        if (socket != null && nullToEmpty(socket.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            return "connection reset";
        }
        if (socket != null && nullToEmpty(socket.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe")) {
            return "connection closed while sending";
        }
        return "connection lost";
    }

    /** ", also after 10 tries" when the SDK tried more than once (it records each earlier attempt). */
    private static String afterTries(Throwable error) {
        Throwable t = unwrap(error);
        long earlier = java.util.Arrays.stream(t.getSuppressed())
                .filter(s -> nullToEmpty(s.getMessage()).startsWith("Request attempt ")).count();
        return earlier > 0 ? ", also after " + (earlier + 1) + " tries" : "";
    }

    private static String seconds(long millis) {
        if (millis == 1000) {
            return "1 second";
        }
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : String.format(Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    /** "Access denied: ssm:PutParameter on arn:… is not allowed for arn:aws:iam::…:user/x." or AWS's own words. */
    private static String denial(String message) {
        Matcher m = DENIAL.matcher(firstLine(message).trim());
        if (!m.find()) {
            return "Access denied" + detail(message);
        }
        StringBuilder text = new StringBuilder("Access denied: AWS does not allow ").append(m.group(2));
        if (m.group(3) != null) {
            text.append(" on ").append(m.group(3));
        }
        if (m.group(1) != null) {
            text.append(" for ").append(m.group(1));
        }
        if (m.group(4) != null && !m.group(4).isBlank()) {
            text.append(" (").append(m.group(4).trim()).append(")");
        }
        return text.append(".").toString();
    }

    private static Throwable find(Throwable error, java.util.function.Predicate<Throwable> test) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (test.test(c)) {
                return c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** Text a person may read as it is: no Java or SDK class names, no stack frames. */
    private static boolean readable(String message) {
        return !message.isBlank() && !message.contains("java.") && !message.contains("software.amazon") && !message.contains("\tat ")
                && !message.contains("Exception");
    }

    private static String sentence(String text) {
        String line = firstLine(text).trim();
        return line.endsWith(".") ? line : line + ".";
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
            if (c instanceof ReadOnlyRefusedException || c instanceof AwsServiceException || c instanceof ListingIncompleteException
                    || c instanceof WriteOutcomeUnknownException || c instanceof LocalFileException
                    || c instanceof MisconfiguredProfileException || c instanceof CredentialProcessException
                    || c instanceof CofferException) {
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
