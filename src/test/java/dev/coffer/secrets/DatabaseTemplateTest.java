package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.secrets.SecretContent.KeyValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Database secret templates and the rotation-field check the rotation wizard reuses. */
class DatabaseTemplateTest {

    @Test
    void everyTemplateHasTheSixRotationFieldsInOrder() {
        for (DatabaseTemplate t : DatabaseTemplate.values()) {
            assertThat(t.fields()).as(t.name()).extracting(Map.Entry::getKey).containsExactlyElementsOf(DatabaseTemplate.ROTATION_FIELDS);
            assertThat(t.fields()).as(t.name()).filteredOn(e -> e.getKey().equals("password")).singleElement()
                    .satisfies(e -> assertThat(e.getValue()).isEmpty());
            assertThat(t.displayName()).isNotBlank();
        }
    }

    @Test
    void enginesAndDefaultPortsAreTheOnesRotationFunctionsExpect() {
        assertThat(DatabaseTemplate.RDS_POSTGRESQL.engine()).isEqualTo("postgres");
        assertThat(DatabaseTemplate.AURORA_POSTGRESQL.engine()).isEqualTo("postgres");
        assertThat(DatabaseTemplate.RDS_MYSQL.engine()).isEqualTo("mysql");
        assertThat(DatabaseTemplate.AURORA_MYSQL.engine()).isEqualTo("mysql");
        assertThat(DatabaseTemplate.DOCUMENTDB.engine()).isEqualTo("mongo");
        assertThat(DatabaseTemplate.REDSHIFT.engine()).isEqualTo("redshift");
        assertThat(DatabaseTemplate.RDS_POSTGRESQL.defaultPort()).isEqualTo(5432);
        assertThat(DatabaseTemplate.RDS_MYSQL.defaultPort()).isEqualTo(3306);
        assertThat(DatabaseTemplate.DOCUMENTDB.defaultPort()).isEqualTo(27017);
        assertThat(DatabaseTemplate.REDSHIFT.defaultPort()).isEqualTo(5439);
        assertThat(DatabaseTemplate.forEngine("redshift")).contains(DatabaseTemplate.REDSHIFT);
        assertThat(DatabaseTemplate.forEngine("")).isEmpty();
    }

    @Test
    void aTemplateIsWrittenWithThePortAsANumber() {
        assertThat(DatabaseTemplate.REDSHIFT.content().toSecretString())
                .isEqualTo("{\"engine\":\"redshift\",\"host\":\"\",\"port\":5439,\"username\":\"\",\"password\":\"\",\"dbname\":\"dev\"}");
    }

    @Test
    void missingRotationFieldsListsAbsentAndEmptyOnesInOrder() {
        KeyValues filled = KeyValues.ofText(java.util.List.of(Map.entry("engine", "mysql"), Map.entry("host", "db"),
                Map.entry("port", "3306"), Map.entry("username", "app"), Map.entry("password", "p"), Map.entry("dbname", "shop")));
        assertThat(DatabaseTemplate.missingRotationFields(filled)).isEmpty();

        assertThat(DatabaseTemplate.missingRotationFields(DatabaseTemplate.RDS_POSTGRESQL.content()))
                .containsExactly("host", "username", "password");
        assertThat(DatabaseTemplate.missingRotationFields(DatabaseTemplate.EC2_DATABASE.content()))
                .containsExactlyElementsOf(DatabaseTemplate.ROTATION_FIELDS);
        assertThat(DatabaseTemplate.missingRotationFields(SecretContent.parse("{\"Engine\":\"mysql\",\"host\":\" \",\"port\":5432}")))
                .containsExactly("engine", "host", "username", "password", "dbname");
        // text that is JSON with nested values is read too; null counts as missing
        assertThat(DatabaseTemplate.missingRotationFields(SecretContent.parse(
                "{\"engine\":\"mongo\",\"host\":\"h\",\"port\":27017,\"username\":\"u\",\"password\":\"p\",\"dbname\":null,\"opts\":{\"ssl\":true}}")))
                .containsExactly("dbname");
        assertThat(DatabaseTemplate.missingRotationFields(SecretContent.Text.of("not json"))).hasSize(6);
        assertThat(DatabaseTemplate.missingRotationFields(new SecretContent.Binary(new byte[] {1}))).hasSize(6);
    }
}
