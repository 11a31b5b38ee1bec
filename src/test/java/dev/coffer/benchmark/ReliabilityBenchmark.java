package dev.coffer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.view.ParameterEditorViewModel;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferProcess;
import dev.coffer.testsupport.DirectRowFeeds;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.ui.shell.MainViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Coffer and the AWS CLI v2 under the same faults (issue 17, point 8): 500 parameters under /bench
 * and some secrets in moto, the test proxy in front injecting one fault at a time, and for each
 * fault Coffer's own code (the window's listing through {@link MainViewModel}, {@code coffer audit}
 * as a process, the parameter editor's Save) beside {@code /usr/bin/aws} (the CLI v2; the
 * {@code aws} on PATH may be the pip CLI v1) with its default retries. Random faults are seeded and
 * run {@link #RUNS} times, the same seeds for both. The table goes to target/reliability/reliability.md
 * and to standard output, each run's detail to runs.md beside it.
 *
 * <p>Not part of the suite (minutes of deliberate faults). Run it with
 * {@code mvn -B -q test -Dtest=ReliabilityBenchmark -Dcoffer.reliability=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * After writing the table it checks what the README promises of Coffer: listings complete under
 * throttling, any other listing complete or shown as incomplete (never an exit 0 with less), and one
 * Save making one version.
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "coffer.reliability", matches = "true")
class ReliabilityBenchmark {

    private static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");
    private static final int PARAMETERS = 500;
    private static final int SECRETS = 20;
    private static final int RUNS = 3;
    /** The calls a listing of parameters makes: Coffer's DescribeParameters, the CLI's GetParametersByPath. */
    private static final String[] PARAMETER_LISTING = {"DescribeParameters", "GetParametersByPath"};
    /** Every read of a listing, the secrets' too. */
    private static final String[] LISTING_READS = {"DescribeParameters", "GetParametersByPath", "ListSecrets"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out = Path.of("target", "reliability").toAbsolutePath();
    /** HOME, Coffer home and report of each {@code coffer audit} run, removed with the class. */
    @TempDir
    Path auditHome;
    private final List<String> table = new ArrayList<>();
    private final List<String> runLog = new ArrayList<>();
    private final List<String> brokenPromises = new ArrayList<>();
    private MotoServer moto;

    /**
     * A fault applied to a listing: its name in the table, its rate there, its rules for a seed, and
     * whether the README promises that Coffer's listings still complete (throttling only slows them).
     */
    private record ListingFault(String fault, String rate, int runs, LongFunction<List<FaultRule>> rules, boolean completes) {
        ListingFault(String fault, String rate, int runs, LongFunction<List<FaultRule>> rules) {
            this(fault, rate, runs, rules, false);
        }
    }

    /** One run of one tool: whether it got everything, how many parameters it returned, its exit code (-1 for the window), and what it cost. */
    private record Run(boolean complete, int items, int exitCode, Duration took, long calls, long faults, String said) {
    }

    @BeforeAll
    void seed(MotoServer server) throws Exception {
        moto = server;
        Files.createDirectories(out);
        try (ClientFactory admin = Moto.clients(moto, false)) {
            for (int i = 0; i < PARAMETERS; i++) {
                String name = String.format("/bench/app-%d/%s/param-%03d", i % 5, i % 2 == 0 ? "prod" : "dev", i);
                admin.ssm().putParameter(b -> b.name(name).value("value-" + name).type(ParameterType.STRING));
            }
            for (int i = 0; i < SECRETS; i++) {
                String name = String.format("bench/db-%02d", i);
                admin.secretsManager().createSecret(b -> b.name(name).secretString("{\"password\":\"bench\"}"));
            }
        }
        String version = cliVersion();
        assertThat(version).as("%s must be the AWS CLI v2", AWS_CLI_V2).startsWith("aws-cli/2");
        runLog.add("# Reliability benchmark runs\n\nAWS CLI: " + version + "\n");
    }

    @AfterAll
    void writeTable() throws IOException {
        String markdown = String.join("\n", table) + "\n";
        Files.writeString(out.resolve("reliability.md"), markdown);
        Files.writeString(out.resolve("runs.md"), String.join("\n", runLog) + "\n");
        System.out.println(markdown);
    }

    @Test
    void coffersFiguresBesideTheCli() throws Exception {
        table.add("| Fault | Rate | Coffer: window listing | Coffer: `coffer audit` | AWS CLI v2: `ssm get-parameters-by-path` |");
        table.add("| --- | --- | --- | --- | --- |");
        table.add(row(new ListingFault("none", "–", 1, seed -> List.of())));
        table.add(row(new ListingFault("Throttling (HTTP 400 ThrottlingException)", "50 % of listing calls", RUNS,
                seed -> List.of(FaultRule.of(Fault.THROTTLING).on(LISTING_READS).rate(0.5).seed(seed)), true)));
        table.add(row(new ListingFault("HTTP 500 InternalServerError", "20 % of listing calls", RUNS,
                seed -> List.of(FaultRule.of(Fault.INTERNAL_ERROR).on(LISTING_READS).rate(0.2).seed(seed)))));
        table.add(row(new ListingFault("HTTP 503 ServiceUnavailable", "20 % of listing calls", RUNS,
                seed -> List.of(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on(LISTING_READS).rate(0.2).seed(seed)))));
        table.add(row(new ListingFault("Connection reset before AWS saw the call", "20 % of listing calls", RUNS,
                seed -> List.of(FaultRule.of(Fault.RESET_BEFORE_FORWARD).on(LISTING_READS).rate(0.2).seed(seed)))));
        table.add(row(new ListingFault("Truncated answer (half the body, full Content-Length)", "the 4th page of parameters, once", 1,
                seed -> List.of(FaultRule.of(Fault.TRUNCATED_ANSWER).on(PARAMETER_LISTING).after(3).times(1)))));
        table.add(row(new ListingFault("Slow answer, 5 s late", "the 4th page of parameters, once", 1,
                seed -> List.of(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(5)).on(PARAMETER_LISTING).after(3).times(1)))));
        table.add(row(new ListingFault("Slow answer, 65 s late (past the CLI's 60 s read timeout)", "the 4th page of parameters, once", 1,
                seed -> List.of(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(65)).on(PARAMETER_LISTING).after(3).times(1)))));
        table.add(saveRow(Fault.RESET_AFTER_FORWARD, "Connection reset after AWS applied the PutParameter (answer lost)"));
        table.add(saveRow(Fault.TRUNCATED_ANSWER, "Truncated answer to the PutParameter"));
        table.add("");
        table.add("Listings: " + PARAMETERS + " parameters under /bench in 10 folders and " + SECRETS + " secrets in moto behind the"
                + " test proxy, which pages DescribeParameters as AWS does (50 a page); no latency or rate limits besides the fault."
                + " Each cell: parameters listed, runs that ended complete, wall time, calls the proxy received for the listing"
                + " and the faults among them; Coffer's figures include listing the secrets (one ListSecrets page), the CLI lists"
                + " parameters only, 10 a page. Random faults use the seeds 1 to " + RUNS + " for both tools. The CLI v2 runs with its"
                + " defaults (retry mode standard, 3 attempts, 60 s read timeout).");

        assertThat(brokenPromises).as("what the README promises of Coffer").isEmpty();
    }

    // ---- listings

    private String row(ListingFault fault) throws Exception {
        List<Run> window = new ArrayList<>();
        List<Run> audit = new ArrayList<>();
        List<Run> cli = new ArrayList<>();
        for (int seed = 1; seed <= fault.runs(); seed++) {
            List<FaultRule> rules = fault.rules().apply(seed);
            window.add(logged(fault, seed, "Coffer window", () -> windowListing(rules)));
            audit.add(logged(fault, seed, "coffer audit", () -> auditListing(rules)));
            cli.add(logged(fault, seed, "AWS CLI v2", () -> cliListing(rules)));
        }
        window.stream().filter(r -> !r.complete() && !r.said().contains("at least")).forEach(r ->
                brokenPromises.add(fault.fault() + ": the window stopped without saying its listing is incomplete: " + r.said()));
        audit.stream().filter(r -> !r.complete() && r.exitCode() == 0).forEach(r ->
                brokenPromises.add(fault.fault() + ": coffer audit exited 0 with " + r.items() + " of " + PARAMETERS));
        if (fault.completes()) {
            window.stream().filter(r -> !r.complete()).forEach(r -> brokenPromises.add(fault.fault() + ": the window stopped: " + r.said()));
            audit.stream().filter(r -> !r.complete()).forEach(r -> brokenPromises.add(fault.fault() + ": coffer audit stopped: " + r.said()));
        }
        return "| " + fault.fault() + " | " + fault.rate() + " | " + summary(window, false) + " | " + summary(audit, true)
                + " | " + summary(cli, true) + " |";
    }

    private interface Measured {
        Run measure() throws Exception;
    }

    private Run logged(ListingFault fault, int seed, String tool, Measured measured) throws Exception {
        Run run = measured.measure();
        runLog.add(String.format(Locale.ROOT, "- %s, seed %d, %s: %s, %d of %d%s, %.1f s, %d calls, %d fault(s). %s",
                fault.fault(), seed, tool, run.complete() ? "complete" : "INCOMPLETE", run.items(), PARAMETERS,
                run.exitCode() < 0 ? "" : ", exit " + run.exitCode(),
                seconds(run.took()), run.calls(), run.faults(), run.said().replace('\n', ' ')));
        return run;
    }

    /** The window's own listing, as File → Connect starts it: MainViewModel over the proxy's endpoint. */
    private Run windowListing(List<FaultRule> rules) {
        try (AwsProxy proxy = proxy(rules)) {
            MainViewModel window = new MainViewModel(new SameThreadBackground(), new DirectRowFeeds());
            long started = System.nanoTime();
            window.open(Sessions.local(Connection.endpoint(proxy.endpoint(), "us-east-1", false), proxy.endpoint()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int listed = window.parameters().totalProperty().get();
            boolean complete = !window.parametersFailedProperty().get() && !window.secretsFailedProperty().get()
                    && listed == PARAMETERS && window.secrets().total() == SECRETS;
            String said = complete ? window.statusProperty().get()
                    : window.statusProperty().get() + " — " + window.noticeProperty().get()
                    + (window.problemProperty().get() == null ? "" : " " + window.problemProperty().get().summary());
            window.close();
            return new Run(complete, listed, -1, took, listingCalls(proxy), listingFaults(proxy), said);
        }
    }

    /** {@code coffer audit --endpoint-url PROXY --format json} through Coffer's real entry point. */
    private Run auditListing(List<FaultRule> rules) throws IOException {
        try (AwsProxy proxy = proxy(rules)) {
            Path home = auditHome;
            Path report = home.resolve("report.json");
            Files.deleteIfExists(report);
            Map<String, String> files = Map.of("aws.configFile", home.resolve("no-config").toString(),
                    "aws.sharedCredentialsFile", home.resolve("no-credentials").toString(), "coffer.home", home.resolve(".coffer").toString());
            long started = System.nanoTime();
            // The row is the inventory's listing: the consumer scan (which lists parameters again) is left out.
            CofferProcess.Finished run = CofferProcess.start(home, files, "audit", "--endpoint-url", proxy.endpoint().toString(),
                    "--format", "json", "--out", report.toString(), "--no-consumers").finish(Duration.ofMinutes(5));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int listed = 0;
            int secrets = 0;
            if (Files.exists(report)) {
                JsonNode summary = JSON.readTree(report.toFile()).path("summary");
                listed = summary.path("parameters").asInt();
                secrets = summary.path("secrets").asInt();
            }
            boolean complete = run.exitCode() == 0 && listed == PARAMETERS && secrets == SECRETS;
            return new Run(complete, listed, run.exitCode(), took, listingCalls(proxy), listingFaults(proxy), run.err().strip());
        }
    }

    /** {@code aws ssm get-parameters-by-path --path /bench --recursive}: the CLI pages by itself, 10 a page. */
    private Run cliListing(List<FaultRule> rules) throws Exception {
        try (AwsProxy proxy = proxy(rules)) {
            long started = System.nanoTime();
            Process process = cli(proxy, "ssm", "get-parameters-by-path", "--path", "/bench", "--recursive");
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the CLI ended").isTrue();
            String said = Files.readString(cliErrors()).strip();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int listed = printed.isBlank() ? 0 : JSON.readTree(printed).path("Parameters").size();
            int exit = process.exitValue();
            return new Run(exit == 0 && listed == PARAMETERS, listed, exit, took, listingCalls(proxy), listingFaults(proxy), said);
        }
    }

    // ---- one save

    /** One Save of an existing parameter whose PutParameter meets the fault once: versions made, Coffer's editor beside {@code aws ssm put-parameter --overwrite}. */
    private String saveRow(Fault fault, String name) throws Exception {
        String cofferName = "/bench-saves/coffer-" + fault.name().toLowerCase(Locale.ROOT);
        String cliName = "/bench-saves/cli-" + fault.name().toLowerCase(Locale.ROOT);
        FaultRule once = FaultRule.of(fault).on("PutParameter").times(1);
        try (ClientFactory direct = Moto.clients(moto, false)) {
            direct.ssm().putParameter(b -> b.name(cofferName).value("before").type(ParameterType.STRING));
            direct.ssm().putParameter(b -> b.name(cliName).value("before").type(ParameterType.STRING));

            String coffer;
            try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false)) {
                ParameterStore store = new ParameterStore(clients);
                Parameter parameter = store.describe(cofferName).orElseThrow();
                ParameterEditorViewModel editor = ParameterEditorViewModel.edit(new SameThreadBackground(), clients, store, parameter);
                editor.valueProperty().set("after");
                proxy.resetCounters().inject(once);
                List<String> saved = new ArrayList<>();
                long started = System.nanoTime();
                editor.save(saved::add);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                int made = versionsMade(direct, cofferName);
                String message = editor.state().messageProperty().get();
                coffer = String.format(Locale.ROOT, "%d version%s made; %s; %d PutParameter, %d GetParameter; %.1f s", made, made == 1 ? "" : "s",
                        saved.isEmpty() ? "not saved: " + message : "saved", proxy.requests("PutParameter"), proxy.requests("GetParameter"),
                        seconds(took));
                if (made != 1) {
                    brokenPromises.add(name + ": one Save made " + made + " versions");
                }
            }

            String cli;
            try (AwsProxy proxy = AwsProxy.start(moto.endpoint())) {
                proxy.inject(once);
                long started = System.nanoTime();
                Process process = cli(proxy, "ssm", "put-parameter", "--name", cliName, "--value", "after", "--type", "String", "--overwrite");
                String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the CLI ended").isTrue();
                String said = Files.readString(cliErrors()).strip();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                int made = versionsMade(direct, cliName);
                cli = String.format(Locale.ROOT, "%d version%s made; exit %d%s; %d PutParameter; %.1f s", made, made == 1 ? "" : "s",
                        process.exitValue(), printed.isEmpty() ? ", printed nothing" : ", printed " + printed.replaceAll("\\s+", " "),
                        proxy.requests("PutParameter"), seconds(took));
                runLog.add("- " + name + ", AWS CLI v2: " + cli + ". " + said.replace('\n', ' '));
            }
            runLog.add("- " + name + ", Coffer editor: " + coffer);
            return "| " + name + " | the PutParameter of one save | " + coffer + " | (writes nothing) | " + cli + " |";
        }
    }

    /** Versions after the one that existed before the save. */
    private static int versionsMade(ClientFactory direct, String name) {
        return direct.ssm().getParameterHistoryPaginator(b -> b.name(name)).stream().mapToInt(page -> page.parameters().size()).sum() - 1;
    }

    // ---- the tools and the proxy

    private AwsProxy proxy(List<FaultRule> rules) {
        AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true);
        rules.forEach(proxy::inject);
        return proxy;
    }

    /** The CLI as a user runs it: default retries and timeouts, dummy keys in the environment, no config files. */
    private Process cli(AwsProxy proxy, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(AWS_CLI_V2.toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--no-cli-pager", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(line).redirectError(cliErrors().toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(cliEnvironment());
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** What the last CLI run printed on standard error (a file, so a long error cannot block its output). */
    private Path cliErrors() {
        return out.resolve("aws-cli-stderr.txt");
    }

    private Map<String, String> cliEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1",
                "AWS_CONFIG_FILE", out.resolve("no-aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());
    }

    private static String cliVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(AWS_CLI_V2.toString(), "--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return printed.strip();
    }

    private static long listingCalls(AwsProxy proxy) {
        return IntStream.range(0, LISTING_READS.length).mapToLong(i -> proxy.requests(LISTING_READS[i])).sum();
    }

    private static long listingFaults(AwsProxy proxy) {
        return IntStream.range(0, LISTING_READS.length).mapToLong(i -> proxy.faults(LISTING_READS[i])).sum();
    }

    // ---- the table's cells

    /** Runs that ended alike, with the range of their times and calls: "500 of 500 in 3 of 3 runs; 4.2–6.0 s; 12–15 calls, 3–5 faults". */
    private static String summary(List<Run> runs, boolean exitCodes) {
        Map<String, List<Run>> outcomes = new TreeMap<>();
        for (Run r : runs) {
            outcomes.computeIfAbsent(outcome(r, exitCodes), o -> new ArrayList<>()).add(r);
        }
        String what = outcomes.entrySet().stream()
                .map(e -> e.getKey() + (runs.size() > 1 ? " in " + e.getValue().size() + " of " + runs.size() + " runs" : ""))
                .collect(Collectors.joining("; "));
        String faults = range(runs, r -> (double) r.faults(), "%.0f");
        return what + "; " + range(runs, r -> seconds(r.took()), "%.1f") + " s; "
                + range(runs, r -> (double) r.calls(), "%.0f") + " calls, " + faults + (faults.equals("1") ? " fault" : " faults");
    }

    private static String outcome(Run r, boolean exitCodes) {
        String items = r.items() + " of " + PARAMETERS;
        if (!exitCodes) {
            return r.complete() ? items : items + ", shown as incomplete";
        }
        if (r.complete()) {
            return items + ", exit 0";
        }
        return r.exitCode() == 0 ? "**" + items + ", exit 0 (incomplete, no error)**" : "failed, exit " + r.exitCode() + ", " + items;
    }

    private static String range(List<Run> runs, Function<Run, Double> figure, String format) {
        double low = runs.stream().map(figure).min(Double::compare).orElseThrow();
        double high = runs.stream().map(figure).max(Double::compare).orElseThrow();
        String lowText = String.format(Locale.ROOT, format, low);
        String highText = String.format(Locale.ROOT, format, high);
        return lowText.equals(highText) ? lowText : lowText + "–" + highText;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
