package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ParameterStore} against moto. The whole account is created once for the class (moto is
 * reset before it), so listing tests know exactly which names must arrive.
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterStoreIT {

    private static final int BULK = 120;
    private static final String KEY_ALIAS = "alias/parameter-store-it";
    private static final String SECRET_NAME = "it/db/credentials";
    private static final String SECRET_VALUE = "{\"username\":\"it\",\"password\":\"not-a-real-password\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoServer moto;
    private ClientFactory admin;
    private final List<String> allNames = new ArrayList<>();
    private final List<String> bulkNames = new ArrayList<>();

    @BeforeAll
    void createParameters(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        for (int i = 0; i < BULK; i++) {
            String name = String.format("/bulk/app-%02d/param-%03d", i / 10, i);
            int n = i;
            admin.ssm().putParameter(b -> b.name(name).value("value-" + n).type("String"));
            bulkNames.add(name);
        }
        allNames.addAll(bulkNames);

        String keyId = admin.kms().createKey(b -> b.description("ParameterStoreIT key")).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(keyId));
        admin.ssm().putParameter(b -> b.name("/secure/default-key").value("default-key-plaintext").type("SecureString")
                .description("SecureString with alias/aws/ssm"));
        admin.ssm().putParameter(b -> b.name("/secure/custom-key").value("custom-key-plaintext").type("SecureString")
                .keyId(KEY_ALIAS));
        admin.ssm().putParameter(b -> b.name("/tagged/param").value("a,b,c").type("StringList")
                .tags(t -> t.key("Team").value("platform"), t -> t.key("Environment").value("prod")));
        admin.ssm().putParameter(b -> b.name("/versioned/param").value("one").type("String"));
        admin.ssm().putParameter(b -> b.name("/versioned/param").value("two").type("String").overwrite(true));
        admin.ssm().putParameter(b -> b.name("no-leading-slash").value("top").type("String"));
        allNames.addAll(List.of("/secure/default-key", "/secure/custom-key", "/tagged/param", "/versioned/param", "no-leading-slash"));

        admin.secretsManager().createSecret(b -> b.name(SECRET_NAME).secretString(SECRET_VALUE));
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @Test
    void listAllPagesThroughEveryParameterAskingFiftyAPage() throws Exception {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore store = new ParameterStore(reader);
            List<String> names = new ArrayList<>();
            AtomicInteger nonEmptyPages = new AtomicInteger();
            Moto.startRecording(moto);
            int pages = store.listAll(page -> {
                assertThat(page).hasSizeLessThanOrEqualTo(ParameterStore.LIST_PAGE_SIZE);
                nonEmptyPages.incrementAndGet();
                page.forEach(p -> names.add(p.name()));
            }, () -> false);
            List<String> recorded = Moto.stopRecording(moto);

            assertThat(names).containsExactlyInAnyOrderElementsOf(allNames);
            assertThat(pages).isEqualTo(reader.calls().count("DescribeParameters"))
                    .isGreaterThanOrEqualTo((allNames.size() + ParameterStore.LIST_PAGE_SIZE - 1) / ParameterStore.LIST_PAGE_SIZE);
            assertThat(nonEmptyPages.get()).isLessThanOrEqualTo(pages);

            // Every page request asked for the largest page AWS allows (moto answers 10 a page whatever is asked).
            List<JsonNode> requests = requestsFor(recorded, "AmazonSSM.DescribeParameters");
            assertThat(requests).hasSize(pages).allSatisfy(body ->
                    assertThat(body.path("MaxResults").asInt()).isEqualTo(ParameterStore.LIST_PAGE_SIZE));
            assertThat(requests.get(0).has("NextToken")).isFalse();
            assertThat(requests.subList(1, requests.size())).allSatisfy(body -> assertThat(body.has("NextToken")).isTrue());
        }
    }

    @Test
    void listAllMapsTheMetadata() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<Parameter> all = new ArrayList<>();
            new ParameterStore(reader).listAll(all::addAll, () -> false);
            Parameter custom = find(all, "/secure/custom-key");
            assertThat(custom.isSecure()).isTrue();
            assertThat(custom.keyId()).contains(KEY_ALIAS);
            Parameter defaultKey = find(all, "/secure/default-key");
            assertThat(defaultKey.keyId()).contains("alias/aws/ssm");
            assertThat(defaultKey.description()).contains("SecureString with alias/aws/ssm");
            Parameter list = find(all, "/tagged/param");
            assertThat(list.type()).isEqualTo(ParameterType.STRING_LIST);
            assertThat(list.isSecure()).isFalse();
            assertThat(list.keyId()).isEmpty();
            Parameter versioned = find(all, "/versioned/param");
            assertThat(versioned.version()).isEqualTo(2);
            assertThat(versioned.tier()).isEqualTo(ParameterTier.STANDARD);
            assertThat(versioned.dataType()).isEqualTo(ParameterDataType.TEXT);
            assertThat(versioned.lastModified()).isNotNull();
            assertThat(versioned.policiesJson()).isEmpty();
            assertThat(versioned.path()).isEqualTo("/versioned");
            assertThat(versioned.leafName()).isEqualTo("param");
            assertThat(find(all, "no-leading-slash").path()).isEqualTo("/");
        }
    }

    @Test
    void cancellingStopsBetweenPages() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore store = new ParameterStore(reader);
            AtomicBoolean cancelled = new AtomicBoolean();
            List<List<Parameter>> delivered = new ArrayList<>();
            int pages = store.listAll(page -> {
                delivered.add(page);
                cancelled.set(true); // e.g. the user switched connection while the first page was shown
            }, cancelled::get);
            assertThat(pages).isEqualTo(1);
            assertThat(delivered).hasSize(1);
            assertThat(reader.calls().count("DescribeParameters")).isEqualTo(1);
        }
    }

    @Test
    void aPageThatArrivesAfterCancellingIsDropped() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            AtomicInteger checks = new AtomicInteger();
            List<List<Parameter>> delivered = new ArrayList<>();
            // Not cancelled when the first request leaves; cancelled by the time its answer arrives.
            int pages = new ParameterStore(reader).listAll(delivered::add, () -> checks.incrementAndGet() > 1);
            assertThat(pages).isEqualTo(1);
            assertThat(delivered).isEmpty();
            assertThat(reader.calls().count("DescribeParameters")).isEqualTo(1);
        }
    }

    @Test
    void cancelledBeforeStartingSendsNothing() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            List<List<Parameter>> delivered = new ArrayList<>();
            assertThat(new ParameterStore(reader).listAll(delivered::add, () -> true)).isZero();
            assertThat(delivered).isEmpty();
            assertThat(reader.calls().snapshot()).isEmpty();
        }
    }

    @Test
    void valuesAreFetchedTenNamesACall() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore store = new ParameterStore(reader);
            for (int n : new int[] {1, 10, 11, 23, BULK}) {
                reader.calls().reset();
                List<String> names = bulkNames.subList(0, n);
                Map<String, SecretText> values = store.values(names);
                assertThat(values).as(n + " names").hasSize(n);
                for (int i = 0; i < n; i++) {
                    assertThat(values.get(names.get(i)).reveal()).isEqualTo("value-" + i);
                }
                assertThat(reader.calls().count("GetParameters")).as(n + " names")
                        .isEqualTo((n + ParameterStore.VALUE_BATCH_SIZE - 1) / ParameterStore.VALUE_BATCH_SIZE);
            }
            reader.calls().reset();
            assertThat(store.values(List.of())).isEmpty();
            assertThat(reader.calls().count("GetParameters")).isZero();
        }
    }

    @Test
    void valuesDecryptAndLeaveOutMissingNames() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            Map<String, SecretText> values = new ParameterStore(reader)
                    .values(List.of("/secure/default-key", "/secure/custom-key", "/does/not/exist"));
            assertThat(values).containsOnlyKeys("/secure/default-key", "/secure/custom-key");
            assertThat(values.get("/secure/custom-key").reveal()).isEqualTo("custom-key-plaintext");
        }
    }

    @Test
    void valueDecryptsSecureStrings() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore store = new ParameterStore(reader);
            assertThat(store.value("/secure/default-key").reveal()).isEqualTo("default-key-plaintext");
            SecretText custom = store.value("/secure/custom-key");
            assertThat(custom.reveal()).isEqualTo("custom-key-plaintext");
            assertThat(custom.toString()).doesNotContain("plaintext");
            String encrypted = reader.ssm().getParameter(b -> b.name("/secure/custom-key").withDecryption(false)).parameter().value();
            assertThat(encrypted).isNotEqualTo("custom-key-plaintext");
            assertThat(store.value("/versioned/param").reveal()).isEqualTo("two");
            assertThat(store.value("/versioned/param:1").reveal()).isEqualTo("one");
        }
    }

    @Test
    void secretsManagerReferencesResolveThroughValue() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretText value = new ParameterStore(reader).value("/aws/reference/secretsmanager/" + SECRET_NAME);
            assertThat(value.reveal()).isEqualTo(SECRET_VALUE);
        }
    }

    @Test
    void tagsAreListed() {
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore store = new ParameterStore(reader);
            assertThat(store.tags("/tagged/param")).containsExactlyInAnyOrder(new Tag("Team", "platform"), new Tag("Environment", "prod"));
            assertThat(store.tags("/versioned/param")).isEmpty();
        }
    }

    @Test
    void arnOfNamesTheParameter() {
        ParameterStore store = new ParameterStore(admin);
        assertThat(store.arnOf("/tagged/param", "123456789012")).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/tagged/param");
        assertThat(store.arnOf("no-leading-slash", "123456789012")).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/no-leading-slash");
    }

    private static Parameter find(List<Parameter> all, String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("not listed: " + name));
    }

    /** The JSON bodies of the recorded requests with this X-Amz-Target, in order. */
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
