package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.RetrySettings;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secret saves carry their ClientRequestToken, so the SDK may send them again after a lost answer:
 * one Save still makes exactly one version. Label moves carry no token and are read back instead.
 */
@WithMoto
class SecretSaveUnderFaultsIT {

    private static final RetrySettings SHORT_WAIT = RetrySettings.standard().withAttemptTimeout(Duration.ofSeconds(1));
    private static final AtomicInteger NAMES = new AtomicInteger();

    static Stream<Fault> faults() {
        return Stream.of(Fault.RESET_AFTER_FORWARD, Fault.SLOW_ANSWER, Fault.TRUNCATED_ANSWER, Fault.THROTTLING,
                Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.RESET_BEFORE_FORWARD);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aCreateAndAnUpdateEachMakeOneVersion(Fault fault, MotoServer moto) {
        String name = "faults/" + fault.name().toLowerCase(Locale.ROOT) + "-" + NAMES.incrementAndGet();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false, SHORT_WAIT);
             ClientFactory direct = Moto.clients(moto, true)) {
            SecretStore store = new SecretStore(clients);
            SecretDraft original = SecretDraft.of(name, SecretContent.Text.of("first"));
            proxy.inject(rule(fault, "CreateSecret"));

            store.create(original, SecretStore.newRequestToken());

            CurrentValue opened = store.currentValue(name);
            proxy.inject(rule(fault, "PutSecretValue"));
            String token = SecretStore.newRequestToken();
            String saved = store.update(name, original.withContent(SecretContent.Text.of("second")), opened.versionId(), original, token);

            assertThat(saved).isEqualTo(token);
            assertThat(direct.secretsManager().listSecretVersionIds(b -> b.secretId(name)).versions()).hasSize(2);
            assertThat(direct.secretsManager().getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("second");
            assertThat(proxy.faults("CreateSecret") + proxy.faults("PutSecretValue")).isEqualTo(2);
        }
    }

    @Test
    void aLabelMoveWhoseAnswerIsLostIsReadBackNotRepeated(MotoServer moto) {
        String name = "faults/label-move";
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false)) {
            SecretStore store = new SecretStore(clients);
            SecretDraft original = SecretDraft.of(name, SecretContent.Text.of("first"));
            store.create(original, SecretStore.newRequestToken());
            String first = store.currentVersionId(name);
            store.update(name, original.withContent(SecretContent.Text.of("second")), first, original, SecretStore.newRequestToken());
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("UpdateSecretVersionStage").times(1));

            store.rollback(name, first);

            assertThat(store.currentVersionId(name)).isEqualTo(first);
            assertThat(proxy.requests("UpdateSecretVersionStage")).as("not sent again after it was applied").isEqualTo(1);
        }
    }

    private static FaultRule rule(Fault fault, String operation) {
        FaultRule rule = FaultRule.of(fault).on(operation).times(1);
        return fault == Fault.SLOW_ANSWER ? rule.delay(Duration.ofSeconds(3)) : rule;
    }
}
