package dev.coffer.testsupport.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.RetrySettings;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The proxy's AWS manners in front of moto holding 200 parameters: paging, round trips, token buckets (one per region). */
@WithMoto
class AwsLikeEndpointIT {

    private static final int SEEDED = 200;
    private static final Set<String> SEEDED_NAMES = new HashSet<>();

    @BeforeAll
    static void seed(MotoServer moto) {
        try (ClientFactory direct = Moto.clients(moto, false)) {
            for (int i = 0; i < SEEDED; i++) {
                String name = "/team" + (i % 5) + "/app" + (i % 7) + "/param-" + i;
                direct.ssm().putParameter(b -> b.name(name).value("value").type(ParameterType.STRING));
                SEEDED_NAMES.add(name);
            }
        }
    }

    @Test
    void describeParametersServesFiftyAPageAndEveryNameOnce(MotoServer moto) {
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true)) {
            List<String> names = new ArrayList<>();
            clients.ssm().describeParametersPaginator(b -> b.maxResults(50))
                    .forEach(page -> page.parameters().forEach(p -> names.add(p.name())));

            assertThat(names).hasSize(SEEDED).doesNotHaveDuplicates();
            assertThat(new HashSet<>(names)).isEqualTo(SEEDED_NAMES);
            assertThat(aws.requests("DescribeParameters")).as("pages of 50").isEqualTo(SEEDED / 50);
            assertThat(aws.throttles("DescribeParameters")).isZero();
        }
    }

    @Test
    void withoutMaxResultsAPageHoldsTen(MotoServer moto) {
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true)) {
            DescribeParametersResponse page = clients.ssm().describeParameters();

            assertThat(page.parameters()).hasSize(10);
            assertThat(page.nextToken()).isNotBlank();
        }
    }

    @Test
    void maxResultsOutsideOneToFiftyIsAValidationException(MotoServer moto) {
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true)) {
            Throwable above = catchThrowable(() -> clients.ssm().describeParameters(b -> b.maxResults(51)));
            Throwable below = catchThrowable(() -> clients.ssm().describeParameters(b -> b.maxResults(0)));

            assertThat(above).isInstanceOf(SsmException.class);
            SsmException error = (SsmException) above;
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 50");
            assertThat(((SsmException) below).awsErrorDetails().errorMessage()).contains("greater than or equal to 1");
            assertThat(aws.requests("DescribeParameters")).as("a validation error is not retried").isEqualTo(2);
        }
    }

    @Test
    void aListingKeepsItsListBetweenPagesAndANewListingSeesChanges(MotoServer moto) {
        List<ParameterStringFilter> kept = List.of(ParameterStringFilter.builder().key("Path").option("Recursive").values("/kept").build());
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true);
             ClientFactory direct = Moto.clients(moto, false)) {
            for (int i = 0; i < 60; i++) {
                String name = "/kept/param-" + i;
                direct.ssm().putParameter(b -> b.name(name).value("value").type(ParameterType.STRING));
            }
            try {
                DescribeParametersResponse first = clients.ssm().describeParameters(b -> b.parameterFilters(kept).maxResults(50));
                // Between the pages, one parameter goes and one comes, straight in moto.
                direct.ssm().deleteParameter(b -> b.name("/kept/param-59"));
                direct.ssm().putParameter(b -> b.name("/kept/param-60").value("value").type(ParameterType.STRING));
                DescribeParametersResponse second = clients.ssm().describeParameters(
                        b -> b.parameterFilters(kept).maxResults(50).nextToken(first.nextToken()));
                List<String> fresh = new ArrayList<>();
                clients.ssm().describeParametersPaginator(b -> b.parameterFilters(kept).maxResults(50))
                        .forEach(page -> page.parameters().forEach(p -> fresh.add(p.name())));

                assertThat(first.parameters()).hasSize(50);
                assertThat(second.parameters()).extracting(ParameterMetadata::name)
                        .as("the listing's own list, not a rescan").hasSize(10).contains("/kept/param-59").doesNotContain("/kept/param-60");
                assertThat(second.nextToken()).isNull();
                assertThat(fresh).hasSize(60).contains("/kept/param-60").doesNotContain("/kept/param-59");
                // A token belongs to its listing's filters.
                assertThat(catchThrowable(() -> clients.ssm().describeParameters(b -> b.maxResults(50).nextToken(first.nextToken()))))
                        .isInstanceOf(InvalidNextTokenException.class);
            } finally {
                for (int i = 0; i <= 60; i++) {
                    String name = "/kept/param-" + i;
                    catchThrowable(() -> direct.ssm().deleteParameter(b -> b.name(name)));
                }
            }
        }
    }

    @Test
    void aTokenBucketThrottlesCallsAboveItsRate(MotoServer moto) throws Exception {
        List<ParameterStringFilter> nothing = List.of(ParameterStringFilter.builder().key("Name").option("Equals").values("/none").build());
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true)) {
            ExecutorService callers = Executors.newFixedThreadPool(6);
            long started = System.nanoTime();
            List<Future<Throwable>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    calls.add(callers.submit(() -> catchThrowable(() -> clients.ssm().describeParameters(b -> b.parameterFilters(nothing)))));
                }
                for (Future<Throwable> call : calls) {
                    Throwable error = call.get(60, TimeUnit.SECONDS);
                    if (error != null) {
                        assertThat(error).isInstanceOf(SdkServiceException.class);
                        assertThat(((SdkServiceException) error).isThrottlingException()).isTrue();
                    }
                }
            } finally {
                callers.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            long answered = aws.requests("DescribeParameters") - aws.throttles("DescribeParameters");
            assertThat(aws.throttles("DescribeParameters")).isPositive();
            // 10 a second with a burst of 20: never more answered than the bucket allowed.
            assertThat((double) answered).isLessThanOrEqualTo(20 + 10 * seconds + 1);
        }
    }

    @Test
    void eachRegionHasBucketsOfItsOwn(MotoServer moto) {
        List<ParameterStringFilter> nothing = List.of(ParameterStringFilter.builder().key("Name").option("Equals").values("/none").build());
        // Two calls' burst, refilled too slowly to matter here; one attempt a call, so a throttled call fails.
        try (AwsProxy aws = AwsProxy.start(moto.endpoint()).throttle(0.01, 2, "DescribeParameters");
             ClientFactory east = inRegion(aws, "us-east-1"); ClientFactory west = inRegion(aws, "eu-west-1")) {
            east.ssm().describeParameters(b -> b.parameterFilters(nothing));
            east.ssm().describeParameters(b -> b.parameterFilters(nothing));
            Throwable eastThird = catchThrowable(() -> east.ssm().describeParameters(b -> b.parameterFilters(nothing)));
            west.ssm().describeParameters(b -> b.parameterFilters(nothing));
            west.ssm().describeParameters(b -> b.parameterFilters(nothing));
            Throwable westThird = catchThrowable(() -> west.ssm().describeParameters(b -> b.parameterFilters(nothing)));

            assertThat(eastThird).as("us-east-1's bucket is empty").isInstanceOf(SdkServiceException.class)
                    .matches(e -> ((SdkServiceException) e).isThrottlingException());
            assertThat(westThird).as("eu-west-1 had its own burst, now spent too").isInstanceOf(SdkServiceException.class)
                    .matches(e -> ((SdkServiceException) e).isThrottlingException());
            assertThat(aws.requests("DescribeParameters")).isEqualTo(6);
            assertThat(aws.throttles("DescribeParameters")).as("only each region's third call").isEqualTo(2);
            assertThat(aws.rate("DescribeParameters")).contains(0.01);
        }
    }

    /** Read-only clients of the proxy signing for {@code region}, one attempt a call. */
    private static ClientFactory inRegion(AwsProxy aws, String region) {
        RetrySettings once = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 1, 1,
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10));
        return SessionClients.open(Sessions.local(Connection.endpoint(aws.endpoint(), region, true), aws.endpoint()), once);
    }

    @Test
    void ratesAndTheRoundTripAreSetBySystemProperties(MotoServer moto) {
        Map<String, String> settings = Map.of("awslike.rate.DescribeParameters", "2", "awslike.burstSeconds", "1",
                "awslike.latencyMs", "1", "awslike.jitterMs", "0");
        List<ParameterStringFilter> nothing = List.of(ParameterStringFilter.builder().key("Name").option("Equals").values("/none").build());
        settings.forEach(System::setProperty);
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint());
             ClientFactory clients = aws.clients(true, RetrySettings.standard().withThrottledPauses(Duration.ofMillis(50), Duration.ofMillis(500)))) {
            for (int i = 0; i < 6; i++) {
                clients.ssm().describeParameters(b -> b.parameterFilters(nothing));
            }

            // 2 a second with a burst of 2 (not the default 10 and 20): six calls in a row meet the bucket empty.
            assertThat(aws.throttles("DescribeParameters")).isPositive();
            assertThat(aws.throttles("GetParameter")).isZero();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void everyRequestWaitsItsRoundTripAsleep(MotoServer moto) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(true)) {
            clients.ssm().getParameter(b -> b.name(SEEDED_NAMES.iterator().next()));
            long cpuBefore = proxyCpuNanos(threads);
            List<Duration> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                clients.ssm().getParameter(b -> b.name(SEEDED_NAMES.iterator().next()));
                calls.add(Duration.ofNanos(System.nanoTime() - started));
            }
            long cpu = proxyCpuNanos(threads) - cpuBefore;

            assertThat(calls).allSatisfy(call -> assertThat(call)
                    .isGreaterThanOrEqualTo(AwsProxy.DEFAULT_LATENCY).isLessThan(Duration.ofSeconds(2)));
            long waited = calls.stream().mapToLong(Duration::toNanos).sum();
            assertThat(cpu).as("CPU the proxy's threads used while the calls waited %d ms", waited / 1_000_000)
                    .isLessThan(waited / 4);
            assertThat(aws.throttles("GetParameter")).isZero();
        }
    }

    @Test
    void motoItselfHonoursMaxResultsOfListSecretsAndGetParametersByPath(MotoServer moto) {
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()); ClientFactory clients = aws.clients(false)) {
            IntStream.range(0, 5).forEach(i -> clients.secretsManager().createSecret(b -> b.name("paged/secret-" + i).secretString("s")));

            var secrets = clients.secretsManager().listSecrets(b -> b.maxResults(3));
            var byPath = clients.ssm().getParametersByPath(b -> b.path("/team1").recursive(true).maxResults(3));
            Throwable tooMany = catchThrowable(() -> clients.ssm().getParametersByPath(b -> b.path("/team1").maxResults(11)));

            assertThat(secrets.secretList()).hasSize(3);
            assertThat(secrets.nextToken()).isNotBlank();
            assertThat(byPath.parameters()).hasSize(3);
            assertThat(byPath.nextToken()).isNotBlank();
            assertThat(tooMany).isInstanceOf(SsmException.class);
            assertThat(((SsmException) tooMany).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        }
    }

    /** CPU time of the proxy's own threads (accept and connection threads) so far. */
    private static long proxyCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("aws-proxy")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
