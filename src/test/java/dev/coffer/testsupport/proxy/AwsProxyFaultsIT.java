package dev.coffer.testsupport.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.RetrySettings;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The proxy in front of the test moto, driven by the real SDK clients of Coffer's ClientFactory
 * (three attempts a call, with pauses of a few milliseconds): it forwards every protocol, counts,
 * and delivers each fault as specified.
 */
@WithMoto
class AwsProxyFaultsIT {

    /** Three attempts with short pauses: these tests look at the proxy, not at Coffer's patience. */
    private static final RetrySettings QUICK = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90), 3, 3,
            Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(20));
    /** One retry: after a throttle the adaptive client waits for its own rate, so every further try costs seconds. */
    private static final RetrySettings ONE_RETRY = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90), 2, 2,
            Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(20));

    @Test
    void forwardsEveryProtocolOverOneKeptAliveConnectionAndCountsEachOperation(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK)) {
            clients.ssm().putParameter(b -> b.name("/proxy/forwarded").value("through the proxy").type(ParameterType.STRING));
            String value = clients.ssm().getParameter(b -> b.name("/proxy/forwarded")).parameter().value();
            clients.secretsManager().createSecret(b -> b.name("proxy/forwarded").secretString("s3cr3t"));
            List<String> secrets = clients.secretsManager().listSecrets(b -> b.maxResults(100)).secretList().stream()
                    .map(SecretListEntry::name).toList();
            String account = clients.sts().getCallerIdentity().account();
            List<String> aliases = clients.kms().listAliases().aliases().stream().map(AliasListEntry::aliasName).toList();
            int regions = clients.ec2().describeRegions().regions().size();

            assertThat(value).isEqualTo("through the proxy");
            assertThat(secrets).contains("proxy/forwarded");
            assertThat(account).isEqualTo("123456789012");
            assertThat(aliases).contains("alias/aws/ssm");
            assertThat(regions).isPositive();
            assertThat(proxy.requests()).isEqualTo(Map.of("PutParameter", 1L, "GetParameter", 1L, "CreateSecret", 1L,
                    "ListSecrets", 1L, "GetCallerIdentity", 1L, "ListAliases", 1L, "DescribeRegions", 1L));
            assertThat(proxy.connections()).as("one pooled connection, kept alive for every call").isEqualTo(1);
            assertThat(proxy.faults("PutParameter")).isZero();
            assertThat(proxy.throttles("ListSecrets")).isZero();

            proxy.resetCounters();
            assertThat(proxy.requests()).isEmpty();
            assertThat(proxy.requests("GetParameter")).isZero();
            assertThat(proxy.connections()).isZero();
        }
    }

    @Test
    void throttlingIsAwsThrottlingOnEveryProtocol(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, ONE_RETRY)) {
            proxy.inject(FaultRule.of(Fault.THROTTLING).on("GetParameter", "GetCallerIdentity", "DescribeRegions"));

            Throwable ssm = catchThrowable(() -> clients.ssm().getParameter(b -> b.name("/proxy/any")));
            Throwable sts = catchThrowable(() -> clients.sts().getCallerIdentity());
            Throwable ec2 = catchThrowable(() -> clients.ec2().describeRegions());

            // JSON 1.1: HTTP 400 ThrottlingException "Rate exceeded".
            assertThat(ssm).isInstanceOf(SsmException.class);
            SsmException json = (SsmException) ssm;
            assertThat(json.isThrottlingException()).isTrue();
            assertThat(json.statusCode()).isEqualTo(400);
            assertThat(json.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(json.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            // Query (STS): HTTP 400 Throttling; EC2: HTTP 503 RequestLimitExceeded.
            assertThat(sts).isInstanceOf(StsException.class);
            assertThat(((StsException) sts).isThrottlingException()).isTrue();
            assertThat(((StsException) sts).awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(ec2).isInstanceOf(Ec2Exception.class);
            assertThat(((Ec2Exception) ec2).isThrottlingException()).isTrue();
            assertThat(((Ec2Exception) ec2).awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
            // The SDK took each for throttling and tried again; the proxy counted every answer.
            for (String operation : List.of("GetParameter", "GetCallerIdentity", "DescribeRegions")) {
                assertThat(proxy.requests(operation)).as(operation).isGreaterThanOrEqualTo(2);
                assertThat(proxy.throttles(operation)).as(operation).isEqualTo(proxy.requests(operation));
                assertThat(proxy.faults(operation)).as(operation).isEqualTo(proxy.requests(operation));
            }
        }
    }

    @Test
    void theNextNCallsOfTheNamedOperationsOnly(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK)) {
            clients.secretsManager().createSecret(b -> b.name("proxy/next-n").secretString("s3cr3t"));
            proxy.inject(FaultRule.of(Fault.THROTTLING).on("ListSecrets").times(1));

            List<String> listed = clients.secretsManager().listSecrets().secretList().stream().map(SecretListEntry::name).toList();
            clients.secretsManager().listSecrets();
            clients.secretsManager().describeSecret(b -> b.secretId("proxy/next-n"));

            assertThat(listed).contains("proxy/next-n");
            assertThat(proxy.requests("ListSecrets")).as("one throttled attempt, its retry, one more call").isEqualTo(3);
            assertThat(proxy.throttles("ListSecrets")).isEqualTo(1);
            assertThat(proxy.faults("ListSecrets")).isEqualTo(1);
            assertThat(proxy.faults("DescribeSecret")).isZero();
        }
    }

    @Test
    void serverErrorsAreRetryableAndNeverReachTheUpstream(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK);
             ClientFactory direct = Moto.clients(moto, false)) {
            proxy.inject(FaultRule.of(Fault.INTERNAL_ERROR).on("PutParameter"));
            Throwable internal = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/server-error").value("v").type(ParameterType.STRING)));
            proxy.clearFaults().inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("PutParameter"));
            Throwable unavailable = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/server-error").value("v").type(ParameterType.STRING)));
            direct.ssm().putParameter(b -> b.name("/proxy/recovers").value("third time").type(ParameterType.STRING));
            proxy.clearFaults()
                    .inject(FaultRule.of(Fault.INTERNAL_ERROR).on("GetParameter").times(1))
                    .inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("GetParameter").times(1));
            String value = clients.ssm().getParameter(b -> b.name("/proxy/recovers")).parameter().value();

            assertThat(internal).isInstanceOf(InternalServerErrorException.class);
            assertThat(((SsmException) internal).statusCode()).isEqualTo(500);
            assertThat(((SsmException) internal).awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            assertThat(unavailable).isInstanceOf(SsmException.class);
            assertThat(((SsmException) unavailable).statusCode()).isEqualTo(503);
            assertThat(((SsmException) unavailable).awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(proxy.faults("PutParameter")).isEqualTo(proxy.requests("PutParameter"));
            assertThat(catchThrowable(() -> direct.ssm().getParameter(b -> b.name("/proxy/server-error"))))
                    .as("not forwarded: moto never saw the parameter").isInstanceOf(ParameterNotFoundException.class);
            // The SDK retried after the 500 and after the 503: both are retryable service errors.
            assertThat(value).isEqualTo("third time");
            assertThat(proxy.requests("GetParameter")).isEqualTo(3);
            assertThat(proxy.faults("GetParameter")).isEqualTo(2);
        }
    }

    @Test
    void aResetBeforeForwardingLosesTheRequest(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK);
             ClientFactory direct = Moto.clients(moto, true)) {
            proxy.inject(FaultRule.of(Fault.RESET_BEFORE_FORWARD).on("PutParameter"));

            Throwable error = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/reset-before").value("v").type(ParameterType.STRING)));

            assertThat(error).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(SocketException.class);
            assertThat(error.getMessage()).contains("Connection reset");
            assertThat(proxy.faults("PutParameter")).isPositive().isEqualTo(proxy.requests("PutParameter"));
            assertThat(catchThrowable(() -> direct.ssm().getParameter(b -> b.name("/proxy/reset-before"))))
                    .isInstanceOf(ParameterNotFoundException.class);
        }
    }

    @Test
    void aResetAfterForwardingLosesOnlyTheAnswer(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name("/proxy/reset-after").value("v1").type(ParameterType.STRING));
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter"));

            Throwable error = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/reset-after").value("v2").type(ParameterType.STRING).overwrite(true)));

            assertThat(error).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(SocketException.class);
            assertThat(error.getMessage()).contains("Connection reset");
            // moto applied every attempt whose answer the client lost: each one is a new version.
            long attempts = proxy.requests("PutParameter");
            assertThat(attempts).isPositive().isEqualTo(proxy.faults("PutParameter"));
            assertThat(direct.ssm().getParameter(b -> b.name("/proxy/reset-after")).parameter().version()).isEqualTo(1 + attempts);
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsInMotoThoughTheClientSawAnError(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK);
             ClientFactory direct = Moto.clients(moto, true)) {
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter").times(1));

            Throwable error = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/created-once").value("mine").type(ParameterType.STRING)));

            // A raw client call without ClientFactory.writeOnce() is sent again blindly: the retry collides with the first attempt.
            assertThat(error).isInstanceOfAny(SdkClientException.class, ParameterAlreadyExistsException.class);
            var created = direct.ssm().getParameter(b -> b.name("/proxy/created-once")).parameter();
            assertThat(created.value()).isEqualTo("mine");
            assertThat(created.version()).isEqualTo(1);
            assertThat(proxy.faults("PutParameter")).isEqualTo(1);
        }
    }

    @Test
    void aSlowAnswerIsHeldBackForTheRuleDelay(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK)) {
            clients.ssm().putParameter(b -> b.name("/proxy/slow").value("late").type(ParameterType.STRING));
            proxy.inject(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofMillis(1500)).on("GetParameter").times(1));

            long started = System.nanoTime();
            String value = clients.ssm().getParameter(b -> b.name("/proxy/slow")).parameter().value();
            Duration slow = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            clients.ssm().getParameter(b -> b.name("/proxy/slow"));
            Duration next = Duration.ofNanos(System.nanoTime() - started);

            assertThat(value).isEqualTo("late");
            assertThat(slow).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(next).isLessThan(Duration.ofMillis(1500));
            assertThat(proxy.requests("GetParameter")).isEqualTo(2);
            assertThat(proxy.faults("GetParameter")).isEqualTo(1);
        }
    }

    @Test
    void aTruncatedAnswerComesAfterTheUpstreamAppliedTheRequest(MotoServer moto) {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, QUICK);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name("/proxy/truncated").value("v1").type(ParameterType.STRING));
            proxy.inject(FaultRule.of(Fault.TRUNCATED_ANSWER).on("PutParameter"));

            Throwable error = catchThrowable(() -> clients.ssm().putParameter(
                    b -> b.name("/proxy/truncated").value("v2").type(ParameterType.STRING).overwrite(true)));

            assertThat(error).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(ConnectionClosedException.class);
            assertThat(error.getMessage()).contains("Premature end of Content-Length delimited message body");
            long attempts = proxy.requests("PutParameter");
            assertThat(attempts).isPositive().isEqualTo(proxy.faults("PutParameter"));
            assertThat(direct.ssm().getParameter(b -> b.name("/proxy/truncated")).parameter().version()).isEqualTo(1 + attempts);
        }
    }

    @Test
    void faultsAtARateRepeatExactlyWithTheSameSeed(MotoServer moto) {
        try (ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name("/proxy/rated").value("v").type(ParameterType.STRING));
        }
        FaultRule halfFail = FaultRule.of(Fault.INTERNAL_ERROR).on("GetParameter").rate(0.5).seed(42);

        List<Boolean> first = new ArrayList<>();
        long firstFaults;
        long firstRequests;
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).inject(halfFail); ClientFactory clients = proxy.clients(true, QUICK)) {
            for (int i = 0; i < 20; i++) {
                first.add(catchThrowable(() -> clients.ssm().getParameter(b -> b.name("/proxy/rated"))) == null);
            }
            firstFaults = proxy.faults("GetParameter");
            firstRequests = proxy.requests("GetParameter");
        }
        List<Boolean> second = new ArrayList<>();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).inject(halfFail); ClientFactory clients = proxy.clients(true, QUICK)) {
            for (int i = 0; i < 20; i++) {
                second.add(catchThrowable(() -> clients.ssm().getParameter(b -> b.name("/proxy/rated"))) == null);
            }
            assertThat(proxy.faults("GetParameter")).isEqualTo(firstFaults);
            assertThat(proxy.requests("GetParameter")).isEqualTo(firstRequests);
        }

        assertThat(second).isEqualTo(first);
        assertThat((double) firstFaults / firstRequests).isBetween(0.3, 0.7);
    }

    @Test
    void aFaultRuleRefusesNonsense() {
        assertThat(catchThrowable(() -> FaultRule.of(Fault.THROTTLING).rate(1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> FaultRule.of(Fault.THROTTLING).times(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
