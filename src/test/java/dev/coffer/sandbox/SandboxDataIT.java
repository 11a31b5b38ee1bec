package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.compare.CompareOptions;
import dev.coffer.compare.Comparer;
import dev.coffer.compare.Comparison;
import dev.coffer.compare.Row;
import dev.coffer.compare.Side;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.sandbox.SandboxData.Inventory;
import dev.coffer.sandbox.SandboxData.ParameterEntry;
import dev.coffer.sandbox.SandboxData.SecretEntry;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.SecretValue;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/** Seeds the freshly reset test moto once, then checks the result through the SDK and the services. */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxDataIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Inventory inventory = SandboxData.inventory();
    private ClientFactory clients;
    private ParameterStore parameters;
    private SecretStore secrets;
    private Map<String, Long> seedCalls;
    private Map<String, Parameter> listed;

    @BeforeAll
    void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        // As the sandbox does: first reads load moto's service code and the SDK's classes (not part of the seed).
        Sandbox.warmUp(clients);
        clients.calls().reset();
        SandboxData.seed(clients);
        seedCalls = clients.calls().snapshot();
        parameters = new ParameterStore(clients);
        secrets = new SecretStore(clients);
        listed = new HashMap<>();
        parameters.listAll(page -> page.forEach(p -> listed.put(p.name(), p)), () -> false);
    }

    @AfterAll
    void close() {
        clients.close();
    }

    /**
     * The sandbox opens as fast as moto takes its calls, so the seed is bounded by its calls, not
     * by a time that depends on how busy the machine is: one PutParameter per version it makes,
     * and little else.
     */
    @Test
    void seedingSendsOnePutPerVersionAndFewOtherCalls() {
        long versions = inventory.parameterEntries().stream().mapToLong(ParameterEntry::versions).sum();
        long all = seedCalls.values().stream().mapToLong(Long::longValue).sum();
        assertThat(seedCalls.get("PutParameter")).isEqualTo(versions);
        assertThat(all - versions).as("calls other than PutParameter: %s", seedCalls).isLessThan(50);
    }

    @Test
    void everyPlannedParameterExistsWithItsMetadataAndNoOther() {
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(inventory.parameters());
        for (ParameterEntry entry : inventory.parameterEntries()) {
            Parameter p = listed.get(entry.name());
            assertThat(p.type()).as(entry.name()).isEqualTo(entry.type());
            assertThat(p.dataType()).as(entry.name()).isEqualTo(entry.dataType());
            assertThat(p.tier()).as(entry.name()).isEqualTo(entry.tier());
            assertThat(p.version()).as(entry.name()).isEqualTo(entry.versions());
            assertThat(p.description()).as(entry.name()).isEqualTo(entry.description());
            assertThat(p.policiesJson()).as("no parameter policies (moto mis-serialises them)").isEmpty();
            if (entry.isSecure()) {
                assertThat(p.keyId()).as(entry.name()).isEqualTo(entry.keyId());
            }
        }
        Map<String, SecretText> values = parameters.values(inventory.parameters());
        for (ParameterEntry entry : inventory.parameterEntries()) {
            entry.value().ifPresent(v -> assertThat(values.get(entry.name()).reveal()).as(entry.name()).isEqualTo(v));
        }
    }

    @Test
    void theInventoryCoversTheStrategy() {
        assertThat(inventory.goldenAmiParameters()).contains("/golden-ami/al2023/dev", "/golden-ami/al2023/staging",
                "/golden-ami/al2023/prod");
        assertThat(inventory.folders()).contains("/golden-ami", "/automation/cloudformation/network", "/automation/patching",
                "/automation/backup", "/apps/billing/prod", "/apps/orders/staging", "/apps/portal/dev");
        assertThat(inventory.parameterEntries()).extracting(ParameterEntry::type)
                .contains(ParameterType.STRING, ParameterType.STRING_LIST, ParameterType.SECURE_STRING);
        assertThat(inventory.appKeyParameters()).isNotEmpty();
        assertThat(inventory.secureParameters()).hasSizeGreaterThan(inventory.appKeyParameters().size());
        assertThat(inventory.advancedParameters()).containsExactly("/apps/billing/prod/config", SandboxData.CHECKOUT_PROD + "/tax-rules");
        assertThat(inventory.taggedParameters()).hasSizeGreaterThan(5);
        assertThat(inventory.databaseSecrets()).hasSize(6);
        assertThat(inventory.secrets()).hasSize(9);
        assertThat(inventory.appKeySecrets()).isNotEmpty();
        assertThat(inventory.rotatedSecrets()).isNotEmpty();
        assertThat(inventory.secretEntries()).extracting(e -> e.engine().orElse("text"))
                .contains("postgres", "mysql", "redshift", "mongo", "text");
    }

    @Test
    void everyFolderHoldsParameters() {
        for (String folder : inventory.folders()) {
            var found = clients.ssm().describeParameters(b -> b.parameterFilters(
                    ParameterStringFilter.builder().key("Path").option("Recursive").values(folder).build())).parameters();
            assertThat(found).as(folder).isNotEmpty();
        }
    }

    @Test
    void goldenAmiParametersPointAtImagesOwnedByTheAccount() {
        Map<String, Image> images = clients.ec2().describeImages(b -> b.owners("self")).images().stream()
                .collect(Collectors.toMap(Image::imageId, Function.identity()));
        assertThat(images.values()).extracting(Image::name).containsExactlyInAnyOrderElementsOf(inventory.imageNames());
        assertThat(images.values()).allSatisfy(i -> {
            assertThat(i.ownerId()).isEqualTo(SandboxData.ACCOUNT);
            assertThat(i.description()).isNotBlank();
        });

        for (String name : inventory.goldenAmiParameters()) {
            assertThat(listed.get(name).dataType()).isEqualTo(ParameterDataType.EC2_IMAGE);
            List<ParameterHistory> history = history(name);
            for (ParameterHistory version : history) {
                assertThat(version.value()).startsWith("ami-");
                assertThat(images).as(name + " v" + version.version()).containsKey(version.value());
                // DescribeImages finds it by id too, as the golden AMI wizard will ask.
                assertThat(clients.ec2().describeImages(b -> b.imageIds(version.value())).images()).hasSize(1);
            }
            String current = parameters.value(name).reveal();
            assertThat(parameters.value(name + ":" + SandboxData.LABEL_GOLDEN).reveal()).isEqualTo(current);
            if (history.size() > 1) {
                assertThat(parameters.value(name + ":" + SandboxData.LABEL_PREVIOUS).reveal())
                        .isEqualTo(history.get(history.size() - 2).value());
            }
        }
        // Prod runs one build behind dev: prod's golden image is dev's previous one.
        assertThat(parameters.value("/golden-ami/al2023/prod").reveal())
                .isEqualTo(parameters.value("/golden-ami/al2023/dev:previous").reveal());
        assertThat(images.get(parameters.value("/golden-ami/al2023-arm64/dev").reveal()).architectureAsString()).isEqualTo("arm64");
        assertThat(images.get(parameters.value("/golden-ami/al2023/dev").reveal()).architectureAsString()).isEqualTo("x86_64");
    }

    @Test
    void theImageBuildersAreTerminated() {
        var instances = clients.ec2().describeInstances().reservations().stream().flatMap(r -> r.instances().stream()).toList();
        assertThat(instances).isNotEmpty().allSatisfy(i -> assertThat(i.state().name()).isEqualTo(InstanceStateName.TERMINATED));
    }

    @Test
    void versionsAndLabelsAreWhereTheInventorySays() {
        assertThat(inventory.labelledParameters()).contains("/apps/billing/prod/feature-flags");
        assertThat(inventory.parameterEntries()).anySatisfy(p -> {
            assertThat(p.name()).startsWith("/apps/");
            assertThat(p.versions()).isGreaterThan(1);
            assertThat(p.labels()).isNotEmpty();
        });
        for (ParameterEntry entry : inventory.parameterEntries()) {
            if (entry.versions() == 1 && entry.labels().isEmpty()) {
                continue;
            }
            List<ParameterHistory> history = history(entry.name());
            assertThat(history).as(entry.name()).hasSize(entry.versions());
            Map<String, Integer> labels = new HashMap<>();
            history.forEach(h -> h.labels().forEach(label -> labels.put(label, h.version().intValue())));
            assertThat(labels).as(entry.name()).isEqualTo(entry.labels());
        }
    }

    @Test
    void secureStringsDecryptWithTheirKeys() {
        var key = clients.kms().describeKey(b -> b.keyId(SandboxData.APP_KEY_ALIAS)).keyMetadata();
        assertThat(key.description()).isEqualTo(SandboxData.APP_KEY_DESCRIPTION);
        assertThat(clients.kms().listAliases().aliases()).anySatisfy(a -> {
            assertThat(a.aliasName()).isEqualTo(SandboxData.APP_KEY_ALIAS);
            assertThat(a.targetKeyId()).isEqualTo(key.keyId());
        });

        Set<String> seen = new HashSet<>();
        for (String name : inventory.secureParameters()) {
            String decrypted = parameters.value(name).reveal();
            String raw = clients.ssm().getParameter(b -> b.name(name).withDecryption(false)).parameter().value();
            assertThat(decrypted).as(name).hasSizeGreaterThanOrEqualTo(40).doesNotStartWith("kms:");
            assertThat(raw).as("without decryption " + name).isNotEqualTo(decrypted);
            assertThat(seen.add(decrypted)).as("generated values differ").isTrue();
        }
        for (String name : inventory.appKeyParameters()) {
            assertThat(listed.get(name).keyId()).contains(SandboxData.APP_KEY_ALIAS);
        }
    }

    @Test
    void theAdvancedParameterHoldsJsonBiggerThanTheStandardLimit() throws Exception {
        // The checkout's tax rules are Advanced only in production, a tier to compare: they fit Standard.
        for (String name : List.of("/apps/billing/prod/config")) {
            assertThat(listed.get(name).tier()).isEqualTo(ParameterTier.ADVANCED);
            String value = parameters.value(name).reveal();
            assertThat(value.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4096).isLessThanOrEqualTo(8192);
            assertThat(JSON.readTree(value).get("service").asText()).isEqualTo("billing");
        }
    }

    @Test
    void parametersCarryTheirTags() {
        for (ParameterEntry entry : inventory.parameterEntries()) {
            assertThat(parameters.tags(entry.name())).as(entry.name()).containsExactlyInAnyOrderElementsOf(entry.tags());
        }
        assertThat(inventory.parameter("/apps/billing/prod/log-level").tags())
                .extracting(Tag::key).contains("Team", "Environment", "CostCenter");
    }

    @Test
    void everySecretExistsWithDescriptionTagsAndKey() {
        List<Secret> all = new ArrayList<>();
        secrets.listAll(all::addAll, () -> false);
        assertThat(all).extracting(Secret::name).containsExactlyInAnyOrderElementsOf(inventory.secrets());
        for (SecretEntry entry : inventory.secretEntries()) {
            Secret s = secrets.describe(entry.name());
            assertThat(s.description()).contains(entry.description());
            assertThat(s.tags()).as(entry.name()).containsExactlyInAnyOrderElementsOf(entry.tags());
            assertThat(s.tags()).extracting(Tag::key).contains("Team", "Environment", "Application");
            assertThat(s.kmsKeyId()).as(entry.name()).isEqualTo(entry.kmsKeyId());
        }
        assertThat(secrets.describe("billing/prod/postgres").kmsKeyId()).contains(SandboxData.APP_KEY_ALIAS);
    }

    @Test
    void databaseSecretsHaveTheShapeRotationFunctionsExpect() throws Exception {
        Set<String> passwords = new HashSet<>();
        for (String name : inventory.databaseSecrets()) {
            SecretEntry entry = inventory.secret(name);
            SecretValue value = secrets.value(name);
            assertThat(value.isBinary()).isFalse();
            JsonNode json = JSON.readTree(value.text().orElseThrow().reveal());
            for (String field : SandboxData.DATABASE_SECRET_FIELDS) {
                assertThat(json.hasNonNull(field)).as(name + " has " + field).isTrue();
            }
            assertThat(json.get("engine").asText()).isEqualTo(entry.engine().orElseThrow());
            assertThat(json.get("host").asText()).isEqualTo(entry.host().orElseThrow());
            assertThat(json.get("port").isInt()).as("port is a number").isTrue();
            assertThat(json.get("port").asInt()).isEqualTo(entry.port().orElseThrow());
            assertThat(json.get("password").asText()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(passwords.add(json.get("password").asText())).as("passwords differ").isTrue();
        }
        assertThat(inventory.secret("billing/prod/postgres").host()).contains("billing-prod.cluster-c9akciq32.us-east-1.rds.amazonaws.com");
        assertThat(inventory.secret("analytics/prod/redshift").port()).contains(5439);
        assertThat(inventory.secret("catalog/prod/documentdb").port()).contains(27017);
        assertThat(inventory.secret("inventory/prod/mysql-ec2").host().orElseThrow()).matches("10\\.\\d+\\.\\d+\\.\\d+");

        SecretValue apiKey = secrets.value("shipping/prod/carrier-api-key");
        assertThat(apiKey.text().orElseThrow().reveal()).startsWith("sbx_").doesNotContain("{");
    }

    @Test
    void rotatedSecretsKeepTheirPreviousValue() throws Exception {
        for (String name : inventory.rotatedSecrets()) {
            List<SecretVersionsListEntry> versions = clients.secretsManager().listSecretVersionIds(b -> b.secretId(name)).versions();
            assertThat(versions).as(name).hasSize(inventory.secret(name).versions());
            assertThat(versions).anySatisfy(v -> assertThat(v.versionStages()).containsExactly("AWSCURRENT"));
            assertThat(versions).anySatisfy(v -> assertThat(v.versionStages()).containsExactly("AWSPREVIOUS"));
            String current = clients.secretsManager().getSecretValue(b -> b.secretId(name)).secretString();
            String previous = clients.secretsManager().getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString();
            assertThat(previous).isNotEqualTo(current);
        }
        JsonNode current = JSON.readTree(secrets.value("billing/prod/postgres").text().orElseThrow().reveal());
        JsonNode previous = JSON.readTree(clients.secretsManager()
                .getSecretValue(b -> b.secretId("billing/prod/postgres").versionStage("AWSPREVIOUS")).secretString());
        assertThat(previous.get("host")).isEqualTo(current.get("host"));
        assertThat(previous.get("password")).isNotEqualTo(current.get("password"));
    }

    @Test
    void bootstrapParametersReferToSeededSecrets() {
        String secretName = parameters.value("/apps/billing/prod/database-secret").reveal();
        assertThat(inventory.secrets()).contains(secretName);
        String viaParameterStore = parameters.value("/aws/reference/secretsmanager/" + secretName).reveal();
        assertThat(viaParameterStore).isEqualTo(secrets.value(secretName).text().orElseThrow().reveal());
    }

    private List<ParameterHistory> history(String name) {
        List<ParameterHistory> all = new ArrayList<>();
        clients.ssm().getParameterHistoryPaginator(b -> b.name(name).maxResults(50)).forEach(page -> all.addAll(page.parameters()));
        all.sort((a, b) -> Long.compare(a.version(), b.version()));
        return all;
    }

    /** The staging and production checkout differ in what a release review looks for, so Compare has something to show. */
    @Test
    void stagingAndProductionCheckoutDifferInAFewValuesATagATierAMissingParameterAndOneSecretKey() throws Exception {
        Comparison c = Comparer.compare(
                new Side.Live(clients, Optional.of(SandboxData.CHECKOUT_STAGING), Optional.of(SandboxData.CHECKOUT_STAGING_SECRETS)),
                new Side.Live(clients, Optional.of(SandboxData.CHECKOUT_PROD), Optional.of(SandboxData.CHECKOUT_PROD_SECRETS)),
                new CompareOptions(true, true), m -> { }, () -> false);

        Map<String, String> seen = new TreeMap<>();
        for (Row r : c.rows()) {
            seen.put(r.kind().jsonName() + " " + r.name(), r.status().jsonName() + " " + r.differences());
        }
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of(
                "parameter api-url", "different [value]",
                "parameter request-timeout-ms", "same []",
                "parameter max-retries", "different [value]",
                "parameter payment-methods", "different [tags (ChangeTicket)]",
                "parameter tax-rules", "different [tier (Standard → Advanced)]",
                "parameter debug-endpoint", "only_left []",
                "parameter webhook-signing-key", "different [value]",
                "secret payment-provider", "different [value (values differ: secret_key), tags (Environment)]"));
    }
}
