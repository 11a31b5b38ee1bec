package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.secrets.DatabaseTemplate;
import dev.coffer.secrets.PasswordOptions;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret editor's state, rules and save paths, against moto and without a window. */
@WithMoto
class SecretEditorViewModelIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;
    private static ClientFactory clients;
    private static SecretStore secrets;
    private final SameThreadBackground background = new SameThreadBackground();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        secrets = new SecretStore(clients);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static Secret create(String name, String value) {
        clients.secretsManager().createSecret(b -> b.name(name).secretString(value));
        return secrets.describe(name);
    }

    private static String valueOf(String name) {
        return clients.secretsManager().getSecretValue(b -> b.secretId(name)).secretString();
    }

    private static EntryRow row(SecretEditorViewModel model, String key) {
        return model.entries().stream().filter(r -> key.equals(r.keyProperty().get())).findFirst().orElseThrow();
    }

    @Test
    void aDatabaseSecretFromATemplateWithAGeneratedPassword() throws Exception {
        SecretEditorViewModel model = SecretEditorViewModel.create(background, clients, secrets);
        assertThat(model.state().isNew()).isTrue();
        assertThat(model.state().canSave().get()).isFalse();
        model.nameProperty().set("prod/payments/postgres");
        model.descriptionProperty().set("Payments database");
        model.apply(DatabaseTemplate.RDS_POSTGRESQL);
        assertThat(model.entries()).extracting(r -> r.keyProperty().get()).containsAll(SandboxData.DATABASE_SECRET_FIELDS);
        row(model, "host").valueProperty().set("payments.cluster-x.us-east-1.rds.amazonaws.com");
        row(model, "username").valueProperty().set("payments_app");
        row(model, "dbname").valueProperty().set("payments");

        EntryRow password = row(model, "password");
        model.generatePassword(PasswordOptions.defaults().withExcludePunctuation(true), password.valueProperty()::set);
        assertThat(password.valueProperty().get()).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(model.state().canSave().get()).isTrue();

        List<String> saved = new ArrayList<>();
        model.save(saved::add);

        assertThat(saved).containsExactly("prod/payments/postgres");
        JsonNode value = JSON.readTree(valueOf("prod/payments/postgres"));
        assertThat(value.get("engine").asText()).isEqualTo("postgres");
        assertThat(value.get("port").asInt()).isEqualTo(5432);
        assertThat(value.get("host").asText()).startsWith("payments.cluster-x");
        assertThat(value.get("password").asText()).isEqualTo(password.valueProperty().get());
    }

    @Test
    void editingOneKeyOfAJsonSecretKeepsThePreviousVersion() throws Exception {
        String before = "{\"engine\":\"mysql\",\"host\":\"db.internal\",\"port\":3306,\"username\":\"app\",\"password\":\"old\",\"dbname\":\"app\"}";
        Secret secret = create("edit/json-db", before);

        SecretEditorViewModel model = SecretEditorViewModel.edit(background, clients, secrets, secret);

        assertThat(model.modeProperty().get()).isEqualTo(SecretEditorViewModel.Mode.KEY_VALUE);
        assertThat(model.entries()).extracting(r -> r.keyProperty().get())
                .containsExactly("engine", "host", "port", "username", "password", "dbname");
        assertThat(model.state().dirtyProperty().get()).isFalse();
        assertThat(model.state().canSave().get()).isFalse();

        row(model, "password").valueProperty().set("new-password");
        assertThat(model.state().dirtyProperty().get()).isTrue();
        model.save(name -> { });

        JsonNode now = JSON.readTree(valueOf("edit/json-db"));
        assertThat(now.get("password").asText()).isEqualTo("new-password");
        assertThat(now.get("port").isNumber()).as("numbers stay numbers").isTrue();
        assertThat(clients.secretsManager().getSecretValue(b -> b.secretId("edit/json-db").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo(before);
    }

    @Test
    void everyProblemShowsAtOnceAndNothingIsSent() {
        Secret secret = create("edit/problems", "plain-value");
        SecretEditorViewModel model = SecretEditorViewModel.edit(background, clients, secrets, secret);
        assertThat(model.modeProperty().get()).isEqualTo(SecretEditorViewModel.Mode.TEXT);

        model.textProperty().set("é".repeat(32769));
        model.descriptionProperty().set("d".repeat(2049));

        assertThat(model.state().problemsOf("value").get()).contains("65,536");
        assertThat(model.state().problemsOf("description").get()).contains("2,048");
        assertThat(model.sizeText().get()).isEqualTo("65,538 of 65,536 bytes");
        assertThat(model.oversize().get()).isTrue();
        assertThat(model.state().canSave().get()).isFalse();
        model.save(name -> { throw new AssertionError("saved with problems"); });
        assertThat(valueOf("edit/problems")).isEqualTo("plain-value");
    }

    @Test
    void aSecretThatChangedMeanwhileKeepsTheDraftUntilTheUserSavesOverIt() {
        Secret secret = create("edit/conflict", "first");
        SecretEditorViewModel model = SecretEditorViewModel.edit(background, clients, secrets, secret);
        clients.secretsManager().putSecretValue(b -> b.secretId("edit/conflict").secretString("changed-by-someone-else"));

        model.textProperty().set("mine");
        model.save(name -> { throw new AssertionError("saved over the other change"); });

        assertThat(model.state().conflictProperty().get()).isNotNull();
        assertThat(model.state().messageProperty().get()).contains("changed since you opened it");
        assertThat(model.conflictText().get()).startsWith("Someone saved a new value").contains("theirs stays as AWSPREVIOUS");
        assertThat(valueOf("edit/conflict")).isEqualTo("changed-by-someone-else");
        assertThat(model.textProperty().get()).isEqualTo("mine");

        model.overwrite(name -> { });
        assertThat(valueOf("edit/conflict")).isEqualTo("mine");
        assertThat(model.state().conflictProperty().get()).isNull();
    }

    @Test
    void aSecretDeletedMeanwhileIsSaidSo() {
        Secret secret = create("edit/deleted", "value");
        SecretEditorViewModel model = SecretEditorViewModel.edit(background, clients, secrets, secret);
        clients.secretsManager().deleteSecret(b -> b.secretId("edit/deleted").forceDeleteWithoutRecovery(true));

        model.textProperty().set("mine");
        model.save(name -> { throw new AssertionError("saved a deleted secret"); });

        assertThat(model.conflictText().get()).contains("deleted or scheduled for deletion");
        assertThat(model.textProperty().get()).isEqualTo("mine");
    }

    @Test
    void aSaveWhoseAnswerWasLostIsRetriedWithoutASecondVersion() {
        Secret secret = create("edit/lost-answer", "v1");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            SecretEditorViewModel model = SecretEditorViewModel.edit(background, viaProxy, new SecretStore(viaProxy), secret);
            model.textProperty().set("v2");
            // AWS applies the PutSecretValue, but its answer never arrives.
            proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutSecretValue"));

            model.save(name -> { throw new AssertionError("no answer came back"); });
            assertThat(model.state().messageProperty().get()).endsWith("Your changes are still here.");

            proxy.clearFaults();
            List<String> saved = new ArrayList<>();
            model.save(saved::add);
            assertThat(saved).containsExactly("edit/lost-answer");
        }
        assertThat(valueOf("edit/lost-answer")).isEqualTo("v2");
        assertThat(clients.secretsManager().listSecretVersionIds(b -> b.secretId("edit/lost-answer")).versions())
                .as("one version of ours beside the first").hasSize(2);
    }

    @Test
    void switchingModesCarriesTheValueWhereItFits() throws Exception {
        SecretEditorViewModel model = SecretEditorViewModel.create(background, clients, secrets);
        model.entries().setAll(List.of(new EntryRow("user", "app"), new EntryRow("port", "5432")));

        model.switchMode(SecretEditorViewModel.Mode.TEXT);
        assertThat(JSON.readTree(model.textProperty().get()).get("user").asText()).isEqualTo("app");

        model.textProperty().set("not json");
        model.switchMode(SecretEditorViewModel.Mode.KEY_VALUE);
        assertThat(model.modeProperty().get()).isEqualTo(SecretEditorViewModel.Mode.TEXT);
        assertThat(model.state().messageProperty().get()).contains("not a JSON object");

        model.textProperty().set("{\"a\":\"1\"}");
        model.switchMode(SecretEditorViewModel.Mode.KEY_VALUE);
        assertThat(model.entries()).extracting(r -> r.keyProperty().get() + "=" + r.valueProperty().get()).containsExactly("a=1");
    }

    @Test
    void theRotationWizardsMissingKeysAreAddedEmpty() {
        Secret secret = create("edit/add-keys", "{\"host\":\"db\",\"password\":\"p\"}");

        SecretEditorViewModel model = SecretEditorViewModel.edit(background, clients, secrets, secret, List.of("host", "port", "dbname"));

        assertThat(model.entries()).extracting(r -> r.keyProperty().get() + "=" + r.valueProperty().get())
                .containsExactly("host=db", "password=p", "port=", "dbname=");
        assertThat(model.state().dirtyProperty().get()).as("nothing typed yet").isFalse();
    }

    @Test
    void aBinaryFileLargerThanASecretCanHoldIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path over = dir.resolve("over.p12");
        Path huge = dir.resolve("huge.p12");
        try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
            f.setLength(65_537);
        }
        // Reading this one whole would fail for its size alone (more than a Java array holds).
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        SecretEditorViewModel model = SecretEditorViewModel.create(background, clients, secrets);
        model.switchMode(SecretEditorViewModel.Mode.BINARY);
        for (Path file : List.of(over, huge)) {
            model.loadBinary(file);
            assertThat(model.state().messageProperty().get()).contains(file.getFileName().toString()).contains("65,536 bytes");
            assertThat(model.binaryInfo().get()).startsWith("No file loaded");
            assertThat(model.state().busyProperty().get()).isFalse();
        }
        Path small = java.nio.file.Files.write(dir.resolve("small.bin"), new byte[] {1, 2, 3});
        model.loadBinary(small);
        assertThat(model.binaryInfo().get()).startsWith("3 bytes · SHA-256 039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }
}
