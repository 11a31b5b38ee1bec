package dev.coffer.secrets;

import dev.coffer.aws.Cancellation;
import dev.coffer.aws.CancelledException;
import dev.coffer.aws.ClientFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;

/**
 * The databases of the connection's account and region that a database secret can point at:
 * RDS DB instances, Aurora, Multi-AZ and DocumentDB clusters (RDS's DescribeDBClusters lists
 * DocumentDB's too) and Redshift clusters. Plain Java over the SDK; no UI types.
 */
public final class DatabaseCatalog {

    /** The largest page DescribeDBInstances and DescribeDBClusters allow. */
    public static final int RDS_PAGE_SIZE = 100;
    /** The largest page Redshift's DescribeClusters allows. */
    public static final int REDSHIFT_PAGE_SIZE = 100;

    /** What is read, each with its own call, so that one refused leaves the others listed. */
    public enum Source {
        RDS_INSTANCES("RDS DB instances", "rds:DescribeDBInstances"),
        RDS_CLUSTERS("Aurora, Multi-AZ and DocumentDB clusters", "rds:DescribeDBClusters"),
        REDSHIFT_CLUSTERS("Redshift clusters", "redshift:DescribeClusters");

        private final String label;
        private final String permission;

        Source(String label, String permission) {
            this.label = label;
            this.permission = permission;
        }

        public String label() {
            return label;
        }

        /** The IAM action the source needs. */
        public String permission() {
            return permission;
        }
    }

    /**
     * What was listed: the databases (by kind, then identifier) and the sources that could not
     * be read, with why.
     */
    public record Listing(List<Database> databases, Map<Source, Throwable> failures) {

        public Listing {
            databases = List.copyOf(databases);
            failures = failures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(failures));
        }

        /** The listed databases whose endpoint a secret's host and port name. */
        public List<Database> serving(String host, int port) {
            return databases.stream().filter(d -> d.serves(host, port)).toList();
        }
    }

    static final Comparator<Database> ORDER = Comparator.comparing(Database::kind)
            .thenComparing(d -> d.identifier().toLowerCase(Locale.ROOT));

    private final ClientFactory clients;

    public DatabaseCatalog(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Reads the three sources at once, {@value #RDS_PAGE_SIZE} a page, inside the caller's
     * {@link Cancellation} when it runs in one (Cancel aborts their requests). A source that fails
     * is named in the listing's failures and the others are listed. {@code progress} hears each
     * source as it finishes, from the reading threads.
     *
     * @throws CancelledException when {@code cancelled} says so once the sources are done
     */
    public Listing list(BooleanSupplier cancelled, Consumer<Source> progress) {
        ExecutorService readers = Executors.newFixedThreadPool(Source.values().length, work -> {
            Thread t = new Thread(work, "coffer-databases");
            t.setDaemon(true);
            return t;
        });
        Map<Source, Future<List<Database>>> reads = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            reads.put(source, readers.submit(Cancellation.carried(() -> {
                List<Database> found = read(source, cancelled);
                progress.accept(source);
                return found;
            })));
        }
        List<Database> databases = new ArrayList<>();
        Map<Source, Throwable> failures = new EnumMap<>(Source.class);
        try {
            for (Map.Entry<Source, Future<List<Database>>> read : reads.entrySet()) {
                try {
                    databases.addAll(read.getValue().get());
                } catch (ExecutionException failed) {
                    failures.put(read.getKey(), failed.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Listing the databases was cancelled.");
        } finally {
            readers.shutdownNow();
        }
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("Listing the databases was cancelled.");
        }
        databases.sort(ORDER);
        return new Listing(databases, failures);
    }

    /** One source's databases, a page at a time until done or cancelled. */
    public List<Database> read(Source source, BooleanSupplier cancelled) {
        return switch (source) {
            case RDS_INSTANCES -> instances(cancelled);
            case RDS_CLUSTERS -> clusters(cancelled);
            case REDSHIFT_CLUSTERS -> redshiftClusters(cancelled);
        };
    }

    /** DB instances that stand alone; members of a cluster are reached through the cluster's endpoint. */
    private List<Database> instances(BooleanSupplier cancelled) {
        List<Database> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeDbInstancesResponse page = clients.rds().describeDBInstances(b -> b.maxRecords(RDS_PAGE_SIZE).marker(m));
            for (DBInstance i : page.dbInstances()) {
                if (i.dbClusterIdentifier() == null) {
                    all.add(new Database(Database.Kind.RDS_INSTANCE, i.dbInstanceIdentifier(), i.engine(),
                            i.endpoint() == null ? "" : i.endpoint().address(), port(i.endpoint() == null ? null : i.endpoint().port()),
                            i.dbInstanceStatus(), i.dbName(), i.masterUsername()));
                }
            }
            marker = page.marker();
        } while (marker != null && !marker.isEmpty() && !cancelled.getAsBoolean());
        return all;
    }

    /** Aurora, Multi-AZ and DocumentDB clusters; Neptune's (a graph database no secret template serves) are left out. */
    private List<Database> clusters(BooleanSupplier cancelled) {
        List<Database> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeDbClustersResponse page = clients.rds().describeDBClusters(b -> b.maxRecords(RDS_PAGE_SIZE).marker(m));
            for (DBCluster c : page.dbClusters()) {
                if ("neptune".equalsIgnoreCase(c.engine())) {
                    continue;
                }
                all.add(new Database(Database.clusterKind(c.engine()), c.dbClusterIdentifier(), c.engine(), c.endpoint(),
                        port(c.port()), c.status(), c.databaseName(), c.masterUsername()));
            }
            marker = page.marker();
        } while (marker != null && !marker.isEmpty() && !cancelled.getAsBoolean());
        return all;
    }

    private List<Database> redshiftClusters(BooleanSupplier cancelled) {
        List<Database> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeClustersResponse page = clients.redshift().describeClusters(b -> b.maxRecords(REDSHIFT_PAGE_SIZE).marker(m));
            for (Cluster c : page.clusters()) {
                all.add(new Database(Database.Kind.REDSHIFT_CLUSTER, c.clusterIdentifier(), "redshift",
                        c.endpoint() == null ? "" : c.endpoint().address(), port(c.endpoint() == null ? null : c.endpoint().port()),
                        c.clusterStatus(), c.dbName(), c.masterUsername()));
            }
            marker = page.marker();
        } while (marker != null && !marker.isEmpty() && !cancelled.getAsBoolean());
        return all;
    }

    private static int port(Integer port) {
        return port == null ? 0 : port;
    }
}
