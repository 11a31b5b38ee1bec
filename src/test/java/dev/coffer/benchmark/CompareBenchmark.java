package dev.coffer.benchmark;

import static dev.coffer.testsupport.CofferUi.onFx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.CompareOptions;
import dev.coffer.compare.Comparer;
import dev.coffer.compare.Comparison;
import dev.coffer.compare.Row;
import dev.coffer.compare.Side;
import dev.coffer.compare.Status;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.MotoWithAwsPaging;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Compare at scale (issue 18, point 7): two folders of 10,000 parameters each and a few hundred
 * secrets in one moto behind the AWS-like proxy, compared by {@link Comparer} and by the compare window (headless), beside
 * the listing of the larger folder with its values by a bare SDK paginator. Prints every figure
 * beside its budget and writes target/benchmark/compare.json. Run it with {@code mvn -Pbenchmark verify}.
 *
 * <p>Not a test: it takes minutes, and its figures guide the design. It exits with status 1 when
 * a budget is missed.
 */
public final class CompareBenchmark {

    private static final String REGION = "us-east-1";
    /** Parameters in each folder; smaller counts are for trying the benchmark out, budgets are for the default. */
    private static final int PARAMETERS = Integer.getInteger("benchmark.compareParameters", 10_000);
    private static final int SECRETS = Integer.getInteger("benchmark.compareSecrets", 300);
    /** The comparison with tags has no budget and costs one call per parameter: -Dbenchmark.compareTags=false skips it. */
    private static final boolean WITH_TAGS = Boolean.parseBoolean(System.getProperty("benchmark.compareTags", "true"));
    /** -Dbenchmark.compareWindowOnly=true: only the window's run (its FX stall), without the timed API runs. */
    private static final boolean WINDOW_ONLY = Boolean.getBoolean("benchmark.compareWindowOnly");
    /** Every 20th secret's password differs between the prefixes. */
    private static final int SECRET_DIFFERENCE_EVERY = 20;
    private static final String LEFT = "/bench/shop/staging";
    private static final String RIGHT = "/bench/shop/prod";
    private static final String LEFT_SECRETS = "shop/staging/";
    private static final String RIGHT_SECRETS = "shop/prod/";
    private static final List<String> TEAMS = List.of("payments", "identity", "search", "catalog", "checkout", "mobile", "web",
            "data-platform", "ml", "infra", "security", "analytics");
    private static final List<String> KEYS = List.of("config/log-level", "config/timeout-ms", "config/retry-policy", "db/host",
            "db/port", "db/name", "db/username", "db/password", "cache/endpoint", "cache/auth-token", "api/base-url",
            "api/allowed-origins", "api/key", "queue/url", "queue/batch-size", "feature-flags/new-checkout", "s3/bucket",
            "smtp/password", "oauth/client-secret", "ami/golden-image");
    /** What a user types into the result's filter, with corrections ('\b' is Backspace). */
    private static final String FILTER_TYPING = "payments db" + "\b".repeat(2) + "api key" + "\b".repeat(7) + "password";

    private final Path out;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private boolean met = true;

    private CompareBenchmark(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Files.createDirectories(out);
        boolean met = new CompareBenchmark(out).run();
        // JavaFX and the SDK leave non-daemon threads behind; the figures are written.
        System.exit(met ? 0 : 1);
    }

    private boolean run() throws Exception {
        long started = System.nanoTime();
        details.put("load_average_at_start", loadAverage());
        // moto pages DescribeParameters and GetParametersByPath as AWS does (a listing scanned once,
        // not once a page: at 10,000 a folder, moto's scans alone cost more than AWS's round trips).
        try (MotoServer moto = MotoWithAwsPaging.start(Optional.of(out.resolve("compare-moto.log")), Map.of());
             AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint()).awsPaging(false)) {
            // Timed against an endpoint with AWS's manners (MaxResults honoured, a round trip per
            // request, throttling at AWS's rates): on plain moto every figure is moto's CPU instead.
            details.put("endpoint", "AWS-like: MotoWithAwsPaging behind testsupport.proxy.AwsProxy.startAwsLike (60 ms + up to 20 ms a request, "
                    + "DescribeParameters 50 a page at 10/s, GetParametersByPath 40/s)");
            // The window opens on the empty endpoint, so that its own listing does not run beside the timings.
            log("Opening the window (headless) on the empty endpoint " + aws.endpoint());
            FxToolkit.registerPrimaryStage();
            App app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, REGION, aws.endpoint(), false, false)));
            awaitIdle(app);
            try (ClientFactory clients = Moto.clients(moto, false)) {
                seed(clients);
            }
            if (!WINDOW_ONLY) {
                try (ClientFactory clients = aws.clients(true)) {
                    timedRuns(clients);
                }
            }
            details.put("aws_like_requests", aws.requests());
            window(app);
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        details.put("load_average_at_end", loadAverage());
        details.put("benchmark_seconds", round((System.nanoTime() - started) / 1e9, 1));
        return report();
    }

    // ---- the two folders -----------------------------------------------------------------------

    /** One parameter as seeded on one side. */
    private record Seeded(String relative, ParameterType type, ParameterTier tier, String value, String description,
                          boolean tagged) {
    }

    /**
     * Both folders from a fixed random seed: the same names and metadata on both sides, values
     * that differ in a few hundred, and a hundred on each side that the other lacks.
     */
    private static Map<String, List<Seeded>> folders() {
        Random random = new Random(18_7);
        List<Seeded> left = new ArrayList<>();
        List<Seeded> right = new ArrayList<>();
        int differing = PARAMETERS * 3 / 100;
        int missing = PARAMETERS / 100;
        for (int i = 0; left.size() < PARAMETERS; i++) {
            String relative = TEAMS.get(i % TEAMS.size()) + "/app-" + (i / TEAMS.size() / KEYS.size()) + "/"
                    + KEYS.get(i / TEAMS.size() % KEYS.size());
            boolean secure = relative.contains("password") || relative.contains("secret") || relative.endsWith("key")
                    || relative.endsWith("token");
            ParameterType type = secure ? ParameterType.SECURE_STRING
                    : relative.endsWith("allowed-origins") ? ParameterType.STRING_LIST : ParameterType.STRING;
            ParameterTier tier = random.nextInt(50) == 0 ? ParameterTier.ADVANCED : ParameterTier.STANDARD;
            String value = type == ParameterType.STRING_LIST ? "https://a.example.com,https://b.example.com"
                    : Long.toHexString(random.nextLong()) + "-" + "x".repeat(random.nextInt(tier == ParameterTier.ADVANCED ? 5000 : 200));
            String description = random.nextBoolean() ? "" : "Owned by the " + TEAMS.get(i % TEAMS.size()) + " team";
            boolean tagged = random.nextInt(10) == 0;
            Seeded l = new Seeded(relative, type, tier, value, description, tagged);
            Seeded r = i < differing ? new Seeded(relative, type, tier, value + "-changed", description, tagged) : l;
            if (i >= differing && i < differing + missing) {
                left.add(l);
                right.add(new Seeded(relative + "-prod-only", type, tier, value, description, tagged));
            } else {
                left.add(l);
                right.add(r);
            }
        }
        return Map.of(LEFT, left, RIGHT, right);
    }

    /** Puts both folders with 4 threads (moto serves one request at a time, the threads keep it busy), then the secrets. */
    private void seed(ClientFactory clients) throws Exception {
        long t0 = System.nanoTime();
        log("Seeding two folders of " + PARAMETERS + " parameters and " + SECRETS + " secrets");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> puts = new ArrayList<>();
            folders().forEach((root, parameters) -> {
                for (List<Seeded> chunk : chunks(parameters, 4)) {
                    puts.add(pool.submit(() -> chunk.forEach(p -> clients.ssm().putParameter(b -> {
                        b.name(root + "/" + p.relative()).type(p.type()).tier(p.tier()).value(p.value());
                        if (!p.description().isEmpty()) {
                            b.description(p.description());
                        }
                        if (p.tagged()) {
                            b.tags(software.amazon.awssdk.services.ssm.model.Tag.builder().key("Owner")
                                    .value(p.relative().substring(0, p.relative().indexOf('/'))).build());
                        }
                    }))));
                }
            });
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Sequentially: moto can answer 500 to secrets created from several threads at once.
        for (int i = 0; i < SECRETS / 2; i++) {
            String name = "app-" + i + "/db";
            String json = "{\"username\":\"app" + i + "\",\"password\":\"pw-" + i + "\",\"host\":\"db" + i + ".internal\"}";
            clients.secretsManager().createSecret(b -> b.name(LEFT_SECRETS + name).secretString(json));
            String prod = i % SECRET_DIFFERENCE_EVERY == 0 ? json.replace("pw-", "prod-pw-") : json;
            clients.secretsManager().createSecret(b -> b.name(RIGHT_SECRETS + name).secretString(prod));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        details.put("seed_seconds", round(seconds, 1));
        log(String.format("Seeded in %.1f s (not part of any budget)", seconds));
    }

    private static <T> List<List<T>> chunks(List<T> all, int n) {
        List<List<T>> chunks = new ArrayList<>();
        int size = (all.size() + n - 1) / n;
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    // ---- the timed runs ------------------------------------------------------------------------

    /**
     * The baseline, Coffer's own listing and both comparisons, twice, the second round in the
     * opposite order: moto's cost for the same requests drifts over a run, so every figure is the
     * mean of one run early and one late.
     */
    private void timedRuns(ClientFactory clients) throws Exception {
        Map<String, Supplier<Double>> runs = new LinkedHashMap<>();
        runs.put("sdk_values_listing_seconds", () -> sdkListing(clients));
        runs.put("coffer_listing_seconds", () -> cofferListing(clients));
        runs.put("compare_seconds", () -> compare(clients, new CompareOptions(true, false)));
        if (WITH_TAGS) {
            runs.put("compare_with_tags_seconds", () -> compare(clients, new CompareOptions(true, true)));
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> motoCpu = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(runs.keySet());
        for (int round = 0; round < 2; round++) {
            for (String name : order) {
                double cpu0 = motoCpuSeconds();
                double s = runs.get(name).get();
                seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
                motoCpu.computeIfAbsent(name, k -> new ArrayList<>()).add(motoCpuSeconds() - cpu0);
                log(String.format("%s: %.1f s", name, s));
            }
            Collections.reverse(order);
        }
        seconds.forEach((name, list) -> {
            figures.put(name, mean(list));
            details.put(name.replace("_seconds", "_runs_seconds"), list.stream().map(s -> round(s, 1)).toList());
        });
        for (String part : List.of("coffer_describe_under", "values_by_name")) {
            @SuppressWarnings("unchecked")
            List<Double> list = (List<Double>) details.get(part + "_runs_seconds");
            figures.put(part + "_seconds", mean(list));
        }
        // moto serves one request at a time on one core: its CPU is the floor under every figure.
        Map<String, Double> cpu = new LinkedHashMap<>();
        motoCpu.forEach((name, list) -> cpu.put(name, mean(list)));
        details.put("moto_cpu_seconds_by_run", cpu);
    }

    private static double mean(List<Double> values) {
        return round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1);
    }

    /** CPU time of the moto_server process (a child of this one). */
    private static double motoCpuSeconds() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(MotoServer.COMMAND))
                .mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L) / 1000.0).sum();
    }

    /** The baseline: the larger folder's values with a bare SDK paginator, the largest page AWS allows (10). */
    private double sdkListing(ClientFactory clients) {
        long t0 = System.nanoTime();
        int parameters = 0;
        for (GetParametersByPathResponse page : clients.ssm().getParametersByPathPaginator(b -> b.path(LEFT).recursive(true)
                .withDecryption(true).maxResults(ParameterStore.VALUE_BATCH_SIZE))) {
            parameters += page.parameters().size();
        }
        check(parameters == PARAMETERS, "the SDK listed " + parameters + " parameters under " + LEFT);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Coffer's own listing of that folder, one call after the other: its metadata, then its values by name, 10 a call. */
    private double cofferListing(ClientFactory clients) {
        ParameterStore store = new ParameterStore(clients);
        long t0 = System.nanoTime();
        List<dev.coffer.parameters.Parameter> described = store.describeUnder(LEFT);
        double describeSeconds = (System.nanoTime() - t0) / 1e9;
        int byName = store.values(described.stream().map(dev.coffer.parameters.Parameter::name).toList()).size();
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(described.size() == PARAMETERS && byName == PARAMETERS, "Coffer listed " + described.size() + " parameters and "
                + byName + " values");
        runDetail("coffer_describe_under_runs_seconds", describeSeconds);
        runDetail("values_by_name_runs_seconds", seconds - describeSeconds);
        return seconds;
    }

    @SuppressWarnings("unchecked")
    private void runDetail(String key, double seconds) {
        ((List<Double>) details.computeIfAbsent(key, k -> new ArrayList<Double>())).add(round(seconds, 1));
    }

    private double compare(ClientFactory clients, CompareOptions options) {
        // The folders only: the budget compares two folders with the listing of one (the secrets,
        // one GetResourcePolicy each, are compared in the window's run).
        Side left = new Side.Live(clients, Optional.of(LEFT), Optional.empty());
        Side right = new Side.Live(clients, Optional.of(RIGHT), Optional.empty());
        long t0 = System.nanoTime();
        Comparison comparison;
        try {
            comparison = Comparer.compare(left, right, options, progress -> { }, () -> false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        checkCounts(comparison.rows());
        return seconds;
    }

    /** The comparison found what was seeded: every difference, every one-sided item, the rest the same. */
    private void checkCounts(List<Row> rows) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        int missing = PARAMETERS / 100;
        int differing = PARAMETERS * 3 / 100;
        check(counts.getOrDefault(Status.ONLY_LEFT, 0) == missing && counts.getOrDefault(Status.ONLY_RIGHT, 0) == missing
                && counts.getOrDefault(Status.DIFFERENT, 0) == differing
                && counts.getOrDefault(Status.SAME, 0) == PARAMETERS - missing - PARAMETERS * 3 / 100,
                "the comparison counted " + counts);
        details.put("compare_counts", counts.toString());
    }

    // ---- the window ------------------------------------------------------------------------------

    /**
     * Tools → Compare… in the headless window: both folders with values, tags off, then every row
     * shown (same ones too) and the filter typed into, watching the FX thread all along.
     */
    private void window(App app) throws Exception {
        log("Comparing in the window");
        Scene main = onFx(() -> app.stage().getScene());
        onFx(() -> {
            compareMenuItem(main).fire();
            return null;
        });
        Scene scene = awaitCompareWindow();
        onFx(() -> {
            ((TextField) scene.lookup("#leftPath")).setText(LEFT);
            ((TextField) scene.lookup("#rightPath")).setText(RIGHT);
            ((TextField) scene.lookup("#leftPrefix")).setText(LEFT_SECRETS);
            ((TextField) scene.lookup("#rightPrefix")).setText(RIGHT_SECRETS);
            ((CheckBox) scene.lookup("#compareValues")).setSelected(true);
            ((CheckBox) scene.lookup("#compareTags")).setSelected(false);
            return null;
        });
        @SuppressWarnings("unchecked")
        TableView<Row> rows = onFx(() -> (TableView<Row>) scene.lookup("#compareRows"));
        Button run = onFx(() -> (Button) scene.lookup("#compareRun"));
        // Two frames so that the window's first layout is behind us.
        awaitPulse();
        awaitPulse();

        FxStallMeter stalls = FxStallMeter.start();
        long t0 = System.nanoTime();
        onFx(() -> {
            run.fire();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (onFx(() -> run.isDisabled() || rows.getItems().isEmpty())) {
            check(System.nanoTime() < deadline, "the window's comparison did not finish within 15 minutes");
            // Done without rows: the comparison failed, and the window says why.
            check(onFx(() -> run.isDisabled() || !rows.getItems().isEmpty()),
                    "the window's comparison failed: " + onFx(() -> ((Label) scene.lookup("#compareMessage")).getText()));
            Thread.sleep(100);
        }
        double compareSeconds = (System.nanoTime() - t0) / 1e9;
        double whileRunning = stalls.maxMillis();
        onFx(() -> {
            ((ToggleButton) scene.lookup("#show-same")).fire();
            return null;
        });
        awaitPulse();
        int shown = onFx(() -> rows.getItems().size());
        check(shown == PARAMETERS + PARAMETERS / 100 + SECRETS / 2, "the window shows " + shown + " rows");
        TextField filter = onFx(() -> (TextField) scene.lookup("#compareFilter"));
        for (char c : FILTER_TYPING.toCharArray()) {
            onFx(() -> {
                filter.requestFocus();
                String text = filter.getText();
                filter.setText(c == '\b' ? text.substring(0, text.length() - 1) : text + c);
                return null;
            });
            awaitPulse();
            // A fast typist: about ten keys a second.
            Thread.sleep(100);
        }
        stalls.close();
        figures.put("window_compare_seconds", round(compareSeconds, 1));
        figures.put("window_max_fx_stall_ms", round(stalls.maxMillis(), 1));
        details.put("window_max_fx_stall_while_comparing_ms", round(whileRunning, 1));
        details.put("window_rows_shown", shown);
        details.put("window_fx_stall_profile", stalls.stallProfile(8));
        log(String.format("Window: compared in %.1f s, longest FX stall %.1f ms (%.1f ms while comparing)", compareSeconds,
                stalls.maxMillis(), whileRunning));
    }

    private static MenuItem compareMenuItem(Scene main) {
        for (Node bar : main.getRoot().lookupAll(".menu-bar")) {
            for (Menu menu : ((MenuBar) bar).getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if ("compareItem".equals(item.getId())) {
                        return item;
                    }
                }
            }
        }
        throw new IllegalStateException("No Tools → Compare… in the main window");
    }

    private static Scene awaitCompareWindow() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Scene found = onFx(() -> Window.getWindows().stream().map(Window::getScene)
                    .filter(s -> s != null && "compareRoot".equals(s.getRoot().getId())).findFirst().orElse(null));
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The compare window did not open");
    }

    /** Waits until the FX thread has run a pulse after this call. */
    private static void awaitPulse() throws Exception {
        java.util.concurrent.CompletableFuture<Void> pulsed = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            Platform.requestNextPulse();
            Platform.runLater(() -> pulsed.complete(null));
        });
        pulsed.get(30, TimeUnit.SECONDS);
    }

    // ---- the report ------------------------------------------------------------------------------

    private void timedRows() {
        double baseline = num("sdk_values_listing_seconds");
        row("sdk_values_listing_seconds", "s", "the limit: GetParametersByPath of " + LEFT + ", 10 a page", null);
        row("coffer_listing_seconds", "s", "describeUnder, then values by name, of that folder", null);
        row("coffer_describe_under_seconds", "s", "of which describeUnder: metadata compare cannot skip", null);
        row("values_by_name_seconds", "s", "the same values by GetParameters, 10 names a call", null);
        row("compare_seconds", "s", String.format("≤ %.1f (1.2 × the limit)", 1.2 * baseline),
                num("compare_seconds") <= 1.2 * baseline);
        if (WITH_TAGS) {
            row("compare_with_tags_seconds", "s", "no budget: one ListTagsForResource per parameter", null);
        }
    }

    private boolean report() throws Exception {
        if (!WINDOW_ONLY) {
            timedRows();
        }
        row("window_compare_seconds", "s", "", null);
        row("window_max_fx_stall_ms", "ms", "≤ 50", num("window_max_fx_stall_ms") <= 50);

        Map<String, Object> json = new LinkedHashMap<>(figures);
        json.put("budgets_met", met);
        json.put("date", LocalDate.now().toString());
        json.put("parameters_per_folder", PARAMETERS);
        json.put("secrets", SECRETS);
        json.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + ", Java " + System.getProperty("java.version"));
        json.put("details", details);
        Path file = out.resolve("compare.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);

        StringBuilder text = new StringBuilder(String.format("%nCoffer compare benchmark: two folders of %,d parameters, %,d secrets (moto)%n",
                PARAMETERS, SECRETS));
        text.append(String.format("%-28s %-12s %-56s%n", "figure", "value", "budget"));
        table.forEach(line -> text.append(line).append('\n'));
        text.append("details: ").append(details).append('\n');
        text.append(met ? "Every budget is met." : "Some budgets are MISSED.").append(" Figures in ").append(file).append('\n');
        System.out.print(text);
        return met;
    }

    private void row(String key, String unit, String budget, Boolean ok) {
        met &= !Boolean.FALSE.equals(ok);
        table.add(String.format("%-28s %-12s %-56s %s", key, figures.get(key) + " " + unit, budget,
                ok == null ? "" : ok ? "ok" : "MISSED"));
    }

    private double num(String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void awaitIdle(App app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(() -> app.model().openConnection() != null && !app.model().loadingProperty().get())) {
            check(System.nanoTime() < deadline, "the window did not open within 60 s");
            Thread.sleep(50);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark run is not valid: " + what);
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void log(String message) {
        System.out.printf("[compare benchmark %tT] %s%n", System.currentTimeMillis(), message);
    }
}
