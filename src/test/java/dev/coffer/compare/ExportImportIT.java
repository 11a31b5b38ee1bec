package dev.coffer.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import on the compare engine, against moto: a folder written to a file as a side is
 * read, and a file promoted into a folder, with every entry and every call checked before anything
 * is sent. Each test works under its own folder.
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECURE_VALUE = "s3cret-never-on-disk";

    private MotoServer moto;
    private ClientFactory clients;
    private ParameterStore store;

    @TempDir
    Path dir;

    @BeforeAll
    void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        store = new ParameterStore(clients);
    }

    @AfterAll
    void close() {
        clients.close();
    }

    private void seed(String folder) {
        store.put(ParameterDraft.of(folder + "/url", ParameterType.STRING, SecretText.of("https://x")).withDescription("the url")
                .withTags(List.of(new Tag("Team", "web"))), OptionalLong.empty());
        store.put(ParameterDraft.of(folder + "/db/password", ParameterType.SECURE_STRING, SecretText.of(SECURE_VALUE)), OptionalLong.empty());
        store.put(ParameterDraft.of(folder + "/hosts", ParameterType.STRING_LIST, SecretText.of("a,b,c")).withTier(ParameterTier.ADVANCED),
                OptionalLong.empty());
    }

    private Path export(String folder) throws Exception {
        Path file = dir.resolve(folder.replace('/', '-') + ".json");
        Export.folder(clients, folder, file, step -> { }, () -> false);
        return file;
    }

    /** The import: the file promoted into the folder, what only the folder holds left alone. */
    private PromotionPlan importPlan(Path file, String folder, ClientFactory into) throws Exception {
        Comparison c = Comparer.compare(new Side.ExportFile(file), new Side.Live(into, Optional.of(folder), Optional.empty()),
                new CompareOptions(true, true), step -> { }, () -> false);
        return PromotionPlan.of(c, c.rows().stream().filter(r -> r.left().isPresent()).toList(), PlanOptions.leftToRight(), List.of());
    }

    private static Map<String, PlanItem> byTarget(PromotionPlan plan) {
        return plan.items().stream().collect(Collectors.toMap(PlanItem::targetName, i -> i));
    }

    @Test
    void anExportHoldsEverythingButSecureStringValuesWhichItNeverDecrypts() throws Exception {
        seed("/export/app");
        Moto.startRecording(moto);
        Path file = export("/export/app");
        List<String> recorded = Moto.stopRecording(moto);

        String text = Files.readString(file);
        assertThat(text).doesNotContain(SECURE_VALUE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.path("path").asText()).isEqualTo("/export/app");
        JsonNode secret = entry(doc, "/export/app/db/password");
        assertThat(secret.path("value").isNull()).isTrue();
        assertThat(secret.path("secure").asBoolean()).isTrue();
        JsonNode url = entry(doc, "/export/app/url");
        assertThat(url.path("value").asText()).isEqualTo("https://x");
        assertThat(url.path("description").asText()).isEqualTo("the url");
        assertThat(url.path("tags").toString()).isEqualTo("[{\"key\":\"Team\",\"value\":\"web\"}]");
        assertThat(entry(doc, "/export/app/hosts").path("tier").asText()).isEqualTo("Advanced");
        // Values are read by name, and a SecureString's is never even asked for.
        List<JsonNode> batches = Moto.requestsFor(recorded, "AmazonSSM.GetParameters");
        assertThat(batches).isNotEmpty().allSatisfy(body -> {
            assertThat(body.path("WithDecryption").asBoolean()).isFalse();
            assertThat(body.path("Names").toString()).doesNotContain("password");
        });
        assertThat(Moto.operations(recorded)).doesNotContain("GetParameter", "GetParametersByPath");
    }

    @Test
    void importCreatesUpdatesAndSkipsWithReasonsAndNeverOverwritesASecureString() throws Exception {
        seed("/import/app");
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(export("/import/app")));
        ArrayNode list = (ArrayNode) doc.path("parameters");
        ((ObjectNode) entry(doc, "/import/app/url")).put("value", "https://changed");
        ((ObjectNode) entry(doc, "/import/app/db/password")).put("value", "from-a-file"); // edited by hand
        list.addObject().put("name", "/import/app/new").put("type", "String").put("value", "fresh").putArray("tags").addObject()
                .put("key", "Origin").put("value", "file");
        list.addObject().put("name", "/import/app/no-value").put("type", "String").putNull("value");
        list.addObject().put("name", "/import/app/secret-new").put("type", "SecureString").putNull("value").put("secure", true);
        list.addObject().put("name", "/import/app/bad name").put("type", "String").put("value", "x");
        list.addObject().put("name", "/import/app/new").put("type", "String").put("value", "twice");
        Path file = Files.writeString(dir.resolve("edited.json"), JSON.writeValueAsString(doc));

        PromotionPlan plan = importPlan(file, "/import/app", clients);

        Map<String, PlanItem> items = byTarget(plan);
        assertThat(items.get("/import/app/new").action()).isEqualTo(Action.CREATE);
        assertThat(items.get("/import/app/url").action()).isEqualTo(Action.UPDATE);
        assertThat(items.get("/import/app/url").fieldsCopied()).containsExactly(Field.VALUE);
        assertThat(items.get("/import/app/db/password").note()).isEqualTo("a file never overwrites a SecureString");
        assertThat(items.get("/import/app/no-value").note()).isEqualTo("no value in the file.");
        assertThat(items.get("/import/app/secret-new").note()).isEqualTo("SecureString values are never exported; set this one in Coffer.");
        assertThat(items).doesNotContainKey("/import/app/hosts"); // the same on both sides
        assertThat(plan.rejected()).extracting(Rejected::toString).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("/import/app/bad name: ").contains("spaces"),
                r -> assertThat(r).startsWith("/import/app/new: listed more than once"));
        assertThat(plan.complete()).isFalse();
        assertThat(plan.toString()).doesNotContain("https://changed").doesNotContain("fresh").doesNotContain("from-a-file");

        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(results).filteredOn(r -> r.outcome() == Outcome.DONE).extracting(r -> r.item().targetName())
                .containsExactlyInAnyOrder("/import/app/new", "/import/app/url");
        assertThat(store.current("/import/app/url").value().reveal()).isEqualTo("https://changed");
        assertThat(store.current("/import/app/url").version()).isEqualTo(2);
        assertThat(store.current("/import/app/new").value().reveal()).isEqualTo("fresh");
        assertThat(store.tags("/import/app/new")).containsExactly(new Tag("Origin", "file"));
        assertThat(store.current("/import/app/db/password").value().reveal()).isEqualTo(SECURE_VALUE);
        assertThat(store.current("/import/app/db/password").version()).isEqualTo(1);
        assertThat(store.describe("/import/app/secret-new")).isEmpty();
        assertThat(importPlan(file, "/import/app", clients).items()).as("applied: nothing left to create or update")
                .noneMatch(i -> i.action() == Action.CREATE || i.action() == Action.UPDATE);
    }

    @Test
    void anExportGoesBackIntoAnEmptyFolderExceptItsSecureStringsAndKeepsTheAdvancedTier() throws Exception {
        seed("/roundtrip/app");
        Path file = export("/roundtrip/app");

        PromotionPlan plan = importPlan(file, "/restored/app", clients);

        assertThat(plan.items()).filteredOn(i -> i.action() == Action.CREATE).extracting(PlanItem::targetName)
                .containsExactly("/restored/app/hosts", "/restored/app/url");
        assertThat(byTarget(plan).get("/restored/app/db/password").action()).isEqualTo(Action.SKIP);
        new Promotion(plan).apply(r -> { }, () -> false);
        assertThat(store.describe("/restored/app/hosts").orElseThrow().tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(store.current("/restored/app/hosts").value().reveal()).isEqualTo("a,b,c");
        assertThat(store.tags("/restored/app/url")).containsExactly(new Tag("Team", "web"));
    }

    @Test
    void aParameterThatChangedAfterThePreviewIsLeftAsItIs() throws Exception {
        clients.ssm().putParameter(b -> b.name("/import2/p").value("plain").type("String"));
        Path file = export("/import2");
        Files.writeString(file, Files.readString(file).replace("\"plain\"", "\"edited\""));
        PromotionPlan plan = importPlan(file, "/import2", clients);
        assertThat(plan.items()).singleElement().extracting(PlanItem::action).isEqualTo(Action.UPDATE);
        clients.ssm().deleteParameter(b -> b.name("/import2/p"));
        clients.ssm().putParameter(b -> b.name("/import2/p").value("now secret").type("SecureString"));

        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.message()).contains("changed since the comparison");
        });
        assertThat(store.current("/import2/p").value().reveal()).isEqualTo("now secret");
    }

    @Test
    void aFileOfInvalidNamesIsCheckedBeforeAnythingIsSentAndEveryProblemIsReported() throws Exception {
        // Five ways to break AWS's name rules, 200 names each.
        String[] ways = {"has space %d", "hash#%d", "empty//level-%d", "ends-with-slash-%d/", "x".repeat(1100) + "%d"};
        ObjectNode doc = document("/checks");
        for (int i = 0; i < 1000; i++) {
            entry(doc, "/checks/" + String.format(ways[i % ways.length], i), "v");
        }
        Path file = Files.writeString(dir.resolve("invalid.json"), JSON.writeValueAsString(doc));
        Moto.startRecording(moto);

        PromotionPlan plan = importPlan(file, "/checks", clients);
        new Promotion(plan).apply(r -> { }, () -> false);

        List<String> recorded = Moto.stopRecording(moto);
        assertThat(plan.items()).isEmpty();
        assertThat(plan.rejected()).hasSize(1000);
        assertThat(plan.rejected()).filteredOn(r -> r.reason().contains("Names can't contain spaces")).hasSize(200);
        assertThat(plan.rejected()).filteredOn(r -> r.reason().contains("empty level")).hasSize(200);
        assertThat(plan.rejected()).filteredOn(r -> r.reason().contains("can't end with '/'")).hasSize(200);
        assertThat(plan.rejected()).filteredOn(r -> r.reason().contains("AWS allows at most 1,011")).hasSize(200);
        assertThat(Moto.operations(recorded)).as("only the folder was read").allMatch(Moto::isRead);
        assertThat(String.join("\n", recorded)).doesNotContain("has space").doesNotContain("hash#").doesNotContain("empty//level");
    }

    @Test
    void aFileThatIsNotAnExportCostsNoAwsCall() throws Exception {
        Path file = Files.writeString(dir.resolve("not-an-export.json"), "{\"something\":\"else\"}");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            assertThatThrownBy(() -> importPlan(file, "/anywhere", viaProxy)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(file + ": The file is not a Coffer parameter export (\"coffer\": \"parameters\" is missing).");
            assertThat(proxy.requests()).as("AWS calls").isEmpty();
        }
    }

    @Test
    void whatAwsWouldRefuseUnderTheTargetFolderIsSkippedWhenPlanningAndTheRestIsImported() throws Exception {
        // 1,000 characters is a good name under /a; under a deeper folder it passes AWS's 1,011.
        String longLeaf = "x".repeat(1000);
        ObjectNode doc = document("/a");
        entry(doc, "/a/" + longLeaf, "v");
        entry(doc, "/a/fine", "v");
        entry(doc, "/a/big", "y".repeat(5000)).put("tier", "Standard");
        Path file = Files.writeString(dir.resolve("deeper.json"), JSON.writeValueAsString(doc));
        String folder = "/rules/a/much/deeper/folder";

        PromotionPlan plan = importPlan(file, folder, clients);

        Map<String, PlanItem> items = byTarget(plan);
        assertThat(items.get(folder + "/" + longLeaf)).satisfies(i -> {
            assertThat(i.action()).isEqualTo(Action.SKIP);
            assertThat(i.blocked()).isTrue();
            assertThat(i.note()).contains("AWS allows at most 1,011");
        });
        assertThat(items.get(folder + "/fine").action()).isEqualTo(Action.CREATE);
        assertThat(items.get(folder + "/big").action()).as("too large for Standard: created Advanced").isEqualTo(Action.CREATE);
        List<ItemResult> results = new Promotion(plan).apply(r -> { }, () -> false);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.DONE).hasSize(2);
        assertThat(store.describe(folder + "/big").map(Parameter::tier)).contains(ParameterTier.ADVANCED);
    }

    @Test
    void aStandardEntryLeavesAnAdvancedParameterAsItIsAndSendsNothing() throws Exception {
        store.put(ParameterDraft.of("/tiers/p", ParameterType.STRING, SecretText.of("same")).withTier(ParameterTier.ADVANCED),
                OptionalLong.empty());
        ObjectNode doc = document("/tiers");
        entry(doc, "/tiers/p", "same").put("tier", "Standard");
        Path file = Files.writeString(dir.resolve("tiers.json"), JSON.writeValueAsString(doc));

        PromotionPlan plan = importPlan(file, "/tiers", clients);

        assertThat(plan.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(Action.SKIP);
            assertThat(i.blocked()).isFalse();
            assertThat(i.note()).contains("tier");
        });
    }

    private static ObjectNode document(String path) {
        ObjectNode doc = JSON.createObjectNode().put("coffer", "parameters").put("version", 1).put("path", path);
        doc.putArray("parameters");
        return doc;
    }

    private static ObjectNode entry(ObjectNode doc, String name, String value) {
        return ((ArrayNode) doc.path("parameters")).addObject().put("name", name).put("type", "String").put("value", value);
    }

    private static JsonNode entry(JsonNode doc, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : doc.path("parameters")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
            names.add(e.path("name").asText());
        }
        throw new AssertionError(name + " is not in the export: " + names);
    }
}
