package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerKind;
import dev.coffer.usage.UsageScan;
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

    /** Where used has something to show in the sandbox: issue 19's consumers, read in audit mode. */
    private static void sandboxHasAConsumerOfEveryKind(ConsumerIndex index) {
        assertThat(index.unread()).isEmpty();
        assertThat(index.ofParameter(SandboxConsumers.GOLDEN_PROD))
                .extracting(Consumer::kind, Consumer::resource, Consumer::location, Consumer::pinnedVersion)
                .containsExactlyInAnyOrder(
                        tuple(ConsumerKind.CLOUDFORMATION_STACK, SandboxConsumers.NETWORK_STACK, "Parameters.ImageId", Optional.empty()),
                        tuple(ConsumerKind.LAUNCH_TEMPLATE, SandboxConsumers.WEB_TEMPLATE, "version 1 (default and latest) ImageId", Optional.empty()),
                        tuple(ConsumerKind.LAUNCH_TEMPLATE, SandboxConsumers.PINNED_TEMPLATE, "version 1 (default and latest) ImageId", Optional.of("1")));
        assertThat(index.ofParameter(SandboxConsumers.RETENTION_DAYS)).extracting(Consumer::resource, Consumer::location)
                .containsExactly(tuple(SandboxConsumers.NETWORK_STACK, "Events.Tags[0].Value"));
        assertThat(index.ofParameter(SandboxConsumers.STACK_OWNED_PARAMETER)).extracting(Consumer::kind, Consumer::manages)
                .containsExactlyInAnyOrder(tuple(ConsumerKind.CLOUDFORMATION_STACK, true), tuple(ConsumerKind.ECS_TASK_DEFINITION, false));
        assertThat(index.ofParameter(SandboxConsumers.BILLING_CONFIG)).extracting(Consumer::kind)
                .containsExactlyInAnyOrder(ConsumerKind.LAMBDA_FUNCTION, ConsumerKind.ECS_TASK_DEFINITION);
        // The seed's own parameters may point at it too (a parameter of the /aws/reference/secretsmanager/ form).
        assertThat(index.ofSecret(SandboxConsumers.BILLING_SECRET)).extracting(Consumer::kind)
                .contains(ConsumerKind.LAMBDA_FUNCTION, ConsumerKind.ECS_TASK_DEFINITION);
    }

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
                // Every parameter of the seed, and the one a stack of the sandbox owns.
                assertThat(names).containsAll(sandbox.inventory().parameters()).contains(SandboxConsumers.STACK_OWNED_PARAMETER)
                        .hasSize(sandbox.inventory().parameters().size() + 1);
                List<Secret> secrets = new ArrayList<>();
                new SecretStore(clients).listAll(secrets::addAll, () -> false);
                assertThat(secrets).extracting(Secret::name).containsExactlyInAnyOrderElementsOf(sandbox.inventory().secrets());
                assertThatThrownBy(() -> clients.ssm().putParameter(b -> b.name("/x").value("x").type(ParameterType.STRING)))
                        .isInstanceOf(ReadOnlyRefusedException.class);
                sandboxHasAConsumerOfEveryKind(UsageScan.scan(clients, new Cancellation(), message -> { }));
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
            Sandbox sandbox = Sandbox.start(Optional.empty(), (moto, clients) -> { });
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
