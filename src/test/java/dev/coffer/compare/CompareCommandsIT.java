package dev.coffer.compare;

import dev.coffer.testsupport.ClosedPort;
import static dev.coffer.compare.CompareSeed.LEFT_PATH;
import static dev.coffer.compare.CompareSeed.LEFT_PREFIX;
import static dev.coffer.compare.CompareSeed.MARK;
import static dev.coffer.compare.CompareSeed.RIGHT_PATH;
import static dev.coffer.compare.CompareSeed.RIGHT_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coffer diff} and {@code coffer promote} run in-process through picocli: exit codes, output shapes, and never a value. */
@WithMoto
class CompareCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClientFactory clients;
    private static String endpoint;

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        CompareSeed.seedBoth(clients);
        endpoint = moto.endpoint().toString();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(run.out() + run.err()).as("no value is ever printed").doesNotContain(MARK);
        return run;
    }

    private static DiffCommand diff() {
        return new DiffCommand();
    }

    private static PromoteCommand promote() {
        return new PromoteCommand();
    }

    private static List<String> sides(String leftPath, String rightPath, String... more) {
        List<String> args = new ArrayList<>(List.of("--left-endpoint-url", endpoint, "--left-path", leftPath,
                "--right-endpoint-url", endpoint, "--right-path", rightPath));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theSameSidesExitZero() {
        Run run = run(diff(), sides(LEFT_PATH, LEFT_PATH, "--include-values").toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("11 items: 11 same, 0 different, 0 only left, 0 only right.");
    }

    @Test
    void driftExitsOneAndTheJsonNamesEveryDifferenceButNoValue() throws Exception {
        Run run = run(diff(), sides(LEFT_PATH, RIGHT_PATH, "--left-secrets-prefix", LEFT_PREFIX, "--right-secrets-prefix", RIGHT_PREFIX,
                "--include-values", "--format", "json").toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isEqualTo(DiffCommand.DRIFT);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("counts").path("only_left").asInt()).isEqualTo(3);
        assertThat(json.path("counts").path("only_right").asInt()).isEqualTo(1);
        assertThat(json.path("counts").path("different").asInt()).isEqualTo(13);
        assertThat(json.path("counts").path("same").asInt()).isEqualTo(2);
        JsonNode value = item(json, "parameter", "value");
        assertThat(value.path("status").asText()).isEqualTo("different");
        assertThat(value.path("differences").toString()).isEqualTo("[\"value\"]");
        assertThat(item(json, "secret", "db").path("differences").toString()).isEqualTo("[\"json_keys\",\"value\"]");
        assertThat(item(json, "parameter", "tier").path("details").path("tier").asText()).isEqualTo("Standard → Advanced");
        assertThat(item(json, "parameter", "only-right").path("status").asText()).isEqualTo("only_right");
        assertThat(item(json, "secret", "only-left").path("kind").asText()).isEqualTo("secret");
    }

    @Test
    void theTextListsWhatDiffersAndTheCounts() {
        Run run = run(diff(), sides(LEFT_PATH, RIGHT_PATH, "--include-values", "--no-tags").toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(DiffCommand.DRIFT);
        assertThat(run.out()).contains("Left:  /cmp/staging on ").contains("different   parameter  value   value")
                .contains("only left   parameter  nested/deep").contains("different   parameter  tier   tier (Standard → Advanced)")
                .contains("12 items: 2 same, 7 different, 2 only left, 1 only right.");
    }

    @Test
    void badOptionsExitTwo() {
        Run noPath = run(diff(), "--left-endpoint-url", endpoint, "--right-endpoint-url", endpoint);
        assertThat(noPath.exit()).isEqualTo(2);
        assertThat(noPath.err()).contains("Name a --left-path or a --secrets-prefix for the left side.");

        Run fileAndPath = run(diff(), "--left-file", "x.json", "--left-path", "/a", "--right-endpoint-url", endpoint, "--right-path", "/b");
        assertThat(fileAndPath.exit()).isEqualTo(2);
        assertThat(fileAndPath.err()).contains("--left-file is a side by itself");

        assertThat(run(diff(), "--format", "yaml").exit()).isEqualTo(2);
        assertThat(run(promote(), sides(LEFT_PATH, RIGHT_PATH, "--delete-only-on-target", "/cmp").toArray(String[]::new)).exit())
                .isEqualTo(2);
    }

    @Test
    void whatCannotBeReadExitsThree(@TempDir Path dir) throws Exception {
        Run unreachable;
        try (ClosedPort closed = new ClosedPort()) {
            unreachable = run(diff(), "--left-endpoint-url", closed.uri().toString(), "--left-path", "/a",
                    "--right-endpoint-url", endpoint, "--right-path", "/b");
        }
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.err()).doesNotContain("software.amazon").doesNotContain("Exception");

        Run missingFile = run(diff(), "--left-file", dir.resolve("missing.json").toString(), "--right-endpoint-url", endpoint,
                "--right-path", RIGHT_PATH);
        assertThat(missingFile.exit()).isEqualTo(3);
        assertThat(missingFile.err()).contains("missing.json");
    }

    @Test
    void promotePrintsThePlanAndAppliesItExitingZeroOnlyWhenEveryItemSucceeded() throws Exception {
        List<String> args = sides(LEFT_PATH, "/cmp/promoted", "--format", "json");
        Run plan = run(promote(), args.toArray(String[]::new));
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode planned = JSON.readTree(plan.out());
        assertThat(item(planned, "parameter", "value").path("action").asText()).isEqualTo("create");
        assertThat(item(planned, "parameter", "value").path("target").asText()).isEqualTo("/cmp/promoted/value");
        assertThat(item(planned, "parameter", "value").has("result")).isFalse();
        assertThat(clients.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Path").option("Recursive")
                .values("/cmp/promoted"))).parameters()).as("nothing sent without --apply").isEmpty();

        args.add("--apply");
        Run applied = run(promote(), args.toArray(String[]::new));
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        assertThat(item(JSON.readTree(applied.out()), "parameter", "secure").path("result").asText()).isEqualTo("done");
        assertThat(run(diff(), sides(LEFT_PATH, "/cmp/promoted", "--include-values").toArray(String[]::new)).exit()).isZero();
    }

    @Test
    void promotingFromAnExportFileIsTheImportAndExitsOneForTheSecureStringItCannotCarry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("staging.json");
        Export.folder(clients, LEFT_PATH, file, step -> { }, () -> false);
        List<String> args = new ArrayList<>(List.of("--left-file", file.toString(), "--right-endpoint-url", endpoint,
                "--right-path", "/cmp/imported"));

        Run plan = run(promote(), args.toArray(String[]::new));
        assertThat(plan.exit()).as("the plan can not be carried out in full").isEqualTo(PromoteCommand.INCOMPLETE);
        assertThat(plan.out()).contains("create  parameter  /cmp/imported/value")
                .contains("skip    parameter  /cmp/imported/secure: SecureString values are never exported; set this one in Coffer.");

        args.add("--apply");
        Run applied = run(promote(), args.toArray(String[]::new));
        assertThat(applied.exit()).isEqualTo(PromoteCommand.INCOMPLETE);
        assertThat(applied.out()).contains("        → created, version 1");
        assertThat(clients.ssm().getParameter(b -> b.name("/cmp/imported/value")).parameter().value()).isEqualTo(MARK + "valueL");
    }

    @Test
    void aFileNeverOverwritesASecureString(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("by-hand.json");
        java.nio.file.Files.writeString(file, "{\"coffer\":\"parameters\",\"version\":1,\"path\":\"/by-hand\",\"parameters\":["
                + "{\"name\":\"/by-hand/secure\",\"type\":\"String\",\"value\":\"plain\",\"tier\":\"Standard\",\"dataType\":\"text\"}]}");

        Run run = run(promote(), "--left-file", file.toString(), "--right-endpoint-url", endpoint, "--right-path", RIGHT_PATH, "--apply");

        assertThat(run.exit()).isEqualTo(PromoteCommand.INCOMPLETE);
        assertThat(run.out()).contains("skip    parameter  /cmp/prod/secure: a file never overwrites a SecureString");
        assertThat(clients.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(RIGHT_PATH + "/secure")))
                .parameters().get(0).typeAsString()).isEqualTo("SecureString");
    }

    @Test
    void entriesOfAFileThatCannotBeUsedAreNamedWithTheirReasonAndCountAsDrift(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("with-a-bad-entry.json");
        java.nio.file.Files.writeString(file, "{\"coffer\":\"parameters\",\"version\":1,\"path\":\"/nothing-here\",\"parameters\":["
                + "{\"name\":\"/nothing-here/has space\",\"type\":\"String\",\"value\":\"v\"}]}");
        String[] sides = {"--left-file", file.toString(), "--right-endpoint-url", endpoint, "--right-path", "/nothing-here"};

        Run text = run(diff(), sides);
        assertThat(text.exit()).as("the file and the folder are not shown the same").isEqualTo(DiffCommand.DRIFT);
        assertThat(text.out()).contains("not used    left file  /nothing-here/has space: Names can't contain spaces");

        List<String> json = new ArrayList<>(List.of(sides));
        json.addAll(List.of("--format", "json"));
        JsonNode rejected = JSON.readTree(run(diff(), json.toArray(String[]::new)).out()).path("rejected");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.path("side").asText()).isEqualTo("left");
            assertThat(r.path("entry").asText()).isEqualTo("/nothing-here/has space");
            assertThat(r.path("reason").asText()).contains("spaces");
        });

        Run plan = run(promote(), sides);
        assertThat(plan.exit()).as("an entry of the file is not carried").isEqualTo(PromoteCommand.INCOMPLETE);
        assertThat(plan.out()).contains("not used    left file  /nothing-here/has space");
    }


    private static JsonNode item(JsonNode json, String kind, String name) {
        for (JsonNode item : json.path("items")) {
            if (item.path("kind").asText().equals(kind) && item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in " + json);
    }
}
