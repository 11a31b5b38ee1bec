package dev.coffer.benchmark;

import static dev.coffer.testsupport.CofferUi.onFx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.ListingCache;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ApiCallCounter;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.MotoWithAwsPaging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;

/**
 * Coffer at scale, three inventories: 10,000 parameters and 2,000 secrets in plain moto; the same
 * on an endpoint with AWS's manners (round trips, pages of 50, throttling: MotoWithAwsPaging behind
 * AwsProxy); and 50,000 parameters and 5,000 secrets there. Each is listed by the real window
 * (headless), by a bare SDK paginator and by the AWS CLI v2, with Coffer's figures printed beside
 * their budgets and, on the AWS-like endpoint, the limit its rates and round trips impose; a pass
 * with another CPU-bound process running measures the window on a busy machine. Everything is
 * written to target/benchmark/scale.json. Run it with {@code mvn -Pbenchmark verify}
 * ({@code -Dbenchmark.inventory=aws-like-50k} runs one inventory).
 *
 * <p>Not a test: it takes minutes (moto answers DescribeParameters 10 items a page whatever is
 * asked, at about 0.12 s a page for 10,000 parameters), and its figures guide the design. It exits
 * with status 1 when a budget is missed.
 */
public final class ScaleBenchmark {

    private static final String REGION = "us-east-1";
    private static final int SEED_THREADS = 4;
    private static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> VALUE_READS = List.of("GetParameter", "GetParameters", "GetSecretValue", "BatchGetSecretValue");
    /** Keystrokes typed into the filters: what a user looks for, with corrections ('\b' is Backspace). */
    static final String PARAMETER_TYPING = "payments prod db" + "\b".repeat(16) + "gateway password" + "\b".repeat(9)
            + " cache" + "\b".repeat(13) + "feature-flags canary";
    static final String SECRET_TYPING = "prod payments" + "\b".repeat(13) + "stripe" + "\b".repeat(6)
            + "db-credentials staging" + "\b".repeat(22) + "team=search";

    private final Path out;
    /** The inventory being measured: its figures and details (see {@link #measure}). */
    private Map<String, Object> figures;
    private Map<String, Object> details;
    private int expectedParameters;
    private int expectedSecrets;
    /** Each inventory's figures and details, by its key in the JSON (today's run at the top level: "moto_10k"). */
    private final Map<String, Section> sections = new LinkedHashMap<>();
    /** CPU seconds moto spent on each listing: the same work, whoever asked. */
    private final Map<String, Object> motoCpu = new LinkedHashMap<>();

    /** One line of the table: a figure, its budget and whether it is met. */
    private record Row(String figure, String value, String budget, Boolean met) {
    }

    /** One inventory on one endpoint: what it measured, and the table it prints. */
    private record Section(String title, Map<String, Object> figures, Map<String, Object> details, List<Row> rows) {
    }

    /**
     * The inventories: {@code -Dbenchmark.inventory=moto-10k|aws-like-10k|aws-like-50k|multi-connection}
     * runs one of them (several: separated by commas).
     */
    private static final String INVENTORY = System.getProperty("benchmark.inventory", "all");
    /** The large inventory: Advanced tier allows 100,000 parameters a region. */
    private static final int LARGE_PARAMETERS = Integer.getInteger("benchmark.largeParameters", 50_000);
    private static final int LARGE_SECRETS = Integer.getInteger("benchmark.largeSecrets", 5_000);
    /** Whether the AWS CLI v2 lists the AWS-like inventories too: 12 minutes at 50,000, so a quick run may leave it out. */
    private static final boolean WITH_CLI = !"false".equals(System.getProperty("benchmark.cli"));

    private ScaleBenchmark(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Files.createDirectories(out);
        boolean met = new ScaleBenchmark(out).run();
        // JavaFX and the SDK leave non-daemon threads behind; the figures are written.
        System.exit(met ? 0 : 1);
    }

    private boolean run() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("load_average_at_start", loadAverage());
        check(WITH_CLI || !selected("moto-10k"), "plain moto's budgets are against the CLI: run moto-10k with the CLI");
        Path cli = WITH_CLI ? ensureCliV2() : null;
        FxToolkit.registerPrimaryStage();
        if (selected("moto-10k")) {
            measure("moto_10k", String.format("plain moto: %,d parameters, %,d secrets", ScaleInventory.PARAMETERS,
                    ScaleInventory.SECRETS), ScaleInventory.PARAMETERS, ScaleInventory.SECRETS);
            checkShippedJvmOptions();
            plainMoto(cli);
        }
        if (selected("aws-like-10k")) {
            measure("aws_like_10k", String.format("AWS-like endpoint: %,d parameters, %,d secrets", ScaleInventory.PARAMETERS,
                    ScaleInventory.SECRETS), ScaleInventory.PARAMETERS, ScaleInventory.SECRETS);
            awsLike("aws_like_10k", cli, true);
        }
        if (selected("aws-like-50k")) {
            measure("aws_like_50k", String.format("AWS-like endpoint: %,d parameters, %,d secrets", LARGE_PARAMETERS, LARGE_SECRETS),
                    LARGE_PARAMETERS, LARGE_SECRETS);
            awsLike("aws_like_50k", cli, false);
        }
        if (selected("multi-connection")) {
            multiConnection();
        }
        run.put("load_average_at_end", loadAverage());
        run.put("benchmark_seconds", round((System.nanoTime() - started) / 1e9, 1));
        return report(run);
    }

    private static boolean selected(String inventory) {
        return INVENTORY.equals("all") || List.of(INVENTORY.split(",")).contains(inventory);
    }

    /** From here on, figures and details go to this inventory's section. */
    private void measure(String key, String title, int parameters, int secrets) {
        Section section = new Section(title, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        sections.put(key, section);
        figures = section.figures();
        details = section.details();
        expectedParameters = parameters;
        expectedSecrets = secrets;
        details.put("load_average_at_start", loadAverage());
    }

    /** Today's run: plain moto, which answers every call at once and pages DescribeParameters by 10. */
    private void plainMoto(Path cli) throws Exception {
        Path recording = out.resolve("moto-recording.jsonl");
        Files.deleteIfExists(recording);
        log("Starting moto_server");
        try (MotoServer moto = MotoServer.start(Optional.of(out.resolve("moto.log")),
                Map.of("MOTO_RECORDER_FILEPATH", recording.toString()))) {
            App app = openWindow(moto.endpoint());
            seed(moto);
            List<Double> cliRuns = new ArrayList<>();
            cliRuns.add(cliListing(cli, moto.endpoint(), "cli_before"));
            List<Double> sdkRuns = new ArrayList<>();
            int serverPages = sdkListing(moto.endpoint(), "sdk_before", sdkRuns);
            windowLoad(app, moto.endpoint(), moto, recording, serverPages);
            memory();
            filtering(app);
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            sdkListing(moto.endpoint(), "sdk_after", sdkRuns);
            cliRuns.add(cliListing(cli, moto.endpoint(), "cli_after"));
            // moto's cost per page drifts over a run (measured: 113, 90 and 74 s of moto CPU for the
            // SDK's, the window's and the CLI's listing in that order), so the SDK and the CLI list
            // before and after the window, and their figures are the means of the two.
            figures.put("sdk_load_seconds", round(sdkRuns.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 2));
            details.put("sdk_load_runs_seconds", sdkRuns.stream().map(r -> round(r, 2)).toList());
            figures.put("cli_load_seconds", round(cliRuns.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 2));
            details.put("cli_load_runs_seconds", cliRuns.stream().map(r -> round(r, 2)).toList());
            figures.put("first_window_seconds", firstWindow(moto.endpoint()));
            startupClasses(moto.endpoint());
        }
        details.put("moto_cpu_seconds_by_listing", new LinkedHashMap<>(motoCpu));
        motoCpu.clear();
        details.put("load_average_at_end", loadAverage());
    }

    /**
     * The same measurements against an endpoint with AWS's manners: a moto that pages as AWS does
     * (MotoWithAwsPaging), seeded directly, behind an AwsProxy with AWS's round trip and throttling.
     * Every listing gets a proxy of its own, so each starts with full token buckets, as a user who
     * has not called AWS for a while; the inventory's limit is what those buckets and round trips allow.
     */
    private void awsLike(String key, Path cli, boolean busyPass) throws Exception {
        Path recording = out.resolve(key + "-moto-recording.jsonl");
        Files.deleteIfExists(recording);
        log("Starting moto_server with AWS's paging for " + key);
        try (MotoServer moto = MotoWithAwsPaging.start(Optional.of(out.resolve(key + "-moto.log")),
                Map.of("MOTO_RECORDER_FILEPATH", recording.toString()));
             AwsProxy first = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
            App app = openWindow(first.endpoint());
            seed(moto);
            figures.put("limit_seconds", round(limit(first), 1));
            try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
                List<Double> sdkRuns = new ArrayList<>();
                sdkListing(aws.endpoint(), "sdk", sdkRuns);
                figures.put("sdk_load_seconds", round(sdkRuns.get(0), 2));
                details.put("sdk_throttles_received", throttlesOf(aws));
            }
            int serverPages = pages(expectedParameters, ParameterStore.LIST_PAGE_SIZE) + pages(expectedSecrets, SecretStore.LIST_PAGE_SIZE);
            try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
                long loadStarted = System.currentTimeMillis();
                windowLoad(app, aws.endpoint(), moto, recording, serverPages);
                figures.put("throttles_received", throttlesOf(aws));
                details.put("endpoint_requests_during_load", aws.requests());
                memory();
                filtering(app);
                // The same endpoint again: the window's listing cache knows it now.
                reopen(app, aws.endpoint(), loadStarted);
            }
            if (busyPass) {
                busy(app, moto, recording, serverPages);
            }
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            if (WITH_CLI) {
                try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
                    figures.put("cli_load_seconds", round(cliListing(cli, aws.endpoint(), "cli"), 2));
                    details.put("cli_throttles_received", throttlesOf(aws));
                }
            } else {
                figures.put("cli_load_seconds", null);
            }
        }
        details.put("moto_cpu_seconds_by_listing", new LinkedHashMap<>(motoCpu));
        motoCpu.clear();
        details.put("load_average_at_end", loadAverage());
    }

    /**
     * The least time the endpoint allows for listing everything: for each listing (parameters and
     * secrets go side by side, each one page after another), its pages ÷ the operation's rate or
     * its pages × the mean round trip, whichever is larger; the slower listing decides.
     */
    private double limit(AwsProxy aws) {
        double roundTrip = (aws.latency().toMillis() + aws.jitter().toMillis() / 2.0) / 1000;
        int parameterPages = pages(expectedParameters, ParameterStore.LIST_PAGE_SIZE);
        int secretPages = pages(expectedSecrets, SecretStore.LIST_PAGE_SIZE);
        double parameters = Math.max(parameterPages / aws.rate("DescribeParameters").orElse(Double.POSITIVE_INFINITY),
                parameterPages * roundTrip);
        double secrets = Math.max(secretPages / aws.rate("ListSecrets").orElse(Double.POSITIVE_INFINITY), secretPages * roundTrip);
        details.put("endpoint", Map.of("round_trip_ms", aws.latency().toMillis(), "jitter_ms", aws.jitter().toMillis(),
                "DescribeParameters_per_second", aws.rate("DescribeParameters").orElse(0.0),
                "ListSecrets_per_second", aws.rate("ListSecrets").orElse(0.0),
                "GetParameters_per_second", aws.rate("GetParameters").orElse(0.0)));
        details.put("limit_seconds_by_listing", Map.of("DescribeParameters", round(parameters, 1), "ListSecrets", round(secrets, 1)));
        return Math.max(parameters, secrets);
    }

    private static int pages(int items, int pageSize) {
        return (items + pageSize - 1) / pageSize;
    }

    private static long throttlesOf(AwsProxy aws) {
        return aws.throttles("DescribeParameters") + aws.throttles("ListSecrets");
    }

    /**
     * The window's budgets with one other CPU-bound process on the machine (a shell's busy loop,
     * one core's worth): a load on a fresh proxy and the launches to the first window. Its
     * figures go to the section "busy".
     */
    private void busy(App app, MotoServer moto, Path recording, int serverPages) throws Exception {
        Map<String, Object> ownFigures = figures;
        Map<String, Object> ownDetails = details;
        measure("busy", "the window with one other CPU-bound process running (" + expectedParameters + " parameters, AWS-like)",
                expectedParameters, expectedSecrets);
        log("Starting a CPU-bound process beside the window");
        Process loop = new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
            windowLoad(app, aws.endpoint(), moto, recording, serverPages);
            figures.put("first_window_seconds", firstWindow(aws.endpoint()));
            details.put("busy_process_cpu_seconds", round(loop.info().totalCpuDuration().map(Duration::toMillis).orElse(0L) / 1000.0, 1));
        } finally {
            loop.destroy();
            if (!loop.waitFor(10, TimeUnit.SECONDS)) {
                loop.destroyForcibly();
            }
        }
        figures = ownFigures;
        details = ownDetails;
    }

    /** The window (headless), connected to an endpoint that has nothing yet. */
    private static App openWindow(URI endpoint) throws Exception {
        log("Opening the window (headless) on the empty endpoint " + endpoint);
        App app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, REGION, endpoint, false, false)));
        awaitIdle(app, Duration.ofSeconds(60));
        return app;
    }

    // ---- instant reopen -------------------------------------------------------------------------

    /**
     * Connects the window a second time to the endpoint it has just listed, as a user reopening
     * the connection (issue 20 point 4): its last listing is in the window's ListingCache, so the
     * tree and the secrets list should show it at once, marked as refreshing, while the fresh
     * listing reconciles. Times connect → first tree rows and secrets shown, and → everything
     * reconciled, with the FX thread's longest stall meanwhile.
     */
    private void reopen(App app, URI endpoint, long listedSince) throws Exception {
        Connection connection = Connection.endpoint(endpoint, REGION, false);
        Path remembered = ListingCache.inCofferHome().fileOf(connection);
        // The window writes its listing in the background once both listings completed and STS answered.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(remembered) || Files.getLastModifiedTime(remembered).toMillis() < listedSince) {
            check(System.nanoTime() < deadline, "the window did not remember its listing in " + remembered + " within 2 minutes");
            Thread.sleep(50);
        }
        details.put("reopen_cache_file_mb", round(Files.size(remembered) / 1048576.0, 1));
        log("Connecting the window again to the same endpoint (its listing is remembered)");
        Scene scene = onFx(() -> app.stage().getScene());
        Node tree = onFx(() -> scene.lookup("#parameterTree"));
        Node table = onFx(() -> scene.lookup("#secretTable"));
        LoadWatch watch = new LoadWatch();
        boolean[] refreshingAtFirstView = new boolean[1];
        int[] rowsAtFirstView = new int[2];
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Runnable pulse = () -> {
            if (watch.armed) {
                long now = System.nanoTime();
                // open() empties both lists at once: rows seen after it are the reopened connection's.
                if (watch.treeShown == 0 && app.model().parameters().totalProperty().get() > 0 && showsRows(tree, ".tree-cell")) {
                    watch.treeShown = now;
                }
                if (watch.secretsShown == 0 && app.model().secrets().total() > 0 && showsRows(table, ".table-row-cell")) {
                    watch.secretsShown = now;
                }
                if (watch.treeShown != 0 && watch.secretsShown != 0 && rowsAtFirstView[0] == 0) {
                    refreshingAtFirstView[0] = app.model().refreshingProperty().get();
                    rowsAtFirstView[0] = app.model().parameters().totalProperty().get();
                    rowsAtFirstView[1] = app.model().secrets().total();
                }
            }
        };
        javafx.beans.value.ChangeListener<Boolean> done = (obs, was, loading) -> {
            if (watch.armed && !loading && app.model().openConnection() != null) {
                watch.loaded = System.nanoTime();
                watch.armed = false;
                loaded.complete(null);
            }
        };
        FxStallMeter stalls = FxStallMeter.start();
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(pulse);
            app.model().loadingProperty().addListener(done);
            watch.armed = true;
            watch.connected = System.nanoTime();
            app.model().open(Sessions.local(connection, endpoint));
        });
        loaded.get(15, TimeUnit.MINUTES);
        onFx(() -> null);
        stalls.close();
        Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(pulse);
            app.model().loadingProperty().removeListener(done);
        });
        int parameters = onFx(() -> app.model().parameters().totalProperty().get());
        int secrets = onFx(() -> app.model().secrets().total());
        check(parameters == expectedParameters && secrets == expectedSecrets,
                "the reopened window shows " + parameters + " parameters and " + secrets + " secrets");
        check(watch.treeShown > 0 && watch.secretsShown > 0, "the reopened window never showed rows");
        double firstView = (Math.max(watch.treeShown, watch.secretsShown) - watch.connected) / 1e9;
        figures.put("reopen_first_view_seconds", round(firstView, 3));
        details.put("reopen_first_tree_rows_seconds", round((watch.treeShown - watch.connected) / 1e9, 3));
        details.put("reopen_first_secret_rows_seconds", round((watch.secretsShown - watch.connected) / 1e9, 3));
        details.put("reopen_first_view_from_cache", refreshingAtFirstView[0]);
        details.put("reopen_rows_at_first_view", Map.of("parameters", rowsAtFirstView[0], "secrets", rowsAtFirstView[1]));
        details.put("reopen_reconciled_seconds", round((watch.loaded - watch.connected) / 1e9, 2));
        details.put("reopen_max_fx_stall_ms", round(stalls.maxMillis(), 1));
        details.put("reopen_fx_stall_profile", stalls.stallProfile(8));
        log(String.format("Reopen: first rows %.2f s (%s), reconciled in %.1f s, longest FX stall %.0f ms", firstView,
                refreshingAtFirstView[0] ? "remembered" : "listed", (watch.loaded - watch.connected) / 1e9, stalls.maxMillis()));
    }

    // ---- many connections at once --------------------------------------------------------------

    /** The connections of the multi-connection case: regions of one account. */
    private static final int MULTI_CONNECTIONS = Integer.getInteger("benchmark.multiConnections", 20);
    private static final int MULTI_PARAMETERS = Integer.getInteger("benchmark.multiParameters", 1_000);
    /** Regions every moto knows (commercial regions that opened before 2021). */
    private static final List<String> MULTI_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1", "ap-east-1", "sa-east-1", "me-south-1", "af-south-1");

    /**
     * Many connections at once, headless (issue 20 point 5): 20 regions of 1,000 parameters each on
     * the AWS-like endpoint (throttled per region, as AWS meters an account's calls), read by
     * {@code audit.ReportCollector} as {@code coffer audit} reads them, all at once and then each
     * alone. Every read has a proxy of its own, so each starts with full buckets.
     */
    private void multiConnection() throws Exception {
        measure("multi_connection", String.format("many connections at once: %d regions of %,d parameters, AWS-like",
                MULTI_CONNECTIONS, MULTI_PARAMETERS), MULTI_PARAMETERS, 0);
        check(MULTI_CONNECTIONS <= MULTI_REGIONS.size(), "at most " + MULTI_REGIONS.size() + " connections");
        List<String> regions = MULTI_REGIONS.subList(0, MULTI_CONNECTIONS);
        log("Starting moto_server with AWS's paging for " + regions.size() + " regions");
        try (MotoServer moto = MotoWithAwsPaging.start(Optional.of(out.resolve("multi-moto.log")), Map.of())) {
            ScaleInventory inventory = ScaleInventory.generate(MULTI_PARAMETERS, 0);
            long t0 = System.nanoTime();
            for (String region : regions) {
                Connection direct = Connection.endpoint(moto.endpoint(), region, false);
                try (ClientFactory clients = SessionClients.open(Sessions.local(direct, moto.endpoint()))) {
                    inventory.seed(clients, SEED_THREADS);
                }
            }
            details.put("seed_seconds", round((System.nanoTime() - t0) / 1e9, 1));
            log(String.format("Seeded %d regions in %.1f s", regions.size(), (System.nanoTime() - t0) / 1e9));
            details.put("regions", regions);
            // Once before timing: the JVM's first audit loads and compiles the code every later one uses.
            audit(moto, regions.subList(0, 1));
            Map<String, Object> together = audit(moto, regions);
            figures.put("connections", regions.size());
            figures.put("seconds", together.get("seconds"));
            figures.put("throttles_received", together.get("throttles"));
            details.put("most_regions_in_flight", together.get("most_regions_in_flight"));
            Map<String, Double> singles = new LinkedHashMap<>();
            for (String region : regions) {
                singles.put(region, (Double) audit(moto, List.of(region)).get("seconds"));
            }
            figures.put("slowest_single_seconds", singles.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            details.put("single_seconds_by_region", singles);
        }
        details.put("load_average_at_end", loadAverage());
    }

    /** One audit report of these regions through a fresh AWS-like proxy: its seconds, throttles and regions in flight at once. */
    private Map<String, Object> audit(MotoServer moto, List<String> regions) {
        try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
            List<ClientFactory> connections = regions.stream().map(region -> SessionClients.open(
                    Sessions.local(Connection.endpoint(aws.endpoint(), region, true), aws.endpoint()))).toList();
            try {
                double jvmCpu0 = jvmCpuSeconds();
                double motoCpu0 = motoCpuSeconds();
                long t0 = System.nanoTime();
                dev.coffer.audit.AuditReport report = dev.coffer.audit.ReportCollector.report(connections,
                        dev.coffer.audit.AuditSettings.defaults(), (message, done, total) -> { }, () -> false);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (regions.size() > 1) {
                    // Whose CPU the time went on: this JVM's (Coffer's clients, the proxy) or moto's.
                    details.put("jvm_cpu_seconds_at_once", round(jvmCpuSeconds() - jvmCpu0, 1));
                    details.put("moto_cpu_seconds_at_once", round(motoCpuSeconds() - motoCpu0, 1));
                }
                long parameters = report.inventory().stream().filter(item -> item.name().startsWith("/")).count();
                check(parameters == (long) MULTI_PARAMETERS * regions.size(), "the audit read " + parameters + " parameters");
                if (regions.size() > 1) {
                    log(String.format("Audit of %d connections at once: %.1f s, %s", regions.size(), seconds, aws.requests()));
                }
                return Map.of("seconds", round(seconds, 2), "throttles", throttlesOf(aws), "most_regions_in_flight", aws.mostRegionsInFlight());
            } finally {
                connections.forEach(ClientFactory::close);
            }
        }
    }

    // ---- set-up ------------------------------------------------------------------------------

    /** The AWS CLI v2 is Debian's awscli package; the `aws` on PATH may be the pip CLI v1. */
    private static Path ensureCliV2() throws Exception {
        if (!Files.isExecutable(AWS_CLI_V2)) {
            log("Installing the AWS CLI v2 (Debian package awscli)");
            run(List.of("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli"),
                    Duration.ofMinutes(5));
        }
        String version = run(List.of(AWS_CLI_V2.toString(), "--version"), Duration.ofMinutes(1)).trim();
        if (!version.startsWith("aws-cli/2")) {
            throw new IllegalStateException(AWS_CLI_V2 + " is not the AWS CLI v2: " + version);
        }
        return AWS_CLI_V2;
    }

    /** Seeds straight into moto (never through a proxy), from several threads. */
    private void seed(MotoServer moto) throws Exception {
        ScaleInventory inventory = ScaleInventory.generate(expectedParameters, expectedSecrets);
        log("Seeding " + inventory.parameters().size() + " parameters and " + inventory.secrets().size() + " secrets");
        long t0 = System.nanoTime();
        try (ClientFactory clients = Moto.clients(moto, false)) {
            inventory.seed(clients, SEED_THREADS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        details.put("seed_seconds", round(seconds, 1));
        log(String.format("Seeded in %.1f s (not part of any budget)", seconds));
    }

    // ---- the limit: a bare SDK paginator -------------------------------------------------------

    /** Lists both stores with the SDK's own paginators, largest pages, one after the other. Returns the pages. */
    private int sdkListing(URI endpoint, String run, List<Double> runs) {
        log("Listing with a bare sequential SDK paginator (" + run + ")");
        try (ClientFactory clients = clients(endpoint)) {
            double cpu0 = motoCpuSeconds();
            long t0 = System.nanoTime();
            int parameterPages = 0;
            int parameters = 0;
            for (DescribeParametersResponse page : clients.ssm().describeParametersPaginator(
                    b -> b.maxResults(ParameterStore.LIST_PAGE_SIZE))) {
                if (parameterPages == 0) {
                    // What the endpoint makes anyone wait for the first rows (moto scans every parameter for a listing's first page).
                    details.put(run + "_first_parameter_page_seconds", round((System.nanoTime() - t0) / 1e9, 3));
                }
                parameterPages++;
                parameters += page.parameters().size();
            }
            int secretPages = 0;
            int secrets = 0;
            for (ListSecretsResponse page : clients.secretsManager().listSecretsPaginator(b -> b.maxResults(SecretStore.LIST_PAGE_SIZE))) {
                secretPages++;
                secrets += page.secretList().size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            motoCpu.put(run, round(motoCpuSeconds() - cpu0, 1));
            check(parameters == expectedParameters && secrets == expectedSecrets,
                    "the SDK listed " + parameters + " parameters and " + secrets + " secrets");
            runs.add(seconds);
            details.put("server_pages_by_kind", Map.of("DescribeParameters", parameterPages, "ListSecrets", secretPages));
            log(String.format("SDK: %d + %d pages in %.1f s", parameterPages, secretPages, seconds));
            return parameterPages + secretPages;
        }
    }

    // ---- Coffer's window -----------------------------------------------------------------------

    /** What the FX thread saw while the window loaded the inventory. */
    private static final class LoadWatch {
        long connected;
        long treeShown;
        long secretsShown;
        long loaded;
        boolean armed;
    }

    private void windowLoad(App app, URI endpoint, MotoServer moto, Path recording, int serverPages) throws Exception {
        log("Connecting the window to the seeded endpoint and loading everything");
        Scene scene = onFx(() -> app.stage().getScene());
        Node tree = onFx(() -> scene.lookup("#parameterTree"));
        Node table = onFx(() -> scene.lookup("#secretTable"));
        LoadWatch watch = new LoadWatch();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Runnable pulse = () -> {
            if (watch.armed) {
                long now = System.nanoTime();
                if (watch.treeShown == 0 && showsRows(tree, ".tree-cell")) {
                    watch.treeShown = now;
                }
                if (watch.secretsShown == 0 && showsRows(table, ".table-row-cell")) {
                    watch.secretsShown = now;
                }
            }
        };
        javafx.beans.value.ChangeListener<Boolean> done = (obs, was, loading) -> {
            if (watch.armed && !loading && app.model().openConnection() != null) {
                watch.loaded = System.nanoTime();
                watch.armed = false;
                loaded.complete(null);
            }
        };
        // What the window says went wrong while it loads: throttling must only slow it down.
        List<String> problemsShown = Collections.synchronizedList(new ArrayList<>());
        javafx.beans.value.ChangeListener<AwsErrors.Problem> problems = (obs, was, problem) -> {
            if (watch.armed && problem != null) {
                problemsShown.add(problem.text());
            }
        };
        Moto.startRecording(moto);
        double cpu0 = motoCpuSeconds();
        FxStallMeter stalls = FxStallMeter.start();
        CompletableFuture<ApiCallCounter> counter = new CompletableFuture<>();
        double jvmCpu0 = jvmCpuSeconds();
        long[] fxCpu = new long[2];
        Platform.runLater(() -> {
            fxCpu[0] = THREADS.getCurrentThreadCpuTime();
            scene.addPostLayoutPulseListener(pulse);
            app.model().loadingProperty().addListener(done);
            app.model().problemProperty().addListener(problems);
            watch.armed = true;
            watch.connected = System.nanoTime();
            // What File → Connect… does for a custom endpoint.
            Connection connection = Connection.endpoint(endpoint, REGION, false);
            app.model().open(Sessions.local(connection, endpoint));
            counter.complete(app.model().openConnection().clients().calls());
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!loaded.isDone()) {
            try {
                loaded.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                check(System.nanoTime() < deadline, "the window did not finish loading within 15 minutes");
                log(String.format("  … %,d parameters and %,d secrets so far, %s", onFx(() -> app.model().parameters().totalProperty().get()),
                        onFx(() -> app.model().secrets().total()), counter.get().snapshot()));
            }
        }
        // The last page's rows are laid out in the next pulse.
        onFx(() -> fxCpu[1] = THREADS.getCurrentThreadCpuTime());
        details.put("fx_thread_cpu_seconds_during_load", round((fxCpu[1] - fxCpu[0]) / 1e9, 2));
        details.put("jvm_cpu_seconds_during_load", round(jvmCpuSeconds() - jvmCpu0, 1));
        stalls.close();
        motoCpu.put("window", round(motoCpuSeconds() - cpu0, 1));
        moto.post("/moto-api/recorder/stop-recording", "");
        Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(pulse);
            app.model().loadingProperty().removeListener(done);
            app.model().problemProperty().removeListener(problems);
        });

        int parameters = onFx(() -> app.model().parameters().totalProperty().get());
        int secrets = onFx(() -> app.model().secrets().total());
        check(parameters == expectedParameters && secrets == expectedSecrets,
                "the window loaded " + parameters + " parameters and " + secrets + " secrets");
        check(watch.treeShown > 0 && watch.secretsShown > 0, "the window never showed rows");

        Map<String, Long> calls = counter.get().snapshot();
        long apiCalls = calls.values().stream().mapToLong(Long::longValue).sum();
        long valueFetches = VALUE_READS.stream().mapToLong(op -> calls.getOrDefault(op, 0L)).sum();
        double firstTree = (watch.treeShown - watch.connected) / 1e9;
        double firstSecrets = (watch.secretsShown - watch.connected) / 1e9;
        figures.put("first_view_seconds", round(Math.max(firstTree, firstSecrets), 3));
        figures.put("load_seconds", round((watch.loaded - watch.connected) / 1e9, 2));
        figures.put("api_calls", apiCalls);
        figures.put("server_pages", serverPages);
        figures.put("value_fetches_during_load", valueFetches);
        figures.put("max_fx_stall_ms", round(stalls.maxMillis(), 1));
        figures.put("throttling_errors_shown", problemsShown.size());
        details.put("problems_shown_during_load", List.copyOf(problemsShown));
        details.put("first_tree_rows_seconds", round(firstTree, 3));
        details.put("first_secret_rows_seconds", round(firstSecrets, 3));
        details.put("api_calls_by_kind", calls);
        details.put("fx_heartbeat_pings", stalls.pings());
        details.put("fx_stall_profile", stalls.stallProfile(8));
        details.put("max_fx_stall_began_after_connect_seconds", round((stalls.worstStart() - watch.connected) / 1e9, 3));
        // The first rows a fresh JVM shows cost a one-time warm-up (classes, CSS, JIT); what follows is the streaming.
        long streaming = Math.max(watch.treeShown, watch.secretsShown) + TimeUnit.MILLISECONDS.toNanos(500);
        details.put("max_fx_stall_after_first_rows_ms", round(onFx(() -> stalls.maxMillisSince(streaming)), 1));
        details.put("page_sizes_asked", pageSizesAsked(recording));
        log(String.format("Window: first rows %.2f s, all loaded %.1f s, %d calls %s", Math.max(firstTree, firstSecrets),
                (watch.loaded - watch.connected) / 1e9, apiCalls, calls));
    }

    private static boolean showsRows(Node control, String cellSelector) {
        for (Node n : control.lookupAll(cellSelector)) {
            if (n instanceof IndexedCell<?> cell && !cell.isEmpty() && cell.isVisible() && cell.getIndex() >= 0) {
                return true;
            }
        }
        return false;
    }

    /** MaxResults of every list call moto received while the window loaded, by operation. */
    private static Map<String, TreeSet<String>> pageSizesAsked(Path recording) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, TreeSet<String>> sizes = new TreeMap<>();
        if (!Files.exists(recording)) {
            return sizes;
        }
        for (String line : Files.readAllLines(recording)) {
            JsonNode entry = json.readTree(line);
            String target = entry.path("headers").path("X-Amz-Target").asText("");
            String operation = target.substring(target.indexOf('.') + 1);
            if (!operation.startsWith("List") && !operation.startsWith("Describe")) {
                continue;
            }
            String body = entry.path("body").asText("");
            if (entry.path("body_encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            JsonNode max = body.isEmpty() ? null : json.readTree(body).get("MaxResults");
            sizes.computeIfAbsent(operation, k -> new TreeSet<>()).add(max == null ? "none" : max.asText());
        }
        return sizes;
    }

    private void memory() throws Exception {
        System.gc();
        Thread.sleep(300);
        System.gc();
        Thread.sleep(300);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        figures.put("rss_mb", round(residentKb() / 1024.0, 0));
        figures.put("heap_mb", round(heap / 1048576.0, 0));
        details.put("heap_committed_mb", round(committed / 1048576.0, 0));
        details.put("jvm_options", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList());
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }

    // ---- filtering ----------------------------------------------------------------------------

    /** One keystroke: until the next layout pulse was done, and the FX thread's CPU time in between. */
    private record Keystroke(double wallMs, double cpuMs) {
    }

    /** Waits for the layout pulse that follows a keystroke. */
    private static final class KeystrokeWatch {
        long typed;
        long typedCpu;
        CompletableFuture<Keystroke> shown;
    }

    private void filtering(App app) throws Exception {
        log("Typing into the filters");
        Scene scene = onFx(() -> app.stage().getScene());
        KeystrokeWatch watch = new KeystrokeWatch();
        Runnable pulse = () -> {
            if (watch.shown != null) {
                watch.shown.complete(new Keystroke((System.nanoTime() - watch.typed) / 1e6,
                        (THREADS.getCurrentThreadCpuTime() - watch.typedCpu) / 1e6));
                watch.shown = null;
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(pulse);
            return null;
        });
        List<Keystroke> parameterKeys = type(scene, "#parameterFilter", PARAMETER_TYPING, watch);
        List<Keystroke> secretKeys = type(scene, "#secretFilter", SECRET_TYPING, watch);
        onFx(() -> {
            scene.removePostLayoutPulseListener(pulse);
            return null;
        });
        List<Keystroke> all = new ArrayList<>(parameterKeys);
        all.addAll(secretKeys);
        figures.put("filter_p50_ms", round(percentile(wall(all), 50), 1));
        figures.put("filter_p95_ms", round(percentile(wall(all), 95), 1));
        details.put("filter_keystrokes", all.size());
        details.put("parameter_filter_p95_ms", round(percentile(wall(parameterKeys), 95), 1));
        details.put("parameter_filter_max_ms", round(percentile(wall(parameterKeys), 100), 1));
        details.put("secret_filter_p95_ms", round(percentile(wall(secretKeys), 95), 1));
        details.put("secret_filter_max_ms", round(percentile(wall(secretKeys), 100), 1));
        details.put("filter_fx_cpu_p95_ms", round(percentile(all.stream().map(Keystroke::cpuMs).toList(), 95), 1));
    }

    private static List<Double> wall(List<Keystroke> keys) {
        return keys.stream().map(Keystroke::wallMs).toList();
    }

    /** Types each character as a user would (pressed, typed, released) and times it until the next layout pulse. */
    private static List<Keystroke> type(Scene scene, String field, String keys, KeystrokeWatch watch) throws Exception {
        TextField text = onFx(() -> (TextField) scene.lookup(field));
        onFx(() -> {
            text.requestFocus();
            text.clear();
            return null;
        });
        Thread.sleep(200);
        List<Keystroke> typed = new ArrayList<>();
        for (char c : keys.toCharArray()) {
            CompletableFuture<Keystroke> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                watch.typed = System.nanoTime();
                watch.typedCpu = THREADS.getCurrentThreadCpuTime();
                watch.shown = shown;
                press(text, c);
                Platform.requestNextPulse();
            });
            typed.add(shown.get(10, TimeUnit.SECONDS));
            // A fast typist: about ten keys a second.
            Thread.sleep(100);
        }
        onFx(() -> {
            text.clear();
            return null;
        });
        return typed;
    }

    private static void press(TextField field, char c) {
        KeyCode code = c == '\b' ? KeyCode.BACK_SPACE : c == ' ' ? KeyCode.SPACE : c == '-' ? KeyCode.MINUS
                : c == '=' ? KeyCode.EQUALS : Character.isDigit(c) ? KeyCode.getKeyCode(String.valueOf(c))
                : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
        if (c != '\b') {
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
        }
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ---- the AWS CLI v2 ------------------------------------------------------------------------

    /** The same listing as a user would type it; the CLI pages through everything by itself. */
    /** Lists both stores with the AWS CLI v2 as a user would type it; returns the seconds. */
    private double cliListing(Path cli, URI endpoint, String run) throws Exception {
        log("Listing with the AWS CLI v2 (" + run + ")");
        double cpu0 = motoCpuSeconds();
        long t0 = System.nanoTime();
        int parametersExit = cli(cli, endpoint, "ssm", "describe-parameters");
        double parameters = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        int secretsExit = cli(cli, endpoint, "secretsmanager", "list-secrets");
        double secrets = (System.nanoTime() - t1) / 1e9;
        motoCpu.put(run, round(motoCpuSeconds() - cpu0, 1));
        details.put(run + "_seconds_by_command", Map.of("ssm describe-parameters", round(parameters, 2),
                "secretsmanager list-secrets", round(secrets, 2)));
        // On the AWS-like endpoint the CLI can give up under throttling (3 attempts a call): its time until then is kept.
        details.put(run + "_exit_codes", Map.of("ssm describe-parameters", parametersExit, "secretsmanager list-secrets", secretsExit));
        log(String.format("CLI: %.1f s + %.1f s", parameters, secrets));
        return parameters + secrets;
    }

    /** Runs one CLI listing to its end (30 minutes at most: 5,000 pages at 10 a second take 8); returns its exit code. */
    private int cli(Path cli, URI endpoint, String service, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(cli.toString(), service, command,
                "--endpoint-url", endpoint.toString(), "--region", REGION)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(out.resolve("aws-cli.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        builder.environment().put("AWS_CONFIG_FILE", out.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());
        builder.environment().put("AWS_PAGER", "");
        Process p = builder.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws " + service + " " + command + " did not finish in 30 minutes");
        }
        if (p.exitValue() != 0) {
            log("aws " + service + " " + command + " failed with exit code " + p.exitValue() + "; see " + out.resolve("aws-cli.log"));
        }
        return p.exitValue();
    }

    // ---- launch to first window ----------------------------------------------------------------

    /**
     * Starts Coffer as a user would (a new JVM running dev.coffer.Main from Coffer's jar, with the
     * same JVM options) and times process start to the first laid-out window. The first start
     * fills the OS and JavaFX caches; the figure is the median of the starts after it.
     */
    private double firstWindow(URI endpoint) throws Exception {
        log("Launching Coffer in new JVMs");
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(launchToWindow(endpoint, List.of()));
        }
        details.put("first_window_runs_seconds", starts.stream().map(s -> round(s, 2)).toList());
        return round(percentile(starts.subList(1, starts.size()), 50), 2);
    }

    /**
     * One more start, logging the classes it loads: writes the list Coffer preloads
     * (dev.coffer.StartupClasses) afresh to target/benchmark, and says how much of this start the
     * committed list covers, so that a list gone stale with JavaFX or Coffer shows here (copy the
     * fresh one to src/main/resources/dev/coffer/ then).
     */
    private void startupClasses(URI endpoint) throws Exception {
        Path logged = out.resolve("class-load.log");
        Files.deleteIfExists(logged);
        // Without preloading, so that the log has the classes in the order the start needs them.
        launchToWindow(endpoint, List.of("-Xlog:class+load:file=" + logged + ":timemillis", "-Dcoffer.preloadClasses=false"));
        List<String> started = new ArrayList<>();
        boolean appStarted = false;
        for (String line : Files.readAllLines(logged)) {
            // "[1796607645913ms] javafx.scene.Node source: jrt:/javafx.graphics"
            int close = line.indexOf("ms] ");
            int source = line.indexOf(" source: ");
            if (close < 0 || source < 0 || Long.parseLong(line.substring(1, close)) > windowReadyMillis) {
                continue;
            }
            String name = line.substring(close + 4, source);
            // From App.start on (Background is the first class it loads): before that the FX thread starts JavaFX itself.
            appStarted |= name.equals("dev.coffer.ui.kit.Background");
            // Classes of the JDK's shared archive cost nothing to load; generated classes cannot be named.
            if (appStarted && !line.endsWith("shared objects file") && !name.contains("$$Lambda") && !name.contains("/0x")) {
                started.add(name);
            }
        }
        Path fresh = out.resolve("startup-classes.txt");
        List<String> file = new ArrayList<>(List.of(
                "# The classes Coffer loads from App.start to its first frame, in order, which dev.coffer.StartupClasses",
                "# preloads. Written by the scale benchmark (mvn -Pbenchmark verify) to target/benchmark/startup-classes.txt."));
        file.addAll(started);
        Files.write(fresh, file);
        Set<String> committed = new HashSet<>();
        try (var in = dev.coffer.ui.shell.App.class.getResourceAsStream("startup-classes.txt")) {
            if (in != null) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).forEach(committed::add);
            }
        }
        long covered = started.stream().filter(committed::contains).count();
        details.put("startup_classes", started.size());
        details.put("startup_classes_preloaded_percent", started.isEmpty() ? 0 : Math.round(100.0 * covered / started.size()));
        log(String.format("Startup classes: %,d after App.start, %d %% in the preloaded list; a fresh list is in %s", started.size(),
                started.isEmpty() ? 0 : Math.round(100.0 * covered / started.size()), fresh));
    }

    /** System.currentTimeMillis when the last launch said its window was ready. */
    private long windowReadyMillis;

    private double launchToWindow(URI endpoint, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same JVM options as this benchmark (which stand for the shipped app's) and headless glass;
        // not a profiler or a recording that someone added to this run.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-D") || a.startsWith("-X") && !a.contains("FlightRecord"))
                .forEach(command::add);
        command.add("-Dcoffer.reportStartup=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(appClassPath());
        command.add("dev.coffer.Main");
        command.add("--endpoint-url");
        command.add(endpoint.toString());
        command.add("--region");
        command.add(REGION);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        long t0 = System.nanoTime();
        Process p = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("coffer: window ready")) {
                    windowReadyMillis = System.currentTimeMillis();
                    return (System.nanoTime() - t0) / 1e9;
                }
            }
            throw new IllegalStateException("Coffer exited (" + p.waitFor() + ") before showing its window");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * This run's class path with Coffer's own classes from its jar (built by the package phase)
     * instead of target/classes, and without the test classes: the app as it ships, from jars.
     */
    private static String appClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && p.getFileName().toString().equals("classes")) {
                try (var jars = Files.list(p.getParent())) {
                    Optional<Path> jar = jars.filter(j -> j.getFileName().toString().matches("coffer-[^-]+(-SNAPSHOT)?\\.jar")).findFirst();
                    entries.add(jar.orElse(p).toString());
                }
            } else if (!(Files.isDirectory(p) && p.getFileName().toString().equals("test-classes"))) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    // ---- the report ----------------------------------------------------------------------------

    private boolean report(Map<String, Object> run) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Section plain = sections.get("moto_10k");
        if (plain != null) {
            plainBudgets(plain);
            json.putAll(plain.figures());
        }
        for (String key : List.of("aws_like_10k", "aws_like_50k")) {
            Section section = sections.get(key);
            if (section != null) {
                awsLikeBudgets(section, key.equals("aws_like_50k") ? 500 : 400);
                Map<String, Object> figuresAndDetails = new LinkedHashMap<>(section.figures());
                figuresAndDetails.put("details", section.details());
                json.put(key, figuresAndDetails);
            }
        }
        Section multi = sections.get("multi_connection");
        if (multi != null) {
            multiBudgets(multi);
            Map<String, Object> figuresAndDetails = new LinkedHashMap<>(multi.figures());
            figuresAndDetails.put("details", multi.details());
            json.put("multi_connection", figuresAndDetails);
        }
        Section busy = sections.get("busy");
        if (busy != null) {
            busyBudgets(busy);
            json.put("busy", Map.of("max_fx_stall_ms", busy.figures().get("max_fx_stall_ms"),
                    "first_window_seconds", busy.figures().get("first_window_seconds"),
                    "load_seconds", busy.figures().get("load_seconds"), "details", busy.details()));
        }
        boolean met = sections.values().stream().flatMap(section -> section.rows().stream()).noneMatch(r -> Boolean.FALSE.equals(r.met()));
        json.put("budgets_met", met);
        json.put("date", LocalDate.now().toString());
        json.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + ", Java " + System.getProperty("java.version"));
        json.put("inventories_run", INVENTORY);
        json.put("run", run);
        if (plain != null) {
            json.put("details", plain.details());
        }
        Path file = out.resolve("scale.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);

        StringBuilder table = new StringBuilder();
        for (Section section : sections.values()) {
            table.append(String.format("%nCoffer scale benchmark, %s%n", section.title()));
            table.append(String.format("%-28s %-16s %-56s %s%n", "figure", "value", "budget", ""));
            for (Row r : section.rows()) {
                table.append(String.format("%-28s %-16s %-56s %s%n", r.figure(), r.value(), r.budget(),
                        r.met() == null ? "" : r.met() ? "ok" : "MISSED"));
            }
            table.append("details: ").append(section.details()).append('\n');
        }
        table.append(met ? "Every budget is met." : "Some budgets are MISSED.").append(" Figures in ").append(file).append('\n');
        System.out.print(table);
        Files.writeString(out.resolve("scale.txt"), table);
        return met;
    }

    /** Today's budgets on plain moto, where moto itself is the limit: against the bare SDK and the CLI. */
    private void plainBudgets(Section section) {
        use(section);
        double load = num("load_seconds");
        double sdk = num("sdk_load_seconds");
        double cliSeconds = num("cli_load_seconds");
        @SuppressWarnings("unchecked")
        Map<String, TreeSet<String>> sizes = (Map<String, TreeSet<String>>) details.get("page_sizes_asked");
        boolean largestPages = largestPages(sizes);

        add("first_view_seconds", "s", "≤ 1", num("first_view_seconds") <= 1.0);
        add("load_seconds", "s", String.format("≤ %.2f (1.1 × SDK) and ≤ %.2f (1.0 × CLI)", 1.1 * sdk, cliSeconds),
                load <= 1.1 * sdk && load <= cliSeconds);
        add("sdk_load_seconds", "s", "the limit", null);
        add("cli_load_seconds", "s", "the user's way", null);
        section.rows().add(new Row("page sizes asked", sizes.toString(), "DescribeParameters 50, ListSecrets 100", largestPages));
        add("api_calls", "", String.format("≤ %.0f (1.02 × server pages)", Math.floor(1.02 * num("server_pages"))),
                num("api_calls") <= 1.02 * num("server_pages"));
        add("server_pages", "", "what the server needed", null);
        add("value_fetches_during_load", "", "0", num("value_fetches_during_load") == 0);
        add("max_fx_stall_ms", "ms", "≤ 50", num("max_fx_stall_ms") <= 50);
        section.rows().add(new Row("  after the first rows", details.get("max_fx_stall_after_first_rows_ms") + " ms",
                "(information: JavaFX's one-time warm-up excluded)", null));
        add("filter_p50_ms", "ms", "", null);
        add("filter_p95_ms", "ms", "≤ 30", num("filter_p95_ms") <= 30);
        add("rss_mb", "MB", "≤ 400", num("rss_mb") <= 400);
        add("heap_mb", "MB", "after GC", null);
        add("first_window_seconds", "s", "≤ 2", num("first_window_seconds") <= 2.0);
    }

    /** The budgets of issue 20 on the AWS-like endpoint, every listing's time beside the endpoint's limit. */
    private void awsLikeBudgets(Section section, int rssBudget) {
        use(section);
        double limit = num("limit_seconds");
        String beside = String.format(" (limit %.1f s)", limit);
        @SuppressWarnings("unchecked")
        Map<String, TreeSet<String>> sizes = (Map<String, TreeSet<String>>) details.get("page_sizes_asked");
        add("limit_seconds", "s", "max(pages ÷ rate, pages × round trip) of the slower listing", null);
        add("first_view_seconds", "s", "≤ 1", num("first_view_seconds") <= 1.0);
        if (figures.get("cli_load_seconds") == null) {
            // A quick run without the CLI (-Dbenchmark.cli=false): its budget cannot be judged.
            add("load_seconds", "s", String.format("≤ %.1f (1.1 × limit); CLI not run", 1.1 * limit), num("load_seconds") <= 1.1 * limit);
        } else {
            add("load_seconds", "s", String.format("≤ %.1f (1.1 × limit) and ≤ %.1f (CLI ÷ 5)", 1.1 * limit, num("cli_load_seconds") / 5),
                    num("load_seconds") <= 1.1 * limit && num("load_seconds") * 5 <= num("cli_load_seconds"));
        }
        add("sdk_load_seconds", "s", String.format("%.2f × limit%s", num("sdk_load_seconds") / limit, beside), null);
        add("cli_load_seconds", "s", figures.get("cli_load_seconds") == null ? "not run (-Dbenchmark.cli=false)"
                : String.format("%.2f × limit%s", num("cli_load_seconds") / limit, beside), null);
        section.rows().add(new Row("page sizes asked", sizes.toString(), "DescribeParameters 50, ListSecrets 100", largestPages(sizes)));
        add("throttles_received", "", "(information: the endpoint said no)", null);
        add("throttling_errors_shown", "", "0", num("throttling_errors_shown") == 0);
        add("value_fetches_during_load", "", "0", num("value_fetches_during_load") == 0);
        add("max_fx_stall_ms", "ms", "≤ 50", num("max_fx_stall_ms") <= 50);
        add("filter_p95_ms", "ms", "≤ 30", num("filter_p95_ms") <= 30);
        add("rss_mb", "MB", "≤ " + rssBudget, num("rss_mb") <= rssBudget);
        add("heap_mb", "MB", "after GC", null);
        add("reopen_first_view_seconds", "s", "≤ 1 (connecting again: the remembered listing)", num("reopen_first_view_seconds") <= 1.0);
    }

    private void multiBudgets(Section section) {
        use(section);
        double slowest = num("slowest_single_seconds");
        add("connections", "", "regions of " + MULTI_PARAMETERS + " parameters, read at once by ReportCollector", null);
        add("slowest_single_seconds", "s", "one connection alone (the slowest of them)", null);
        add("seconds", "s", String.format("≤ %.2f (1.5 × the slowest single)", 1.5 * slowest), num("seconds") <= 1.5 * slowest);
        add("throttles_received", "", "(information: the endpoint said no)", null);
    }

    private void busyBudgets(Section section) {
        use(section);
        add("max_fx_stall_ms", "ms", "≤ 50", num("max_fx_stall_ms") <= 50);
        add("first_window_seconds", "s", "≤ 2", num("first_window_seconds") <= 2.0);
        add("load_seconds", "s", "(information)", null);
        add("first_view_seconds", "s", "(information)", null);
    }

    private void use(Section section) {
        figures = section.figures();
        details = section.details();
        rows = section.rows();
    }

    private static boolean largestPages(Map<String, TreeSet<String>> sizes) {
        return sizes.getOrDefault("DescribeParameters", new TreeSet<>()).equals(new TreeSet<>(List.of("50")))
                && sizes.getOrDefault("ListSecrets", new TreeSet<>()).equals(new TreeSet<>(List.of("100")))
                && sizes.keySet().stream().allMatch(op -> op.equals("DescribeParameters") || op.equals("ListSecrets"));
    }

    /** A bare client factory for an endpoint, as the app builds one for a custom endpoint. */
    private static ClientFactory clients(URI endpoint) {
        Connection connection = Connection.endpoint(endpoint, REGION, true);
        return SessionClients.open(Sessions.local(connection, endpoint));
    }

    /** The rows of the section being reported. */
    private List<Row> rows;

    private void add(String key, String unit, String budget, Boolean met) {
        rows.add(new Row(key, figures.get(key) + (unit.isEmpty() ? "" : " " + unit), budget, met));
    }

    private double num(String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void awaitIdle(App app, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (onFx(() -> app.model().openConnection() != null && !app.model().loadingProperty().get())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The window did not finish loading within " + timeout);
    }

    /**
     * The figures (memory, first window, stalls) are only meaningful with the JVM options the app
     * ships with (installers/app-image.txt): says so when this run's options differ.
     */
    private void checkShippedJvmOptions() throws IOException {
        Path file = Path.of("installers", "app-image.txt");
        if (!Files.exists(file)) {
            return;
        }
        List<String> shipped = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.trim();
            if (t.startsWith("--java-options ")) {
                shipped.add(t.substring("--java-options ".length()).trim());
            }
        }
        List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = shipped.stream().filter(o -> !ours.contains(o)).toList();
        details.put("shipped_jvm_options", shipped);
        if (!missing.isEmpty()) {
            log("WARNING: this run lacks the shipped JVM options " + missing + " (installers/app-image.txt); "
                    + "its figures will not match the app's");
        }
    }

    private static double jvmCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L) / 1000.0;
    }

    /** The machine's load average, to read the figures against: other work on the machine slows everything. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU time of the moto_server process (a child of this one). */
    private static double motoCpuSeconds() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(MotoServer.COMMAND))
                .mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L) / 1000.0).sum();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark run is not valid: " + what);
        }
    }

    private static String run(List<String> command, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void log(String message) {
        System.out.printf("[benchmark %tT] %s%n", System.currentTimeMillis(), message);
    }
}
