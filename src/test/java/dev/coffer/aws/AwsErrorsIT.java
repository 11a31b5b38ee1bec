package dev.coffer.aws;

import dev.coffer.testsupport.ClosedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsErrors.Kind;
import dev.coffer.aws.AwsErrors.Problem;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** AwsErrors on the exceptions the SDK really throws, against moto and a closed port. */
@WithMoto
class AwsErrorsIT {

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        try (ClosedPort closed = new ClosedPort(); ClientFactory clients = SessionClients.open(Sessions.local(
                new Connection("nowhere", "us-east-1", Optional.of(closed.uri()), true, false), closed.uri()))) {
            int port = closed.port();
            long started = System.nanoTime();
            Throwable error = catchThrowable(() -> new ParameterStore(clients).listAll(page -> { }, () -> false));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(error).isInstanceOf(ListingIncompleteException.class).hasCauseInstanceOf(SdkClientException.class);
            Problem p = AwsErrors.explain(error);
            assertThat(p.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(p.summary()).isEqualTo("Cannot reach the AWS endpoint: the connection to 127.0.0.1:" + port + " was refused.");
            assertThat(p.advice()).contains("endpoint");
            AwsErrorsTest.assertReadable(p);
            // A read is tried 10 times with short pauses (at most 2 s each); it must not hang.
            assertThat(took).isLessThan(Duration.ofSeconds(20));
            assertThat(clients.calls().count("DescribeParameters")).isEqualTo(clients.retrySettings().readAttempts());
        }
    }

    @Test
    void faultsOnTheWayToAwsReadAsWhatHappened(MotoServer moto) {
        try (ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name("/errors/faults").value("v").type(ParameterType.STRING));
        }
        Problem throttled = explainRead(moto, FaultRule.of(Fault.THROTTLING).on("GetParameter"));
        Problem slow = explainRead(moto, FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(2)).on("GetParameter"));
        Problem reset = explainRead(moto, FaultRule.of(Fault.RESET_AFTER_FORWARD).on("GetParameter"));
        Problem truncated = explainRead(moto, FaultRule.of(Fault.TRUNCATED_ANSWER).on("GetParameter"));
        Problem server = explainRead(moto, FaultRule.of(Fault.INTERNAL_ERROR).on("GetParameter"));

        assertThat(throttled.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(throttled.summary()).contains("also after 3 tries");
        assertThat(slow.kind()).isEqualTo(Kind.SLOW_ENDPOINT);
        assertThat(slow.summary()).startsWith("AWS did not answer within 1 second");
        assertThat(reset.kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(reset.summary()).contains("(connection reset)");
        assertThat(truncated.kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(truncated.summary()).contains("(the answer was cut off)");
        assertThat(server.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(server.summary()).isEqualTo("AWS answered with a server error (HTTP 500 InternalServerError), also after 3 tries.");
        for (Problem p : List.of(throttled, slow, reset, truncated, server)) {
            AwsErrorsTest.assertReadable(p);
            assertThat(p.text()).doesNotContain("Unable to").doesNotContain("SDK Attempt").doesNotContain("Response Code");
        }
    }

    /** What a read that always meets {@code fault} says: 1 s an attempt, 3 attempts, pauses of a few milliseconds. */
    private static Problem explainRead(MotoServer moto, FaultRule fault) {
        RetrySettings quick = new RetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, 3,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(20));
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).inject(fault); ClientFactory clients = proxy.clients(true, quick)) {
            return AwsErrors.explain(catchThrowable(() -> new ParameterStore(clients).value("/errors/faults")));
        }
    }

    @Test
    void aMissingParameterOrSecretIsNotFound(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, true)) {
            Throwable parameter = catchThrowable(() -> new ParameterStore(clients).value("/does/not/exist"));
            Problem p = AwsErrors.explain(parameter);
            assertThat(p.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(p.summary()).contains("/does/not/exist");
            AwsErrorsTest.assertReadable(p);

            Throwable secret = catchThrowable(() -> new SecretStore(clients).value("no/such/secret"));
            Problem s = AwsErrors.explain(secret);
            assertThat(s.kind()).isEqualTo(Kind.NOT_FOUND);
            AwsErrorsTest.assertReadable(s);

            // As the app sees it after a background task failed.
            Throwable wrapped = catchThrowable(() -> CompletableFuture.supplyAsync(() -> new ParameterStore(clients).value("/nope")).join());
            assertThat(wrapped).isInstanceOf(CompletionException.class);
            assertThat(AwsErrors.explain(wrapped).kind()).isEqualTo(Kind.NOT_FOUND);
        }
    }

    @Test
    void aRefusedWriteIsReadOnly(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, true)) {
            Throwable error = catchThrowable(() -> clients.ssm().putParameter(b -> b.name("/x").value("x").type(ParameterType.STRING)));
            Problem p = AwsErrors.explain(error);
            assertThat(p.kind()).isEqualTo(Kind.READ_ONLY);
            assertThat(p.summary()).isEqualTo("Read-only mode: PutParameter was not sent.");
            AwsErrorsTest.assertReadable(p);
        }
    }

    @Test
    void aRejectedRequestIsInvalid(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            Throwable reserved = catchThrowable(() -> clients.ssm().putParameter(b -> b.name("aws-reserved").value("x").type(ParameterType.STRING)));
            Problem p = AwsErrors.explain(reserved);
            assertThat(p.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(p.summary()).startsWith("AWS rejected the request: ValidationException: ").contains("aws");
            AwsErrorsTest.assertReadable(p);

            clients.ssm().putParameter(b -> b.name("/exists").value("x").type(ParameterType.STRING));
            Throwable exists = catchThrowable(() -> clients.ssm().putParameter(b -> b.name("/exists").value("y").type(ParameterType.STRING)));
            Problem e = AwsErrors.explain(exists);
            assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(e.summary()).contains("ParameterAlreadyExists");
            AwsErrorsTest.assertReadable(e);
        }
    }

    @Test
    void anEchoedValueContainingTheDelimiterIsHiddenWhole(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            // moto echoes a rejected type as AWS does: "Value 'String' at 'leaked-rest' at 'type' failed to satisfy constraint".
            Throwable type = catchThrowable(() -> clients.ssm().putParameter(b -> b.name("/errors/echo").value("x")
                    .type("String' at 'leaked-rest")));
            Problem p = AwsErrors.explain(type);
            assertThat(p.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(p.summary()).doesNotContain("leaked-rest").contains("Value (hidden) at 'type' failed to satisfy constraint");
            AwsErrorsTest.assertReadable(p);

            // moto quotes DescribeParameters filter errors with double quotes.
            Throwable filter = catchThrowable(() -> clients.ssm().describeParameters(b -> b.parameterFilters(f -> f
                    .key("Secret\" at \"leaked-rest").values("a"))));
            Problem f = AwsErrors.explain(filter);
            assertThat(f.summary()).doesNotContain("Secret").doesNotContain("leaked-rest")
                    .contains("at \"parameterFilters.1.member.key\" failed to satisfy constraint");
            AwsErrorsTest.assertReadable(f);
        }
    }

    @Test
    void aServiceErrorNeverCarriesTheRequestBody(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            String value = "do-not-show-this-value";
            clients.secretsManager().createSecret(b -> b.name("it/errors/dup").secretString(value));
            Throwable dup = catchThrowable(() -> clients.secretsManager().createSecret(b -> b.name("it/errors/dup").secretString(value)));
            Problem p = AwsErrors.explain(dup);
            assertThat(p.kind()).isIn(Kind.INVALID_REQUEST, Kind.OTHER);
            assertThat(p.text()).doesNotContain(value);
            AwsErrorsTest.assertReadable(p);
        }
    }
}
