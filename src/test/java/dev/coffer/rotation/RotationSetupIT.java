package dev.coffer.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.RotationStatus;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.testsupport.WithMoto;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rotation functions, RotateSecret and CancelRotateSecret against moto with a Lambda function. */
@WithMoto
class RotationSetupIT {

    private static ClientFactory clients;
    private static String arn;

    @BeforeAll
    static void setUp(MotoServer moto) {
        clients = Moto.clients(moto, false);
        arn = RotationLambda.create(moto, clients, "it-rotation");
    }

    @AfterAll
    static void tearDown() {
        clients.close();
    }

    @Test
    void listsFunctionsWithRuntimeAndLastModified() {
        RotationFunction f = new RotationFunctions(clients).list().stream().filter(x -> x.name().equals("it-rotation")).findFirst().orElseThrow();
        assertThat(f.arn()).isEqualTo(arn);
        assertThat(f.runtime()).isEqualTo("python3.12");
        assertThat(f.lastModified()).isPresent();
    }

    @Test
    void turnsRotationOnRotatesNowAndTurnsItOff() {
        String id = clients.secretsManager().createSecret(b -> b.name("it/rotation-db").secretString("{\"engine\":\"postgres\"}")).arn();
        RotationSetup setup = new RotationSetup(clients);
        setup.apply(new RotationRequest(id, Optional.of(arn), RotationSchedule.everyDays(7), "", false), false);
        RotationStatus status = new SecretStore(clients).rotation(id);
        assertThat(status.enabled()).isTrue();
        assertThat(status.automaticallyAfterDays()).hasValue(7);
        assertThat(status.lambdaArn()).hasValue(arn);
        assertThat(status.nextRotation()).isPresent();

        setup.turnOff(id);
        assertThat(new SecretStore(clients).rotation(id).enabled()).isFalse();
        assertThat(setup.rotateNow(id, Optional.of(arn))).isNotBlank();
    }

    @Test
    void refusesABadRequestBeforeAnyCallAndEveryChangeWhenReadOnly(MotoServer moto) {
        RotationSetup setup = new RotationSetup(clients);
        Moto.startRecording(moto);
        assertThatThrownBy(() -> setup.apply(new RotationRequest("it/any", Optional.of(arn), RotationSchedule.expression("rate(1 hours)"), "2h", true), false))
                .isInstanceOf(InvalidDraftException.class).hasMessageContaining("at most every 4 hours");
        assertThat(Moto.stopRecording(moto)).isEmpty();
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            assertThatThrownBy(() -> new RotationSetup(readOnly).turnOff("it/any")).isInstanceOf(ReadOnlyRefusedException.class);
        }
    }
}
