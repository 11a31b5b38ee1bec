package dev.coffer;

import dev.coffer.testsupport.ClosedPort;
import static dev.coffer.usage.UsageSeed.DB_HOST;
import static dev.coffer.usage.UsageSeed.GOLDEN_X86;
import static dev.coffer.usage.UsageSeed.MARK;
import static dev.coffer.usage.UsageSeed.SECRET;
import static dev.coffer.usage.UsageSeed.UNUSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.usage.UsageSeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code coffer where-used} run in-process through Main's command line: exit codes, JSON and text, and never a value. */
@WithMoto
class WhereUsedCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClientFactory clients;
    private static String endpoint;
    private static String secretArn;

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        secretArn = UsageSeed.seed(moto, clients);
        endpoint = moto.endpoint().toString();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("where-used"));
        all.addAll(List.of(args));
        int exit = Main.commands(new LaunchOptions()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(run.out() + run.err()).as("no value is ever printed").doesNotContain(MARK).doesNotContain("db.internal");
        return run;
    }

    private static List<JsonNode> consumers(Run run) throws Exception {
        return StreamSupport.stream(JSON.readTree(run.out()).path("consumers").spliterator(), false).toList();
    }

    @Test
    void consumersOfAParameterAsJsonWithTheVersionTheyPin() throws Exception {
        Run run = run("--endpoint-url", endpoint, "--format", "json", GOLDEN_X86);

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> consumers = consumers(run);
        assertThat(consumers).extracting(c -> c.path("kind").asText() + " " + c.path("resource").asText() + " "
                        + c.path("location").asText() + " " + c.path("pinned_version"))
                .containsExactly("cloudformation-stack web-json Parameters.ImageId null",
                        "launch-template batch version 1 (default and latest) ImageId \"1\"",
                        "launch-template web version 1 (default) ImageId null");
        assertThat(consumers).allSatisfy(c -> {
            assertThat(c.path("target").asText()).isEqualTo(GOLDEN_X86);
            assertThat(c.path("pinned_version").isNull() || c.path("pinned_version").isTextual()).isTrue();
        });
    }

    @Test
    void aSecretByNameIsReportedByItsArnAndTextListsEveryConsumer() throws Exception {
        Run json = run("--endpoint-url", endpoint, "--format", "json", SECRET);
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(consumers(json)).hasSize(7).allSatisfy(c -> assertThat(c.path("target").asText()).isEqualTo(secretArn));

        Run text = run("--endpoint-url", endpoint, SECRET);
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith(secretArn).contains("lambda-function", "rotation function", "ecs-task-definition",
                "container app, secret DB_PASSWORD", "7 consumers found.");
    }

    @Test
    void aFolderAndSeveralNamesAtOnce() throws Exception {
        Run run = run("--endpoint-url", endpoint, "--format", "json", "--path", "/apps/web", GOLDEN_X86);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(consumers(run)).extracting(c -> c.path("target").asText()).contains(DB_HOST, GOLDEN_X86, "/apps/web/owned-by-stack");
        assertThat(consumers(run)).filteredOn(c -> c.path("manages").asBoolean())
                .extracting(c -> c.path("resource").asText()).containsExactly("web-json");
    }

    @Test
    void nothingReadsItExitsOne() {
        Run run = run("--endpoint-url", endpoint, UNUSED);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("0 consumers found.");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(run("--endpoint-url", endpoint).exit()).isEqualTo(2);
        Run notAFolder = run("--endpoint-url", endpoint, "--path", "apps/web");
        assertThat(notAFolder.exit()).isEqualTo(2);
        assertThat(notAFolder.err()).contains("--path apps/web is not a folder");
        assertThat(run("--endpoint-url", endpoint, "--format", "xml", DB_HOST).exit()).isEqualTo(2);
    }

    @Test
    void awsUnreachableExitsThreeSayingWhatCouldNotBeRead() throws Exception {
        Run run;
        try (ClosedPort closed = new ClosedPort()) {
            run = run("--endpoint-url", closed.uri().toString(), DB_HOST);
        }

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("CloudFormation stacks could not be read", "ECS task definitions could not be read")
                .doesNotContain("software.amazon").doesNotContain("Exception");
    }
}
