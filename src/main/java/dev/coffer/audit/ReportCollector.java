package dev.coffer.audit;

import dev.coffer.aws.AwsSession;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.CancelledException;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.secrets.Replica;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.UsageScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Reads everything an audit report lists from one connection through the stores, using only reads: DescribeParameters
 * (all metadata, 50 a page), ListTagsForResource per parameter only when a check needs tags,
 * GetParameters without decryption for Advanced String and StringList parameters only (10 a call,
 * to measure their values' size, which is then dropped; a SecureString is never decrypted for it),
 * ListSecrets (every field but replication, staging labels by version included), DescribeSecret
 * only for replicated secrets, and the KMS key list to tell AWS managed keys from customer keys.
 * Then, unless the settings turn it off, the where-used scan ({@link UsageScan}: stacks and their
 * templates, launch templates, Lambda functions, ECS task definitions, secrets and String
 * parameters' values, which in audit mode the reveal log records as read) for each item's consumer
 * count and the findings it proves ({@link ConsumerFindings}).
 */
public final class ReportCollector {

    /** Where the collection is, for a progress bar: {@code done} of {@code total} steps (total 0 when unknown). */
    public interface Progress {
        void update(String message, long done, long total);
    }

    private final ClientFactory clients;
    private final AuditSettings settings;
    private final Progress progress;
    private final BooleanSupplier cancelled;
    /** Each parameter's version number, not capped as the inventory's count is: what a pinned consumer is checked against. */
    private final Map<String, Long> parameterVersions = new HashMap<>();

    public ReportCollector(ClientFactory clients, AuditSettings settings, Progress progress, BooleanSupplier cancelled) {
        if (!clients.session().readOnly()) {
            throw new IllegalArgumentException("An audit report reads through a read-only (audit) session only.");
        }
        this.clients = clients;
        this.settings = settings;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * Connections read at once. Each has its own clients, so its own adaptive retries: throttling
     * in one account and region slows that connection only, and AWS throttles each account and
     * region apart, so an account's every region (about 30) can be read at the same time. A
     * connection mostly waits for AWS, so the bound is about sockets and threads, not CPU: with 8,
     * 20 regions took three rounds, about 3 times one region's time (scale benchmark).
     */
    static final int CONNECTIONS_AT_ONCE = 32;

    /**
     * Collects every connection, up to {@link #CONNECTIONS_AT_ONCE} at the same time, and builds
     * the report with the connections in the order given. With several connections each progress
     * message names its connection, and the steps counted are the connections done. The first
     * connection that fails stops the others and is named in a {@link ConnectionReadException};
     * throws CancellationException once cancelled.
     */
    public static AuditReport report(List<ClientFactory> connections, AuditSettings settings, Progress progress, BooleanSupplier cancelled) {
        Instant started = Instant.now();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(CONNECTIONS_AT_ONCE, connections.size())), r -> {
            Thread t = new Thread(r, "audit-connection-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Collected>> reads = new ArrayList<>();
            for (ClientFactory clients : connections) {
                String name = clients.session().label();
                Progress named = connections.size() == 1 ? progress
                        : (message, step, steps) -> progress.update(name + ": " + message, done.get(), connections.size());
                reads.add(readers.submit(Cancellation.carried(() -> {
                    try {
                        Collected collected = new ReportCollector(clients, settings, named, stop).collect();
                        done.incrementAndGet();
                        return collected;
                    } catch (RuntimeException e) {
                        if (!(e instanceof CancellationException) && !cancelled.getAsBoolean()) {
                            failure.compareAndSet(null, new ConnectionReadException(name, e));
                        }
                        throw e;
                    }
                })));
            }
            List<AuditReport.ConnectionInfo> infos = new ArrayList<>();
            List<InventoryItem> items = new ArrayList<>();
            List<Finding> consumerFindings = new ArrayList<>();
            List<ConsumerCoverage> coverage = new ArrayList<>();
            for (Future<Collected> read : reads) {
                try {
                    Collected collected = read.get();
                    infos.add(collected.connection());
                    items.addAll(collected.items());
                    consumerFindings.addAll(collected.consumerFindings());
                    if (collected.consumers() != null) {
                        coverage.add(collected.consumers());
                    }
                } catch (ExecutionException e) {
                    // Told below: the first failure, or the cancellation.
                }
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The audit report was cancelled.");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return AuditReport.of(started, settings, infos, items, consumerFindings, coverage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The audit report was cancelled.");
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * What one connection holds.
     *
     * @param consumerFindings what its consumer scan proved
     * @param consumers        how far its consumer scan got; null when consumers were not scanned
     */
    public record Collected(AuditReport.ConnectionInfo connection, List<InventoryItem> items, List<Finding> consumerFindings,
                            ConsumerCoverage consumers) {
    }

    /** Reads the connection; throws CancellationException once cancelled. */
    public Collected collect() {
        AwsSession session = clients.session();
        progress.update("Asking STS who this is…", 0, 0);
        CallerIdentity identity = clients.identity();
        AuditReport.ConnectionInfo info = new AuditReport.ConnectionInfo(session.label(), session.profile(), session.region(),
                session.endpoint().map(Object::toString).orElse(""), identity.account(), identity.arn());
        List<KmsKey> keys = keys();
        List<InventoryItem> items = new ArrayList<>(parameters(info, keys));
        items.addAll(secrets(info, keys));
        if (!settings.scanConsumers()) {
            return new Collected(info, items, List.of(), null);
        }
        ConsumerIndex index = consumers();
        boolean complete = index.unread().isEmpty();
        List<InventoryItem> counted = new ArrayList<>(items.size());
        List<Finding> findings = new ArrayList<>();
        for (InventoryItem item : items) {
            List<Consumer> consumers = item.isSecret() ? index.ofSecret(item.arn()) : index.ofParameter(item.name());
            counted.add(item.withConsumers(consumers.size()));
            findings.addAll(item.isSecret() ? ConsumerFindings.ofSecret(item, consumers, complete)
                    : ConsumerFindings.ofParameter(item, parameterVersions.get(item.name()), consumers, complete));
        }
        return new Collected(info, counted, findings, new ConsumerCoverage(info.label(), index.unread()));
    }

    /**
     * The connection's where-used scan. It runs on threads of its own with a cancellation of its own,
     * which Cancel of the report's run cancels (aborting the calls it waits for), as does this
     * collector's {@code cancelled} (another connection failed) at the scan's next step.
     */
    private ConsumerIndex consumers() {
        checkCancelled();
        progress.update("Finding consumers: reading CloudFormation, EC2, Lambda and ECS…", 0, 0);
        Cancellation scan = new Cancellation();
        try (Cancellation.Registration withTheRun = Cancellation.cancelWithCurrent(scan)) {
            return UsageScan.scan(clients, scan, message -> {
                if (cancelled.getAsBoolean()) {
                    scan.cancel();
                } else {
                    progress.update("Finding consumers: " + message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1), 0, 0);
                }
            });
        } catch (CancelledException e) {
            throw new CancellationException("The audit report was cancelled.");
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("The audit report was cancelled.");
        }
    }

    private List<KmsKey> keys() {
        progress.update("Listing KMS keys…", 0, 0);
        return new KeyCatalog(clients).listIfAllowed();
    }

    private List<InventoryItem> parameters(AuditReport.ConnectionInfo info, List<KmsKey> keys) {
        ParameterStore store = new ParameterStore(clients);
        List<Parameter> all = new ArrayList<>();
        store.listAll(page -> {
            all.addAll(page);
            progress.update("Listing parameters… " + all.size(), 0, 0);
        }, cancelled);
        checkCancelled();
        Map<String, Integer> sizes = new TreeMap<>();
        List<String> advanced = all.stream().filter(p -> p.tier() == ParameterTier.ADVANCED && !p.isSecure()).map(Parameter::name).toList();
        for (int i = 0; i < advanced.size(); i += ParameterStore.VALUE_BATCH_SIZE) {
            checkCancelled();
            progress.update("Measuring Advanced parameter values…", i, advanced.size());
            Map<String, SecretText> values = store.plainValues(advanced.subList(i, Math.min(advanced.size(), i + ParameterStore.VALUE_BATCH_SIZE)));
            values.forEach((name, value) -> sizes.put(name, value.sizeInBytes())); // only the size is kept
        }
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Parameter p = all.get(i);
            parameterVersions.put(p.name(), p.version());
            Map<String, String> tags = null;
            if (settings.needsParameterTags()) {
                checkCancelled();
                progress.update("Reading parameter tags…", i, all.size());
                tags = new TreeMap<>();
                for (var t : store.tags(p.name())) {
                    tags.put(t.key(), t.value());
                }
            }
            ParameterPolicies policies = policies(p.policiesJson());
            String key = p.isSecure() ? p.keyId().orElse(ParameterStore.DEFAULT_KEY) : null;
            items.add(InventoryItem.parameter(info, p.name())
                    .arn(store.arnOf(p.name(), info.account()))
                    .type(p.type().awsName()).tier(p.tier().awsName()).dataType(p.dataType().awsName()).description(p.description().orElse(null))
                    .kmsKey(key).keyManager(key == null ? null : keyManager(key, keys))
                    .lastModified(p.lastModified()).lastModifiedBy(p.lastModifiedUser())
                    .versions((int) Math.min(p.version(), 100))
                    .tags(tags)
                    .policies(policies == null || policies.isEmpty() ? (p.policiesJson().isEmpty() ? null : p.policiesJson()) : policies.summary())
                    .expiration(policies == null ? null : policies.expiration().orElse(null))
                    .valueBytes(sizes.get(p.name()))
                    .build());
        }
        return items;
    }

    private static ParameterPolicies policies(String json) {
        if (json.isEmpty()) {
            return null;
        }
        try {
            return ParameterPolicies.parse(json);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private List<InventoryItem> secrets(AuditReport.ConnectionInfo info, List<KmsKey> keys) {
        SecretStore store = new SecretStore(clients);
        List<InventoryItem> items = new ArrayList<>();
        store.listAll(page -> {
            for (Secret s : page) {
                items.add(secret(info, s, keys, store));
            }
            progress.update("Listing secrets… " + items.size(), 0, 0);
        }, cancelled, true);
        checkCancelled();
        return items;
    }

    private static InventoryItem secret(AuditReport.ConnectionInfo info, Secret s, List<KmsKey> keys, SecretStore store) {
        Map<String, String> tags = new TreeMap<>();
        s.tags().forEach(t -> tags.put(t.key(), t.value()));
        Map<String, List<String>> labels = new TreeMap<>();
        s.versionStages().forEach((version, stages) -> labels.put(version, stages.stream().sorted().toList()));
        return InventoryItem.secret(info, s.name())
                .arn(s.arn()).description(s.description().orElse(null))
                .kmsKey(s.kmsKeyLabel()).keyManager(s.kmsKeyId().isEmpty() ? InventoryItem.AWS_MANAGED : keyManager(s.kmsKeyLabel(), keys))
                .lastModified(s.lastChanged().orElse(null))
                .versions(s.versionStages().size()).labels(labels).tags(tags)
                .rotationEnabled(s.rotationEnabled()).rotationSchedule(s.rotationSchedule().orElse(null))
                .rotationEveryDays(s.rotationEveryDays().orElse(null))
                .lastRotated(s.lastRotated().orElse(null)).nextRotation(s.nextRotation().orElse(null))
                .lastAccessed(s.lastAccessed().orElse(null)).created(s.created().orElse(null))
                .deletionDate(s.deletedDate().orElse(null)).owningService(s.owningService().orElse(null))
                .replication(replication(s, store))
                .build();
    }

    /** Replication in words: ListSecrets names only the primary region, so replicated secrets are described. */
    private static String replication(Secret s, SecretStore store) {
        if (s.primaryRegion().isEmpty()) {
            return null;
        }
        String primary = "primary in " + s.primaryRegion().get();
        List<Replica> replicas = store.replicas(s.arn());
        if (replicas.isEmpty()) {
            return primary;
        }
        return primary + "; replicas: " + String.join(", ", replicas.stream().map(r -> r.region() + " " + r.status()).toList());
    }

    /** Whether a KeyId as AWS reports it is an AWS managed key or the account's own. */
    static String keyManager(String keyRef, List<KmsKey> keys) {
        if (keyRef.startsWith("alias/aws/") || keyRef.startsWith("aws/") || keyRef.contains(":alias/aws/")) {
            return InventoryItem.AWS_MANAGED;
        }
        for (KmsKey k : keys) {
            if (k.matches(keyRef)) {
                return k.awsManaged() ? InventoryItem.AWS_MANAGED : InventoryItem.CUSTOMER;
            }
        }
        // Not in this account's list: an alias or key the account made, or another account's key
        // (AWS managed keys cannot be used across accounts).
        return keyRef.startsWith("alias/") || keyRef.startsWith("arn:") ? InventoryItem.CUSTOMER : InventoryItem.UNKNOWN_KEY;
    }
}
