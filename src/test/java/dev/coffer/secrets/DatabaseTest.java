package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a listed database means for a database secret: its template, its endpoint and the name offered. */
class DatabaseTest {

    private static Database cluster(String engine) {
        return new Database(Database.clusterKind(engine), "c1", engine, "c1.cluster-x.eu-west-1.rds.amazonaws.com", 27017,
                "available", "", "admin");
    }

    @Test
    void documentDbClustersListedByRdsAreDocumentDbWithTheMongoTemplate() {
        // moto refuses CreateDBCluster with engine docdb, so this mapping is proved here, not against moto.
        Database docs = cluster("docdb");
        assertThat(docs.kind()).isEqualTo(Database.Kind.DOCUMENTDB_CLUSTER);
        assertThat(docs.template()).contains(DatabaseTemplate.DOCUMENTDB);
        assertThat(docs.proposedSecretName("")).isEqualTo("docdb/c1/admin");
    }

    @Test
    void eachEngineGetsTheTemplateItsRotationFunctionReads() {
        assertThat(cluster("aurora-postgresql").template()).contains(DatabaseTemplate.AURORA_POSTGRESQL);
        assertThat(cluster("aurora-mysql").kind()).isEqualTo(Database.Kind.AURORA_CLUSTER);
        assertThat(cluster("postgres").kind()).isEqualTo(Database.Kind.RDS_CLUSTER);
        assertThat(new Database(Database.Kind.RDS_INSTANCE, "o", "oracle-ee", "h", 1521, "", "", "").template())
                .contains(DatabaseTemplate.RDS_ORACLE);
        assertThat(new Database(Database.Kind.RDS_INSTANCE, "s", "sqlserver-se", "h", 1433, "", "", "").template())
                .contains(DatabaseTemplate.RDS_SQLSERVER);
        assertThat(new Database(Database.Kind.RDS_INSTANCE, "d", "db2-se", "h", 50000, "", "", "").template()).isEmpty();
    }

    @Test
    void aSecretPointsAtTheDatabaseWhoseHostAndPortItNames() {
        Database orders = new Database(Database.Kind.RDS_INSTANCE, "orders", "postgres", "orders.abc.eu-west-1.rds.amazonaws.com",
                5432, "available", "orders", "admin");
        assertThat(orders.serves("ORDERS.abc.eu-west-1.rds.amazonaws.com", 5432)).isTrue();
        assertThat(orders.serves("orders.abc.eu-west-1.rds.amazonaws.com", 0)).isTrue();
        assertThat(orders.serves("orders.abc.eu-west-1.rds.amazonaws.com", 5433)).isFalse();
        assertThat(orders.serves("other.abc.eu-west-1.rds.amazonaws.com", 5432)).isFalse();
        assertThat(orders.proposedSecretName("app_user")).isEqualTo("rds/orders/app_user");
        assertThat(new Database(Database.Kind.RDS_INSTANCE, "new", "postgres", "", 0, "creating", "", "").serves("", 0))
                .as("a database AWS is still creating has no endpoint to point at").isFalse();
        assertThat(DatabaseTemplate.endpoint(SecretContent.parse("{\"host\":\" db.internal \",\"port\":\"x\"}")))
                .contains(new DatabaseTemplate.Endpoint("db.internal", 0));
        assertThat(DatabaseTemplate.endpoint(SecretContent.parse("just text"))).isEqualTo(Optional.empty());
    }
}
