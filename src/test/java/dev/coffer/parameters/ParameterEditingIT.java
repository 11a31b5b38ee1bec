package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ssm.model.ParameterMaxVersionLimitExceededException;

/**
 * The editing services of {@link ParameterStore} against moto. Each test works under its own
 * folder. Parameters with policies are deleted by the test that made them: moto sends their
 * PolicyText as an object, which breaks every later DescribeParameters page holding them.
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterEditingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ALIAS = "alias/parameter-editing-it";

    private MotoServer moto;
    private ClientFactory admin;
    private ParameterStore store;

    @BeforeAll
    void connect(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        store = new ParameterStore(admin);
        String keyId = admin.kms().createKey(b -> b.description("ParameterEditingIT key")).keyMetadata().keyId();
        admin.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(keyId));
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @BeforeEach
    void resetCounts() {
        admin.calls().reset();
    }

    private static ParameterDraft draft(String name, String value) {
        return ParameterDraft.of(name, ParameterType.STRING, SecretText.of(value));
    }

    // ------------------------------------------------------------------ create, read, update

    @Test
    void createSendsOverwriteFalseWithTagsAndReadsBack() throws Exception {
        ParameterDraft draft = draft("/edit/create/url", "https://billing.example").withDescription("Billing endpoint").withTier(ParameterTier.ADVANCED)
                .withTags(List.of(new Tag("Team", "billing"), new Tag("Environment", "prod")));
        Moto.startRecording(moto);
        long version = store.put(draft, OptionalLong.empty());
        List<JsonNode> puts = requests(Moto.stopRecording(moto), "PutParameter");

        assertThat(version).isEqualTo(1);
        assertThat(puts).singleElement().satisfies(body -> {
            assertThat(body.path("Overwrite").asBoolean()).isFalse();
            assertThat(body.path("Tags")).hasSize(2);
            assertThat(body.path("Tier").asText()).isEqualTo("Advanced");
            assertThat(body.has("Policies")).isFalse();
            assertThat(body.has("KeyId")).isFalse();
        });
        ParameterValue current = store.current("/edit/create/url");
        assertThat(current.value().reveal()).isEqualTo("https://billing.example");
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.type()).isEqualTo(ParameterType.STRING);
        assertThat(current.dataType()).isEqualTo(ParameterDataType.TEXT);
        Parameter described = store.describe("/edit/create/url").orElseThrow();
        assertThat(described.tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(described.description()).contains("Billing endpoint");
        assertThat(store.tags("/edit/create/url")).containsExactlyInAnyOrder(new Tag("Team", "billing"), new Tag("Environment", "prod"));
        assertThat(store.describe("/edit/create/missing")).isEmpty();
    }

    @Test
    void secureStringsGetTheDefaultOrTheChosenKey() {
        store.put(ParameterDraft.of("/edit/secure/default", ParameterType.SECURE_STRING, SecretText.of("default-plaintext")), OptionalLong.empty());
        store.put(ParameterDraft.of("/edit/secure/custom", ParameterType.SECURE_STRING, SecretText.of("custom-plaintext"))
                .withKeyId(Optional.of(KEY_ALIAS)), OptionalLong.empty());
        Map<String, Parameter> described = store.describeAll(List.of("/edit/secure/default", "/edit/secure/custom"));
        assertThat(described.get("/edit/secure/default").keyId()).contains(ParameterStore.DEFAULT_KEY);
        assertThat(described.get("/edit/secure/custom").keyId()).contains(KEY_ALIAS);
        assertThat(store.current("/edit/secure/custom").value().reveal()).isEqualTo("custom-plaintext");
        assertThat(store.current("/edit/secure/custom").isSecure()).isTrue();
        String stored = admin.ssm().getParameter(b -> b.name("/edit/secure/custom").withDecryption(false)).parameter().value();
        assertThat(stored).isNotEqualTo("custom-plaintext");
    }

    @Test
    void creatingANameThatExistsIsAConflictWithVersionZero() {
        admin.ssm().putParameter(b -> b.name("/edit/exists/p").value("theirs").type("String"));
        ParameterConflictException conflict = catchThrowableOfType(ParameterConflictException.class,
                () -> store.put(draft("/edit/exists/p", "mine"), OptionalLong.empty()));
        assertThat(conflict.expectedVersion()).isZero();
        assertThat(conflict.current().version()).isEqualTo(1);
        assertThat(conflict.deleted()).isFalse();
        assertThat(conflict.getMessage()).contains("already exists");
        assertThat(store.current("/edit/exists/p").value().reveal()).isEqualTo("theirs");
    }

    @Test
    void updateSendsOverwriteTrueAndChangesTagsSeparately() throws Exception {
        String name = "/edit/update/p";
        store.put(draft(name, "one").withTags(List.of(new Tag("Keep", "same"), new Tag("Change", "old"), new Tag("Drop", "x"))),
                OptionalLong.empty());
        ParameterDraft edited = draft(name, "two").withDescription("second")
                .withTags(List.of(new Tag("Keep", "same"), new Tag("Change", "new"), new Tag("Add", "y")));
        Moto.startRecording(moto);
        long version = store.put(edited, OptionalLong.of(1));
        List<String> recorded = Moto.stopRecording(moto);

        assertThat(version).isEqualTo(2);
        assertThat(store.current(name).value().reveal()).isEqualTo("two");
        assertThat(store.describe(name).orElseThrow().description()).contains("second");
        assertThat(store.tags(name)).containsExactlyInAnyOrder(new Tag("Keep", "same"), new Tag("Change", "new"), new Tag("Add", "y"));
        assertThat(requests(recorded, "PutParameter")).singleElement().satisfies(body -> {
            assertThat(body.path("Overwrite").asBoolean()).isTrue();
            assertThat(body.has("Tags")).isFalse(); // AWS refuses tags together with Overwrite
            assertThat(body.has("Policies")).isFalse(); // none before, none now: left alone
        });
        assertThat(requests(recorded, "RemoveTagsFromResource")).singleElement()
                .satisfies(body -> assertThat(body.path("TagKeys").toString()).isEqualTo("[\"Drop\"]"));
        assertThat(requests(recorded, "AddTagsToResource")).singleElement()
                .satisfies(body -> assertThat(body.path("Tags")).hasSize(2));
        // No tag calls when the tags did not change
        admin.calls().reset();
        store.put(edited.withValue(SecretText.of("three")), OptionalLong.of(2));
        assertThat(admin.calls().count("AddTagsToResource") + admin.calls().count("RemoveTagsFromResource")).isZero();
    }

    @Test
    void updatingAParameterThatMovedOnIsAConflict() {
        String name = "/edit/conflict/p";
        store.put(draft(name, "mine v1"), OptionalLong.empty());
        admin.ssm().putParameter(b -> b.name(name).value("theirs v2").type("String").overwrite(true));
        admin.calls().reset();

        ParameterConflictException conflict = catchThrowableOfType(ParameterConflictException.class,
                () -> store.put(draft(name, "mine v2"), OptionalLong.of(1)));

        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.current().version()).isEqualTo(2);
        assertThat(conflict.getMessage()).contains("you had version 1, it is now version 2");
        assertThat(admin.calls().count("PutParameter")).isZero();
        ParameterValue theirs = store.current(name); // what the UI fetches to show the difference
        assertThat(theirs.value().reveal()).isEqualTo("theirs v2");
        assertThat(theirs.version()).isEqualTo(2);
    }

    @Test
    void updatingADeletedParameterIsAConflict() {
        String name = "/edit/deleted/p";
        store.put(draft(name, "v1"), OptionalLong.empty());
        admin.ssm().deleteParameter(b -> b.name(name));
        ParameterConflictException conflict = catchThrowableOfType(ParameterConflictException.class,
                () -> store.put(draft(name, "v2"), OptionalLong.of(1)));
        assertThat(conflict.deleted()).isTrue();
        assertThat(conflict.current()).isNull();
        assertThat(conflict.getMessage()).contains("was deleted");
    }

    @Test
    void anInvalidDraftSendsNothing() {
        ParameterDraft bad = draft("/aws/edit bad", "x".repeat(5000)).withKeyId(Optional.of(KEY_ALIAS));
        InvalidDraftException invalid = catchThrowableOfType(InvalidDraftException.class, () -> store.put(bad, OptionalLong.of(3)));
        assertThat(invalid.problems()).extracting(Problem::field).contains("name", "value", "keyId");
        assertThat(admin.calls().snapshot()).isEmpty();
        assertThatThrownBy(() -> store.put(bad, OptionalLong.empty())).isInstanceOf(InvalidDraftException.class);
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    @Test
    void anAdvancedParameterIsNotSentBackToStandard() {
        String name = "/edit/tier/p";
        store.put(draft(name, "v1").withTier(ParameterTier.ADVANCED), OptionalLong.empty());
        admin.calls().reset();
        InvalidDraftException invalid = catchThrowableOfType(InvalidDraftException.class,
                () -> store.put(draft(name, "v2").withTier(ParameterTier.STANDARD), OptionalLong.of(1)));
        assertThat(invalid.problems()).extracting(Problem::field).containsExactly("tier");
        assertThat(admin.calls().count("PutParameter")).isZero();
        assertThat(store.put(draft(name, "v2").withTier(ParameterTier.ADVANCED), OptionalLong.of(1))).isEqualTo(2);
    }

    @Test
    void aStandardParameterMayBecomeAdvancedForALargerValue() {
        String name = "/edit/grow/p";
        store.put(draft(name, "small"), OptionalLong.empty());
        String big = "€".repeat(2000); // 6,000 bytes
        assertThatThrownBy(() -> store.put(draft(name, big), OptionalLong.of(1))).isInstanceOf(InvalidDraftException.class)
                .hasMessageContaining("6,000 bytes");
        assertThat(store.put(draft(name, big).withTier(ParameterTier.ADVANCED), OptionalLong.of(1))).isEqualTo(2);
        assertThat(store.describe(name).orElseThrow().tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(store.current(name).value().reveal()).isEqualTo(big);
    }

    @Test
    void amiParametersKeepTheirDataType() {
        String name = "/edit/ami/golden";
        store.put(draft(name, "ami-0123456789abcdef0").withDataType(ParameterDataType.EC2_IMAGE), OptionalLong.empty());
        assertThat(store.current(name).dataType()).isEqualTo(ParameterDataType.EC2_IMAGE);
        assertThat(store.describe(name).orElseThrow().dataType()).isEqualTo(ParameterDataType.EC2_IMAGE);
        assertThatThrownBy(() -> store.put(draft(name, "latest").withDataType(ParameterDataType.EC2_IMAGE), OptionalLong.of(1)))
                .isInstanceOf(InvalidDraftException.class).hasMessageContaining("AMI id");
    }

    @Test
    void aReadOnlySessionRefusesThePut() {
        store.put(draft("/edit/readonly/p", "v1"), OptionalLong.empty());
        try (ClientFactory reader = Moto.clients(moto, true)) {
            ParameterStore readOnly = new ParameterStore(reader);
            assertThatThrownBy(() -> readOnly.put(draft("/edit/readonly/p", "v2"), OptionalLong.of(1)))
                    .isInstanceOf(ReadOnlyRefusedException.class);
            assertThatThrownBy(() -> readOnly.delete(List.of("/edit/readonly/p"))).isInstanceOf(ReadOnlyRefusedException.class);
            assertThat(readOnly.current("/edit/readonly/p").value().reveal()).isEqualTo("v1");
        }
    }

    // ------------------------------------------------------------------ policies

    @Test
    void policiesAreSentOnCreateAsTheExactJson() throws Exception {
        String name = "/edit/policies/created";
        ParameterPolicies policies = ParameterPolicies.none().withExpiration(Instant.now().plus(30, ChronoUnit.DAYS))
                .withExpirationNotification(ParameterPolicies.Notice.days(5)).withNoChangeNotification(ParameterPolicies.Notice.hours(12));
        try {
            Moto.startRecording(moto);
            store.put(draft(name, "expiring").withTier(ParameterTier.ADVANCED).withPolicies(policies), OptionalLong.empty());
            List<JsonNode> puts = requests(Moto.stopRecording(moto), "PutParameter");
            assertThat(puts).singleElement().satisfies(body -> assertThat(body.path("Policies").asText()).isEqualTo(policies.toJson()));
            assertThat(store.current(name).value().reveal()).isEqualTo("expiring"); // GetParameter carries no policies
        } finally {
            store.delete(List.of(name));
        }
        assertThat(store.describeUnder("/edit/policies")).isEmpty(); // listings work again
    }

    @Test
    void policiesAreSentOnUpdateAndNeedAnAdvancedTier() throws Exception {
        String name = "/edit/policies/updated";
        store.put(draft(name, "v1").withTier(ParameterTier.INTELLIGENT_TIERING), OptionalLong.empty());
        ParameterPolicies policies = ParameterPolicies.none().withNoChangeNotification(ParameterPolicies.Notice.days(20));
        assertThatThrownBy(() -> store.put(draft(name, "v2").withPolicies(policies), OptionalLong.of(1)))
                .isInstanceOf(InvalidDraftException.class).hasMessageContaining("Advanced tier");
        try {
            Moto.startRecording(moto);
            long version = store.put(draft(name, "v2").withTier(ParameterTier.INTELLIGENT_TIERING).withPolicies(policies), OptionalLong.of(1));
            List<JsonNode> puts = requests(Moto.stopRecording(moto), "PutParameter");
            assertThat(version).isEqualTo(2);
            assertThat(puts).singleElement().satisfies(body -> {
                assertThat(body.path("Policies").asText()).isEqualTo(policies.toJson());
                assertThat(body.path("Tier").asText()).isEqualTo("Intelligent-Tiering");
            });
        } finally {
            store.delete(List.of(name));
        }
    }

    // ------------------------------------------------------------------ history and labels

    @Test
    void historyIsNewestFirstWithOrWithoutValues() throws Exception {
        String name = "/edit/history/p";
        store.put(draft(name, "one").withDescription("first"), OptionalLong.empty());
        store.put(draft(name, "two").withDescription("second"), OptionalLong.of(1));
        store.put(draft(name, "three").withDescription("third").withTier(ParameterTier.ADVANCED), OptionalLong.of(2));
        store.label(name, 2, List.of("prod"));

        Moto.startRecording(moto);
        List<ParameterVersion> history = store.history(name, true);
        List<JsonNode> requests = requests(Moto.stopRecording(moto), "GetParameterHistory");
        assertThat(requests).singleElement().satisfies(body -> {
            assertThat(body.path("MaxResults").asInt()).isEqualTo(ParameterStore.HISTORY_PAGE_SIZE);
            assertThat(body.path("WithDecryption").asBoolean()).isTrue();
        });
        assertThat(history).extracting(ParameterVersion::version).containsExactly(3L, 2L, 1L);
        assertThat(history).extracting(v -> v.value().orElseThrow().reveal()).containsExactly("three", "two", "one");
        assertThat(history).extracting(v -> v.description().orElseThrow()).containsExactly("third", "second", "first");
        assertThat(history.get(0).tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(history.get(1).labels()).containsExactly("prod");
        assertThat(history.get(2).lastModified()).isNotNull();
        assertThat(store.history(name, false)).allSatisfy(v -> assertThat(v.value()).isEmpty());
    }

    @Test
    void historyPagesFiftyVersionsAtATime() {
        String name = "/edit/history/long";
        admin.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
        for (int i = 2; i <= 60; i++) {
            String value = "v" + i;
            admin.ssm().putParameter(b -> b.name(name).value(value).type("String").overwrite(true));
        }
        admin.calls().reset();
        List<ParameterVersion> history = store.history(name, false);
        assertThat(history).hasSize(60);
        assertThat(history.get(0).version()).isEqualTo(60);
        assertThat(history.get(59).version()).isEqualTo(1);
        assertThat(admin.calls().count("GetParameterHistory")).isEqualTo(2);
    }

    @Test
    void labelsMoveBetweenVersionsAndComeOff() {
        String name = "/edit/labels/p";
        store.put(draft(name, "one"), OptionalLong.empty());
        store.put(draft(name, "two"), OptionalLong.of(1));

        assertThat(store.label(name, 1, List.of("prod", "blue"))).isEmpty();
        assertThat(labelsOf(name, 1)).containsExactlyInAnyOrder("prod", "blue");
        assertThat(store.label(name, 2, List.of("prod"))).isEmpty(); // a label is on one version at a time
        assertThat(labelsOf(name, 1)).containsExactly("blue");
        assertThat(labelsOf(name, 2)).containsExactly("prod");
        assertThat(store.value(name + ":prod").reveal()).isEqualTo("two");

        store.unlabel(name, 1, List.of("blue"));
        assertThat(labelsOf(name, 1)).isEmpty();
        admin.calls().reset();
        store.unlabel(name, 1, List.of());
        assertThat(admin.calls().snapshot()).isEmpty();

        assertThatThrownBy(() -> store.label(name, 1, List.of("aws-reserved", "1st")))
                .isInstanceOf(InvalidDraftException.class).hasMessageContaining("\"aws\" or \"ssm\"").hasMessageContaining("digit");
        assertThat(admin.calls().count("LabelParameterVersion")).isZero();
    }

    @Test
    void theVersionLimitWarningPredictsParameterMaxVersionLimitExceeded() {
        String name = "/edit/limit/p";
        admin.ssm().putParameter(b -> b.name(name).value("v1").type("String"));
        store.label(name, 1, List.of("golden"));
        for (int i = 2; i <= 99; i++) {
            String value = "v" + i;
            admin.ssm().putParameter(b -> b.name(name).value(value).type("String").overwrite(true));
        }
        assertThat(store.versionLimitWarning(name)).isEmpty(); // 99 versions: the next save still fits
        store.put(draft(name, "v100"), OptionalLong.of(99));
        assertThat(store.versionLimitWarning(name)).hasValueSatisfying(w -> assertThat(w).contains("Version 1").contains("\"golden\""));
        assertThatThrownBy(() -> store.put(draft(name, "v101"), OptionalLong.of(100)))
                .isInstanceOf(ParameterMaxVersionLimitExceededException.class);
        store.unlabel(name, 1, List.of("golden"));
        assertThat(store.versionLimitWarning(name)).isEmpty();
        assertThat(store.put(draft(name, "v101"), OptionalLong.of(100))).isEqualTo(101);
    }

    @Test
    void restorePutsAnOldVersionBackAsANewOne() {
        String name = "/edit/restore/p";
        store.put(ParameterDraft.of(name, ParameterType.SECURE_STRING, SecretText.of("old secret")).withDescription("before")
                .withKeyId(Optional.of(KEY_ALIAS)), OptionalLong.empty());
        store.put(ParameterDraft.of(name, ParameterType.SECURE_STRING, SecretText.of("new secret")).withDescription("after")
                .withTags(List.of(new Tag("Team", "db"))), OptionalLong.of(1));

        long restored = store.restore(name, 1);

        assertThat(restored).isEqualTo(3);
        assertThat(store.current(name).value().reveal()).isEqualTo("old secret");
        Parameter now = store.describe(name).orElseThrow();
        assertThat(now.description()).contains("before");
        assertThat(now.keyId()).contains(KEY_ALIAS);
        assertThat(store.tags(name)).containsExactly(new Tag("Team", "db")); // tags stay as they are
        assertThatThrownBy(() -> store.restore(name, 42)).isInstanceOf(NoSuchElementException.class).hasMessageContaining("42");
    }

    // ------------------------------------------------------------------ listing and deleting

    @Test
    void describeUnderListsAFolderRecursively() throws Exception {
        for (String name : List.of("/tree/a/x", "/tree/a/y/z", "/tree/b/w", "/treehouse/q")) {
            admin.ssm().putParameter(b -> b.name(name).value("v").type("String"));
        }
        Moto.startRecording(moto);
        List<Parameter> underA = store.describeUnder("/tree/a");
        List<JsonNode> requests = requests(Moto.stopRecording(moto), "DescribeParameters");
        assertThat(underA).extracting(Parameter::name).containsExactly("/tree/a/x", "/tree/a/y/z");
        assertThat(requests).first().satisfies(body -> {
            assertThat(body.path("MaxResults").asInt()).isEqualTo(ParameterStore.LIST_PAGE_SIZE);
            JsonNode filter = body.path("ParameterFilters").get(0);
            assertThat(filter.path("Key").asText()).isEqualTo("Path");
            assertThat(filter.path("Option").asText()).isEqualTo("Recursive");
            assertThat(filter.path("Values").get(0).asText()).isEqualTo("/tree/a");
        });
        assertThat(store.describeUnder("/tree/a/")).extracting(Parameter::name).containsExactly("/tree/a/x", "/tree/a/y/z");
        assertThat(store.describeUnder("/tree")).extracting(Parameter::name).containsExactly("/tree/a/x", "/tree/a/y/z", "/tree/b/w");
        assertThat(store.describeUnder("/")).extracting(Parameter::name).contains("/tree/a/x", "/treehouse/q");
        assertThat(store.describeUnder("/nothing/here")).isEmpty();
    }

    @Test
    void describeAllAsksForFiftyNamesAtATime() throws Exception {
        List<String> names = IntStream.range(0, 60).mapToObj(i -> "/edit/many/p" + i).toList();
        names.forEach(n -> admin.ssm().putParameter(b -> b.name(n).value("v").type("String")));
        List<String> asked = new ArrayList<>(names);
        asked.add("/edit/many/missing");
        asked.add("/edit/many/p0"); // asked twice, sent once
        Moto.startRecording(moto);
        Map<String, Parameter> found = store.describeAll(asked);
        List<JsonNode> requests = requests(Moto.stopRecording(moto), "DescribeParameters");

        assertThat(found).containsOnlyKeys(names);
        // Two Name Equals filters (50 names, then 11), each paged at the largest page size (moto answers 10 a page).
        List<String> filters = requests.stream().map(body -> body.path("ParameterFilters").get(0)).map(f -> {
            assertThat(f.path("Key").asText()).isEqualTo("Name");
            assertThat(f.path("Option").asText()).isEqualTo("Equals");
            return f.path("Values").toString();
        }).distinct().toList();
        assertThat(filters).hasSize(2);
        assertThat(requests.get(0).path("ParameterFilters").get(0).path("Values")).hasSize(ParameterStore.FILTER_VALUES_MAX);
        assertThat(requests.get(requests.size() - 1).path("ParameterFilters").get(0).path("Values")).hasSize(11);
        assertThat(requests).allSatisfy(body -> assertThat(body.path("MaxResults").asInt()).isEqualTo(ParameterStore.LIST_PAGE_SIZE));
    }

    @Test
    void deleteSendsTenNamesACallAndReportsTheInvalidOnes() {
        List<String> names = new ArrayList<>(IntStream.range(0, 23).mapToObj(i -> "/edit/delete/p" + i).toList());
        names.forEach(n -> admin.ssm().putParameter(b -> b.name(n).value("v").type("String")));
        names.add("/edit/delete/missing-1");
        names.add("/edit/delete/missing-2");
        admin.calls().reset();
        List<String> invalid = store.delete(names);
        assertThat(invalid).containsExactlyInAnyOrder("/edit/delete/missing-1", "/edit/delete/missing-2");
        assertThat(admin.calls().count("DeleteParameters")).isEqualTo(3);
        assertThat(store.describeUnder("/edit/delete")).isEmpty();
    }

    // ------------------------------------------------------------------ copy and move

    @Test
    void planCopyMapsNamesAndRefusesBadOnes() {
        CopyPlan plan = ParameterCopy.plan(List.of("/apps/billing/url", "/apps/billing/db/host"), "/apps/billing", "/apps/invoicing");
        assertThat(plan.moves()).containsExactly(new CopyPlan.Move("/apps/billing/url", "/apps/invoicing/url"),
                new CopyPlan.Move("/apps/billing/db/host", "/apps/invoicing/db/host"));
        assertThat(admin.calls().snapshot()).isEmpty();

        InvalidDraftException invalid = catchThrowableOfType(InvalidDraftException.class, () -> ParameterCopy.plan(
                List.of("/apps/billing/url", "/other/x"), "/apps/billing", "/aws/billing"));
        assertThat(invalid.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("/other/x is not under /apps/billing"))
                .anySatisfy(m -> assertThat(m).startsWith("/aws/billing/url: ").contains("\"aws\" or \"ssm\""));
        assertThatThrownBy(() -> ParameterCopy.plan(List.of("/a/x"), "/a", "/a")).isInstanceOf(InvalidDraftException.class)
                .hasMessageContaining("onto itself");
        assertThatThrownBy(() -> ParameterCopy.plan(List.of("/a/x", "/a/x/x"), "/a/x", "/a/x/x")).isInstanceOf(InvalidDraftException.class);
    }

    @Test
    void copyCopiesEverythingButPoliciesAndKeepsTheSources() {
        seedCopySources("/copy/src");
        List<String> progress = new ArrayList<>();
        CopyPlan plan = ParameterCopy.plan(names(store.describeUnder("/copy/src")), "/copy/src", "/copy/dst");

        new ParameterCopy(store).copy(plan, false, progress::add);

        assertThat(progress).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("Copied /copy/src/"));
        Map<String, Parameter> copies = store.describeAll(plan.targets());
        Parameter url = copies.get("/copy/dst/url");
        assertThat(url.type()).isEqualTo(ParameterType.STRING);
        assertThat(url.description()).contains("the url");
        Parameter secret = copies.get("/copy/dst/db/password");
        assertThat(secret.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(secret.keyId()).contains(KEY_ALIAS);
        Parameter hosts = copies.get("/copy/dst/hosts");
        assertThat(hosts.type()).isEqualTo(ParameterType.STRING_LIST);
        assertThat(hosts.tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(store.values(plan.targets())).containsEntry("/copy/dst/db/password", SecretText.of("s3cret"))
                .containsEntry("/copy/dst/hosts", SecretText.of("a,b,c")).containsEntry("/copy/dst/url", SecretText.of("https://x"));
        assertThat(store.tags("/copy/dst/url")).containsExactly(new Tag("Team", "web"));
        assertThat(store.describeUnder("/copy/src")).hasSize(3);
    }

    @Test
    void moveDeletesTheSourcesOnlyAfterEveryCopy() {
        seedCopySources("/move/src");
        CopyPlan plan = ParameterCopy.plan(names(store.describeUnder("/move/src")), "/move/src", "/move/dst");
        List<String> progress = new ArrayList<>();
        admin.calls().reset();

        new ParameterCopy(store).copy(plan, true, progress::add);

        assertThat(store.describeUnder("/move/src")).isEmpty();
        assertThat(store.describeUnder("/move/dst")).hasSize(3);
        assertThat(progress).last().asString().isEqualTo("Deleted 3 of 3 old names");
        assertThat(admin.calls().count("DeleteParameters")).isEqualTo(1);
    }

    @Test
    void copyRefusesExistingTargetsBeforeWritingAnything() {
        seedCopySources("/clash/src");
        admin.ssm().putParameter(b -> b.name("/clash/dst/url").value("keep me").type("String"));
        CopyPlan plan = ParameterCopy.plan(names(store.describeUnder("/clash/src")), "/clash/src", "/clash/dst");
        assertThat(new ParameterCopy(store).existingTargets(plan)).containsExactly("/clash/dst/url");
        admin.calls().reset();

        CopyTargetsExistException refused = catchThrowableOfType(CopyTargetsExistException.class, () -> new ParameterCopy(store).copy(plan, true, null));

        assertThat(refused.existing()).containsExactly("/clash/dst/url");
        assertThat(admin.calls().count("PutParameter") + admin.calls().count("DeleteParameters")).isZero();
        assertThat(store.describeUnder("/clash/dst")).hasSize(1);
        assertThat(store.describeUnder("/clash/src")).hasSize(3);

        new ParameterCopy(store).copy(plan, false, true, null); // confirmed: overwrite
        assertThat(store.current("/clash/dst/url").value().reveal()).isEqualTo("https://x");
        assertThat(store.current("/clash/dst/url").version()).isEqualTo(2);
        assertThat(store.describeUnder("/clash/dst")).hasSize(3);
    }

    @Test
    void aFailedPutStopsTheCopyAndDeletesNothing() {
        seedCopySources("/fail/src");
        CopyPlan plan = ParameterCopy.plan(names(store.describeUnder("/fail/src")), "/fail/src", "/fail/dst");
        String second = plan.moves().get(1).to();
        // Someone creates the second target while the first is being copied.
        CopyIncompleteException incomplete = catchThrowableOfType(CopyIncompleteException.class, () -> new ParameterCopy(store).copy(plan, true, line ->
                admin.ssm().putParameter(b -> b.name(second).value("raced").type("String"))));

        assertThat(incomplete.copied()).containsExactly(plan.moves().get(0));
        assertThat(incomplete.failed()).isEqualTo(plan.moves().get(1));
        assertThat(incomplete.getCause()).isInstanceOf(ParameterConflictException.class);
        assertThat(incomplete.getMessage()).contains("nothing was deleted");
        assertThat(store.describeUnder("/fail/src")).hasSize(3);
        assertThat(store.current(second).value().reveal()).isEqualTo("raced");
    }

    @Test
    void copyingAVanishedSourceWritesNothing() {
        admin.ssm().putParameter(b -> b.name("/gone/src/a").value("v").type("String"));
        CopyPlan plan = ParameterCopy.plan(List.of("/gone/src/a", "/gone/src/b"), "/gone/src", "/gone/dst");
        assertThatThrownBy(() -> new ParameterCopy(store).copy(plan, false, null)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("/gone/src/b");
        assertThat(store.describeUnder("/gone/dst")).isEmpty();
    }

    private void seedCopySources(String folder) {
        store.put(draft(folder + "/url", "https://x").withDescription("the url").withTags(List.of(new Tag("Team", "web"))),
                OptionalLong.empty());
        store.put(ParameterDraft.of(folder + "/db/password", ParameterType.SECURE_STRING, SecretText.of("s3cret")).withKeyId(Optional.of(KEY_ALIAS)),
                OptionalLong.empty());
        store.put(ParameterDraft.of(folder + "/hosts", ParameterType.STRING_LIST, SecretText.of("a,b,c")).withTier(ParameterTier.ADVANCED), OptionalLong.empty());
    }

    private static List<String> names(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::name).toList();
    }

    // ------------------------------------------------------------------ Secrets Manager references

    @Test
    void secretReferencesResolveThroughParameterStore() {
        admin.secretsManager().createSecret(b -> b.name("edit/db").secretString("{\"password\":\"pw\"}"));
        SecretText value = store.resolveSecretReference("edit/db");
        assertThat(value.reveal()).isEqualTo("{\"password\":\"pw\"}");
        assertThat(value.toString()).doesNotContain("pw");
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> labelsOf(ParameterStore store, String name, long version) {
        return store.history(name, false).stream().filter(v -> v.version() == version).findFirst().orElseThrow().labels();
    }

    private List<String> labelsOf(String name, long version) {
        return labelsOf(store, name, version);
    }

    /** The JSON bodies of recorded SSM requests of one operation, in order. */
    static List<JsonNode> requests(List<String> recorded, String operation) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (String line : recorded) {
            JsonNode request = JSON.readTree(line);
            if (!("AmazonSSM." + operation).equals(request.path("headers").path("X-Amz-Target").asText())) {
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
