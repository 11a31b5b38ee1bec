package dev.coffer.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Compares two sides: reads both at once (each side's listings, values, tags and keys in parallel
 * too), then matches items by their names relative to each side's root. Values are compared in
 * memory and never leave it.
 */
public final class Comparer {

    /** Threads reading at once: both sides' listings, values, tags and keys. */
    private static final int READERS = 12;
    /** How long a failed comparison waits for the other side's readers to stop. */
    private static final long READER_STOP_SECONDS = 5;

    private Comparer() {
    }

    /**
     * Reads and compares. {@code progress} hears what was read, from the reading threads; once
     * {@code cancelled} says so, reading stops between pages and a {@link CancellationException} is thrown.
     *
     * @throws IOException when an export file could not be read
     */
    public static Comparison compare(Side left, Side right, CompareOptions options, Consumer<String> progress, BooleanSupplier cancelled)
            throws IOException {
        ExecutorService pool = readers();
        try {
            SideReader reader = new SideReader(pool, options, true, progress, cancelled);
            // An export file is read and checked first, at once: a file that cannot be read costs no AWS call.
            boolean rightFirst = right instanceof Side.ExportFile && !(left instanceof Side.ExportFile);
            CompletableFuture<SideContents> first = rightFirst ? reader.read(right, "right") : reader.read(left, "left");
            if (first.isCompletedExceptionally()) {
                join(first);
            }
            CompletableFuture<SideContents> second = rightFirst ? reader.read(left, "left") : reader.read(right, "right");
            CompletableFuture<SideContents> leftRead = rightFirst ? second : first;
            CompletableFuture<SideContents> rightRead = rightFirst ? first : second;
            SideContents l = join(leftRead);
            SideContents r = join(rightRead);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The comparison was cancelled.");
            }
            List<Row> rows = new ArrayList<>();
            for (String name : names(l.parameters(), r.parameters())) {
                rows.add(row(ItemKind.PARAMETER, name, Optional.ofNullable(l.parameters().get(name)),
                        Optional.ofNullable(r.parameters().get(name)), options));
            }
            for (String name : names(l.secrets(), r.secrets())) {
                rows.add(row(ItemKind.SECRET, name, Optional.ofNullable(l.secrets().get(name)),
                        Optional.ofNullable(r.secrets().get(name)), options));
            }
            return new Comparison(left, right, options, rows, l.rejected(), r.rejected());
        } finally {
            stop(pool);
        }
    }

    /**
     * Reads one side as a comparison would, for an export: values without decryption (a
     * SecureString's is never read) and tags.
     */
    static SideContents readForExport(Side.Live side, Consumer<String> progress, BooleanSupplier cancelled) throws IOException {
        ExecutorService pool = readers();
        try {
            return join(new SideReader(pool, new CompareOptions(true, true), false, progress, cancelled).read(side, "export"));
        } finally {
            stop(pool);
        }
    }

    private static ExecutorService readers() {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(READERS, work -> {
            Thread t = new Thread(work, "coffer-compare-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * When one side fails, the other side's reader is told to stop and given a moment to do so, so
     * the caller does not close the connections under a reader still making its clients.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(READER_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Row row(ItemKind kind, String name, Optional<? extends Item> left, Optional<? extends Item> right,
                           CompareOptions options) {
        if (left.isEmpty()) {
            return new Row(kind, name, Status.ONLY_RIGHT, List.of(), Optional.empty(), right.map(Item.class::cast));
        }
        if (right.isEmpty()) {
            return new Row(kind, name, Status.ONLY_LEFT, List.of(), left.map(Item.class::cast), Optional.empty());
        }
        List<Difference> differences = left.get() instanceof ParameterItem lp
                ? Differences.of(lp, (ParameterItem) right.get())
                : Differences.of((SecretItem) left.get(), (SecretItem) right.get(), options.tags());
        return new Row(kind, name, differences.isEmpty() ? Status.SAME : Status.DIFFERENT, differences,
                left.map(Item.class::cast), right.map(Item.class::cast));
    }

    private static TreeSet<String> names(Map<String, ?> left, Map<String, ?> right) {
        TreeSet<String> names = new TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        return names;
    }

    /** The side's contents, or the failure that stopped it as it was thrown. */
    private static SideContents join(CompletableFuture<SideContents> read) throws IOException {
        try {
            return read.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
