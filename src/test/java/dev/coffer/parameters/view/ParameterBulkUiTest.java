package dev.coffer.parameters.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * Delete, copy, move, export, import and Secrets Manager references through the real window,
 * against moto. Each test works in its own folder, so their order does not matter.
 */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterBulkUiTest {

    private static final Duration UI = Duration.ofSeconds(20);
    private static final String SECRET = "bulk/reference-db";
    private static final String SECRET_VALUE = "{\"username\":\"app\",\"password\":\"pa55-Reference!\"}";
    private static final String SECURE_VALUE = "never-on-disk-4711";

    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        // delete one parameter
        put("/bulk/single/old-endpoint", "https://old.example.com", ParameterType.STRING, "");
        put("/bulk/single/kept-endpoint", "https://new.example.com", ParameterType.STRING, "");
        // delete a folder; its sibling with a similar name stays
        put("/bulk/retired/app/db-host", "db.internal", ParameterType.STRING, "");
        put("/bulk/retired/app/db-port", "5432", ParameterType.STRING, "");
        put("/bulk/retired/feature-flag", "off", ParameterType.STRING, "");
        put("/bulk/retirement/policy", "keep", ParameterType.STRING, "");
        // copy a subtree
        put("/bulk/billing/url", "https://billing.example.com", ParameterType.STRING, "Billing endpoint");
        put("/bulk/billing/db/password", "billing-pw-1", ParameterType.SECURE_STRING, "Billing database password");
        put("/bulk/billing/regions", "eu-west-1,us-east-1", ParameterType.STRING_LIST, "Regions billed");
        for (String name : List.of("/bulk/billing/url", "/bulk/billing/db/password")) {
            sdk.ssm().addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
                    .tags(t -> t.key("Team").value("billing"), t -> t.key("Env").value("prod")));
        }
        // move a subtree onto a folder where one name exists already
        put("/bulk/legacy/api/url", "https://api.example.com", ParameterType.STRING, "API endpoint");
        put("/bulk/legacy/api/timeout", "30", ParameterType.STRING, "");
        put("/bulk/legacy/maintenance", "false", ParameterType.STRING, "");
        put("/bulk/modern/maintenance", "true", ParameterType.STRING, "");
        // export and import: one unchanged, one updated, one created, one SecureString skipped
        put("/bulk/exported/url", "https://shop.example.com", ParameterType.STRING, "Shop endpoint");
        put("/bulk/exported/timeout", "60", ParameterType.STRING, "");
        put("/bulk/exported/hosts", "a.example.com,b.example.com", ParameterType.STRING_LIST, "");
        put("/bulk/exported/token", SECURE_VALUE, ParameterType.SECURE_STRING, "");
        put("/bulk/imported/url", "https://shop.example.com", ParameterType.STRING, "Shop endpoint");
        put("/bulk/imported/timeout", "15", ParameterType.STRING, "");
        // a Secrets Manager secret to resolve through Parameter Store
        sdk.secretsManager().createSecret(b -> b.name(SECRET).secretString(SECRET_VALUE));
        app = CofferUi.launch(moto, false);
    }

    private static void put(String name, String value, ParameterType type, String description) {
        sdk.ssm().putParameter(b -> {
            b.name(name).value(value).type(type).overwrite(true);
            if (!description.isEmpty()) {
                b.description(description);
            }
        });
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
    }

    @AfterEach
    void closeDialogs() {
        CofferUi.closeOtherWindows(app);
    }

    // ------------------------------------------------------------------ helpers

    private void clickParameter(String name) {
        onFx(() -> {
            app.window().selectParameter(name);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, ParameterPath.leafOf(name)));
    }

    private void openFolderMenu(String folder, String item) {
        onFx(() -> {
            app.window().selectFolder(folder);
            return null;
        });
        CofferUi.openContextMenu(robot, CofferUi.treeRow(robot, ParameterPath.leafOf(folder)));
        awaitNode(item);
        robot.clickOn(item);
    }

    private void awaitNode(String query) {
        await().atMost(UI).until(() -> robot.lookup(query).tryQuery().isPresent());
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void replaceText(String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    private boolean disabled(String query) {
        return onFx(() -> node(query, Node.class).isDisabled());
    }

    private static boolean exists(String name) {
        return !sdk.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").option("Equals").values(name)))
                .parameters().isEmpty();
    }

    private static software.amazon.awssdk.services.ssm.model.ParameterMetadata metadata(String name) {
        return sdk.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").option("Equals").values(name))).parameters().get(0);
    }

    private static String value(String name) {
        return sdk.ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
    }

    private static Map<String, String> tags(String name) {
        return sdk.ssm().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                .tagList().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private boolean inTree(String name) {
        return onFx(() -> app.model().parameters().tree().all().stream().anyMatch(p -> p.name().equals(name)));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void deletesOneParameterAfterAConfirmationThatNamesIt() {
        String gone = "/bulk/single/old-endpoint";
        clickParameter(gone);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        awaitNode("#deleteTitle");
        assertThat(onFx(() -> node("#deleteTitle", Label.class).getText())).contains(gone);
        assertThat(exists(gone)).isTrue();
        Screenshots.save(node("#deleteTitle", Node.class).getScene(), "bulk-delete-parameter");

        robot.clickOn("#deleteButton");
        await().atMost(UI).until(() -> robot.lookup("#deleteTitle").tryQuery().isEmpty());
        await().atMost(UI).until(() -> !exists(gone));
        assertThat(exists("/bulk/single/kept-endpoint")).isTrue();
        await().atMost(UI).until(() -> !inTree(gone));
        assertThat(inTree("/bulk/single/kept-endpoint")).isTrue();
    }

    @Test
    void deletesAFolderOnlyAfterItsPathWasTyped() {
        openFolderMenu("/bulk/retired", "Delete folder…");
        awaitNode("#deleteConfirmField");
        ListView<String> names = node("#deleteNames", ListView.class);
        await().atMost(UI).until(() -> onFx(() -> names.getItems().size() == 3));
        assertThat(onFx(() -> List.copyOf(names.getItems())))
                .containsExactly("/bulk/retired/app/db-host", "/bulk/retired/app/db-port", "/bulk/retired/feature-flag");
        assertThat(disabled("#deleteButton")).isTrue();

        robot.clickOn("#deleteConfirmField").write("/bulk/retire");
        assertThat(disabled("#deleteButton")).isTrue();
        robot.write("d");
        assertThat(disabled("#deleteButton")).isFalse();
        Screenshots.save(node("#deleteNames", Node.class).getScene(), "bulk-delete-folder");

        robot.clickOn("#deleteButton");
        await().atMost(UI).until(() -> robot.lookup("#deleteConfirmField").tryQuery().isEmpty());
        for (String name : List.of("/bulk/retired/app/db-host", "/bulk/retired/app/db-port", "/bulk/retired/feature-flag")) {
            assertThat(exists(name)).as(name).isFalse();
            assertThat(inTree(name)).as(name).isFalse();
        }
        assertThat(exists("/bulk/retirement/policy")).isTrue();
        assertThat(onFx(() -> app.model().parameters().revealFolder("/bulk/retired"))).isNull();
    }

    @Test
    void copiesASubtreeWithTypesValuesDescriptionsAndTags() {
        openFolderMenu("/bulk/billing", "Copy or move folder…");
        awaitNode("#copyTargetField");
        replaceText("#copyTargetField", "/bulk/invoicing");
        TableView<CopyParametersViewModel.Row> preview = node("#copyPreview", TableView.class);
        await().atMost(UI).until(() -> !disabled("#copyButton"));
        assertThat(onFx(() -> preview.getItems().stream().map(CopyParametersViewModel.Row::to).toList()))
                .containsExactly("/bulk/invoicing/db/password", "/bulk/invoicing/regions", "/bulk/invoicing/url");

        robot.clickOn("#copyButton");
        await().atMost(UI).until(() -> onFx(() -> node("#copyMessage", Label.class).getText().startsWith("Copied 3 parameters")));
        for (String from : List.of("/bulk/billing/url", "/bulk/billing/db/password", "/bulk/billing/regions")) {
            String to = "/bulk/invoicing" + from.substring("/bulk/billing".length());
            assertThat(exists(from)).as(from).isTrue();
            assertThat(metadata(to).type()).as(to).isEqualTo(metadata(from).type());
            assertThat(metadata(to).description()).as(to).isEqualTo(metadata(from).description());
            assertThat(value(to)).as(to).isEqualTo(value(from));
            assertThat(tags(to)).as(to).isEqualTo(tags(from));
        }
        assertThat(tags("/bulk/invoicing/url")).containsEntry("Team", "billing");
        await().atMost(UI).until(() -> inTree("/bulk/invoicing/db/password") && inTree("/bulk/invoicing/url"));
        assertThat(inTree("/bulk/billing/url")).isTrue();
    }

    @Test
    void movesASubtreeAndOverwritesAnExistingNameOnlyAfterTheTick() {
        onFx(() -> {
            app.window().selectFolder("/bulk/legacy");
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, "legacy"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitNode("#copyTargetField");
        replaceText("#copyTargetField", "/bulk/modern");
        robot.clickOn("#copyMoveCheck");
        await().atMost(UI).until(() -> onFx(() -> node("#existingBar", Node.class).isVisible()));
        assertThat(onFx(() -> node("#existingText", Label.class).getText())).contains("/bulk/modern/maintenance");
        assertThat(disabled("#copyButton")).isTrue();
        assertThat(onFx(() -> node("#copyButton", Button.class).getText())).isEqualTo("Move");

        robot.clickOn("#copyOverwriteCheck");
        assertThat(onFx(() -> node("#copyOverwriteCheck", CheckBox.class).isSelected())).isTrue();
        assertThat(disabled("#copyButton")).isFalse();
        Screenshots.save(node("#copyPreview", Node.class).getScene(), "bulk-copy-move");

        robot.clickOn("#copyButton");
        await().atMost(UI).until(() -> onFx(() -> node("#copyMessage", Label.class).getText().startsWith("Moved 3 parameters")));
        assertThat(value("/bulk/modern/api/url")).isEqualTo("https://api.example.com");
        assertThat(metadata("/bulk/modern/api/url").description()).isEqualTo("API endpoint");
        assertThat(value("/bulk/modern/api/timeout")).isEqualTo("30");
        assertThat(value("/bulk/modern/maintenance")).isEqualTo("false");
        for (String old : List.of("/bulk/legacy/api/url", "/bulk/legacy/api/timeout", "/bulk/legacy/maintenance")) {
            assertThat(exists(old)).as(old).isFalse();
        }
        await().atMost(UI).until(() -> inTree("/bulk/modern/api/url") && inTree("/bulk/modern/api/timeout"));
        assertThat(inTree("/bulk/legacy/maintenance")).isFalse();
        assertThat(onFx(() -> app.model().parameters().revealFolder("/bulk/legacy"))).isNull();
    }

    @Test
    void exportsAFolderWithoutSecureValuesAndImportsItIntoAnotherAfterAPreview() throws Exception {
        // Typed relative to the working folder, as a user may; short, since the robot types every character.
        String typed = "target/bulk/export.json";
        Path file = Path.of(typed).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);

        openFolderMenu("/bulk/exported", "Export folder…");
        awaitNode("#exportFileField");
        assertThat(onFx(() -> node("#exportNote", Label.class).getText())).contains("SecureString values are never exported");
        TableView<?> listed = node("#exportPreview", TableView.class);
        await().atMost(UI).until(() -> onFx(() -> listed.getItems().size() == 4));
        replaceText("#exportFileField", typed);
        Screenshots.save(listed.getScene(), "bulk-export");
        robot.clickOn("#exportButton");
        await().atMost(UI).until(() -> onFx(() -> node("#exportMessage", Label.class).getText().startsWith("Exported")));
        String json = Files.readString(file);
        assertThat(json).contains("/bulk/exported/url", "/bulk/exported/token", "https://shop.example.com").doesNotContain(SECURE_VALUE);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("an export holds values: its owner's alone").isEqualTo("rw-------");
        robot.clickOn("#exportCloseButton");

        openFolderMenu("/bulk/imported", "Import into folder…");
        awaitNode("#importFileField");
        assertThat(onFx(() -> node("#importFolderField", TextField.class).getText())).isEqualTo("/bulk/imported");
        assertThat(disabled("#importApplyButton")).isTrue();
        robot.clickOn("#importFileField").write(typed);
        robot.clickOn("#importPreviewButton");
        TableView<ImportParametersViewModel.Row> plan = node("#importPlanTable", TableView.class);
        await().atMost(UI).until(() -> onFx(() -> plan.getItems().size() == 4));
        assertThat(onFx(() -> node("#importSummary", Label.class).getText()))
                .isEqualTo("1 to create · 1 to update · 1 unchanged · 1 skipped");
        Map<String, ImportParametersViewModel.Action> actions = onFx(() -> plan.getItems().stream()
                .collect(Collectors.toMap(ImportParametersViewModel.Row::name, ImportParametersViewModel.Row::action)));
        assertThat(actions).containsEntry("/bulk/imported/hosts", ImportParametersViewModel.Action.CREATE)
                .containsEntry("/bulk/imported/timeout", ImportParametersViewModel.Action.UPDATE)
                .containsEntry("/bulk/imported/url", ImportParametersViewModel.Action.UNCHANGED)
                .containsEntry("/bulk/imported/token", ImportParametersViewModel.Action.SKIP);
        // A dry run: nothing has changed yet.
        assertThat(exists("/bulk/imported/hosts")).isFalse();
        assertThat(value("/bulk/imported/timeout")).isEqualTo("15");
        Screenshots.save(plan.getScene(), "bulk-import-preview");

        robot.clickOn("#importApplyButton");
        await().atMost(UI).until(() -> onFx(() -> node("#importMessage", Label.class).getText().startsWith("Created 1, updated 1.")));
        assertThat(value("/bulk/imported/hosts")).isEqualTo("a.example.com,b.example.com");
        assertThat(metadata("/bulk/imported/hosts").typeAsString()).isEqualTo("StringList");
        assertThat(value("/bulk/imported/timeout")).isEqualTo("60");
        assertThat(exists("/bulk/imported/token")).isFalse();
        await().atMost(UI).until(() -> inTree("/bulk/imported/hosts"));
    }

    @Test
    void resolvesASecretsManagerReferenceMaskedUntilRevealed() {
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(SECRET)).queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitNode("#referenceIdField");
        assertThat(onFx(() -> node("#referenceIdField", TextField.class).getText())).isEqualTo(SECRET);
        assertThat(onFx(() -> node("#referencePath", Label.class).getText())).isEqualTo("/aws/reference/secretsmanager/" + SECRET);

        robot.clickOn("#referenceResolveButton");
        await().atMost(UI).until(() -> onFx(() -> node("#referenceMasked", Node.class).isVisible()));
        TextArea shown = node("#referenceValue", TextArea.class);
        assertThat(onFx(() -> shown.isVisible())).isFalse();
        assertThat(onFx(() -> shown.getText())).isEmpty();
        Screenshots.save(shown.getScene(), "secrets-manager-reference");

        robot.clickOn("#referenceRevealButton");
        assertThat(onFx(() -> shown.isVisible())).isTrue();
        assertThat(onFx(() -> shown.getText())).isEqualTo(SECRET_VALUE);
        robot.clickOn("#referenceRevealButton");
        assertThat(onFx(() -> shown.getText())).isEmpty();
    }
}
