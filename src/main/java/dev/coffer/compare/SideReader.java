package dev.coffer.compare;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.secrets.CurrentValue;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretDraft;
import dev.coffer.secrets.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one side for a comparison. A connection's listings, values, tags and keys are read side by
 * side on the comparer's threads, each listing with the largest pages AWS allows; values only when
 * they are compared.
 */
final class SideReader {

    /** How many one-item calls (tags, resource policies) one listing has running at once. */
    private static final int ITEM_READERS = 4;
    /**
     * How many GetParameters calls one side has running at once: two sides of one account at a
     * round trip of about 70 ms stay near AWS's default 40 calls a second.
     */
    private static final int VALUE_READERS = 2;

    private final Executor pool;
    private final CompareOptions options;
    private final boolean decrypt;
    private final Consumer<String> progress;
    private final BooleanSupplier cancelled;

    /**
     * @param decrypt when values are read, read SecureStrings' too; without, a SecureString is read
     *                without its value (an export never holds one, so it never decrypts one)
     */
    SideReader(Executor pool, CompareOptions options, boolean decrypt, Consumer<String> progress, BooleanSupplier cancelled) {
        this.pool = pool;
        this.options = options;
        this.decrypt = decrypt;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    CompletableFuture<SideContents> read(Side side, String which) {
        if (side instanceof Side.ExportFile file) {
            // Read here, not on the pool: the comparer reads a file before it asks AWS anything.
            try {
                return CompletableFuture.completedFuture(readFile(file));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Side.Live live = (Side.Live) side;
        CompletableFuture<List<KmsKey>> keys = CompletableFuture.supplyAsync(() -> new KeyCatalog(live.clients()).listIfAllowed(), pool);
        CompletableFuture<Map<String, ParameterItem>> parameters = live.path()
                .map(path -> readParameters(live, path, keys, which))
                .orElse(CompletableFuture.completedFuture(Map.of()));
        CompletableFuture<Map<String, SecretItem>> secrets = live.secretsPrefix()
                .map(prefix -> readSecrets(live, prefix, keys, which))
                .orElse(CompletableFuture.completedFuture(Map.of()));
        return parameters.thenCombine(secrets, SideContents::new);
    }

    private CompletableFuture<Map<String, ParameterItem>> readParameters(Side.Live side, String path,
                                                                         CompletableFuture<List<KmsKey>> keys, String which) {
        ParameterStore store = new ParameterStore(side.clients());
        // Values are read by name while the listing goes on: each page's names, 10 a call, by a few
        // readers at once (no page chain to wait on, and each call costs AWS a lookup, not a scan).
        BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
        CompletableFuture<List<Parameter>> listed = CompletableFuture.supplyAsync(() -> {
            List<Parameter> all = new ArrayList<>();
            try {
                store.describeUnder(path, page -> {
                    all.addAll(page);
                    if (options.values()) {
                        List<String> names = page.stream().filter(p -> decrypt || !p.isSecure()).map(Parameter::name).toList();
                        for (int i = 0; i < names.size(); i += ParameterStore.VALUE_BATCH_SIZE) {
                            batches.add(names.subList(i, Math.min(names.size(), i + ParameterStore.VALUE_BATCH_SIZE)));
                        }
                    }
                }, cancelled);
            } finally {
                for (int r = 0; r < VALUE_READERS; r++) {
                    batches.add(List.of());
                }
            }
            progress.accept(which + ": " + all.size() + " parameters listed");
            return all;
        }, pool);
        CompletableFuture<Map<String, SecretText>> values = options.values()
                ? valuesAsListed(batches, batch -> decrypt ? store.values(batch) : store.plainValues(batch))
                : CompletableFuture.completedFuture(Map.of());
        CompletableFuture<Map<String, List<Tag>>> tags = options.tags()
                ? listed.thenCompose(list -> perItem(list.stream().map(Parameter::name).toList(), store::tags))
                : CompletableFuture.completedFuture(Map.of());
        return CompletableFuture.allOf(listed, values, tags, keys).thenApply(done -> {
            Map<String, SecretText> vals = values.join();
            Map<String, List<Tag>> tagsByName = tags.join();
            Map<String, ParameterItem> items = new TreeMap<>();
            for (Parameter p : listed.join()) {
                Optional<String> keyLabel = p.isSecure()
                        ? Optional.of(KeyNames.label(p.keyId(), ParameterStore.DEFAULT_KEY, keys.join())) : Optional.empty();
                items.put(RelativeNames.parameter(p.name(), path), new ParameterItem(p.name(), p.type(), p.tier(), p.dataType(),
                        p.isSecure() ? p.keyId() : Optional.empty(), keyLabel, p.description().orElse(""),
                        Optional.ofNullable(tagsByName.get(p.name())), Optional.of(p.policiesJson()),
                        Optional.ofNullable(vals.get(p.name())), p.version(), Optional.of(p.lastModified())));
            }
            return items;
        });
    }

    /**
     * The values of the batches the listing hands over, {@value #VALUE_READERS} calls at a time;
     * an empty batch tells a reader the listing is done.
     */
    private CompletableFuture<Map<String, SecretText>> valuesAsListed(BlockingQueue<List<String>> batches,
                                                                      Function<List<String>, Map<String, SecretText>> read) {
        Map<String, SecretText> found = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int r = 0; r < VALUE_READERS; r++) {
            readers.add(CompletableFuture.runAsync(() -> {
                try {
                    for (List<String> batch = batches.take(); !batch.isEmpty(); batch = batches.take()) {
                        if (!cancelled.getAsBoolean()) {
                            found.putAll(read.apply(batch));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Stopped while reading values.");
                }
            }, pool));
        }
        return CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).thenApply(done -> found);
    }

    /**
     * {@code read} for each name, {@value #ITEM_READERS} calls at a time (Parameter Store lists tags,
     * and Secrets Manager gives a resource policy, one item a call).
     */
    private <T> CompletableFuture<Map<String, T>> perItem(List<String> names, Function<String, T> read) {
        Map<String, T> found = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int r = 0; r < ITEM_READERS; r++) {
            int first = r;
            readers.add(CompletableFuture.runAsync(() -> {
                for (int i = first; i < names.size() && !cancelled.getAsBoolean(); i += ITEM_READERS) {
                    found.put(names.get(i), read.apply(names.get(i)));
                }
            }, pool));
        }
        return CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).thenApply(done -> found);
    }

    private CompletableFuture<Map<String, SecretItem>> readSecrets(Side.Live side, String prefix, CompletableFuture<List<KmsKey>> keys,
                                                                   String which) {
        SecretStore store = new SecretStore(side.clients());
        CompletableFuture<List<Secret>> listed = CompletableFuture.supplyAsync(() -> {
            List<Secret> all = store.listNamed(prefix, cancelled);
            progress.accept(which + ": " + all.size() + " secrets listed");
            return all;
        }, pool);
        CompletableFuture<Map<String, CurrentValue>> values = options.values()
                ? listed.thenApplyAsync(list -> store.currentValues(list.stream().map(Secret::name).toList(), cancelled), pool)
                : CompletableFuture.completedFuture(Map.of());
        Map<String, String> arns = new ConcurrentHashMap<>();
        CompletableFuture<Map<String, Optional<String>>> policies = listed.thenCompose(list -> {
            list.forEach(s -> arns.put(s.name(), s.arn()));
            return perItem(list.stream().map(Secret::name).toList(), name -> store.resourcePolicy(arns.get(name)));
        });
        return CompletableFuture.allOf(listed, values, policies, keys).thenApply(done -> {
            Map<String, SecretItem> items = new TreeMap<>();
            for (Secret s : listed.join()) {
                Optional<CurrentValue> value = Optional.ofNullable(values.join().get(s.name()));
                Optional<String> current = s.versionStages().entrySet().stream()
                        .filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst();
                items.put(RelativeNames.secret(s.name(), prefix), new SecretItem(s.name(), s.arn(), s.description().orElse(""),
                        s.kmsKeyId(), KeyNames.label(s.kmsKeyId(), SecretDraft.DEFAULT_KEY, keys.join()),
                        options.tags() ? s.tags() : List.of(), rotation(s), policies.join().getOrDefault(s.name(), Optional.empty()),
                        value.map(CurrentValue::content), current.or(() -> value.map(CurrentValue::versionId))));
            }
            return items;
        });
    }

    private static String rotation(Secret s) {
        if (!s.rotationEnabled()) {
            return "off";
        }
        return "on" + s.rotationSchedule().map(r -> ", " + r).orElse("") + s.rotationLambdaArn().map(f -> ", " + f).orElse("");
    }

    private SideContents readFile(Side.ExportFile side) {
        String text;
        try {
            text = ExportDocument.load(side.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportDocument.Contents contents;
        try {
            contents = ExportDocument.read(text, options.values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(side.file() + ": " + e.getMessage(), e);
        }
        progress.accept(side.file().getFileName() + ": " + contents.parameters().size() + " parameters read");
        return new SideContents(contents.parameters(), Map.of(), contents.rejected());
    }
}
