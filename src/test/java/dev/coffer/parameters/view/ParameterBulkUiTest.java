package dev.coffer.parameters.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Export;
import dev.coffer.compare.view.ImportParametersViewModel;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The bulk windows (delete, copy or move, export, import, Secrets Manager reference) in the real
 * window against moto: how each opens (keys, menus), its layout, its main flow and the tree
 * following what changed. What each window decides is proven by its view model's test
 * (DeleteParametersViewModelIT, CopyParametersViewModelIT, ExportParametersViewModelIT,
 * ImportParametersViewModelIT, SecretReferenceViewModelIT). Each test works in its own folder.
 */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterBulkUiTest {

    private static final Duration UI = Duration.ofSeconds(20);
    private static final String SECRET = "bulk/reference-db";
    private static final String SECRET_VALUE = "{\"username\":\"app\",\"password\":\"pa55-Reference!\"}";

    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        put("/bulk/menu/endpoint", "https://menu.example.com", ParameterType.STRING);
        put("/bulk/single/old-endpoint", "https://old.example.com", ParameterType.STRING);
        put("/bulk/retired/app/db-host", "db.internal", ParameterType.STRING);
        put("/bulk/retired/app/db-port", "5432", ParameterType.STRING);
        put("/bulk/retired/feature-flag", "off", ParameterType.STRING);
        put("/bulk/legacy/api/url", "https://api.example.com", ParameterType.STRING);
        put("/bulk/legacy/api/timeout", "30", ParameterType.STRING);
        put("/bulk/legacy/maintenance", "false", ParameterType.STRING);
        put("/bulk/modern/maintenance", "true", ParameterType.STRING);
        put("/bulk/exported/url", "https://shop.example.com", ParameterType.STRING);
        put("/bulk/exported/timeout", "60", ParameterType.STRING);
        put("/bulk/exported/hosts", "a.example.com,b.example.com", ParameterType.STRING_LIST);
        put("/bulk/exported/token", "never-on-disk-4711", ParameterType.SECURE_STRING);
        put("/bulk/imported/url", "https://shop.example.com", ParameterType.STRING);
        put("/bulk/imported/timeout", "15", ParameterType.STRING);
        sdk.secretsManager().createSecret(b -> b.name(SECRET).secretString(SECRET_VALUE));
        app = CofferUi.launch(moto, false);
    }

    private static void put(String name, String value, ParameterType type) {
        sdk.ssm().putParameter(b -> b.name(name).value(value).type(type).overwrite(true));
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

    private void selectFolder(String folder) {
        onFx(() -> {
            app.window().selectFolder(folder);
            return null;
        });
    }

    private List<String> contextMenuOf(String label) {
        CofferUi.openContextMenu(robot, CofferUi.treeRow(robot, label));
        ContextMenu menu = onFx(() -> robot.lookup("#parameterTree").queryAs(TreeView.class).getContextMenu());
        await().atMost(UI).until(() -> onFx(menu::isShowing));
        List<String> items = onFx(() -> menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem) && i.isVisible())
                .map(MenuItem::getText).toList());
        onFx(() -> {
            menu.hide();
            return null;
        });
        return items;
    }

    private void openFolderMenu(String folder, String item) {
        selectFolder(folder);
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

    private String text(String query) {
        return onFx(() -> node(query, Label.class).getText());
    }

    private void setText(String query, String text) {
        onFx(() -> {
            node(query, TextField.class).setText(text);
            return null;
        });
    }

    private boolean disabled(String query) {
        return onFx(() -> node(query, Node.class).isDisabled());
    }

    private boolean inTree(String name) {
        return onFx(() -> app.model().parameters().tree().all().stream().anyMatch(p -> p.name().equals(name)));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void foldersAndParametersOfferEveryBulkActionOnTheirContextMenus() {
        selectFolder("/bulk/menu");
        assertThat(contextMenuOf("menu")).containsExactly("New parameter here…", "Copy or move folder…", "Export folder…", "Copy or export as…",
                "Compare with…", "Where used…", "Import into folder…", "Delete folder…");
        onFx(() -> {
            app.window().selectParameter("/bulk/menu/endpoint");
            return null;
        });
        assertThat(contextMenuOf("endpoint")).containsExactly("Edit…", "History and labels…", "Where used…", "Copy or move…",
                "Update golden AMI…", "Delete…");
    }

    @Test
    void theDeleteKeyAsksToDeleteTheSelectedParameterByName() {
        String gone = "/bulk/single/old-endpoint";
        onFx(() -> {
            app.window().selectParameter(gone);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, ParameterPath.leafOf(gone)));
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        awaitNode("#deleteTitle");
        assertThat(text("#deleteTitle")).isEqualTo("Delete " + gone + "?");
        assertThat(new ParameterStore(sdk).describe(gone)).as("nothing is deleted before the confirmation").isPresent();
        Screenshots.save(node("#deleteTitle", Node.class).getScene(), "bulk-delete-parameter");

        robot.clickOn("#deleteButton");
        await().atMost(UI).until(() -> robot.lookup("#deleteTitle").tryQuery().isEmpty());
        await().atMost(UI).until(() -> !inTree(gone));
    }

    @Test
    void aFolderIsDeletedFromItsMenuOnceItsPathIsTypedAndLeavesTheTree() {
        openFolderMenu("/bulk/retired", "Delete folder…");
        awaitNode("#deleteConfirmField");
        ListView<String> names = node("#deleteNames", ListView.class);
        await().atMost(UI).until(() -> onFx(() -> names.getItems().size() == 3));
        assertThat(disabled("#deleteButton")).isTrue();

        robot.clickOn("#deleteConfirmField").write("/bulk/retired");
        assertThat(disabled("#deleteButton")).isFalse();
        Screenshots.save(names.getScene(), "bulk-delete-folder");

        robot.clickOn("#deleteButton");
        await().atMost(UI).until(() -> robot.lookup("#deleteConfirmField").tryQuery().isEmpty());
        assertThat(inTree("/bulk/retired/feature-flag")).isFalse();
        assertThat(onFx(() -> app.model().parameters().revealFolder("/bulk/retired"))).as("the emptied folder leaves the tree").isNull();
    }

    @Test
    void aMoveOpensWithItsKeyAsksBeforeOverwritingAndTheTreeFollows() {
        selectFolder("/bulk/legacy");
        robot.clickOn(CofferUi.treeRow(robot, "legacy"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitNode("#copyTargetField");
        setText("#copyTargetField", "/bulk/modern");
        robot.clickOn("#copyMoveCheck");
        await().atMost(UI).until(() -> onFx(() -> node("#existingBar", Node.class).isVisible()));
        assertThat(text("#existingText")).isEqualTo("1 new name already exists: /bulk/modern/maintenance.");
        assertThat(onFx(() -> node("#copyButton", Button.class).getText())).isEqualTo("Move");
        assertThat(disabled("#copyButton")).isTrue();

        robot.clickOn("#copyOverwriteCheck");
        assertThat(disabled("#copyButton")).isFalse();
        Screenshots.save(node("#copyPreview", Node.class).getScene(), "bulk-copy-move");

        robot.clickOn("#copyButton");
        await().atMost(UI).until(() -> text("#copyMessage").startsWith("Moved 3 parameters"));
        await().atMost(UI).until(() -> inTree("/bulk/modern/api/url") && inTree("/bulk/modern/api/timeout"));
        assertThat(inTree("/bulk/legacy/maintenance")).isFalse();
        assertThat(onFx(() -> app.model().parameters().revealFolder("/bulk/legacy"))).isNull();
    }

    @Test
    void aFolderIsExportedFromItsMenu() throws Exception {
        Path file = Path.of("target", "bulk", "export.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);

        openFolderMenu("/bulk/exported", "Export folder…");
        awaitNode("#exportFileField");
        assertThat(text("#exportNote")).contains("SecureString values are never exported");
        TableView<?> listed = node("#exportPreview", TableView.class);
        await().atMost(UI).until(() -> onFx(() -> listed.getItems().size() == 4));
        assertThat(text("#exportSummary")).isEqualTo("4 parameters · 1 SecureString without a value");
        setText("#exportFileField", file.toString());
        Screenshots.save(listed.getScene(), "bulk-export");

        robot.clickOn("#exportButton");
        await().atMost(UI).until(() -> text("#exportMessage").startsWith("Exported"));
        assertThat(file).exists();
        robot.clickOn("#exportCloseButton");
        await().atMost(UI).until(() -> robot.lookup("#exportFileField").tryQuery().isEmpty());
    }

    @Test
    void aFolderIsCopiedAsReferencesAndExportedAsDotenvFromItsMenu() throws Exception {
        Path file = Path.of("target", "bulk", "exported.env").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);

        openFolderMenu("/bulk/exported", "Copy or export as…");
        awaitNode("#consumerFormat");
        await().atMost(UI).until(() -> !text("#consumerContents").isEmpty());
        assertThat(text("#consumerContents")).as("said before anything is copied or written")
                .isEqualTo("Holds the values of 3 parameters in plain text. 1 SecureString is left out.");
        assertThat(onFx(() -> node("#includeSecureCheck", javafx.scene.control.CheckBox.class).isSelected())).isFalse();
        Screenshots.save(node("#consumerFormat", Node.class).getScene(), "consumer-export-values");

        robot.clickOn("#consumerFormat");
        robot.clickOn("CloudFormation dynamic references");
        await().atMost(UI).until(() -> text("#consumerContents").equals("4 references by name only: no value is read, copied or written."));
        assertThat(onFx(() -> node("#includeSecureCheck", Node.class).isVisible())).as("references reveal nothing").isFalse();
        robot.clickOn("#consumerCopyButton");
        await().atMost(UI).until(() -> text("#consumerMessage").equals("Copied 4 parameters as CloudFormation dynamic references."));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .contains("TOKEN: '{{resolve:ssm-secure:/bulk/exported/token}}'", "URL: '{{resolve:ssm:/bulk/exported/url}}'");
        Screenshots.save(node("#consumerFormat", Node.class).getScene(), "consumer-export-references");

        robot.clickOn("#consumerFormat");
        // A query that starts with a dot is a style class: the cell is found by its text instead.
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(".env file")).queryAs(Node.class));
        await().atMost(UI).until(() -> text("#consumerContents").endsWith("1 SecureString is left out."));
        setText("#consumerFileField", file.toString());
        robot.clickOn("#consumerExportButton");
        await().atMost(UI).until(() -> text("#consumerMessage").startsWith("Wrote 3 parameters as .env file to "));
        assertThat(Files.readString(file)).contains("URL=\"https://shop.example.com\"", "TIMEOUT=\"60\"")
                .doesNotContain("never-on-disk-4711", "TOKEN");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileIsImportedFromTheFolderMenuAfterAPreviewAndTheTreeFollows() throws Exception {
        Path file = Path.of("target", "bulk", "import.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Export.folder(sdk, "/bulk/exported", file, step -> { }, () -> false);

        openFolderMenu("/bulk/imported", "Import into folder…");
        awaitNode("#importFileField");
        assertThat(onFx(() -> node("#importFolderField", TextField.class).getText())).isEqualTo("/bulk/imported");
        assertThat(disabled("#importApplyButton")).isTrue();
        setText("#importFileField", file.toString());
        robot.clickOn("#importPreviewButton");
        TableView<ImportParametersViewModel.PreviewRow> plan = node("#importPlanTable", TableView.class);
        await().atMost(UI).until(() -> onFx(() -> plan.getItems().size() == 4));
        assertThat(text("#importSummary")).isEqualTo("1 to create · 1 to update · 1 unchanged · 1 skipped");
        assertThat(text("#importFolderHint")).isEqualTo("The file was exported from /bulk/exported; its names move into this folder.");
        Screenshots.save(plan.getScene(), "bulk-import-preview");

        robot.clickOn("#importApplyButton");
        await().atMost(UI).until(() -> text("#importMessage").startsWith("Created 1, updated 1."));
        await().atMost(UI).until(() -> inTree("/bulk/imported/hosts"));
    }

    @Test
    void aSecretIsResolvedThroughParameterStoreMaskedUntilRevealed() {
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(SECRET)).queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitNode("#referenceIdField");
        assertThat(onFx(() -> node("#referenceIdField", TextField.class).getText())).isEqualTo(SECRET);
        assertThat(text("#referencePath")).isEqualTo("/aws/reference/secretsmanager/" + SECRET);

        robot.clickOn("#referenceResolveButton");
        await().atMost(UI).until(() -> onFx(() -> node("#referenceMasked", Node.class).isVisible()));
        TextArea shown = node("#referenceValue", TextArea.class);
        assertThat(onFx(() -> shown.isVisible())).isFalse();
        Screenshots.save(shown.getScene(), "secrets-manager-reference");

        robot.clickOn("#referenceRevealButton");
        assertThat(onFx(() -> shown.isVisible())).isTrue();
        assertThat(onFx(() -> shown.getText())).isEqualTo(SECRET_VALUE);
        robot.clickOn("#referenceRevealButton");
        assertThat(onFx(() -> shown.isVisible())).isFalse();
        assertThat(onFx(() -> shown.getText())).isEmpty();
    }
}
