package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Tag;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

/** {@link SecretStore} against moto, with more secrets than one ListSecrets page holds. */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretStoreIT {

    private static final int BULK = 130;
    private static final String KEY_ALIAS = "alias/secret-store-it";
    private static final String JSON_SECRET = "it/app/db";
    private static final String JSON_VALUE =
            "{\"engine\":\"postgres\",\"host\":\"db.internal\",\"port\":5432,\"username\":\"app\",\"password\":\"not-a-real-one\",\"dbname\":\"app\"}";
    private static final String BINARY_SECRET = "it/app/keystore";
    private static final byte[] BINARY_VALUE = new byte[300];
    private static final String DELETED_SECRET = "it/app/retired";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        for (int i = 0; i < BINARY_VALUE.length; i++) {
            BINARY_VALUE[i] = (byte) (i * 7);
        }
    }

    private MotoServer moto;
    private ClientFactory admin;
    private String keyArn;
    private final List<String> listedNames = new ArrayList<>();

    @BeforeAll
    void createSecrets(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        // One at a time: moto can answer 500 to concurrent CreateSecret calls.
        for (int i = 0; i < BULK; i++) {
            String name = String.format("bulk/secret-%03d", i);
            admin.secretsManager().createSecret(b -> b.name(name).secretString("bulk-value"));
            listedNames.add(name);
        }
        keyArn = admin.kms().createKey(b -> b.description("SecretStoreIT key")).keyMetadata().arn();
        admin.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(keyArn));
        admin.secretsManager().createSecret(b -> b.name(JSON_SECRET).secretString(JSON_VALUE)
                .description("Application database").kmsKeyId(KEY_ALIAS)
                .tags(t -> t.key("Team").value("payments"), t -> t.key("Environment").value("prod")));
        admin.secretsManager().createSecret(b -> b.name(BINARY_SECRET).secretBinary(SdkBytes.fromByteArray(BINARY_VALUE)));
        admin.secretsManager().createSecret(b -> b.name(DELETED_SECRET).secretString("old"));
        admin.secretsManager().deleteSecret(b -> b.secretId(DELETED_SECRET).recoveryWindowInDays(7L));
        listedNames.addAll(List.of(JSON_SECRET, BINARY_SECRET));
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @Test
    void listAllPagesAHundredAtATimeAndLeavesOutPlannedDeletions() throws Exception {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<Secret> all = new ArrayList<>();
            Moto.startRecording(moto);
            int pages = new SecretStore(reader).listAll(page -> {
                assertThat(page).hasSizeLessThanOrEqualTo(SecretStore.LIST_PAGE_SIZE);
                all.addAll(page);
            }, () -> false);
            List<String> recorded = Moto.stopRecording(moto);

            assertThat(all).extracting(Secret::name).containsExactlyInAnyOrderElementsOf(listedNames).doesNotContain(DELETED_SECRET);
            int expectedPages = (listedNames.size() + SecretStore.LIST_PAGE_SIZE - 1) / SecretStore.LIST_PAGE_SIZE;
            assertThat(pages).isEqualTo(expectedPages).isEqualTo(reader.calls().count("ListSecrets"));
            List<JsonNode> requests = requestsFor(recorded, "secretsmanager.ListSecrets");
            assertThat(requests).hasSize(pages)
                    .allSatisfy(body -> assertThat(body.path("MaxResults").asInt()).isEqualTo(SecretStore.LIST_PAGE_SIZE));
        }
    }

    @Test
    void cancellingStopsBetweenPages() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            AtomicBoolean cancelled = new AtomicBoolean();
            List<List<Secret>> delivered = new ArrayList<>();
            int pages = new SecretStore(reader).listAll(page -> {
                delivered.add(page);
                cancelled.set(true);
            }, cancelled::get);
            assertThat(pages).isEqualTo(1);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0)).hasSize(SecretStore.LIST_PAGE_SIZE);
            assertThat(reader.calls().count("ListSecrets")).isEqualTo(1);
        }
    }

    @Test
    void describeGivesDescriptionTagsKeyAndDates() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretStore store = new SecretStore(reader);
            Secret secret = store.describe(JSON_SECRET);
            assertThat(secret.name()).isEqualTo(JSON_SECRET);
            assertThat(secret.arn()).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + JSON_SECRET + "-");
            assertThat(secret.description()).contains("Application database");
            assertThat(secret.tags()).containsExactlyInAnyOrder(new Tag("Team", "payments"), new Tag("Environment", "prod"));
            assertThat(secret.kmsKeyId()).contains(KEY_ALIAS);
            assertThat(secret.kmsKeyLabel()).isEqualTo(KEY_ALIAS);
            assertThat(secret.created()).isPresent();
            assertThat(secret.rotationEnabled()).isFalse();
            assertThat(secret.scheduledForDeletion()).isFalse();

            Secret plain = store.describe(BINARY_SECRET);
            assertThat(plain.kmsKeyId()).isEmpty();
            assertThat(plain.kmsKeyLabel()).isEqualTo("aws/secretsmanager");
            assertThat(plain.tags()).isEmpty();

            Secret retired = store.describe(DELETED_SECRET);
            assertThat(retired.scheduledForDeletion()).isTrue();
        }
    }

    @Test
    void listedSecretsCarryTheSameMetadataAsDescribe() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretStore store = new SecretStore(reader);
            List<Secret> all = new ArrayList<>();
            store.listAll(all::addAll, () -> false);
            Secret listed = all.stream().filter(s -> s.name().equals(JSON_SECRET)).findFirst().orElseThrow();
            Secret described = store.describe(JSON_SECRET);
            assertThat(listed.arn()).isEqualTo(described.arn());
            assertThat(listed.kmsKeyId()).isEqualTo(described.kmsKeyId());
            assertThat(listed.tags()).containsExactlyInAnyOrderElementsOf(described.tags());
            assertThat(listed.description()).isEqualTo(described.description());
        }
    }

    @Test
    void textValuesComeBackWithTheirVersion() throws Exception {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretValue value = new SecretStore(reader).value(JSON_SECRET);
            assertThat(value.isBinary()).isFalse();
            assertThat(value.text()).isPresent();
            assertThat(JSON.readTree(value.text().get().reveal()).get("host").asText()).isEqualTo("db.internal");
            assertThat(value.versionId()).isNotBlank();
            assertThat(value.toString()).doesNotContain("not-a-real-one");
            String current = reader.secretsManager().describeSecret(b -> b.secretId(JSON_SECRET)).versionIdsToStages().entrySet().stream()
                    .filter(e -> e.getValue().contains("AWSCURRENT")).findFirst().orElseThrow().getKey();
            assertThat(value.versionId()).isEqualTo(current);
        }
    }

    @Test
    void binaryValuesGiveSizeAndHashNotBytes() throws Exception {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretValue value = new SecretStore(reader).value(BINARY_SECRET);
            assertThat(value.isBinary()).isTrue();
            assertThat(value.text()).isEmpty();
            assertThat(value.binarySize()).isEqualTo(BINARY_VALUE.length);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BINARY_VALUE));
            assertThat(value.binarySha256()).isEqualTo(sha256);
            assertThat(value.toString()).doesNotContain(Base64.getEncoder().encodeToString(BINARY_VALUE).substring(0, 12));
        }
    }

    @Test
    void aSecretScheduledForDeletionCannotBeRead() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            assertThatThrownBy(() -> new SecretStore(reader).value(DELETED_SECRET)).isInstanceOf(InvalidRequestException.class);
        }
    }

    static List<JsonNode> requestsFor(List<String> recorded, String target) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (String line : recorded) {
            JsonNode request = JSON.readTree(line);
            if (!target.equals(request.path("headers").path("X-Amz-Target").asText())) {
                continue;
            }
            String body = request.path("body").asText();
            if (request.path("body_encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            bodies.add(JSON.readTree(body));
        }
        return bodies;
    }
}
