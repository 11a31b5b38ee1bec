package dev.coffer.benchmark;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.parameters.view.ParameterTreeViewModel;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.view.SecretListViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TreeItem;

/**
 * The filters' own cost per keystroke, without a window: the scale benchmark's typing into the
 * parameter tree's and the secrets list's view models over its inventory (50,000 parameters and
 * 5,000 secrets unless told), with the rows a tree would build for what it shows. Run by hand, to
 * profile the filters apart from layout and rendering:
 *
 * <pre>mvn -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-Xmx512m -XX:+UseSerialGC
 *   -XX:TieredStopAtLevel=1 -cp %classpath dev.coffer.benchmark.FilterMeasure 50000 5000"</pre>
 */
public final class FilterMeasure {

    private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean VERBOSE = Boolean.getBoolean("verbose");

    private FilterMeasure() {
    }

    public static void main(String[] args) {
        int parameterCount = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int secretCount = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ScaleInventory inventory = ScaleInventory.generate(parameterCount, secretCount);
        Instant now = Instant.now();
        List<Parameter> parameters = inventory.parameters().stream().map(p -> new Parameter(p.name(),
                ParameterType.fromAws(p.type().toString()).orElseThrow(), ParameterTier.STANDARD, ParameterDataType.TEXT, 1, now, "admin",
                Optional.empty(), p.description(), "")).toList();
        List<Secret> secrets = inventory.secrets().stream().map(s -> new Secret(s.name(), "arn:aws:secretsmanager:us-east-1:1:secret:"
                + s.name(), s.description(), Optional.empty(), Optional.of(now), Optional.empty(), Optional.of(now), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), s.tags(), Map.of(), Optional.empty())).toList();

        ParameterTreeViewModel tree = new ParameterTreeViewModel();
        long t0 = System.nanoTime();
        for (int i = 0; i < parameters.size(); i += 50) {
            tree.addPage(parameters.subList(i, Math.min(parameters.size(), i + 50)));
        }
        System.out.printf("tree: %,d parameters added in %.0f ms%n", tree.totalProperty().get(), (System.nanoTime() - t0) / 1e6);
        SecretListViewModel list = new SecretListViewModel();
        for (int i = 0; i < secrets.size(); i += 100) {
            list.addPage(secrets.subList(i, Math.min(secrets.size(), i + 100)));
        }
        // A table observes its rows: without a listener, FilteredList and SortedList do no work.
        list.rows().addListener((javafx.collections.ListChangeListener<SecretListViewModel.Row>) c -> { });

        reopenParts(parameters, secrets);

        for (int round = 1; round <= rounds; round++) {
            List<Double> treeKeys = type(ScaleBenchmark.PARAMETER_TYPING, text -> {
                tree.filterProperty().set(text);
                shown(tree.rootProperty().get(), 40);
            });
            List<Double> secretKeys = type(ScaleBenchmark.SECRET_TYPING, text -> {
                list.filterProperty().set(text);
                list.rows().size();
            });
            System.out.printf("round %d (FX-thread CPU per keystroke): tree p50 %.1f p95 %.1f max %.1f ms · secrets p50 %.1f p95 %.1f max %.1f ms%n", round,
                    percentile(treeKeys, 50), percentile(treeKeys, 95), percentile(treeKeys, 100),
                    percentile(secretKeys, 50), percentile(secretKeys, 95), percentile(secretKeys, 100));
        }
    }

    /** What a reopen costs before the first rows show: the cache's file read back, the tree and the list filled. */
    private static void reopenParts(List<Parameter> parameters, List<Secret> secrets) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("coffer-measure");
            dev.coffer.ui.shell.ListingCache cache = new dev.coffer.ui.shell.ListingCache(folder.resolve("listings"));
            dev.coffer.aws.Connection connection = dev.coffer.aws.Connection.endpoint(java.net.URI.create("http://127.0.0.1:1"),
                    "us-east-1", false);
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                cache.write(connection, new dev.coffer.ui.shell.ListingCache.Listing("123456789012", parameters, secrets));
                long t1 = System.nanoTime();
                dev.coffer.ui.shell.ListingCache.Listing read = cache.read(connection).orElseThrow();
                long t2 = System.nanoTime();
                ParameterTreeViewModel tree = new ParameterTreeViewModel();
                tree.addPage(read.parameters());
                long t3 = System.nanoTime();
                SecretListViewModel list = new SecretListViewModel();
                list.rows().addListener((javafx.collections.ListChangeListener<SecretListViewModel.Row>) c -> { });
                list.addPage(read.secrets());
                long t4 = System.nanoTime();
                System.out.printf("reopen %d: write %.0f ms (%,d KB), read %.0f ms, tree %.0f ms, secrets list %.0f ms%n", round,
                        (t1 - t0) / 1e6, java.nio.file.Files.size(cache.fileOf(connection)) / 1024, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                        (t4 - t3) / 1e6);
            }
            cache.clear();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Types {@code keys} ('\b' is Backspace), timing each change of the text. */
    private static List<Double> type(String keys, java.util.function.Consumer<String> show) {
        StringBuilder text = new StringBuilder();
        List<Double> times = new ArrayList<>();
        for (char c : keys.toCharArray()) {
            if (c == '\b') {
                text.setLength(Math.max(0, text.length() - 1));
            } else {
                text.append(c);
            }
            // CPU time of this thread: what the filter costs, whatever else the machine runs.
            long t = THREAD.getCurrentThreadCpuTime();
            show.accept(text.toString());
            times.add((THREAD.getCurrentThreadCpuTime() - t) / 1e6);
            if (VERBOSE) {
                System.out.printf("  %-24s %6.1f ms%n", "'" + text + "'", times.get(times.size() - 1));
            }
        }
        show.accept("");
        return times;
    }

    /** Builds the rows a tree shows from the top, as many as fit: what a TreeView asks of its items. */
    private static int shown(TreeItem<?> item, int rows) {
        int n = 1;
        if (item.isExpanded()) {
            for (TreeItem<?> child : item.getChildren()) {
                if (n >= rows) {
                    break;
                }
                n += shown(child, rows - n);
            }
        }
        return n;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
