package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.AwsErrors.Kind;
import dev.coffer.aws.AwsErrors.Problem;
import dev.coffer.parameters.CopyIncompleteException;
import dev.coffer.parameters.CopyPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** AwsErrors on exceptions built the way the SDK builds them, for errors moto can not produce. */
class AwsErrorsTest {

    static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Ssm").build())
                .statusCode(status)
                .message(message + " (Service: Ssm, Status Code: " + status + ", Request ID: 1234)")
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "AccessDeniedException, 400, ACCESS_DENIED",
        "AccessDenied, 403, ACCESS_DENIED",
        "UnauthorizedOperation, 403, ACCESS_DENIED",
        "SomethingForbidden, 403, ACCESS_DENIED",
        "ThrottlingException, 400, THROTTLED",
        "Throttling, 400, THROTTLED",
        "TooManyRequestsException, 429, THROTTLED",
        "SomethingNew, 429, THROTTLED",
        "ExpiredTokenException, 400, EXPIRED_CREDENTIALS",
        "ExpiredToken, 403, EXPIRED_CREDENTIALS",
        "UnrecognizedClientException, 400, EXPIRED_CREDENTIALS",
        "InvalidSignatureException, 403, EXPIRED_CREDENTIALS",
        "ParameterNotFound, 400, NOT_FOUND",
        "ResourceNotFoundException, 400, NOT_FOUND",
        "ValidationException, 400, INVALID_REQUEST",
        "InternalServerError, 500, SERVER_ERROR",
        "ServiceUnavailable, 503, SERVER_ERROR",
    })
    void serviceErrorsByCode(String code, int status, Kind kind) {
        Problem p = AwsErrors.explain(service(code, status, "Something about " + code));
        assertThat(p.kind()).isEqualTo(kind);
        assertReadable(p);
    }

    @Test
    void accessDeniedKeepsAwsExplanationOnOneLine() {
        Problem p = AwsErrors.explain(service("AccessDeniedException", 400,
                "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/alice is not authorized to perform: ssm:PutParameter\n"
                        + "\tat software.amazon.awssdk.Something.call(Something.java:42)"));
        assertThat(p.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(p.summary()).isEqualTo("Access denied: AWS does not allow ssm:PutParameter for "
                + "arn:aws:sts::123456789012:assumed-role/ReadOnly/alice.").doesNotContain("Something.java");
        assertReadable(p);
    }

    @Test
    void accessDeniedNamesTheActionAndTheResource() {
        Problem p = AwsErrors.explain(service("AccessDeniedException", 400,
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ssm:PutParameter on resource: "
                        + "arn:aws:ssm:eu-west-1:123456789012:parameter/app/url because no identity-based policy allows "
                        + "the ssm:PutParameter action"));
        assertThat(p.summary()).isEqualTo("Access denied: AWS does not allow ssm:PutParameter on "
                + "arn:aws:ssm:eu-west-1:123456789012:parameter/app/url for arn:aws:iam::123456789012:user/bob "
                + "(no identity-based policy allows the ssm:PutParameter action).");
        Problem plain = AwsErrors.explain(service("AccessDenied", 403, "Access to KMS is not allowed"));
        assertThat(plain.summary()).isEqualTo("Access denied: Access to KMS is not allowed.");
        assertReadable(p);
        assertReadable(plain);
    }

    @Test
    void throttlingAndExpiryGiveAdvice() {
        Problem throttled = AwsErrors.explain(service("ThrottlingException", 400, "Rate exceeded"));
        assertThat(throttled.advice()).containsIgnoringCase("try again");
        Problem expired = AwsErrors.explain(service("ExpiredTokenException", 400, "The security token included in the request is expired"));
        assertThat(expired.summary()).contains("expired");
        assertThat(expired.advice()).containsIgnoringCase("sign in");
        assertReadable(throttled);
        assertReadable(expired);
    }

    @Test
    void anErrorWithoutDetailsOrMessageStillReads() {
        Problem p = AwsErrors.explain(AwsServiceException.builder().statusCode(400).build());
        assertThat(p.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(p.text()).doesNotContain("null").doesNotContain(": :").doesNotContain("..");
        assertReadable(p);

        Problem codeOnly = AwsErrors.explain(service("", 400, "Invalid label"));
        assertThat(codeOnly.summary()).isEqualTo("AWS rejected the request: Invalid label.");

        Problem none = AwsErrors.explain(AwsServiceException.builder().build());
        assertThat(none.kind()).isEqualTo(Kind.OTHER);
        assertThat(none.text()).doesNotContain("null");
    }

    @Test
    void aMessageEndingInAFullStopGetsNoSecondOne() {
        Problem p = AwsErrors.explain(service("ParameterNotFound", 400, "Parameter /a/b not found."));
        assertThat(p.summary()).isEqualTo("Not found: Parameter /a/b not found.");
        Problem multi = AwsErrors.explain(service("ValidationException", 400, "First line\nsecond line."));
        assertThat(multi.summary()).isEqualTo("AWS rejected the request: ValidationException: First line.");
    }

    @Test
    void valuesEchoedByAValidationErrorAreHidden() {
        // AWS validation messages can quote the rejected member; for a value that is the secret itself.
        String secret = "hunter2-very-secret";
        Problem p = AwsErrors.explain(service("ValidationException", 400,
                "1 validation error detected: Value '" + secret + "' at 'value' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096"));
        assertThat(p.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(p.text()).doesNotContain(secret).contains("at 'value' failed to satisfy constraint");
        Problem two = AwsErrors.explain(service("ValidationException", 400,
                "2 validation errors detected: Value 's3cret' at 'secretString' failed to satisfy constraint: x; "
                        + "Value 'abc' at 'name' failed to satisfy constraint: y"));
        assertThat(two.text()).doesNotContain("s3cret").contains("at 'secretString'").contains("at 'name'");
    }

    @Test
    void aValueContainingTheQuoteDelimiterIsHiddenWhole() {
        // The echoed part ends only at "' at 'member' failed to satisfy constraint", so a value holding "' at '" stays hidden.
        Problem p = AwsErrors.explain(service("ValidationException", 400,
                "1 validation error detected: Value 'first' at 'part-of-the-secret' at 'value' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096"));
        assertThat(p.text()).doesNotContain("first").doesNotContain("part-of-the-secret")
                .contains("Value (hidden) at 'value' failed to satisfy constraint");
        Problem doubleQuoted = AwsErrors.explain(service("ValidationException", 400,
                "1 validation error detected: Value \"s3cret\" at \"rest-of-it\" at \"parameterFilters.1.member.values\" "
                        + "failed to satisfy constraint: x"));
        assertThat(doubleQuoted.text()).doesNotContain("s3cret").doesNotContain("rest-of-it")
                .contains("at \"parameterFilters.1.member.values\" failed to satisfy constraint");
        Problem cut = AwsErrors.explain(service("ValidationException", 400, "1 validation error detected: Value 'abc' at 'tail-of-it"));
        assertThat(cut.text()).doesNotContain("abc").doesNotContain("tail-of-it");
        assertReadable(p);
        assertReadable(doubleQuoted);
        assertReadable(cut);
    }

    @Test
    void anEndpointThatCannotBeReachedIsUnreachable() {
        Throwable[] failures = {
            SdkClientException.builder().message("Unable to execute HTTP request: Connect to 127.0.0.1:4566 [/127.0.0.1] failed: "
                    + "Connection refused").cause(new ConnectException("Connect to 127.0.0.1:4566 [/127.0.0.1] failed: Connection refused"))
                    .build(),
            SdkClientException.builder().message("Unable to execute HTTP request: sts.eu-west-9.amazonaws.com")
                    .cause(new UnknownHostException("sts.eu-west-9.amazonaws.com")).build(),
            // Apache's connect timeout is an InterruptedIOException, not a SocketTimeoutException.
            SdkClientException.builder().message("Unable to execute HTTP request: Connect to 10.0.0.1:443 failed: connect timed out")
                    .cause(new org.apache.http.conn.ConnectTimeoutException("Connect to 10.0.0.1:443 failed: connect timed out")).build(),
            SdkClientException.builder().message("Unable to execute HTTP request: No route to host")
                    .cause(new NoRouteToHostException("No route to host")).build(),
        };
        String[] why = {"the connection to 127.0.0.1:4566 was refused", "the host name sts.eu-west-9.amazonaws.com was not found",
            "connecting to 10.0.0.1:443 timed out", "there is no network route"};
        for (int i = 0; i < failures.length; i++) {
            Problem p = AwsErrors.explain(failures[i]);
            assertThat(p.kind()).as(failures[i].toString()).isEqualTo(Kind.UNREACHABLE);
            assertThat(p.summary()).isEqualTo("Cannot reach the AWS endpoint: " + why[i] + ".");
            assertThat(p.advice()).contains("Check your network");
            assertReadable(p);
            assertThat(AwsErrors.certainlyNotApplied(failures[i])).as("never sent").isTrue();
        }
    }

    @Test
    void noAnswerInTimeIsASlowEndpointWithTheTimeWaited() {
        Problem attempt = AwsErrors.explain(ApiCallAttemptTimeoutException.create(30_000));
        assertThat(attempt.kind()).isEqualTo(Kind.SLOW_ENDPOINT);
        assertThat(attempt.summary()).isEqualTo("AWS did not answer within 30 seconds.");
        Problem call = AwsErrors.explain(ApiCallTimeoutException.create(90_000));
        assertThat(call.summary()).isEqualTo("AWS did not answer within 90 seconds.");
        Problem read = AwsErrors.explain(SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
                .cause(new SocketTimeoutException("Read timed out")).build());
        assertThat(read.kind()).isEqualTo(Kind.SLOW_ENDPOINT);
        assertThat(read.summary()).isEqualTo("AWS did not answer in time.");
        for (Problem p : new Problem[] {attempt, call, read}) {
            assertThat(p.text()).doesNotContain("Cannot reach");
            assertReadable(p);
        }
        assertThat(AwsErrors.outcomeUnknown(ApiCallAttemptTimeoutException.create(30_000))).as("a write may have been applied").isTrue();
    }

    @Test
    void aBrokenConnectionReadsWithoutTheSdksWords() {
        SdkClientException reset = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection reset (SDK Attempt Count: 3)")
                .cause(new java.net.SocketException("Connection reset")).build();
        reset.addSuppressed(SdkClientException.create("Request attempt 1 failure: Unable to execute HTTP request: Connection reset"));
        reset.addSuppressed(SdkClientException.create("Request attempt 2 failure: Unable to execute HTTP request: Connection reset"));
        SdkClientException unmarshall = SdkClientException.builder()
                .message("Unable to unmarshall response (java.net.SocketException: Connection reset). Response Code: 200, Response Text: OK")
                .cause(new java.net.SocketException("Connection reset")).build();
        SdkClientException truncated = SdkClientException.builder()
                .message("Unable to execute HTTP request: Premature end of Content-Length delimited message body")
                .cause(new org.apache.http.ConnectionClosedException("Premature end of Content-Length delimited message body "
                        + "(expected: 120; received: 60)")).build();

        Problem p = AwsErrors.explain(reset);
        assertThat(p.kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(p.summary()).isEqualTo("The connection to AWS was lost before its answer arrived (connection reset), also after 3 tries.");
        assertThat(AwsErrors.explain(unmarshall).summary())
                .isEqualTo("The connection to AWS was lost before its answer arrived (connection reset).");
        assertThat(AwsErrors.explain(truncated).summary())
                .isEqualTo("The connection to AWS was lost before its answer arrived (the answer was cut off).");
        for (Throwable failure : new Throwable[] {reset, unmarshall, truncated}) {
            Problem each = AwsErrors.explain(failure);
            assertThat(each.text()).doesNotContain("Unable to").doesNotContain("SDK Attempt").doesNotContain("Response Code")
                    .doesNotContain("Premature");
            assertReadable(each);
            assertThat(AwsErrors.outcomeUnknown(failure)).as("a write may have been applied").isTrue();
            assertThat(AwsErrors.certainlyNotApplied(failure)).isFalse();
        }
    }

    @Test
    void throttlingAndServerErrorsSayWhatCofferDidAboutThem() {
        AwsServiceException throttled = service("ThrottlingException", 400, "Rate exceeded");
        for (int i = 1; i < 10; i++) {
            throttled.addSuppressed(SdkClientException.create("Request attempt " + i + " failure: Rate exceeded"));
        }
        Problem t = AwsErrors.explain(throttled);
        assertThat(t.summary()).isEqualTo("AWS kept throttling Coffer's requests (ThrottlingException), also after 10 tries, "
                + "although Coffer slowed down and paused between tries.");
        Problem server = AwsErrors.explain(service("InternalServerError", 500, "An internal error occurred"));
        assertThat(server.summary()).isEqualTo("AWS answered with a server error (HTTP 500 InternalServerError).");
        assertThat(server.advice()).contains("AWS Health Dashboard");

        assertThat(AwsErrors.certainlyNotApplied(throttled)).as("a throttled request was not applied").isTrue();
        assertThat(AwsErrors.certainlyNotApplied(service("ServiceUnavailable", 503, "unavailable"))).isTrue();
        assertThat(AwsErrors.outcomeUnknown(service("InternalServerError", 500, "x"))).as("a 500 may have been applied").isTrue();
        assertThat(AwsErrors.outcomeUnknown(service("ValidationException", 400, "x"))).as("AWS refused it").isFalse();
        assertThat(AwsErrors.outcomeUnknown(ReadOnlyRefusedException.refuse("Ssm", "PutParameter"))).isFalse();
    }

    @Test
    void aLostWriteAnswerSaysTheChangeMayBeSaved() {
        SdkClientException reset = SdkClientException.builder().message("Unable to execute HTTP request: Connection reset")
                .cause(new java.net.SocketException("Connection reset")).build();
        Problem p = AwsErrors.explain(new WriteOutcomeUnknownException("saving /app/url", reset));
        assertThat(p.kind()).isEqualTo(Kind.ANSWER_LOST);
        assertThat(p.summary()).isEqualTo("AWS's answer to saving /app/url was lost (connection reset), and Coffer could not "
                + "confirm whether the change was made.");
        assertThat(p.advice()).isEqualTo("Refresh to see whether it was saved before you save again.");
        assertReadable(p);
    }

    @Test
    void aListingThatStoppedSaysHowFarItGot() {
        Problem p = AwsErrors.explain(new ListingIncompleteException("parameters", 3, 150, "token",
                service("ServiceUnavailable", 503, "unavailable")));
        assertThat(p.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(p.summary()).isEqualTo("The listing of parameters stopped after 150 parameters (3 pages). "
                + "AWS answered with a server error (HTTP 503 ServiceUnavailable).");
        assertReadable(p);
        Problem first = AwsErrors.explain(new ListingIncompleteException("secrets", 0, 0, null, service("ServiceUnavailable", 503, "x")));
        assertThat(first.summary()).as("nothing listed: nothing to say about how far").startsWith("AWS answered with a server error");
    }

    @Test
    void aBadLocalFileNamesTheFileAndLine() {
        Problem p = AwsErrors.explain(new LocalFileException(java.nio.file.Path.of("/home/ann/.aws/config"), 3,
                "a profile name must end with ']'", null));
        assertThat(p.kind()).isEqualTo(Kind.BAD_FILE);
        assertThat(p.summary()).isEqualTo("Coffer cannot use /home/ann/.aws/config (line 3): a profile name must end with ']'.");
        assertReadable(p);
    }

    @Test
    void headlessWordingNeverSpeaksOfWindowsOrKeptWork() {
        Throwable[] failures = {
            service("ThrottlingException", 400, "Rate exceeded"), service("InternalServerError", 500, "x"),
            service("AccessDeniedException", 400, "denied"), service("ExpiredTokenException", 400, "expired"),
            service("ParameterNotFound", 400, "Parameter /x not found."), service("ValidationException", 400, "bad"),
            ReadOnlyRefusedException.refuse("Ssm", "PutParameter"), ApiCallAttemptTimeoutException.create(30_000),
            SdkClientException.builder().message("x").cause(new ConnectException("Connection refused")).build(),
            SdkClientException.builder().message("x").cause(new java.net.SocketException("Connection reset")).build(),
            SdkClientException.create("Unable to load credentials from any of the providers in the chain"),
            SdkClientException.create("Token is expired"), SdkClientException.create("Something odd in the SDK"),
            new WriteOutcomeUnknownException("saving /x", ApiCallAttemptTimeoutException.create(30_000)),
        };
        for (Throwable failure : failures) {
            String text = AwsErrors.explain(failure).commandText();
            assertThat(text).as(failure.toString()).doesNotContainIgnoringCase("window").doesNotContainIgnoringCase("draft")
                    .doesNotContainIgnoringCase("has been kept").doesNotContainIgnoringCase("try again")
                    .doesNotContain("Refresh").doesNotContain("Unable to").doesNotContain("SDK");
            assertThat(AwsErrors.explain(failure).text()).as(failure.toString()).doesNotContainIgnoringCase("has been kept");
        }
    }

    @Test
    void wrappersAreLookedThrough() {
        AwsServiceException denied = service("AccessDeniedException", 400, "denied");
        assertThat(AwsErrors.explain(new CompletionException(denied)).kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(AwsErrors.explain(new ExecutionException(new CompletionException(denied))).kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(AwsErrors.explain(new RuntimeException("wrapped", denied)).kind()).isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void credentialProblemsOutsideAws() {
        Problem none = AwsErrors.explain(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"));
        assertThat(none.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        Problem profile = AwsErrors.explain(SdkClientException.create("Profile file contained no credentials for profile 'ghost'"));
        assertThat(profile.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        Problem sso = AwsErrors.explain(SdkClientException.create(
                "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login"));
        assertThat(sso.kind()).isEqualTo(Kind.EXPIRED_CREDENTIALS);
        Problem token = AwsErrors.explain(SdkClientException.create("Token is expired"));
        assertThat(token.kind()).isEqualTo(Kind.EXPIRED_CREDENTIALS);
        for (Problem p : new Problem[] {none, profile, sso, token}) {
            assertReadable(p);
        }
    }

    @Test
    void anythingElseIsOtherWithItsFirstLine() {
        Problem p = AwsErrors.explain(new IllegalStateException("Boom\n\tat x.y.Z(Z.java:1)"));
        assertThat(p.kind()).isEqualTo(Kind.OTHER);
        assertThat(p.summary()).isEqualTo("Something went wrong: Boom.");
        assertThat(AwsErrors.explain(new NullPointerException()).text()).doesNotContain("null");
        assertReadable(p);
    }

    @Test
    void aProfileCofferFoundMisconfiguredIsSaidInCoffersWords() {
        Problem p = AwsErrors.explain(SdkClientException.create("Unable to load credentials",
                new MisconfiguredProfileException("The profiles a → b → a name each other as source_profile; fix the loop in your AWS config file.")));
        assertThat(p.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        assertThat(p.summary()).isEqualTo("The profiles a → b → a name each other as source_profile; fix the loop in your AWS config file.");
        assertReadable(p);
    }

    @Test
    void theSdksOwnTextNeverReachesTheUser() {
        Problem p = AwsErrors.explain(SdkClientException.create("Unable to marshall request to JSON: some internal detail"));
        assertThat(p.kind()).isEqualTo(Kind.OTHER);
        assertThat(p.summary()).isEqualTo("Coffer could not complete the request.");
        Problem java = AwsErrors.explain(new IllegalStateException("java.lang.IllegalStateException: Cannot invoke \"x()\""));
        assertThat(java.summary()).isEqualTo("Coffer could not complete the request.");
        assertReadable(p);
    }

    @Test
    void readOnlyRefusals() {
        Problem p = AwsErrors.explain(ReadOnlyRefusedException.refuse("Ssm", "PutParameter"));
        assertThat(p.kind()).isEqualTo(Kind.READ_ONLY);
        assertThat(p.summary()).contains("PutParameter");
        assertThat(p.advice()).as("audit mode cannot be left in a window, so the advice is a new window")
                .contains("New window").doesNotContain("Reconnect");
        assertReadable(p);
    }

    @Test
    void cofferRefusalsAreSaidAsWritten() {
        InvalidDraftException invalid = new InvalidDraftException(List.of(new dev.coffer.aws.Problem("name", "A parameter name starts with /.")));
        Problem refused = AwsErrors.explain(invalid);
        assertThat(refused.kind()).isEqualTo(Kind.REFUSED);
        assertThat(refused.text()).isEqualTo("A parameter name starts with /.");
        assertThat(AwsErrors.explain(new IllegalArgumentException("The file is not valid JSON.")).text())
                .isEqualTo("The file is not valid JSON.");
        assertThat(AwsErrors.explain(new CompletionException(new NoSuchElementException("No longer there: /a. Nothing was copied."))).text())
                .isEqualTo("No longer there: /a. Nothing was copied.");
    }

    @Test
    void aRefusalWithAnAwsCauseSaysBoth() {
        CopyIncompleteException incomplete = new CopyIncompleteException(List.of(new CopyPlan.Move("/a/1", "/b/1")),
                new CopyPlan.Move("/a/2", "/b/2"), service("ThrottlingException", 400, "Rate exceeded"));
        assertThat(AwsErrors.explain(incomplete).text()).isEqualTo("Copied 1 parameter, then /a/2 → /b/2 failed; nothing was deleted. "
                + AwsErrors.explain(service("ThrottlingException", 400, "Rate exceeded")).text())
                .contains("throttling");
    }

    @Test
    void filesAreNamed() {
        assertThat(AwsErrors.explain(new UncheckedIOException(new NoSuchFileException("/tmp/export.json"))).text())
                .isEqualTo("There is no file or folder /tmp/export.json.");
        assertThat(AwsErrors.explain(new AccessDeniedException("/etc/shadow")).text()).isEqualTo("Coffer may not use the file /etc/shadow.");
        assertThat(AwsErrors.explain(new UncheckedIOException("Could not write the audit log /x/audit-log.jsonl", new IOException("disk full")))
                .text()).isEqualTo("Could not write the audit log /x/audit-log.jsonl");
        assertThat(AwsErrors.explain(new ConnectException("Connection refused")).kind()).as("a refused connection is no file problem")
                .isEqualTo(Kind.UNREACHABLE);
    }

    /** A parser's IOException quotes what it read (Jackson: "Unrecognized token 'value'"), which may be a secret. */
    @Test
    void aFileErrorNeverQuotesWhatWasInTheFile() {
        Problem p = AwsErrors.explain(new com.fasterxml.jackson.core.JsonParseException(null, "Unrecognized token 'hunter2': was expecting JSON"));
        assertThat(p.kind()).isEqualTo(Kind.BAD_FILE);
        assertThat(p.text()).doesNotContain("hunter2");
        assertReadable(p);
    }

    /** What a person reads: one line each, no stack trace, no Java class names. */
    static void assertReadable(Problem p) {
        for (String text : new String[] {p.summary(), p.advice()}) {
            assertThat(text).isNotBlank().doesNotContain("\n").doesNotContain("\r").doesNotContain("\tat ")
                    .doesNotContain("software.amazon").doesNotContain("java.");
        }
        assertThat(p.summary()).endsWith(".");
    }

    @Test
    void aCancelledListingSaysHowFarItGotAndThatRetryGoesOn() {
        Problem none = AwsErrors.explain(new ListingIncompleteException("parameters", 0, 0, null, new CancelledException("Listing cancelled.")));
        Problem some = AwsErrors.explain(new CompletionException(
                new ListingIncompleteException("secrets", 3, 150, "token", new CancelledException("Listing cancelled."))));

        assertThat(none.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(none.text()).isEqualTo("Listing cancelled. Retry goes on from there.");
        assertThat(some.text()).isEqualTo("Listing cancelled after 150 secrets. Retry goes on from there.");
    }
}
