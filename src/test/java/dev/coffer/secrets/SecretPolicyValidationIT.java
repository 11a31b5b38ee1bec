package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link SecretStore#validatePolicy} against a small local fake of ValidateResourcePolicy: moto
 * 5.2.1 does not implement that operation (it answers 500, "The validate_resource_policy action
 * has not been implemented"). The fake speaks the Secrets Manager JSON 1.1 protocol and answers
 * in the API's shape (PolicyValidationPassed, ValidationErrors of CheckName and ErrorMessage);
 * it refuses policies with a wildcard principal, as AWS's broad-access check does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretPolicyValidationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
    private static final String NARROW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::123456789012:role/app\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";

    private HttpServer server;
    private URI endpoint;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @BeforeEach
    void clear() {
        requests.clear();
        targets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        targets.add(target);
        requests.add(body);
        String response;
        int status = 200;
        if (!"secretsmanager.ValidateResourcePolicy".equals(target)) {
            status = 400;
            response = "{\"__type\":\"InvalidRequestException\",\"message\":\"The fake answers only ValidateResourcePolicy\"}";
        } else {
            JsonNode policy = JSON.readTree(body.path("ResourcePolicy").asText());
            boolean wildcard = policy.path("Statement").findValues("Principal").stream().anyMatch(p -> "*".equals(p.asText()));
            response = wildcard
                    ? "{\"PolicyValidationPassed\":false,\"ValidationErrors\":[{\"CheckName\":\"broad_access\","
                    + "\"ErrorMessage\":\"The policy grants access to every principal (\\\"*\\\").\"}]}"
                    : "{\"PolicyValidationPassed\":true,\"ValidationErrors\":[]}";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ClientFactory clients(boolean readOnly) {
        return SessionClients.open(Sessions.local(Connection.endpoint(endpoint, "us-east-1", readOnly), endpoint));
    }

    @Test
    void aNarrowPolicyPassesAndIsSentAsWritten() {
        try (ClientFactory clients = clients(false)) {
            PolicyCheck check = new SecretStore(clients).validatePolicy("prod/db", NARROW);
            assertThat(check).isEqualTo(new PolicyCheck(true, List.of()));
        }
        assertThat(targets).containsExactly("secretsmanager.ValidateResourcePolicy");
        assertThat(requests).singleElement().satisfies(body -> {
            assertThat(body.path("SecretId").asText()).isEqualTo("prod/db");
            assertThat(body.path("ResourcePolicy").asText()).isEqualTo(NARROW);
        });
    }

    @Test
    void aWildcardPrincipalIsReportedAsAReadableFinding() {
        try (ClientFactory clients = clients(false)) {
            PolicyCheck check = new SecretStore(clients).validatePolicy("prod/db", OPEN);
            assertThat(check.valid()).isFalse();
            assertThat(check.findings()).containsExactly("BROAD_ACCESS: The policy grants access to every principal (\"*\").");
        }
    }

    @Test
    void validatingIsAllowedInReadOnlyMode() {
        try (ClientFactory clients = clients(true)) {
            assertThat(new SecretStore(clients).validatePolicy("prod/db", NARROW).valid()).isTrue();
        }
        assertThat(targets).hasSize(1);
    }

    @Test
    void textThatIsNotJsonNeverReachesAws() {
        try (ClientFactory clients = clients(false)) {
            PolicyCheck check = new SecretStore(clients).validatePolicy("prod/db", "{\"Version\": \"2012-10-17\",\n\"Statement\": [}");
            assertThat(check.valid()).isFalse();
            assertThat(check.findings()).singleElement().asString().startsWith("ERROR: Not valid JSON at line 2, column");
        }
        assertThat(targets).isEmpty();
    }
}
