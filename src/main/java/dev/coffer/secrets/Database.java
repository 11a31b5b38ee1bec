package dev.coffer.secrets;

import java.util.Locale;
import java.util.Optional;

/**
 * A database of the account that a database secret can point at, as RDS (DB instances, Aurora,
 * Multi-AZ and DocumentDB clusters) and Redshift list it.
 *
 * @param host           the endpoint's address; empty while AWS is still creating it
 * @param port           the endpoint's port; 0 when AWS does not say yet
 * @param dbname         the database created with it (DBName, DatabaseName); empty when none was
 * @param masterUsername the administrator user it was created with; empty when AWS does not say
 */
public record Database(Kind kind, String identifier, String engine, String host, int port, String status,
                       String dbname, String masterUsername) {

    /** Where the database comes from, as the picker names it. */
    public enum Kind {
        RDS_INSTANCE("RDS DB instance", "rds"),
        AURORA_CLUSTER("Aurora cluster", "rds"),
        RDS_CLUSTER("RDS Multi-AZ DB cluster", "rds"),
        DOCUMENTDB_CLUSTER("DocumentDB cluster", "docdb"),
        REDSHIFT_CLUSTER("Redshift cluster", "redshift");

        private final String label;
        private final String namePrefix;

        Kind(String label, String namePrefix) {
            this.label = label;
            this.namePrefix = namePrefix;
        }

        public String label() {
            return label;
        }
    }

    public Database {
        host = host == null ? "" : host;
        status = status == null ? "" : status;
        dbname = dbname == null ? "" : dbname;
        masterUsername = masterUsername == null ? "" : masterUsername;
        engine = engine == null ? "" : engine;
    }

    /** The kind a cluster of RDS's DescribeDBClusters is, by its engine. */
    public static Kind clusterKind(String engine) {
        String e = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
        if (e.equals("docdb")) {
            return Kind.DOCUMENTDB_CLUSTER;
        }
        return e.startsWith("aurora") ? Kind.AURORA_CLUSTER : Kind.RDS_CLUSTER;
    }

    /**
     * The database secret template of this engine: the rotation functions' engine names
     * (postgres, mysql, mariadb, oracle, sqlserver, mongo, redshift). Empty for engines no
     * Secrets Manager rotation function serves (Neptune, Db2, RDS Custom's own editions).
     */
    public Optional<DatabaseTemplate> template() {
        String e = engine.toLowerCase(Locale.ROOT);
        if (kind == Kind.REDSHIFT_CLUSTER) {
            return Optional.of(DatabaseTemplate.REDSHIFT);
        }
        if (kind == Kind.DOCUMENTDB_CLUSTER) {
            return Optional.of(DatabaseTemplate.DOCUMENTDB);
        }
        if (e.equals("aurora-postgresql")) {
            return Optional.of(DatabaseTemplate.AURORA_POSTGRESQL);
        }
        if (e.equals("aurora-mysql") || e.equals("aurora")) {
            return Optional.of(DatabaseTemplate.AURORA_MYSQL);
        }
        if (e.equals("postgres")) {
            return Optional.of(DatabaseTemplate.RDS_POSTGRESQL);
        }
        if (e.equals("mysql")) {
            return Optional.of(DatabaseTemplate.RDS_MYSQL);
        }
        if (e.equals("mariadb")) {
            return Optional.of(DatabaseTemplate.RDS_MARIADB);
        }
        if (e.startsWith("oracle-")) {
            return Optional.of(DatabaseTemplate.RDS_ORACLE);
        }
        if (e.startsWith("sqlserver-")) {
            return Optional.of(DatabaseTemplate.RDS_SQLSERVER);
        }
        return Optional.empty();
    }

    /** Whether a secret's host and port point at this database (host names ignore case; port 0 matches any port). */
    public boolean serves(String secretHost, int secretPort) {
        return !host.isEmpty() && host.equalsIgnoreCase(secretHost.trim()) && (secretPort == 0 || port == 0 || port == secretPort);
    }

    /**
     * The name the picker proposes for the secret: {@code rds/orders-db/app_user} (service,
     * identifier, user), one secret per user of a database, grouped by database, with the
     * master user when no user is typed yet. The RDS console's Secrets Manager integration names
     * its own secrets {@code rds!db-<id>}; those are managed by RDS, so Coffer does not copy that.
     */
    public String proposedSecretName(String user) {
        String who = user == null || user.isBlank() ? masterUsername : user.trim();
        return kind.namePrefix + "/" + identifier + (who.isEmpty() ? "" : "/" + who);
    }
}
