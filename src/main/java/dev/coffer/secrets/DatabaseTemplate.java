package dev.coffer.secrets;

import dev.coffer.aws.SecretText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key/value shapes of database secrets, as the AWS rotation functions (the
 * SecretsManager*RotationSingleUser / MultiUser templates) read them: {@code engine},
 * {@code host}, {@code port}, {@code username}, {@code password}, {@code dbname}. The password
 * and host are left empty for the user (or a generated password) to fill in; the port is the
 * engine's default and is written as a JSON number.
 */
public enum DatabaseTemplate {

    RDS_POSTGRESQL("Amazon RDS for PostgreSQL", "postgres", 5432, "postgres"),
    RDS_MYSQL("Amazon RDS for MySQL", "mysql", 3306, ""),
    RDS_MARIADB("Amazon RDS for MariaDB", "mariadb", 3306, ""),
    RDS_ORACLE("Amazon RDS for Oracle", "oracle", 1521, "ORCL"),
    RDS_SQLSERVER("Amazon RDS for SQL Server", "sqlserver", 1433, "master"),
    AURORA_POSTGRESQL("Amazon Aurora PostgreSQL", "postgres", 5432, "postgres"),
    AURORA_MYSQL("Amazon Aurora MySQL", "mysql", 3306, ""),
    DOCUMENTDB("Amazon DocumentDB", "mongo", 27017, ""),
    REDSHIFT("Amazon Redshift", "redshift", 5439, "dev"),
    /** A database the user runs (on EC2 or elsewhere): every field is left to fill in. */
    EC2_DATABASE("Other database (e.g. on EC2)", "", 0, "");

    /** The fields rotation functions read, in the order the templates write them. */
    public static final List<String> ROTATION_FIELDS = List.of("engine", "host", "port", "username", "password", "dbname");

    private final String displayName;
    private final String engine;
    private final int defaultPort;
    private final String defaultDbname;

    DatabaseTemplate(String displayName, String engine, int defaultPort, String defaultDbname) {
        this.displayName = displayName;
        this.engine = engine;
        this.defaultPort = defaultPort;
        this.defaultDbname = defaultDbname;
    }

    public String displayName() {
        return displayName;
    }

    /** The {@code engine} value rotation functions expect ("postgres", "mysql", "mongo", "redshift", ...); "" for {@link #EC2_DATABASE}. */
    public String engine() {
        return engine;
    }

    /** The engine's default port; 0 for {@link #EC2_DATABASE}. */
    public int defaultPort() {
        return defaultPort;
    }

    /** engine, host, port, username, password (empty), dbname, with this engine's defaults. */
    public List<Map.Entry<String, String>> fields() {
        return List.of(
                Map.entry("engine", engine),
                Map.entry("host", ""),
                Map.entry("port", defaultPort == 0 ? "" : String.valueOf(defaultPort)),
                Map.entry("username", ""),
                Map.entry("password", ""),
                Map.entry("dbname", defaultDbname));
    }

    /** {@link #fields()} as key/value content (the port is written as a JSON number). */
    public SecretContent.KeyValues content() {
        return SecretContent.KeyValues.ofText(fields());
    }

    @Override
    public String toString() {
        return displayName;
    }

    /**
     * Which of engine, host, port, username, password and dbname a secret lacks or has empty, in
     * that order. Key/value content is read directly; text is read as a JSON object when it is one
     * (nested values allowed); binary content and other text lack all six. Keys are compared
     * exactly (rotation functions read lowercase keys).
     */
    public static List<String> missingRotationFields(SecretContent content) {
        Set<String> present = new LinkedHashSet<>();
        if (content instanceof SecretContent.KeyValues kv) {
            for (SecretContent.Field f : kv.fields()) {
                if (!f.value().reveal().isBlank()) {
                    present.add(f.key());
                }
            }
        } else if (content instanceof SecretContent.Text text) {
            present.addAll(SecretJson.nonBlankTopLevelKeys(text.text().reveal()));
        }
        List<String> missing = new ArrayList<>();
        for (String field : ROTATION_FIELDS) {
            if (!present.contains(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** Where a database secret points: its host and port (0 when it names none or not a number). */
    public record Endpoint(String host, int port) {

        /** host:port as messages say it. */
        public String text() {
            return port == 0 ? host : host + ":" + port;
        }
    }

    /**
     * The host and port a key/value secret names, when it names a host; a secret of other content
     * (plain text that is not a flat JSON object, binary) names none.
     */
    public static Optional<Endpoint> endpoint(SecretContent content) {
        if (!(content instanceof SecretContent.KeyValues kv)) {
            return Optional.empty();
        }
        String host = kv.get("host").map(SecretText::reveal).map(String::trim).orElse("");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(kv.get("port").map(SecretText::reveal).map(String::trim).orElse("0"));
        } catch (NumberFormatException notANumber) {
            port = 0;
        }
        return Optional.of(new Endpoint(host, port));
    }

    /** The template whose engine a key/value secret names, if any (the first one for shared engines). */
    public static Optional<DatabaseTemplate> forEngine(String engine) {
        for (DatabaseTemplate t : values()) {
            if (!t.engine.isEmpty() && t.engine.equals(engine)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
