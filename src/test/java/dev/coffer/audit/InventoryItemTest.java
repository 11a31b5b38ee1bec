package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An inventory item is built by naming its fields; what is not named stays out of the JSON export. */
class InventoryItemTest {

    private static final AuditReport.ConnectionInfo PROD = new AuditReport.ConnectionInfo("prod-admin", "prod-admin", "eu-west-1",
            "", "111122223333", "arn:aws:sts::111122223333:assumed-role/Admin/me");
    private static final Instant CHANGED = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void aParameterIsBuiltByNameAndKnowsItsConnectionAndStore() {
        InventoryItem item = InventoryItem.parameter(PROD, "/app/db/host")
                .arn("arn:aws:ssm:eu-west-1:111122223333:parameter/app/db/host")
                .type("String").tier("Advanced").dataType("text")
                .lastModified(CHANGED).lastModifiedBy("me").versions(3)
                .valueBytes(12)
                .build();

        assertThat(item.connection()).isEqualTo("prod-admin");
        assertThat(item.account()).isEqualTo("111122223333");
        assertThat(item.region()).isEqualTo("eu-west-1");
        assertThat(item.store()).isEqualTo(RevealRecorder.PARAMETER_STORE);
        assertThat(item.isSecret()).isFalse();
        assertThat(item.name()).isEqualTo("/app/db/host");
        assertThat(item.tier()).isEqualTo("Advanced");
        assertThat(item.versions()).isEqualTo(3);
        assertThat(item.valueBytes()).isEqualTo(12);
        assertThat(item.kmsKey()).as("not named: not there").isNull();
        assertThat(item.labels()).isNull();
        assertThat(item.rotationEnabled()).isNull();
    }

    @Test
    void aSecretIsTypedSecretAndCarriesItsRotationAndLabels() {
        InventoryItem item = InventoryItem.secret(PROD, "prod/db")
                .arn("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf")
                .kmsKey("aws/secretsmanager").keyManager(InventoryItem.AWS_MANAGED)
                .labels(Map.of("v1", List.of("AWSCURRENT"))).tags(Map.of("Owner", "payments"))
                .rotationEnabled(true).rotationSchedule("every 30 days").rotationEveryDays(30)
                .replication("primary in eu-west-1; replicas: eu-central-1 InSync")
                .build();

        assertThat(item.isSecret()).isTrue();
        assertThat(item.type()).isEqualTo("Secret");
        assertThat(item.labels()).containsEntry("v1", List.of("AWSCURRENT"));
        assertThat(item.rotationEnabled()).isTrue();
        assertThat(item.rotationEveryDays()).isEqualTo(30);
        assertThat(item.replication()).endsWith("eu-central-1 InSync");
        assertThat(item.valueBytes()).isNull();
    }

    @Test
    void fieldsThatWereNotNamedAreLeftOutOfTheJson() {
        JsonNode json = new ObjectMapper().registerModule(new JavaTimeModule())
                .valueToTree(InventoryItem.parameter(PROD, "/app/flag").arn("arn").type("String").build());

        assertThat(json.has("name")).isTrue();
        assertThat(json.has("store")).isTrue();
        assertThat(json.has("kmsKey")).isFalse();
        assertThat(json.has("tags")).as("not collected is not \"none\"").isFalse();
        assertThat(json.has("valueBytes")).isFalse();
    }
}
