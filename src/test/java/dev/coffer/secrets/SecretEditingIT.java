package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.aws.Tag;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretContent.Binary;
import dev.coffer.secrets.SecretContent.KeyValues;
import dev.coffer.secrets.SecretContent.Text;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The editing services of {@link SecretStore} against moto. Each test works on its own secrets,
 * created one at a time (moto can fail concurrent CreateSecret calls).
 */
@WithMoto
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretEditingIT {

    private static final String KEY_ALIAS = "alias/secret-editing-it";
    private static final byte[] KEYSTORE = {0, 1, 2, (byte) 0xff, 42, 7};

    private MotoServer moto;
    private ClientFactory admin;
    private SecretStore store;
    private String keyId;

    @BeforeAll
    void connect(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        store = new SecretStore(admin);
        keyId = admin.kms().createKey(b -> b.description("SecretEditingIT key")).keyMetadata().keyId();
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

    private static KeyValues db(String password) {
        return KeyValues.ofText(List.of(Map.entry("engine", "postgres"), Map.entry("host", "db.internal"), Map.entry("port", "5432"),
                Map.entry("username", "app"), Map.entry("password", password), Map.entry("dbname", "app")));
    }

    /** Creates a secret through the store and returns the draft it was made from. */
    private SecretDraft created(String name, SecretContent content) {
        SecretDraft draft = SecretDraft.of(name, content);
        store.create(draft, SecretStore.newRequestToken());
        return draft;
    }

    private int versionCount(String name) {
        return admin.secretsManager().listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true)).versions().size();
    }

    // ------------------------------------------------------------------ create

    @Test
    void createsTextKeyValueAndBinarySecretsWithKeyDescriptionAndTags() throws Exception {
        List<Tag> tags = List.of(new Tag("Team", "payments"), new Tag("Environment", "prod"));
        SecretDraft kv = new SecretDraft("create/db", "Billing database", db("s3cret"), Optional.of(KEY_ALIAS), tags);
        SecretDraft text = new SecretDraft("create/token", "", Text.of("tok-123"), Optional.of(keyId), List.of());
        SecretDraft binary = new SecretDraft("create/keystore", "Java keystore", new Binary(KEYSTORE), Optional.empty(),
                List.of(new Tag("Format", "JKS")));
        String token = SecretStore.newRequestToken();

        Moto.startRecording(moto);
        String kvArn = store.create(kv, token);
        String textArn = store.create(text, SecretStore.newRequestToken());
        String binaryArn = store.create(binary, SecretStore.newRequestToken());
        List<JsonNode> creates = SecretStoreIT.requestsFor(Moto.stopRecording(moto), "secretsmanager.CreateSecret");

        assertThat(kvArn).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:create/db-");
        assertThat(List.of(textArn, binaryArn)).allSatisfy(arn -> assertThat(arn).startsWith("arn:aws:secretsmanager:"));
        assertThat(creates).hasSize(3);
        assertThat(creates.get(0).path("ClientRequestToken").asText()).isEqualTo(token);
        assertThat(creates.get(0).path("SecretString").asText()).isEqualTo(db("s3cret").toSecretString());
        assertThat(creates.get(0).path("KmsKeyId").asText()).isEqualTo(KEY_ALIAS);
        assertThat(creates.get(0).path("Tags")).hasSize(2);
        assertThat(creates.get(1).has("Description")).isFalse();
        assertThat(creates.get(1).has("Tags")).isFalse();
        assertThat(creates.get(2).has("SecretString")).isFalse();
        assertThat(Base64.getDecoder().decode(creates.get(2).path("SecretBinary").asText())).isEqualTo(KEYSTORE);
        assertThat(creates.get(2).has("KmsKeyId")).isFalse();

        Secret described = store.describe("create/db");
        assertThat(described.description()).contains("Billing database");
        assertThat(described.kmsKeyId()).contains(KEY_ALIAS);
        assertThat(described.tags()).containsExactlyInAnyOrderElementsOf(tags);
        CurrentValue value = store.currentValue("create/db");
        assertThat(value.content()).isEqualTo(db("s3cret"));
        assertThat(value.versionId()).isEqualTo(token).isEqualTo(store.currentVersionId("create/db"));
        assertThat(store.currentValue("create/token").content()).isEqualTo(Text.of("tok-123"));
        assertThat(store.describe("create/token").kmsKeyId()).contains(keyId);
        assertThat(store.currentValue("create/keystore").content()).isEqualTo(new Binary(KEYSTORE));
        assertThat(store.describe("create/keystore").tags()).containsExactly(new Tag("Format", "JKS"));
    }

    @Test
    void retryingACreateWithTheSameTokenGivesTheSameSecret() {
        SecretDraft draft = SecretDraft.of("create/retried", Text.of("once"));
        String token = SecretStore.newRequestToken();
        String arn = store.create(draft, token);
        assertThat(store.create(draft, token)).isEqualTo(arn);
        assertThat(versionCount("create/retried")).isEqualTo(1);
        // another save (another token) of the same name is refused by AWS
        assertThatThrownBy(() -> store.create(draft, SecretStore.newRequestToken()))
                .isInstanceOf(software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException.class);
    }

    @Test
    void anInvalidDraftSendsNothing() {
        SecretDraft bad = new SecretDraft("bad name!", "d".repeat(3000), Text.of(""), Optional.empty(), List.of(new Tag("aws:x", "y")));
        InvalidDraftException invalid = catchThrowableOfType(InvalidDraftException.class, () -> store.create(bad, SecretStore.newRequestToken()));
        assertThat(invalid.problems()).extracting(Problem::field).contains("name", "description", "value", "tag[0].key");
        assertThat(admin.calls().snapshot()).isEmpty();
        assertThatThrownBy(() -> store.create(SecretDraft.of("ok", Text.of("v")), "too-short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    // ------------------------------------------------------------------ update

    @Test
    void changingOnlyTheValueMakesOneVersionAndRetryingTheSaveMakesNoOther() {
        SecretDraft original = created("update/value", db("old-password"));
        CurrentValue opened = store.currentValue("update/value");
        SecretDraft edited = original.withContent(db("new-password"));
        String token = SecretStore.newRequestToken();

        String newVersion = store.update("update/value", edited, opened.versionId(), original, token);

        assertThat(newVersion).isEqualTo(token);
        assertThat(versionCount("update/value")).isEqualTo(2);
        assertThat(store.currentValue("update/value")).isEqualTo(new CurrentValue(token, db("new-password")));
        assertThat(admin.calls().count("PutSecretValue")).isEqualTo(1);
        assertThat(admin.calls().count("UpdateSecret") + admin.calls().count("TagResource") + admin.calls().count("UntagResource")).isZero();

        // The answer was lost and the user presses Save again: same token, same expected version.
        String again = store.update("update/value", edited, opened.versionId(), original, token);
        assertThat(again).isEqualTo(token);
        assertThat(versionCount("update/value")).isEqualTo(2);
        assertThat(store.currentVersionId("update/value")).isEqualTo(token);
    }

    @Test
    void changingDescriptionKeyAndTagsSendsNoValue() {
        SecretDraft original = created("update/meta", Text.of("unchanged")).withDescription("")
                .withTags(List.of());
        store.update("update/meta", original.withTags(List.of(new Tag("Keep", "1"), new Tag("Change", "old"), new Tag("Drop", "x"))),
                store.currentVersionId("update/meta"), original, SecretStore.newRequestToken());
        Secret before = store.describe("update/meta");
        SecretDraft opened = SecretDraft.of(before, store.currentValue("update/meta").content());
        String current = store.currentVersionId("update/meta");
        admin.calls().reset();

        SecretDraft edited = opened.withDescription("Now described").withKmsKeyId(Optional.of(KEY_ALIAS))
                .withTags(List.of(new Tag("Keep", "1"), new Tag("Change", "new"), new Tag("Add", "y")));
        String result = store.update("update/meta", edited, current, opened, SecretStore.newRequestToken());

        assertThat(result).isEqualTo(current);
        assertThat(admin.calls().count("PutSecretValue")).isZero();
        assertThat(admin.calls().count("UpdateSecret")).isEqualTo(1);
        assertThat(admin.calls().count("UntagResource")).isEqualTo(1);
        assertThat(admin.calls().count("TagResource")).isEqualTo(1);
        assertThat(versionCount("update/meta")).isEqualTo(1);
        Secret after = store.describe("update/meta");
        assertThat(after.description()).contains("Now described");
        assertThat(after.kmsKeyId()).contains(KEY_ALIAS);
        assertThat(after.tags()).containsExactlyInAnyOrder(new Tag("Keep", "1"), new Tag("Change", "new"), new Tag("Add", "y"));
        assertThat(store.currentValue("update/meta").content()).isEqualTo(Text.of("unchanged"));
    }

    @Test
    void nothingChangedSendsNothingButTheCheck() {
        SecretDraft original = created("update/nothing", db("p"));
        String current = store.currentVersionId("update/nothing");
        admin.calls().reset();
        // the same value in another form (text of the same JSON) is no change either
        SecretDraft same = original.withContent(Text.of(db("p").toSecretString()));
        assertThat(store.update("update/nothing", same, current, original, SecretStore.newRequestToken())).isEqualTo(current);
        assertThat(admin.calls().snapshot()).containsOnlyKeys("DescribeSecret");
    }

    @Test
    void savingOverAVersionThatMovedOnIsAConflict() {
        SecretDraft original = created("update/conflict", Text.of("mine v1"));
        String opened = store.currentVersionId("update/conflict");
        String theirs = admin.secretsManager().putSecretValue(b -> b.secretId("update/conflict").secretString("theirs v2")).versionId();
        admin.calls().reset();

        SecretConflictException conflict = catchThrowableOfType(SecretConflictException.class, () -> store.update("update/conflict",
                original.withContent(Text.of("mine v2")), opened, original, SecretStore.newRequestToken()));

        assertThat(conflict.name()).isEqualTo("update/conflict");
        assertThat(conflict.expectedVersionId()).isEqualTo(opened);
        assertThat(conflict.actualVersionId()).contains(theirs);
        assertThat(conflict.deleted()).isFalse();
        assertThat(conflict.lastChanged()).isPresent();
        assertThat(conflict.getMessage()).contains(opened).contains(theirs).doesNotContain("mine v2");
        assertThat(admin.calls().count("PutSecretValue")).isZero();
        assertThat(store.currentValue("update/conflict").content()).isEqualTo(Text.of("theirs v2"));
    }

    @Test
    void savingASecretThatWasDeletedIsAConflict() {
        SecretDraft original = created("update/gone", Text.of("v1"));
        String opened = store.currentVersionId("update/gone");
        store.forceDelete("update/gone");
        SecretConflictException conflict = catchThrowableOfType(SecretConflictException.class, () -> store.update("update/gone",
                original.withContent(Text.of("v2")), opened, original, SecretStore.newRequestToken()));
        assertThat(conflict.deleted()).isTrue();
        assertThat(conflict.actualVersionId()).isEmpty();
    }

    @Test
    void aSecretCantBeRenamedAndAnUpdateNeedsAToken() {
        SecretDraft original = created("update/named", Text.of("v1"));
        String current = store.currentVersionId("update/named");
        admin.calls().reset();
        InvalidDraftException invalid = catchThrowableOfType(InvalidDraftException.class, () -> store.update("update/named",
                original.withName("update/renamed"), current, original, SecretStore.newRequestToken()));
        assertThat(invalid.problems()).extracting(Problem::field).containsExactly("name");
        assertThatThrownBy(() -> store.update("update/named", original, current, original, null)).isInstanceOf(NullPointerException.class);
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    // ------------------------------------------------------------------ versions, rollback, labels

    @Test
    void versionsListEveryVersionNewestFirstWithValuesWhenAsked() {
        // moto stamps every version with the secret's creation date, so this order comes from the stages
        created("versions/app", Text.of("one"));
        admin.secretsManager().putSecretValue(b -> b.secretId("versions/app").secretString("two"));
        admin.secretsManager().putSecretValue(b -> b.secretId("versions/app").secretBinary(SdkBytes.fromByteArray(KEYSTORE)));

        List<SecretVersion> plain = store.versions("versions/app", false);
        assertThat(plain).hasSize(3).allSatisfy(v -> assertThat(v.value()).isEmpty());
        assertThat(plain.get(0).isCurrent()).isTrue();
        assertThat(plain.get(1).isPrevious()).isTrue();
        assertThat(plain.get(2).deprecated()).isTrue(); // no label left: deprecated, still listed
        assertThat(admin.calls().count("GetSecretValue")).isZero();

        List<SecretVersion> withValues = store.versions("versions/app", true);
        assertThat(withValues).extracting(v -> v.value().orElseThrow())
                .containsExactly(new Binary(KEYSTORE), Text.of("two"), Text.of("one"));
        assertThat(withValues).allSatisfy(v -> assertThat(v.created()).isPresent());
        assertThat(store.versionValue("versions/app", plain.get(2).versionId())).contains(Text.of("one"));
        assertThat(store.versionValue("versions/app", "00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(withValues.toString()).doesNotContain("two").doesNotContain("one\"");
    }

    @Test
    void rollingBackMovesAwsCurrentAndAwsPreviousFollows() {
        created("rollback/app", Text.of("v1"));
        String v1 = store.currentVersionId("rollback/app");
        String v2 = admin.secretsManager().putSecretValue(b -> b.secretId("rollback/app").secretString("v2")).versionId();

        store.rollback("rollback/app", v1);

        Map<String, List<String>> stages = admin.secretsManager().describeSecret(b -> b.secretId("rollback/app")).versionIdsToStages();
        assertThat(stages.get(v1)).containsExactly("AWSCURRENT");
        assertThat(stages.get(v2)).containsExactly("AWSPREVIOUS");
        assertThat(store.currentValue("rollback/app")).isEqualTo(new CurrentValue(v1, Text.of("v1")));
        admin.calls().reset();
        store.rollback("rollback/app", v1); // already current: nothing to send
        assertThat(admin.calls().count("UpdateSecretVersionStage")).isZero();
    }

    @Test
    void customLabelsMoveBetweenVersionsAndAreRemoved() {
        created("labels/app", Text.of("v1"));
        String v1 = store.currentVersionId("labels/app");
        String v2 = admin.secretsManager().putSecretValue(b -> b.secretId("labels/app").secretString("v2")).versionId();

        store.moveLabel("labels/app", "blue", v1);
        assertThat(stagesOf("labels/app", v1)).containsExactlyInAnyOrder("AWSPREVIOUS", "blue");
        store.moveLabel("labels/app", "blue", v2);
        assertThat(stagesOf("labels/app", v1)).containsExactly("AWSPREVIOUS");
        assertThat(stagesOf("labels/app", v2)).containsExactlyInAnyOrder("AWSCURRENT", "blue");
        admin.calls().reset();
        store.moveLabel("labels/app", "blue", v2); // already there
        assertThat(admin.calls().count("UpdateSecretVersionStage")).isZero();

        store.removeLabel("labels/app", "blue");
        assertThat(stagesOf("labels/app", v2)).containsExactly("AWSCURRENT");
        admin.calls().reset();
        store.removeLabel("labels/app", "blue"); // on no version: nothing to send
        assertThatThrownBy(() -> store.removeLabel("labels/app", "AWSCURRENT")).isInstanceOf(InvalidDraftException.class);
        assertThatThrownBy(() -> store.moveLabel("labels/app", "AWSCURRENT", v1)).isInstanceOf(InvalidDraftException.class);
        assertThatThrownBy(() -> store.moveLabel("labels/app", "", v1)).isInstanceOf(InvalidDraftException.class);
        assertThat(admin.calls().count("UpdateSecretVersionStage")).isZero();
        store.removeLabel("labels/app", "AWSPREVIOUS"); // allowed: only AWSCURRENT must stay
        assertThat(stagesOf("labels/app", v1)).isEmpty();
    }

    @Test
    void theTwentyFirstLabelIsRefusedBeforeAnyChangeIsSent() {
        created("labels/full", Text.of("v1"));
        String v1 = store.currentVersionId("labels/full");
        String v2 = admin.secretsManager().putSecretValue(b -> b.secretId("labels/full").secretString("v2")).versionId();
        for (int i = 0; i < SecretRules.MAX_STAGING_LABELS - 2; i++) { // plus AWSCURRENT and AWSPREVIOUS
            String label = "l" + i;
            admin.secretsManager().updateSecretVersionStage(b -> b.secretId("labels/full").versionStage(label).moveToVersionId(v1));
        }
        admin.calls().reset();

        InvalidDraftException refused = catchThrowableOfType(InvalidDraftException.class,
                () -> store.moveLabel("labels/full", "one-too-many", v2));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("label");
            assertThat(p.message()).contains("at most 20");
        });
        assertThat(admin.calls().count("UpdateSecretVersionStage")).isZero();
        store.moveLabel("labels/full", "l0", v2); // moving one it has adds none
        assertThat(stagesOf("labels/full", v2)).contains("l0");
    }

    private List<String> stagesOf(String secret, String versionId) {
        return admin.secretsManager().describeSecret(b -> b.secretId(secret)).versionIdsToStages().getOrDefault(versionId, List.of());
    }

    // ------------------------------------------------------------------ passwords

    @Test
    void randomPasswordsHonourTheOptions() {
        String defaults = store.randomPassword(PasswordOptions.defaults());
        assertThat(defaults).hasSize(32);

        String noPunctuation = store.randomPassword(PasswordOptions.defaults().withLength(64).withExcludePunctuation(true)
                .withExcludeCharacters("aeiouAEIOU01"));
        assertThat(noPunctuation).hasSize(64).matches("[A-Za-z0-9]+").doesNotContainPattern("[aeiouAEIOU01]");

        String lowerOnly = store.randomPassword(new PasswordOptions(40, "", true, true, true, false, false, true));
        assertThat(lowerOnly).hasSize(40).matches("[a-z]+");

        String digitsAndUpper = store.randomPassword(new PasswordOptions(30, "", false, true, false, true, false, true));
        assertThat(digitsAndUpper).hasSize(30).matches("[A-Z0-9]+").containsPattern("[0-9]").containsPattern("[A-Z]");

        admin.calls().reset();
        assertThatThrownBy(() -> store.randomPassword(PasswordOptions.defaults().withLength(5000))).isInstanceOf(InvalidDraftException.class);
        assertThatThrownBy(() -> store.randomPassword(new PasswordOptions(10, "", true, true, true, true, false, true)))
                .isInstanceOf(InvalidDraftException.class);
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    // ------------------------------------------------------------------ deleting

    @Test
    void deletingWithAWindowCanBeUndoneAndForceDeletingCannot() {
        created("delete/app", Text.of("v"));
        store.delete("delete/app", 7);

        assertThat(listed(true)).filteredOn(s -> s.name().equals("delete/app")).singleElement()
                .satisfies(s -> assertThat(s.deletedDate()).isPresent());
        assertThat(listed(false)).extracting(Secret::name).doesNotContain("delete/app");
        assertThatThrownBy(() -> store.currentValue("delete/app")).isInstanceOf(InvalidRequestException.class);

        store.restore("delete/app");
        assertThat(listed(false)).filteredOn(s -> s.name().equals("delete/app")).singleElement()
                .satisfies(s -> assertThat(s.deletedDate()).isEmpty());
        assertThat(store.currentValue("delete/app").content()).isEqualTo(Text.of("v"));

        store.forceDelete("delete/app");
        assertThat(listed(true)).extracting(Secret::name).doesNotContain("delete/app");
        assertThatThrownBy(() -> store.describe("delete/app")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void recoveryWindowsOutsideSevenToThirtyDaysAreRefusedBeforeAnyCall() {
        for (int days : new int[] {6, 31, 0}) {
            InvalidDraftException refused = catchThrowableOfType(InvalidDraftException.class, () -> store.delete("delete/any", days));
            assertThat(refused.problems()).extracting(Problem::field).containsExactly("recoveryWindow");
        }
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    private List<Secret> listed(boolean includePlannedDeletion) {
        List<Secret> all = new ArrayList<>();
        store.listAll(all::addAll, () -> false, includePlannedDeletion);
        return all;
    }

    // ------------------------------------------------------------------ resource policy

    @Test
    void resourcePoliciesArePutReadAndDeleted() throws Exception {
        created("policy/app", Text.of("v"));
        assertThat(store.resourcePolicy("policy/app")).isEmpty();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/app\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";

        Moto.startRecording(moto);
        store.putResourcePolicy("policy/app", policy);
        List<JsonNode> puts = SecretStoreIT.requestsFor(Moto.stopRecording(moto), "secretsmanager.PutResourcePolicy");
        assertThat(puts).singleElement().satisfies(body -> assertThat(body.path("BlockPublicPolicy").asBoolean()).isTrue());

        assertThat(store.resourcePolicy("policy/app")).hasValueSatisfying(p -> assertThat(p).contains("arn:aws:iam::123456789012:role/app"));
        store.deleteResourcePolicy("policy/app");
        assertThat(store.resourcePolicy("policy/app")).isEmpty();
    }

    @Test
    void aPolicyThatIsNotJsonIsReportedWithLineAndColumnAndNeverSent() {
        admin.calls().reset();
        PolicyCheck check = store.validatePolicy("policy/any", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ oops ]\n}");
        assertThat(check.valid()).isFalse();
        assertThat(check.findings()).singleElement().asString().startsWith("ERROR: Not valid JSON at line 3, column");
        assertThat(store.validatePolicy("policy/any", "[]").findings()).singleElement().asString().contains("JSON object");
        assertThat(store.validatePolicy("policy/any", "{} {}").findings()).singleElement().asString().contains("line 1, column 4");
        InvalidDraftException refused = catchThrowableOfType(InvalidDraftException.class,
                () -> store.putResourcePolicy("policy/any", "{\"Version\": }"));
        assertThat(refused.problems()).extracting(Problem::field).containsExactly("policy");
        assertThat(refused.getMessage()).contains("line 1, column");
        assertThat(admin.calls().snapshot()).isEmpty();
    }

    // ------------------------------------------------------------------ rotation status and read-only

    @Test
    void rotationStatusOfASecretThatDoesNotRotate() {
        created("rotation/none", Text.of("v"));
        RotationStatus status = store.rotation("rotation/none");
        assertThat(status.enabled()).isFalse();
        assertThat(status.lambdaArn()).isEmpty();
        assertThat(status.automaticallyAfterDays()).isEmpty();
        assertThat(status.nextRotation()).isEmpty();
    }

    @Test
    void aReadOnlySessionMakesPasswordsButChangesNothing() {
        SecretDraft original = created("readonly/app", Text.of("v1"));
        String current = store.currentVersionId("readonly/app");
        try (ClientFactory reader = Moto.clients(moto, true)) {
            SecretStore readOnly = new SecretStore(reader);
            assertThat(readOnly.randomPassword(PasswordOptions.defaults())).hasSize(32);
            assertThat(readOnly.currentValue("readonly/app").content()).isEqualTo(Text.of("v1"));
            assertThatThrownBy(() -> readOnly.update("readonly/app", original.withContent(Text.of("v2")), current, original,
                    SecretStore.newRequestToken())).isInstanceOf(ReadOnlyRefusedException.class);
            assertThatThrownBy(() -> readOnly.delete("readonly/app", 7)).isInstanceOf(ReadOnlyRefusedException.class);
            assertThatThrownBy(() -> readOnly.create(SecretDraft.of("readonly/new", Text.of("x")), null))
                    .isInstanceOf(ReadOnlyRefusedException.class);
        }
        assertThat(store.currentValue("readonly/app").content()).isEqualTo(Text.of("v1"));
    }
}
