package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.audit.AuditReport;
import dev.coffer.audit.AuditSettings;
import dev.coffer.audit.ReportCollector;
import dev.coffer.audit.RevealLog;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.MotoExtension;
import dev.coffer.testsupport.WithMoto;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Endpoints resolved as the AWS CLI v2 resolves them, checked by which server received each
 * call: three moto servers (A, the test moto; B and C, started here), and for AWS's own endpoint
 * the host a call was about to leave for (stopped before it is sent).
 */
@WithMoto
class ProfileEndpointsIT {

    private static final List<String> SERVICES = List.of("ssm", "secretsmanager", "kms", "ec2", "lambda", "sts");
    private static final Path RECORDINGS = MotoExtension.RECORDING.getParent();

    private static MotoServer serverB;
    private static MotoServer serverC;

    private final Map<String, MotoServer> servers = new LinkedHashMap<>();
    private final Map<String, Path> recordings = new LinkedHashMap<>();
    private String config;
    /** The AWS config file the SDK itself reads under test, as the user's ~/.aws/config would be. */
    private final Path configFile = Path.of(System.getProperty("aws.configFile"));

    @BeforeAll
    static void startMoreServers() {
        serverB = MotoServer.start(Optional.empty(), Map.of("MOTO_RECORDER_FILEPATH", RECORDINGS.resolve("recording-b.jsonl").toString()));
        serverC = MotoServer.start(Optional.empty(), Map.of("MOTO_RECORDER_FILEPATH", RECORDINGS.resolve("recording-c.jsonl").toString()));
    }

    @AfterAll
    static void stopMoreServers() {
        serverB.close();
        serverC.close();
    }

    @BeforeEach
    void writeConfig(MotoServer serverA) throws IOException {
        servers.put("A", serverA);
        servers.put("B", serverB);
        servers.put("C", serverC);
        recordings.put("A", MotoExtension.RECORDING);
        recordings.put("B", RECORDINGS.resolve("recording-b.jsonl"));
        recordings.put("C", RECORDINGS.resolve("recording-c.jsonl"));
        config = """
                [default]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                endpoint_url = {A}

                [profile plain]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing

                [profile own]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                endpoint_url = {B}

                [profile split]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                endpoint_url = {A}
                services = split-services

                [services split-services]
                ssm =
                  endpoint_url = {B}
                secrets_manager =
                  endpoint_url = {C}
                # Not the CLI's key for Secrets Manager (that is secrets_manager): ignored.
                secretsmanager =
                  endpoint_url = {B}
                sts =
                  endpoint_url = {C}
                lambda =
                  endpoint_url = {B}

                [profile keyed]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                services = keyed-services

                [services keyed-services]
                kms =
                  endpoint_url = {B}
                ec2 =
                  endpoint_url = {C}

                [profile ignoring]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                endpoint_url = {B}
                services = split-services
                ignore_configured_endpoint_urls = true
                """;
        for (var server : servers.entrySet()) {
            config = config.replace("{" + server.getKey() + "}", server.getValue().endpoint().toString());
        }
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, config);
    }

    @AfterEach
    void removeConfig() throws IOException {
        Files.deleteIfExists(configFile);
    }

    @Test
    void aProfileWithoutAnEndpointGoesToAwsEvenWhenTheDefaultProfileHasOne() throws IOException {
        assertThat(destinations("plain", Map.of(), null)).containsExactlyInAnyOrderEntriesOf(aws());
    }

    @Test
    void aProfilesOwnEndpointCarriesEveryService() throws IOException {
        assertThat(destinations("own", Map.of(), null)).containsExactlyInAnyOrderEntriesOf(all("B"));
        assertThat(destinations("default", Map.of(), null)).containsExactlyInAnyOrderEntriesOf(all("A"));
    }

    @Test
    void aServicesSectionSendsEachServiceWhereItSaysAndTheRestToTheProfilesEndpoint() throws IOException {
        assertThat(destinations("split", Map.of(), null)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ssm", "B", "secretsmanager", "C", "sts", "C", "lambda", "B", "kms", "A", "ec2", "A"));
        Map<String, String> keyed = aws();
        keyed.put("kms", "B");
        keyed.put("ec2", "C");
        assertThat(destinations("keyed", Map.of(), null)).containsExactlyInAnyOrderEntriesOf(keyed);
    }

    @Test
    void environmentVariablesComeBeforeTheConfigFile() throws IOException {
        Map<String, String> ownWithSecrets = all("B");
        ownWithSecrets.put("secretsmanager", "C");
        assertThat(destinations("own", Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", url("C")), null))
                .as("AWS_ENDPOINT_URL_SECRETS_MANAGER over the profile's endpoint_url").containsExactlyInAnyOrderEntriesOf(ownWithSecrets);
        assertThat(destinations("split", Map.of("AWS_ENDPOINT_URL", url("B")), null))
                .as("AWS_ENDPOINT_URL over the services section").containsExactlyInAnyOrderEntriesOf(all("B"));
        Map<String, String> kmsApart = all("B");
        kmsApart.put("kms", "C");
        assertThat(destinations("split", Map.of("AWS_ENDPOINT_URL", url("B"), "AWS_ENDPOINT_URL_KMS", url("C")), null))
                .as("AWS_ENDPOINT_URL_KMS over AWS_ENDPOINT_URL").containsExactlyInAnyOrderEntriesOf(kmsApart);
        Map<String, String> plainSsm = aws();
        plainSsm.put("ssm", "B");
        assertThat(destinations("plain", Map.of("AWS_ENDPOINT_URL_SSM", url("B")), null))
                .as("AWS_ENDPOINT_URL_SSM alone").containsExactlyInAnyOrderEntriesOf(plainSsm);
    }

    @Test
    void ignoredConfiguredEndpointsGoToAws() throws IOException {
        assertThat(destinations("ignoring", Map.of(), null)).as("ignore_configured_endpoint_urls = true")
                .containsExactlyInAnyOrderEntriesOf(aws());
        assertThat(destinations("own", Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", "AWS_ENDPOINT_URL", url("C")), null))
                .as("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true").containsExactlyInAnyOrderEntriesOf(aws());
        assertThat(destinations("default", Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), null))
                .as("the default profile, ignoring its endpoint_url").containsExactlyInAnyOrderEntriesOf(aws());
    }

    @Test
    void anEndpointChosenForTheConnectionOverridesEverything() throws IOException {
        URI chosen = serverC.endpoint();
        assertThat(destinations("split", Map.of("AWS_ENDPOINT_URL_SSM", url("B")), chosen)).containsExactlyInAnyOrderEntriesOf(all("C"));
        assertThat(destinations("ignoring", Map.of(), chosen)).containsExactlyInAnyOrderEntriesOf(all("C"));
    }

    @Test
    void theRevealLogAndTheReportNameTheEndpointOfTheServiceRead() throws IOException {
        try (ClientFactory b = Moto.clients(serverB, false); ClientFactory c = Moto.clients(serverC, false)) {
            b.ssm().putParameter(r -> r.name("/endpoints-it/where").value("B").type(ParameterType.STRING).overwrite(true));
            if (c.secretsManager().listSecrets().secretList().isEmpty()) {
                c.secretsManager().createSecret(r -> r.name("endpoints-it-where").secretString("C"));
            }
        }
        Path log = RevealLog.standard().file();
        long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        AwsSession session = open("split", Map.of(), null, true);
        try (ClientFactory clients = SessionClients.open(session)) {
            assertThat(clients.ssm().getParameter(r -> r.name("/endpoints-it/where")).parameter().value()).isEqualTo("B");
            assertThat(clients.secretsManager().getSecretValue(r -> r.secretId("endpoints-it-where")).secretString()).isEqualTo("C");

            ObjectMapper json = new ObjectMapper();
            List<JsonNode> written = new ArrayList<>();
            for (String line : Files.readAllLines(log).subList((int) before, Files.readAllLines(log).size())) {
                written.add(json.readTree(line));
            }
            assertThat(written).extracting(l -> l.path("store").asText(), l -> l.path("endpoint").asText(), l -> l.path("profile").asText())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Parameter Store", url("B"), "split"),
                            org.assertj.core.groups.Tuple.tuple("Secrets Manager", url("C"), "split"));

            AuditReport report = ReportCollector.report(List.of(clients), AuditSettings.defaults(), (m, d, t) -> { }, () -> false);
            AuditReport.ConnectionInfo connection = report.connections().get(0);
            assertThat(connection.endpoint()).as("the connection's endpoint is Parameter Store's").isEqualTo(url("B"));
            assertThat(connection.label()).isEqualTo("split · us-east-1 · " + hostAndPort("B"));
            assertThat(report.parameterCount()).as("parameters read from B").isEqualTo(1);
            assertThat(report.secretCount()).as("secrets read from C").isEqualTo(1);
        }
    }

    /** Where each service's call went: "A", "B" or "C" (the server that received it), or the AWS host it was stopped for. */
    private Map<String, String> destinations(String profile, Map<String, String> env, URI chosen) throws IOException {
        servers.values().forEach(Moto::startRecording);
        Map<String, String> where = new TreeMap<>();
        try (ClientFactory clients = SessionClients.open(open(profile, env, chosen, false))) {
            send("ssm", where, p -> clients.ssm().describeParameters(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
            send("secretsmanager", where, p -> clients.secretsManager().listSecrets(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
            send("kms", where, p -> clients.kms().listKeys(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
            send("ec2", where, p -> clients.ec2().describeRegions(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
            send("lambda", where, p -> clients.lambda().listFunctions(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
            send("sts", where, p -> clients.sts().getCallerIdentity(r -> r.overrideConfiguration(o -> o.addPlugin(p))));
        }
        // Each server received exactly the calls that were addressed to it.
        for (String name : servers.keySet()) {
            List<String> received = Moto.stopRecording(servers.get(name), recordings.get(name)).stream()
                    .map(ProfileEndpointsIT::serviceOf).toList();
            List<String> addressed = where.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
            assertThat(received).as("calls server %s received", name).containsExactlyInAnyOrderElementsOf(addressed);
        }
        return where;
    }

    /**
     * Sends one call with a plugin that notes its destination: a local server by name, or the host
     * of AWS's own endpoint, where the call is stopped before it leaves the machine.
     */
    private void send(String service, Map<String, String> where, Consumer<SdkPlugin> call) {
        ExecutionInterceptor note = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                URI uri = context.httpRequest().getUri();
                Optional<String> local = servers.entrySet().stream()
                        .filter(s -> s.getValue().endpoint().getPort() == uri.getPort() && "127.0.0.1".equals(uri.getHost()))
                        .map(Map.Entry::getKey).findFirst();
                where.put(service, local.orElse(uri.getHost()));
                if (local.isEmpty()) {
                    throw new StoppedBeforeSending();
                }
            }
        };
        try {
            call.accept(config -> config.overrideConfiguration(o -> o.addExecutionInterceptor(note)));
        } catch (RuntimeException e) {
            if (!(e instanceof StoppedBeforeSending || e.getCause() instanceof StoppedBeforeSending)) {
                throw e;
            }
        }
    }

    private static final class StoppedBeforeSending extends RuntimeException {
        StoppedBeforeSending() {
            super("stopped before leaving the machine", null, false, false);
        }
    }

    private static String serviceOf(String recorded) {
        String operation = Moto.operations(List.of(recorded)).get(0);
        return switch (operation) {
            case "DescribeParameters", "GetParameter" -> "ssm";
            case "ListSecrets", "GetSecretValue" -> "secretsmanager";
            case "ListKeys" -> "kms";
            case "DescribeRegions" -> "ec2";
            case "GetCallerIdentity" -> "sts";
            default -> operation.contains("/functions") ? "lambda" : operation;
        };
    }

    private AwsSession open(String profile, Map<String, String> env, URI chosen, boolean readOnly) throws IOException {
        Profiles profiles = new Profiles(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build(), env::get);
        Connection connection = Connection.profile(profile, "us-east-1", chosen, readOnly);
        return Sessions.forProfile(connection, profiles.file(), profiles.endpointsFor(profile));
    }

    private static Map<String, String> aws() {
        Map<String, String> hosts = new TreeMap<>();
        for (String service : SERVICES) {
            hosts.put(service, service + ".us-east-1.amazonaws.com");
        }
        return hosts;
    }

    private static Map<String, String> all(String server) {
        Map<String, String> same = new TreeMap<>();
        SERVICES.forEach(s -> same.put(s, server));
        return same;
    }

    private String url(String server) {
        return servers.get(server).endpoint().toString();
    }

    private String hostAndPort(String server) {
        URI uri = servers.get(server).endpoint();
        return uri.getHost() + ":" + uri.getPort();
    }
}
