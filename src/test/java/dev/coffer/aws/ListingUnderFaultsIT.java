package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Listings through a proxy that throttles, fails and breaks connections: throttling only slows
 * them, a failing page is asked again (never the listing from page 1), and a listing that still
 * stops keeps what it had and resumes from the page that failed.
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingUnderFaultsIT {

    /** Coffer's settings with pauses after throttling of 50 ms to 1 s instead of 1 to 20 s: the same behaviour, sooner. */
    private static final RetrySettings SHORT_PAUSES = RetrySettings.standard().withThrottledPauses(Duration.ofMillis(50), Duration.ofSeconds(1));
    /** Coffer's attempts with pauses of milliseconds after every failure: a page that keeps failing gives up in no time. */
    private static final RetrySettings QUICK_PAUSES = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90),
            RetrySettings.standard().readAttempts(), RetrySettings.standard().writeAttempts(),
            Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(20));
    /** Three attempts a call, so that few refusals outlast them (the SDK's adaptive rate slows every refusal down). */
    private static final RetrySettings THREE_ATTEMPTS = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90), 3, 3,
            Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(20));
    private static final int PARAMETERS = 250;
    private static final int SECRETS = 120;
    /** 250 parameters in pages of 50 (the proxy pages DescribeParameters as AWS does; moto itself gives 10 a page). */
    private static final int PARAMETER_PAGES = PARAMETERS / ParameterStore.LIST_PAGE_SIZE;

    private MotoServer moto;
    private final List<String> parameterNames = new ArrayList<>();
    private final List<String> secretNames = new ArrayList<>();

    @BeforeAll
    void createInventory(MotoServer server) {
        moto = server;
        try (ClientFactory admin = Moto.clients(moto, false)) {
            for (int i = 0; i < PARAMETERS; i++) {
                String name = String.format("/listing/app-%02d/param-%03d", i / 25, i);
                admin.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING));
                parameterNames.add(name);
            }
            for (int i = 0; i < SECRETS; i++) {
                String name = String.format("listing/secret-%03d", i);
                admin.secretsManager().createSecret(b -> b.name(name).secretString("s"));
                secretNames.add(name);
            }
        }
    }

    @AfterAll
    void forget() {
        parameterNames.clear();
        secretNames.clear();
    }

    @Test
    void halfTheCallsThrottledStillListsEveryParameterAndSecret() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true)
                .inject(FaultRule.of(Fault.THROTTLING).on("DescribeParameters", "ListSecrets").rate(0.5).seed(7));
             ClientFactory clients = proxy.clients(true, SHORT_PAUSES)) {
            List<String> parameters = new ArrayList<>();
            List<String> secrets = new ArrayList<>();

            new ParameterStore(clients).listAll(page -> page.forEach(p -> parameters.add(p.name())), () -> false);
            new SecretStore(clients).listAll(page -> page.forEach(s -> secrets.add(s.name())), () -> false);

            assertThat(parameters).containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(secrets).containsExactlyInAnyOrderElementsOf(secretNames);
            long throttled = proxy.throttles("DescribeParameters") + proxy.throttles("ListSecrets");
            assertThat(throttled).as("AWS said no often").isGreaterThanOrEqualTo(3);
            assertThat(clients.throttles().seen()).as("the throttling signal saw each of them").isEqualTo(throttled);
        }
    }

    @Test
    void aListingSlowsDownToTheRateAwsAllows() {
        // AWS allows 2 DescribeParameters a second here, with no burst to speak of: far below what Coffer asks.
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true).throttle(2, 1, "DescribeParameters");
             ClientFactory clients = proxy.clients(true, SHORT_PAUSES)) {
            List<String> parameters = new ArrayList<>();
            long started = System.nanoTime();

            new ParameterStore(clients).listAll(page -> page.forEach(p -> parameters.add(p.name())), () -> false);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(parameters).containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(proxy.throttles("DescribeParameters")).as("AWS said no").isPositive();
            assertThat(took).as("at most 2 pages a second").isGreaterThanOrEqualTo(Duration.ofMillis((PARAMETER_PAGES - 1) * 500L));
        }
    }

    @Test
    void aPageFailingThreeTimesIsAskedAgainFromThatPage() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true); ClientFactory clients = proxy.clients(true)) {
            List<String> parameters = new ArrayList<>();
            AtomicInteger pages = new AtomicInteger();

            new ParameterStore(clients).listAll(page -> {
                page.forEach(p -> parameters.add(p.name()));
                if (pages.incrementAndGet() == 3) {
                    // Page 4 fails three times in a row.
                    proxy.inject(FaultRule.of(Fault.INTERNAL_ERROR).on("DescribeParameters").times(3));
                }
            }, () -> false);

            assertThat(parameters).containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(proxy.faults("DescribeParameters")).isEqualTo(3);
            assertThat(proxy.requests("DescribeParameters")).as("each page once, page 4 three more times: no page 1 again")
                    .isEqualTo(PARAMETER_PAGES + 3);
        }
    }

    @Test
    void aListingThatStillFailsKeepsWhatItHadAndResumesFromThePageThatFailed() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true); ClientFactory clients = proxy.clients(true, QUICK_PAUSES)) {
            ParameterStore store = new ParameterStore(clients);
            List<String> parameters = new ArrayList<>();
            AtomicInteger pages = new AtomicInteger();

            Throwable error = catchThrowable(() -> store.listAll(page -> {
                page.forEach(p -> parameters.add(p.name()));
                if (pages.incrementAndGet() == 3) {
                    proxy.inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("DescribeParameters"));
                }
            }, () -> false));

            assertThat(error).isInstanceOf(ListingIncompleteException.class);
            ListingIncompleteException stopped = (ListingIncompleteException) error;
            assertThat(stopped.pagesListed()).isEqualTo(3);
            assertThat(stopped.itemsListed()).isEqualTo(parameters.size()).isEqualTo(3 * ParameterStore.LIST_PAGE_SIZE);
            assertThat(stopped.resumeToken()).isPresent();
            AwsErrors.Problem problem = AwsErrors.explain(error);
            assertThat(problem.kind()).isEqualTo(AwsErrors.Kind.SERVER_ERROR);
            assertThat(problem.summary()).startsWith("The listing of parameters stopped after 150 parameters (3 pages).")
                    .contains("HTTP 503").contains("after " + clients.retrySettings().readAttempts() + " tries");

            proxy.clearFaults().resetCounters();
            int resumedPages = store.listFrom(stopped.resumeToken().get(), page -> page.forEach(p -> parameters.add(p.name())), () -> false);

            assertThat(parameters).as("every parameter once").containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(resumedPages).isEqualTo(PARAMETER_PAGES - 3);
            assertThat(proxy.requests("DescribeParameters")).as("from page 4 on").isEqualTo(PARAMETER_PAGES - 3);
        }
    }

    @Test
    void secretsResumeToo() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true); ClientFactory clients = proxy.clients(true, QUICK_PAUSES)) {
            SecretStore store = new SecretStore(clients);
            List<String> secrets = new ArrayList<>();
            proxy.inject(FaultRule.of(Fault.RESET_BEFORE_FORWARD).on("ListSecrets"));

            Throwable error = catchThrowable(() -> store.listAll(page -> page.forEach(s -> secrets.add(s.name())), () -> false));

            assertThat(error).isInstanceOf(ListingIncompleteException.class);
            ListingIncompleteException stopped = (ListingIncompleteException) error;
            assertThat(stopped.resumeToken()).as("the first page failed: resume from the start").isEmpty();
            assertThat(AwsErrors.explain(error).kind()).isEqualTo(AwsErrors.Kind.CONNECTION_LOST);
            proxy.clearFaults();
            store.listFrom(stopped.resumeToken().orElse(null), page -> page.forEach(s -> secrets.add(s.name())), () -> false, false);
            assertThat(secrets).containsExactlyInAnyOrderElementsOf(secretNames);
        }
    }

    @Test
    void aFolderListingThrottledPastTheClientsRetriesGoesOnFromThatPage() {
        int throttled = THREE_ATTEMPTS.readAttempts() + 1;
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true)
                // Pages 1 and 2 pass; page 3 is refused more often than one call's attempts.
                .inject(FaultRule.of(Fault.THROTTLING).on("DescribeParameters").after(2).times(throttled));
             ClientFactory clients = proxy.clients(true, THREE_ATTEMPTS)) {

            List<Parameter> listed = new ParameterStore(clients).describeUnder("/listing");

            assertThat(listed).extracting(Parameter::name).containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(proxy.throttles("DescribeParameters")).isEqualTo(throttled);
            assertThat(proxy.requests("DescribeParameters")).as("each page once, page 3 again after each refusal: no page 1 again")
                    .isEqualTo(PARAMETER_PAGES + throttled);
        }
    }

    @Test
    void valuesReadByNameThrottledPastTheClientsRetriesAreAskedAgainNotFailed() {
        int throttled = THREE_ATTEMPTS.readAttempts() + 1;
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(true, THREE_ATTEMPTS)) {
            ParameterStore store = new ParameterStore(clients);
            List<String> names = List.copyOf(parameterNames);
            proxy.inject(FaultRule.of(Fault.THROTTLING).on("GetParameters").after(2).times(throttled));

            Map<String, SecretText> values = store.values(names);

            assertThat(values).containsOnlyKeys(parameterNames);
            int batches = (names.size() + ParameterStore.VALUE_BATCH_SIZE - 1) / ParameterStore.VALUE_BATCH_SIZE;
            assertThat(proxy.requests("GetParameters")).as("each batch once, the third again after each refusal")
                    .isEqualTo(batches + throttled);
        }
    }

    @Test
    void mixedFaultsOnAFifthOfTheCallsAndMoreStillListEverything() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true)
                .inject(FaultRule.of(Fault.THROTTLING).on("DescribeParameters", "ListSecrets").rate(0.2).seed(11))
                .inject(FaultRule.of(Fault.INTERNAL_ERROR).on("DescribeParameters", "ListSecrets").rate(0.15).seed(12))
                .inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("DescribeParameters", "ListSecrets").rate(0.1).seed(13))
                .inject(FaultRule.of(Fault.TRUNCATED_ANSWER).on("DescribeParameters", "ListSecrets").rate(0.05).seed(14));
             ClientFactory clients = proxy.clients(true, SHORT_PAUSES)) {
            List<Parameter> parameters = new ArrayList<>();
            List<Secret> secrets = new ArrayList<>();

            new ParameterStore(clients).listAll(parameters::addAll, () -> false);
            new SecretStore(clients).listAll(secrets::addAll, () -> false);

            assertThat(parameters).extracting(Parameter::name).containsExactlyInAnyOrderElementsOf(parameterNames);
            assertThat(secrets).extracting(Secret::name).containsExactlyInAnyOrderElementsOf(secretNames);
            long calls = proxy.requests("DescribeParameters") + proxy.requests("ListSecrets");
            long faults = proxy.faults("DescribeParameters") + proxy.faults("ListSecrets");
            assertThat((double) faults / calls).as("share of calls that failed").isBetween(0.2, 0.6);
        }
    }
}
