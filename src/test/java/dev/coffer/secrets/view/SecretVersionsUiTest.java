package dev.coffer.secrets.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.controls.Comparison;
import dev.coffer.ui.kit.controls.DiffView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secret versions, labels, deletion and restore, and the resource policy, through the real window against moto. */
@WithMoto
@ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class SecretVersionsUiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static App app;
    private static ClientFactory sdk;
    private static String firstVersion;
    private static String secondVersion;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        SecretsManagerClient sm = sdk.secretsManager();
        firstVersion = sm.createSecret(b -> b.name("versions/app-key").secretString("alpha-one")).versionId();
        secondVersion = sm.putSecretValue(b -> b.secretId("versions/app-key").secretString("alpha-two")).versionId();
        sm.createSecret(b -> b.name("versions/to-delete").secretString("delete-value"));
        sm.createSecret(b -> b.name("versions/force-me").secretString("force-value"));
        sm.createSecret(b -> b.name("versions/policy").secretString("policy-value"));
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
    }

    @AfterEach
    void closeWindows() {
        CofferUi.closeOtherWindows(app);
    }

    private SecretsManagerClient sm() {
        return sdk.secretsManager();
    }

    private void selectSecret(String name) {
        robot.clickOn("#secretFilter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(name);
        await().atMost(WAIT).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> name.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    @SuppressWarnings("unchecked")
    private TableView<SecretVersion> openVersions(String name, int expected) {
        selectSecret(name);
        robot.clickOn("#versionsSecretButton");
        await().atMost(WAIT).until(() -> robot.lookup("#versionTable").tryQuery().isPresent());
        TableView<SecretVersion> table = robot.lookup("#versionTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> table.getItems().size() == expected));
        return table;
    }

    private Node versionRow(TableView<SecretVersion> table, String versionId) {
        return robot.lookup("#versionTable .table-cell").match(LabeledMatchers.hasText(versionId)).queryAs(Node.class);
    }

    private Node dialogButton(String text) {
        await().atMost(WAIT).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        return robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).queryAs(Node.class);
    }

    /** A visible menu or menu item label, matched without its mnemonic underscore. */
    private Node menuText(String text) {
        await().atMost(WAIT).until(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.isVisible()
                && l.getScene() != null && l.getText() != null && l.getText().replace("_", "").equals(text)).tryQuery().isPresent());
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.isVisible()
                && l.getScene() != null && l.getText() != null && l.getText().replace("_", "").equals(text)).queryAs(Node.class);
    }

    private String diffText() {
        return onFx(() -> String.join("\n", robot.lookup("#diffView").queryAs(DiffView.class).getItems().stream()
                .map(Comparison.Line::text).toList()));
    }

    private Map<String, List<String>> stages(String name) {
        return sm().describeSecret(b -> b.secretId(name)).versionIdsToStages();
    }

    @Test
    void comparesVersionsMaskedUntilRevealedThenRollsBack() {
        TableView<SecretVersion> table = openVersions("versions/app-key", 2);
        assertThat(onFx(() -> table.getItems().stream().filter(v -> v.versionId().equals(secondVersion)).findFirst().orElseThrow()
                .stages())).contains("AWSCURRENT");
        assertThat(onFx(() -> table.getItems().stream().filter(v -> v.versionId().equals(firstVersion)).findFirst().orElseThrow()
                .stages())).contains("AWSPREVIOUS");

        robot.clickOn(versionRow(table, firstVersion));
        robot.press(KeyCode.CONTROL).clickOn(versionRow(table, secondVersion)).release(KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> onFx(() -> table.getSelectionModel().getSelectedItems().size() == 2));
        await().atMost(WAIT).until(() -> diffText().contains("masked"));
        assertThat(diffText()).doesNotContain("alpha-one").doesNotContain("alpha-two");

        robot.clickOn("#revealValuesButton");
        await().atMost(WAIT).until(() -> onFx(() -> table.getItems().size() == 2 && table.getItems().get(0).value().isPresent()));
        robot.clickOn(versionRow(table, firstVersion));
        robot.press(KeyCode.CONTROL).clickOn(versionRow(table, secondVersion)).release(KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> diffText().contains("alpha-one") && diffText().contains("alpha-two"));
        List<Comparison.Line> lines = onFx(() -> List.copyOf(robot.lookup("#diffView").queryAs(DiffView.class).getItems()));
        assertThat(lines).anyMatch(l -> l.kind() == Comparison.Kind.REMOVED && l.text().contains("alpha-one"));
        assertThat(lines).anyMatch(l -> l.kind() == Comparison.Kind.ADDED && l.text().contains("alpha-two"));
        Screenshots.save(table.getScene(), "secret-versions-diff");

        robot.clickOn(versionRow(table, firstVersion));
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#restoreButton").queryAs(Button.class).isDisabled()));
        robot.clickOn("#restoreButton");
        robot.clickOn(dialogButton("Make current"));
        await().atMost(WAIT).until(() -> stages("versions/app-key").getOrDefault(firstVersion, List.of()).contains("AWSCURRENT"));
        assertThat(stages("versions/app-key").get(secondVersion)).contains("AWSPREVIOUS");
        await().atMost(WAIT).until(() -> onFx(() -> table.getItems().stream()
                .anyMatch(v -> v.versionId().equals(firstVersion) && v.isCurrent())));
    }

    @Test
    void schedulesDeletionThenRestoresFromTheScheduledList() {
        selectSecret("versions/to-delete");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        await().atMost(WAIT).until(() -> robot.lookup("#recoverySpinner").tryQuery().isPresent());
        robot.clickOn("#recoverySpinner .text-field").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("7").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> onFx(() -> Integer.valueOf(7).equals(
                robot.lookup("#recoverySpinner").queryAs(javafx.scene.control.Spinner.class).getValue())));
        Screenshots.save(robot.lookup("#recoverySpinner").queryAs(Node.class).getScene(), "secret-delete");
        robot.clickOn("#deleteButton");
        await().atMost(WAIT).until(() -> sm().describeSecret(b -> b.secretId("versions/to-delete")).deletedDate() != null);
        await().atMost(WAIT).until(() -> onFx(() -> app.model().secrets().all().stream()
                .noneMatch(r -> r.secret().name().equals("versions/to-delete"))));

        robot.clickOn("#showDeletedSecretsCheck");
        CofferUi.awaitLoaded(app);
        selectSecret("versions/to-delete");
        await().atMost(WAIT).until(() -> robot.lookup(LabeledMatchers.hasText("Scheduled deletion")).tryQuery().isPresent());
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#restoreSecretButton").queryAs(Button.class).isVisible()));
        // Until it is restored, it cannot be edited: the button is off and Enter opens nothing.
        assertThat(onFx(() -> robot.lookup("#editSecretButton").queryAs(Button.class).isDisabled())).isTrue();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();   // the editor would open within Enter's handler
        assertThat(robot.lookup("#entryTable").tryQuery()).isEmpty();
        Screenshots.save(app.stage().getScene(), "secret-restore");
        robot.clickOn("#restoreSecretButton");
        await().atMost(WAIT).until(() -> sm().describeSecret(b -> b.secretId("versions/to-delete")).deletedDate() == null);
        await().atMost(WAIT).until(() -> onFx(() -> app.model().secrets().all().stream()
                .anyMatch(r -> r.secret().name().equals("versions/to-delete") && r.secret().deletedDate().isEmpty())));

        robot.clickOn("#showDeletedSecretsCheck");
        CofferUi.awaitLoaded(app);
    }

    @Test
    void forceDeleteNeedsTheTypedName() {
        selectSecret("versions/force-me");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        await().atMost(WAIT).until(() -> robot.lookup("#forceCheck").tryQuery().isPresent());
        robot.clickOn("#forceCheck");
        assertThat(onFx(() -> robot.lookup("#deleteButton").queryAs(Button.class).isDisabled())).isTrue();
        robot.clickOn("#confirmField").write("versions/force");
        assertThat(onFx(() -> robot.lookup("#deleteButton").queryAs(Button.class).isDisabled())).isTrue();
        robot.write("-me");
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#deleteButton").queryAs(Button.class).isDisabled()));
        robot.clickOn("#deleteButton");
        await().atMost(WAIT).until(() -> sm().listSecrets(b -> b.includePlannedDeletion(true)).secretList().stream()
                .noneMatch(s -> s.name().equals("versions/force-me")));
        await().atMost(WAIT).until(() -> onFx(() -> app.model().secrets().all().stream()
                .noneMatch(r -> r.secret().name().equals("versions/force-me"))));
    }

    @Test
    void putsValidatesAndDeletesTheResourcePolicy() {
        selectSecret("versions/policy");
        robot.clickOn(robot.from(robot.lookup("#menuBar").queryAs(Node.class)).lookup((Node n) -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().replace("_", "").equals("Secret")).queryAs(Node.class));
        robot.clickOn(menuText("Resource policy…"));
        await().atMost(WAIT).until(() -> robot.lookup("#policyArea").tryQuery().isPresent());
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#messageLabel").queryAs(Label.class).getText().isEmpty()));

        robot.clickOn("#policyArea").write("{\"Version\": }");
        robot.clickOn("#validateButton");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#findingsLabel").queryAs(Label.class).getText().contains("line 1")));
        assertThat(onFx(() -> robot.lookup("#saveButton").queryAs(Button.class).isDisabled())).isTrue();

        String policy = String.join("\n", "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [{",
                "    \"Effect\": \"Allow\",", "    \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"},",
                "    \"Action\": \"secretsmanager:GetSecretValue\",", "    \"Resource\": \"*\"", "  }]", "}");
        robot.clickOn("#policyArea").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        onFx(() -> {
            // Pasting a whole document, as users do; typing it key by key is slow on a busy machine.
            robot.lookup("#policyArea").queryAs(javafx.scene.control.TextArea.class).replaceSelection(policy);
            return null;
        });
        robot.clickOn("#validateButton");
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled()));
        assertThat(onFx(() -> robot.lookup("#findingsLabel").queryAs(Label.class).getText())).doesNotContain("line 1");
        Screenshots.save(robot.lookup("#policyArea").queryAs(Node.class).getScene(), "secret-policy");
        robot.clickOn("#saveButton");
        await().atMost(WAIT).until(() -> sm().getResourcePolicy(b -> b.secretId("versions/policy")).resourcePolicy() != null);
        assertThat(sm().getResourcePolicy(b -> b.secretId("versions/policy")).resourcePolicy()).contains("GetSecretValue");

        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#deletePolicyButton").queryAs(Button.class).isDisabled()));
        robot.clickOn("#deletePolicyButton");
        robot.clickOn(dialogButton("Delete policy"));
        await().atMost(WAIT).until(() -> {
            String p = sm().getResourcePolicy(b -> b.secretId("versions/policy")).resourcePolicy();
            return p == null || p.isBlank();
        });
    }
}
