package dev.coffer.kms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** {@link KeyCatalog} against moto: customer keys in every state, and the AWS managed defaults. */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyCatalogIT {

    private MotoServer moto;
    private ClientFactory admin;
    private String appKey;
    private String disabledKey;
    private String doomedKey;
    private String plainKey;
    private String signingKey;

    @BeforeAll
    void createKeys(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        appKey = admin.kms().createKey(b -> b.description("Application secrets")).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName("alias/zz-app-second").targetKeyId(appKey));
        admin.kms().createAlias(b -> b.aliasName("alias/app-secrets").targetKeyId(appKey));
        disabledKey = admin.kms().createKey(b -> b.description("Switched off")).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName("alias/disabled-key").targetKeyId(disabledKey));
        admin.kms().disableKey(b -> b.keyId(disabledKey));
        doomedKey = admin.kms().createKey(b -> b.description("On its way out")).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName("alias/Doomed").targetKeyId(doomedKey));
        admin.kms().scheduleKeyDeletion(b -> b.keyId(doomedKey).pendingWindowInDays(7));
        plainKey = admin.kms().createKey(b -> b.description("No alias")).keyMetadata().keyId();
        signingKey = admin.kms().createKey(b -> b.description("Signs things").keySpec(KeySpec.RSA_2048)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName("alias/signing").targetKeyId(signingKey));
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @Test
    void listsCustomerKeysInEveryStateAndTheAwsManagedDefaults() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<KmsKey> keys = new KeyCatalog(reader).list();

            KmsKey ssm = byLabel(keys, "alias/aws/ssm");
            assertThat(ssm.awsManaged()).isTrue();
            assertThat(ssm.usable()).isTrue();
            assertThat(ssm.reference()).isEqualTo("alias/aws/ssm");
            KmsKey secretsManager = byLabel(keys, "alias/aws/secretsmanager");
            assertThat(secretsManager.awsManaged()).isTrue();
            assertThat(secretsManager.usable()).isTrue();

            KmsKey app = byLabel(keys, "alias/app-secrets");
            assertThat(app.keyId()).isEqualTo(appKey);
            assertThat(app.aliases()).containsExactly("alias/app-secrets", "alias/zz-app-second");
            assertThat(app.state()).isEqualTo("Enabled");
            assertThat(app.usable()).isTrue();
            assertThat(app.awsManaged()).isFalse();
            assertThat(app.description()).isEqualTo("Application secrets");
            assertThat(app.arn()).endsWith(":key/" + appKey);
            assertThat(app.reference()).isEqualTo(appKey);

            KmsKey disabled = byLabel(keys, "alias/disabled-key");
            assertThat(disabled.state()).isEqualTo("Disabled");
            assertThat(disabled.usable()).isFalse();
            KmsKey doomed = byLabel(keys, "alias/Doomed");
            assertThat(doomed.state()).isEqualTo("PendingDeletion");
            assertThat(doomed.usable()).isFalse();
            KmsKey plain = byLabel(keys, plainKey);
            assertThat(plain.aliases()).isEmpty();
            assertThat(plain.description()).isEqualTo("No alias");
            assertThat(plain.usable()).isTrue();

            // A signing key can not encrypt a SecureString or a secret.
            assertThat(keys).noneMatch(k -> k.keyId().equals(signingKey));
            assertThat(keys).extracting(KmsKey::keyId).doesNotHaveDuplicates();
        }
    }

    @Test
    void sortsAwsManagedDefaultsFirstThenByLabel() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<KmsKey> keys = new KeyCatalog(reader).list();
            int firstCustomer = 0;
            while (keys.get(firstCustomer).awsManaged()) {
                firstCustomer++;
            }
            assertThat(keys.subList(firstCustomer, keys.size())).noneMatch(KmsKey::awsManaged);
            assertThat(keys.subList(0, firstCustomer)).extracting(KmsKey::label).isSorted().contains("alias/aws/ssm", "alias/aws/secretsmanager");
            List<String> customerLabels = keys.subList(firstCustomer, keys.size()).stream().map(k -> k.label().toLowerCase()).toList();
            assertThat(customerLabels).isSorted();
            assertThat(keys.subList(firstCustomer, keys.size())).extracting(KmsKey::label).filteredOn(l -> l.startsWith("alias/"))
                    .containsExactly("alias/app-secrets", "alias/disabled-key", "alias/Doomed");

            assertThat(KeyCatalog.forService(keys, "ssm")).filteredOn(KmsKey::awsManaged).extracting(KmsKey::label)
                    .containsExactly("alias/aws/ssm");
            assertThat(KeyCatalog.forService(keys, "secretsmanager")).filteredOn(KmsKey::awsManaged).extracting(KmsKey::label)
                    .containsExactly("alias/aws/secretsmanager");
            assertThat(KeyCatalog.forService(keys, "ssm")).filteredOn(k -> !k.awsManaged()).hasSize(keys.size() - firstCustomer);
        }
    }

    @Test
    void asksForTheLargestPagesAndDescribesOnlyCustomerKeys() throws Exception {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            Moto.startRecording(moto);
            new KeyCatalog(reader).list();
            List<String> recorded = Moto.stopRecording(moto);
            assertThat(requests(recorded, "ListKeys")).singleElement()
                    .satisfies(body -> assertThat(body.path("Limit").asInt()).isEqualTo(KeyCatalog.KEYS_PAGE_SIZE));
            assertThat(requests(recorded, "ListAliases")).singleElement()
                    .satisfies(body -> assertThat(body.path("Limit").asInt()).isEqualTo(KeyCatalog.ALIASES_PAGE_SIZE));
            // appKey, disabledKey, doomedKey, plainKey and signingKey (plus keys other tests made before the reset: none)
            assertThat(reader.calls().count("DescribeKey")).isEqualTo(5);
        }
    }

    @Test
    void aKeyThatMatchesWhatParameterStoreReports() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<KmsKey> keys = new KeyCatalog(reader).list();
            assertThat(keys).filteredOn(k -> k.matches("alias/app-secrets")).extracting(KmsKey::keyId).containsExactly(appKey);
            assertThat(keys).filteredOn(k -> k.matches("alias/aws/ssm")).extracting(KmsKey::label).containsExactly("alias/aws/ssm");
        }
    }

    private static KmsKey byLabel(List<KmsKey> keys, String label) {
        return keys.stream().filter(k -> k.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError("not listed: " + label));
    }

    private static List<JsonNode> requests(List<String> recorded, String operation) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> bodies = new ArrayList<>();
        for (String line : recorded) {
            JsonNode request = json.readTree(line);
            if (!("TrentService." + operation).equals(request.path("headers").path("X-Amz-Target").asText())) {
                continue;
            }
            String body = request.path("body").asText();
            if (request.path("body_encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            bodies.add(json.readTree(body));
        }
        return bodies;
    }
}
