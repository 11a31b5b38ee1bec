package dev.coffer.benchmark;

import static dev.coffer.testsupport.CofferUi.onFx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.testsupport.proxy.MotoWithAwsPaging;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerKind;
import dev.coffer.usage.UsageScan;
import dev.coffer.usage.view.WhereUsedViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The where-used scan at scale: 500 stacks, 500 launch templates, 1,000 Lambda functions and 500
 * task definitions in a moto of its own that pages as AWS does ({@link MotoWithAwsPaging}: every
 * launch template is read, not moto's first page). Scanned twice: once by {@link UsageScan} over
 * a read-only session, then from the real window (headless, read-only), Tools → Where used… on a
 * golden AMI parameter, timed until its consumers show with the FX thread watched
 * ({@link FxStallMeter}). Each figure is printed beside its budget (30 s; 50 ms for the longest FX
 * stall while the window scans) and written to target/benchmark/where-used.json with the stall
 * profiles, the JVM's CPU and GC pauses. Run with {@code mvn -Pbenchmark verify}; exits with
 * status 1 when a budget is missed.
 */
public final class WhereUsedBenchmark {

    private static final double BUDGET_SECONDS = 30;
    private static final double STALL_BUDGET_MS = 50;
    /** Seeding is not measured; moto answers each call on one core, so a few threads only keep it busy. */
    private static final int SEEDERS = 4;
    private static final int GOLDEN_PARAMETERS = 10;

    private final int stacks = Integer.getInteger("benchmark.stacks", 500);
    private final int launchTemplates = Integer.getInteger("benchmark.launchTemplates", 500);
    private final int functions = Integer.getInteger("benchmark.functions", 1000);
    private final int taskDefinitions = Integer.getInteger("benchmark.taskDefinitions", 500);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Files.createDirectories(out);
        boolean met = new WhereUsedBenchmark().run(out);
        // The SDK leaves non-daemon threads behind; the figures are written.
        System.exit(met ? 0 : 1);
    }

    private boolean run(Path out) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        json.put("load_average_at_start", loadAverage());
        // moto pages DescribeLaunchTemplateVersions (and DescribeParameters) as AWS does, so the scan
        // reads every launch template, not moto's first page only.
        try (MotoServer moto = MotoWithAwsPaging.start(Optional.of(out.resolve("where-used-moto.log")), Map.of());
             ClientFactory seeding = Moto.clients(moto, false);
             ClientFactory auditing = Moto.clients(moto, true)) {
            long seedStart = System.nanoTime();
            seed(moto, seeding);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            log(String.format("Seeded %d stacks, %d launch templates, %d functions and %d task definitions in %.1f s (not part of the budget)",
                    stacks, launchTemplates, functions, taskDefinitions, seedSeconds));

            long scanStart = System.nanoTime();
            long cpuStart = processCpuNanos();
            ConsumerIndex index = UsageScan.scan(auditing, new Cancellation(), message -> { });
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
            details.put("scan_jvm_cpu_seconds", round((processCpuNanos() - cpuStart) / 1e9));
            log(String.format("Scanned without a window in %.1f s", scanSeconds));

            Map<String, Long> byKind = new LinkedHashMap<>();
            for (ConsumerKind kind : ConsumerKind.values()) {
                byKind.put(kind.id(), index.all().stream().filter(c -> c.kind() == kind).count());
            }
            long templatesListed = index.all().stream().filter(c -> c.kind() == ConsumerKind.LAUNCH_TEMPLATE)
                    .map(c -> c.resource()).distinct().count();
            int goldenConsumers = index.ofParameter(golden(0)).size();

            WindowFigures window = window(moto, goldenConsumers);

            boolean everyTemplate = templatesListed == launchTemplates;
            boolean scanMet = scanSeconds <= BUDGET_SECONDS && index.unread().isEmpty() && everyTemplate;
            boolean windowMet = window.seconds() <= BUDGET_SECONDS && window.maxStallMillis() <= STALL_BUDGET_MS;
            boolean met = scanMet && windowMet;
            json.put("seeded", Map.of("stacks", stacks, "launch_templates", launchTemplates, "functions", functions,
                    "task_definitions", taskDefinitions));
            json.put("seed_seconds", round(seedSeconds));
            json.put("scan_seconds", round(scanSeconds));
            json.put("scan_budget_seconds", BUDGET_SECONDS);
            json.put("window_scan_seconds", round(window.seconds()));
            json.put("window_max_fx_stall_ms", round(window.maxStallMillis()));
            json.put("window_max_fx_stall_budget_ms", STALL_BUDGET_MS);
            json.put("budget_met", met);
            json.put("consumers_by_kind", byKind);
            json.put("launch_templates_listed", templatesListed);
            json.put("unread", index.unread());
            json.put("calls_by_operation", auditing.calls().snapshot());
            details.put("endpoint", "moto with AWS's paging (testsupport.proxy.MotoWithAwsPaging), no proxy: moto's own CPU is the round trip");
            details.put("window", "headless Monocle 1920x1200, software rendering, read-only window; Tools → Where used… on "
                    + golden(0) + " with no scan cached, timed until its rows show");
            details.putAll(window.details());
            json.put("details", details);
            json.put("load_average_at_end", loadAverage());
            Path file = out.resolve("where-used.json");
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));

            System.out.printf("%n%-34s %-10s %-12s %s%n", "figure", "value", "budget", "");
            System.out.printf("%-34s %-10s %-12s %s%n", "where_used_scan_seconds", String.format("%.1f s", scanSeconds),
                    "<= " + (int) BUDGET_SECONDS + " s", scanSeconds <= BUDGET_SECONDS ? "met" : "MISSED");
            System.out.printf("%-34s %-10s %-12s %s%n", "window_scan_seconds", String.format("%.1f s", window.seconds()),
                    "<= " + (int) BUDGET_SECONDS + " s", window.seconds() <= BUDGET_SECONDS ? "met" : "MISSED");
            System.out.printf("%-34s %-10s %-12s %s%n", "window_max_fx_stall_ms", String.format("%.1f ms", window.maxStallMillis()),
                    "<= " + (int) STALL_BUDGET_MS + " ms", window.maxStallMillis() <= STALL_BUDGET_MS ? "met" : "MISSED");
            System.out.printf("Consumers %s; calls %s.%n", byKind, auditing.calls().snapshot());
            System.out.printf("Launch templates listed: %d of %d.%n", templatesListed, launchTemplates);
            System.out.printf("%-34s %-10s %-12s %s%n", "window_open_max_fx_stall_ms",
                    String.format("%.1f ms", (Double) window.details().get("window_open_max_fx_stall_ms")), "", "(opening the window, not the scan)");
            System.out.printf("%-34s %-10s %-12s %s%n", "cached_lookup_max_fx_stall_ms",
                    String.format("%.1f ms", (Double) window.details().get("cached_lookup_max_fx_stall_ms")), "", "(a warm window opening)");
            System.out.printf("Longest FX stall while scanning %s ms, showing the rows %s ms; the longest began %s s after the click"
                    + " (the scan ended at %.1f s).%n", window.details().get("window_scan_max_fx_stall_while_scanning_ms"),
                    window.details().get("window_scan_max_fx_stall_showing_rows_ms"),
                    window.details().get("window_scan_longest_stall_began_after_click_s"), window.seconds());
            System.out.printf("Scan's FX stall profile: %s%n", window.details().get("window_scan_fx_stall_profile"));
            System.out.printf("Opening's FX stall profile: %s%n", window.details().get("window_open_fx_stall_profile"));
            index.unread().forEach(problem -> System.out.println("Not read: " + problem));
            System.out.println((met ? "The budget is met." : "The budget is MISSED.") + " Figures in " + file);
            return met;
        }
    }

    private record WindowFigures(double seconds, double maxStallMillis, int rows, Map<String, Object> details) {
    }

    /**
     * The scan as an administrator runs it: the real window (headless, read-only) on the seeded
     * moto, a golden AMI parameter selected, Tools → Where used…, timed from the click until the
     * consumers show. The FX thread is watched in two spans, each with its own profile: opening the
     * window (FXML, first CSS and layout: a cost of every window, not of the scan), then the scan
     * from the window's first frame until its rows show. Last, Where used on a second parameter,
     * which the cached scan answers: a warm window opening.
     */
    private WindowFigures window(MotoServer moto, int expectedRows) throws Exception {
        log("Opening the window (headless, read-only) on " + moto.endpoint());
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, "us-east-1", moto.endpoint(), true, false)));
        try {
            awaitUntil(() -> onFx(() -> app.model().openConnection() != null && !app.model().loadingProperty().get()),
                    TimeUnit.SECONDS.toNanos(120), "the window did not load within 120 s");
            Map<String, Object> details = new LinkedHashMap<>();
            select(app, golden(0));

            GcPauses gc = GcPauses.start();
            FxStallMeter opening = FxStallMeter.start();
            long t0 = System.nanoTime();
            Scene scene = whereUsed(app, golden(0));
            @SuppressWarnings("unchecked")
            TableView<WhereUsedViewModel.Row> rows = onFx(() -> (TableView<WhereUsedViewModel.Row>) scene.lookup("#whereUsedRows"));
            Button refresh = onFx(() -> (Button) scene.lookup("#refreshButton"));
            Label status = onFx(() -> (Label) scene.lookup("#whereUsedStatus"));
            List<String> messages = new ArrayList<>();
            onFx(() -> {
                status.textProperty().addListener((o, was, now) -> messages.add(now));
                return null;
            });
            // The window's first frame: its CSS and layout are behind us.
            awaitPulse();
            opening.close();
            double openSeconds = (System.nanoTime() - t0) / 1e9;

            FxStallMeter scanning = FxStallMeter.start();
            long cpuStart = processCpuNanos();
            long scanStarted = System.nanoTime();
            awaitUntil(() -> onFx(() -> !refresh.isDisabled()), TimeUnit.MINUTES.toNanos(5), "the window's scan did not end within 5 minutes");
            long scanEnded = System.nanoTime();
            details.put("window_scan_jvm_cpu_seconds", round((processCpuNanos() - cpuStart) / 1e9));
            // The rows are set on the FX turn that ends the scan; the next frame shows them.
            awaitPulse();
            double seconds = (System.nanoTime() - t0) / 1e9;
            // Two frames more, so that a stall of the rows' first layout is measured whole.
            awaitPulse();
            awaitPulse();
            scanning.close();
            int shown = onFx(() -> rows.getItems().size());
            check(shown == expectedRows, "the window shows " + shown + " consumers of " + golden(0) + ", the scan found "
                    + expectedRows + " (" + onFx(status::getText) + ")");
            log(String.format("Window: opened in %.2f s (longest FX stall %.1f ms), scanned and shown %d consumers at %.1f s"
                    + " (longest FX stall %.1f ms)", openSeconds, opening.maxMillis(), shown, seconds, scanning.maxMillis()));

            // A second lookup: the cached scan answers it, so this is a warm window opening only.
            onFx(() -> {
                scene.getWindow().hide();
                return null;
            });
            select(app, golden(1));
            FxStallMeter cached = FxStallMeter.start();
            long t1 = System.nanoTime();
            Scene second = whereUsed(app, golden(1));
            awaitUntil(() -> onFx(() -> !((TableView<?>) second.lookup("#whereUsedRows")).getItems().isEmpty()),
                    TimeUnit.SECONDS.toNanos(30), "the cached scan did not answer the second lookup");
            awaitPulse();
            double cachedSeconds = (System.nanoTime() - t1) / 1e9;
            awaitPulse();
            cached.close();
            gc.close();
            onFx(() -> {
                second.getWindow().hide();
                return null;
            });

            details.put("window_open_seconds", round(openSeconds));
            details.put("window_open_max_fx_stall_ms", round(opening.maxMillis()));
            details.put("window_open_fx_stall_profile", opening.stallProfile(8));
            details.put("window_scan_max_fx_stall_while_scanning_ms", round(scanning.maxMillisBetween(scanStarted, scanEnded)));
            details.put("window_scan_max_fx_stall_showing_rows_ms", round(scanning.maxMillisBetween(scanEnded, Long.MAX_VALUE)));
            details.put("window_scan_longest_stall_began_after_click_s", round((scanning.worstStart() - t0) / 1e9));
            details.put("window_scan_fx_stall_profile", scanning.stallProfile(8));
            details.put("window_scan_fx_pings", scanning.pings());
            details.put("window_progress_messages_shown", onFx(messages::size));
            details.put("window_consumers_shown", shown);
            details.put("window_longest_gc_pause_ms", gc.longestMillis());
            details.put("window_gc_pauses", gc.count());
            details.put("cached_lookup_seconds", round(cachedSeconds));
            details.put("cached_lookup_max_fx_stall_ms", round(cached.maxMillis()));
            details.put("cached_lookup_fx_stall_profile", cached.stallProfile(8));
            log(String.format("Window: a second lookup from the cached scan in %.2f s (longest FX stall %.1f ms)", cachedSeconds,
                    cached.maxMillis()));
            return new WindowFigures(seconds, scanning.maxMillis(), shown, details);
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    private static void select(App app, String parameter) throws Exception {
        onFx(() -> {
            app.window().selectParameter(parameter);
            return null;
        });
        // Two frames so that the selection's layout is behind us.
        awaitPulse();
        awaitPulse();
    }

    /** Tools → Where used… on the selected parameter; returns its window once open. */
    private static Scene whereUsed(App app, String parameter) throws InterruptedException {
        onFx(() -> {
            menuItem(app.stage().getScene(), "whereUsedItem").fire();
            return null;
        });
        String title = new WhereUsedViewModel.Subject(WhereUsedViewModel.Subject.Kind.PARAMETER, parameter, parameter).title();
        Scene[] found = new Scene[1];
        awaitUntil(() -> (found[0] = onFx(() -> Window.getWindows().stream().map(Window::getScene)
                .filter(s -> s != null && "whereUsedRoot".equals(s.getRoot().getId())
                        && title.equals(((Label) s.lookup("#whereUsedTitle")).getText()))
                .findFirst().orElse(null))) != null,
                TimeUnit.SECONDS.toNanos(30), "the Where used window of " + parameter + " did not open");
        return found[0];
    }

    /** The JVM's collections while the window is watched: a stop-the-world pause stalls the FX thread too. */
    private static final class GcPauses implements AutoCloseable {
        private final List<Runnable> removals = new ArrayList<>();
        private volatile long longest;
        private volatile int count;

        static GcPauses start() {
            GcPauses pauses = new GcPauses();
            for (java.lang.management.GarbageCollectorMXBean bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                javax.management.NotificationEmitter emitter = (javax.management.NotificationEmitter) bean;
                javax.management.NotificationListener listener = (notification, handback) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long duration = com.sun.management.GarbageCollectionNotificationInfo
                                .from((javax.management.openmbean.CompositeData) notification.getUserData()).getGcInfo().getDuration();
                        pauses.count++;
                        pauses.longest = Math.max(pauses.longest, duration);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                pauses.removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
            return pauses;
        }

        long longestMillis() {
            return longest;
        }

        int count() {
            return count;
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    private static MenuItem menuItem(Scene main, String id) {
        for (Node bar : main.getRoot().lookupAll(".menu-bar")) {
            for (Menu menu : ((MenuBar) bar).getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if (id.equals(item.getId())) {
                        return item;
                    }
                }
            }
        }
        throw new IllegalStateException("No menu item " + id + " in the main window");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, long timeoutNanos, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < deadline, failure);
            Thread.sleep(20);
        }
    }

    /** Waits until the FX thread has run a pulse after this call. */
    private static void awaitPulse() throws Exception {
        CompletableFuture<Void> pulsed = new CompletableFuture<>();
        Platform.runLater(() -> {
            Platform.requestNextPulse();
            Platform.runLater(() -> pulsed.complete(null));
        });
        pulsed.get(30, TimeUnit.SECONDS);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark run is not valid: " + what);
        }
    }

    /** Every consumer reads one of ten golden AMI parameters, so the scan's matching has real work. */
    private void seed(MotoServer moto, ClientFactory clients) throws Exception {
        for (int i = 0; i < GOLDEN_PARAMETERS; i++) {
            int n = i;
            clients.ssm().putParameter(b -> b.name(golden(n)).type(ParameterType.STRING).value("ami-0123456789abcdef" + n));
        }
        String role = clients.lambda().getFunction(b -> b.functionName(RotationLambda.create(moto, clients, "bench-rotation")))
                .configuration().role();
        SdkBytes code = SdkBytes.fromByteArray(RotationLambda.zip());
        inParallel(stacks, i -> clients.cloudFormation().createStack(b -> b.stackName("bench-stack-" + i).templateBody("""
                Parameters:
                  ImageId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                    Default: %s
                Resources:
                  Config:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: /bench/stacks/%d/config
                      Type: String
                      Value: !Sub "{{resolve:ssm:%s}}"
                """.formatted(golden(i), i, golden(i + 1)))));
        inParallel(launchTemplates, i -> clients.ec2().createLaunchTemplate(b -> b.launchTemplateName("bench-template-" + i)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + golden(i) + (i % 2 == 0 ? "" : ":1")).instanceType("t3.micro"))));
        inParallel(functions, i -> clients.lambda().createFunction(b -> b.functionName("bench-function-" + i).runtime("python3.12")
                .role(role).handler("rotate.handler").code(c -> c.zipFile(code))
                .environment(e -> e.variables(Map.of("IMAGE_PARAMETER", golden(i), "MODE", "batch")))));
        inParallel(taskDefinitions, i -> clients.ecs().registerTaskDefinition(b -> b.family("bench-task-" + i)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("nginx").memory(256)
                        .secrets(s -> s.name("IMAGE").valueFrom(golden(i))).build())));
    }

    private static String golden(int i) {
        return "/bench/golden-ami/" + (i % GOLDEN_PARAMETERS);
    }

    private static void inParallel(int count, IntConsumer create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SEEDERS);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> create.accept(n)));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** This JVM's CPU time (every thread: the scan's readers, the FX thread, the renderer, GC). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String message) {
        System.out.println("[where-used benchmark] " + message);
    }
}
