package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The sandbox as the app uses it: its own moto process, seeded, reachable read-only, stopped on close or exit. */
class SandboxIT {

    @Test
    void startsSeededAndStopsOnClose() {
        Sandbox sandbox = Sandbox.start();
        try {
            assertThat(sandbox.isRunning()).isTrue();
            System.out.printf("Sandbox seeded in %d ms%n", sandbox.seedTime().toMillis());

            Connection connection = sandbox.connection(true);
            assertThat(connection.sandbox()).isTrue();
            assertThat(connection.readOnly()).isTrue();
            assertThat(connection.profile()).isEqualTo(Connection.SANDBOX_NAME);
            assertThat(connection.region()).isEqualTo(Connection.sandbox(true).region());
            assertThat(connection.endpoint()).contains(sandbox.endpoint());

            AwsSession session = sandbox.session(true);
            assertThat(session.endpoint()).contains(sandbox.endpoint());
            assertThat(session.readOnly()).isTrue();
            try (ClientFactory clients = SessionClients.open(session)) {
                List<String> names = new ArrayList<>();
                new ParameterStore(clients).listAll(page -> page.forEach(p -> names.add(p.name())), () -> false);
                assertThat(names).containsExactlyInAnyOrderElementsOf(sandbox.inventory().parameters());
                List<Secret> secrets = new ArrayList<>();
                new SecretStore(clients).listAll(secrets::addAll, () -> false);
                assertThat(secrets).extracting(Secret::name).containsExactlyInAnyOrderElementsOf(sandbox.inventory().secrets());
                assertThatThrownBy(() -> clients.ssm().putParameter(b -> b.name("/x").value("x").type(ParameterType.STRING)))
                        .isInstanceOf(ReadOnlyRefusedException.class);
            }
            try (ClientFactory writable = SessionClients.open(sandbox.session(false))) {
                writable.ssm().putParameter(b -> b.name("/sandbox/scratch").value("x").type(ParameterType.STRING));
                List<Parameter> found = new ArrayList<>();
                new ParameterStore(writable).listAll(found::addAll, () -> false);
                assertThat(found).extracting(Parameter::name).contains("/sandbox/scratch");
            }
            assertThat(sandbox.seedingClients().session().readOnly()).isFalse();
        } finally {
            sandbox.close();
        }
        assertThat(sandbox.isRunning()).isFalse();
        assertThat(answers(sandbox.endpoint())).isFalse();
        sandbox.close(); // a second close is harmless
    }

    @Test
    void motoStopsWhenTheJvmExitsWithoutClosingTheSandbox() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        URI endpoint = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ENDPOINT ")) {
                    endpoint = URI.create(line.substring("ENDPOINT ".length()).trim());
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(endpoint).as("the child printed its sandbox endpoint").isNotNull();
        assertThat(answers(endpoint)).as("moto of an exited app").isFalse();
    }

    /**
     * Starts a sandbox, prints its endpoint and exits without closing it: the shutdown hook must
     * stop moto. It skips the seed, which would only make the test slower.
     */
    public static final class Child {
        public static void main(String[] args) {
            Sandbox sandbox = Sandbox.start(Optional.empty(), clients -> { });
            System.out.println("ENDPOINT " + sandbox.endpoint());
            System.out.flush();
            System.exit(0);
        }
    }

    private static boolean answers(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
