package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.RetrySettings;
import dev.coffer.aws.SecretText;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Saving a parameter through a proxy that loses, delays, cuts off or refuses the PutParameter:
 * one Save makes exactly one new version, and the result is what happened (saved, or someone
 * else's change as a conflict), never the user's own write reported as someone else's.
 */
@WithMoto
class ParameterSaveUnderFaultsIT {

    /** Attempts time out after 1 s here; a slow answer comes after 3 s. */
    private static final RetrySettings SHORT_WAIT = RetrySettings.standard().withAttemptTimeout(Duration.ofSeconds(1));
    private static final AtomicInteger NAMES = new AtomicInteger();

    static Stream<Fault> faults() {
        return Stream.of(Fault.RESET_AFTER_FORWARD, Fault.SLOW_ANSWER, Fault.TRUNCATED_ANSWER, Fault.THROTTLING,
                Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.RESET_BEFORE_FORWARD);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void anUpdateMakesExactlyOneVersion(Fault fault, MotoServer moto) {
        String name = name(fault, "update");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, SHORT_WAIT);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            proxy.inject(rule(fault));

            long saved = new ParameterStore(clients).put(ParameterDraft.of(name, ParameterType.STRING, SecretText.of("v2")), OptionalLong.of(1));

            var now = direct.ssm().getParameter(b -> b.name(name)).parameter();
            assertThat(saved).as("the version the save reports").isEqualTo(2);
            assertThat(now.version()).as("versions in AWS after one Save").isEqualTo(2);
            assertThat(now.value()).isEqualTo("v2");
            assertThat(proxy.faults("PutParameter")).as("the fault happened").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aCreateIsSavedOnceAndNeverReportedAsSomeoneElses(Fault fault, MotoServer moto) {
        String name = name(fault, "create");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, SHORT_WAIT);
             ClientFactory direct = Moto.clients(moto, false)) {
            proxy.inject(rule(fault));

            Throwable error = catchThrowable(() -> new ParameterStore(clients)
                    .put(ParameterDraft.of(name, ParameterType.SECURE_STRING, SecretText.of("mine")), OptionalLong.empty()));

            assertThat(error).as("the user's own create is saved, not a conflict").isNull();
            var created = direct.ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter();
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.value()).isEqualTo("mine");
            assertThat(proxy.faults("PutParameter")).isEqualTo(1);
        }
    }

    @Test
    void aLostAnswerIsNotSentBlindlyAgain(MotoServer moto) {
        String name = "/faults/not-blind";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter").times(1));

            new ParameterStore(clients).put(ParameterDraft.of(name, ParameterType.STRING, SecretText.of("v2")), OptionalLong.of(1));

            assertThat(proxy.requests("PutParameter")).as("one PutParameter; the outcome was read back instead").isEqualTo(1);
            assertThat(proxy.requests("GetParameter")).isEqualTo(1);
        }
    }

    @Test
    void aWriteNotAppliedIsSentAgainOnlyAfterReadingBack(MotoServer moto) {
        String name = "/faults/resent";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            proxy.inject(FaultRule.of(Fault.INTERNAL_ERROR).on("PutParameter").times(1));

            long saved = new ParameterStore(clients).put(ParameterDraft.of(name, ParameterType.STRING, SecretText.of("v2")), OptionalLong.of(1));

            assertThat(saved).isEqualTo(2);
            assertThat(proxy.requests("PutParameter")).as("the 500, then the save once read back showed nothing applied").isEqualTo(2);
            assertThat(proxy.requests("GetParameter")).isEqualTo(1);
        }
    }

    @Test
    void anotherChangeInTheLostAnswersPlaceIsAnHonestConflict(MotoServer moto) throws Exception {
        String name = "/faults/other-change";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            // Every call waits 1.5 s at the proxy: room for someone else's save between the lost answer and the read-back.
            proxy.latency(Duration.ofMillis(1500), Duration.ZERO)
                    .inject(FaultRule.of(Fault.RESET_BEFORE_FORWARD).on("PutParameter").times(1));

            CompletableFuture<Long> save = CompletableFuture.supplyAsync(() -> new ParameterStore(clients)
                    .put(ParameterDraft.of(name, ParameterType.STRING, SecretText.of("mine")), OptionalLong.of(1)));
            await().atMost(Duration.ofSeconds(20)).until(() -> proxy.faults("PutParameter") == 1);
            direct.ssm().putParameter(b -> b.name(name).value("theirs").type("String").overwrite(true));
            Throwable error = catchThrowable(save::join);

            assertThat(error).hasCauseInstanceOf(ParameterConflictException.class);
            ParameterConflictException conflict = (ParameterConflictException) error.getCause();
            assertThat(conflict.expectedVersion()).isEqualTo(1);
            assertThat(conflict.current().version()).as("the other change, shown with the conflict").isEqualTo(2);
            assertThat(conflict.getMessage()).contains("changed since you opened it");
            var now = direct.ssm().getParameter(b -> b.name(name)).parameter();
            assertThat(now.version()).isEqualTo(2);
            assertThat(now.value()).isEqualTo("theirs");
        }
    }

    @Test
    void aLostAnswerThatCannotBeReadBackSaysTheChangeMayBeSaved(MotoServer moto) {
        String name = "/faults/unknown";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter").times(1))
                    .inject(FaultRule.of(Fault.RESET_BEFORE_FORWARD).on("GetParameter"));

            Throwable error = catchThrowable(() -> new ParameterStore(clients)
                    .put(ParameterDraft.of(name, ParameterType.STRING, SecretText.of("v2")), OptionalLong.of(1)));

            AwsErrors.Problem problem = AwsErrors.explain(error);
            assertThat(problem.kind()).isEqualTo(AwsErrors.Kind.ANSWER_LOST);
            assertThat(problem.summary()).contains("saving " + name).contains("connection reset")
                    .contains("could not confirm whether the change was made");
            assertThat(problem.advice()).contains("Refresh");
            assertThat(direct.ssm().getParameter(b -> b.name(name)).parameter().version()).isEqualTo(2);
        }
    }

    @Test
    void labelsAndDeletesAreNotRepeatedAfterALostAnswer(MotoServer moto) {
        String name = "/faults/labelled";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false);
             ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
            ParameterStore store = new ParameterStore(clients);
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("LabelParameterVersion", "DeleteParameters").times(2));

            List<String> refused = store.label(name, 1, List.of("prod"));
            List<String> notDeleted = store.delete(List.of(name));

            assertThat(refused).isEmpty();
            assertThat(notDeleted).as("the parameter was deleted by this call, not reported as missing").isEmpty();
            assertThat(proxy.requests("LabelParameterVersion")).isEqualTo(1);
            assertThat(proxy.requests("DeleteParameters")).isEqualTo(1);
            assertThat(store.describe(name)).isEmpty();
        }
    }

    private static FaultRule rule(Fault fault) {
        FaultRule rule = FaultRule.of(fault).on("PutParameter").times(1);
        return fault == Fault.SLOW_ANSWER ? rule.delay(Duration.ofSeconds(3)) : rule;
    }

    private static String name(Fault fault, String what) {
        return "/faults/" + what + "/" + fault.name().toLowerCase(Locale.ROOT) + "-" + NAMES.incrementAndGet();
    }
}
