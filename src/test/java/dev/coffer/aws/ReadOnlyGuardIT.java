package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

@WithMoto
class ReadOnlyGuardIT {

    @Test
    void refusesAMutatingCallBeforeItReachesMoto(MotoServer moto) {
        try (ClientFactory readOnly = Moto.clients(moto, true); ClientFactory writable = Moto.clients(moto, false)) {
            Moto.startRecording(moto);
            assertThatThrownBy(() -> readOnly.ssm().putParameter(b -> b.name("/ro/test").value("x").type(ParameterType.STRING)))
                    .isInstanceOf(ReadOnlyRefusedException.class)
                    .hasMessageContaining("PutParameter");
            assertThatThrownBy(() -> readOnly.secretsManager().createSecret(b -> b.name("ro-secret").secretString("x")))
                    .isInstanceOf(ReadOnlyRefusedException.class);
            // Reads still work through the same guarded clients.
            assertThat(readOnly.ssm().describeParameters().parameters()).isEmpty();
            List<String> recorded = Moto.stopRecording(moto);

            assertThat(recorded).isNotEmpty().noneMatch(line -> line.contains("PutParameter") || line.contains("CreateSecret"));
            assertThat(recorded).anyMatch(line -> line.contains("DescribeParameters"));
            assertThatThrownBy(() -> writable.ssm().getParameter(b -> b.name("/ro/test")))
                    .isInstanceOf(ParameterNotFoundException.class);
            assertThat(readOnly.calls().count("PutParameter")).isZero();
        }
    }

    @Test
    void aWritableSessionSendsTheSameCall(MotoServer moto) {
        try (ClientFactory writable = Moto.clients(moto, false)) {
            writable.ssm().putParameter(b -> b.name("/rw/test").value("x").type(ParameterType.STRING));
            assertThat(writable.ssm().getParameter(b -> b.name("/rw/test")).parameter().value()).isEqualTo("x");
        }
    }
}
