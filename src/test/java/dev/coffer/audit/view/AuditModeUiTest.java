package dev.coffer.audit.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.coffer.audit.AuditFixture;
import dev.coffer.audit.RevealLog;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxConsumers;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The whole window in audit mode: every way to change something (menus, context menus, toolbar
 * buttons, keys, double clicks, the read windows' own buttons) is tried, and moto's request log
 * then shows no mutating call. Reveals are logged without values.
 */
@WithMoto
@ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditModeUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PINNED_TEMPLATE = "audit-ui-batch-pinned";
    private static App app;
    private static MotoServer moto;
    private static String dbSecretArn;
    private final FxRobot robot = new CofferRobot();

    private static final java.io.ByteArrayOutputStream OUTPUT = new java.io.ByteArrayOutputStream();
    private static java.io.PrintStream originalOut;
    private static java.io.PrintStream originalErr;

    /** Everything the app prints while the tests run, kept to check that no value is ever printed. */
    private static java.io.PrintStream tee(java.io.PrintStream original) {
        return new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (OUTPUT) {
                    OUTPUT.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void launch(MotoServer server) throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
        moto = server;
        CofferUi.seedSandboxData(moto);
        try (ClientFactory sdk = Moto.clients(moto, false)) {
            AuditFixture.seed(sdk, moto.endpoint());
            dbSecretArn = sdk.secretsManager().describeSecret(b -> b.secretId(AuditFixture.DB_SECRET)).arn();
            // The report's consumer scan finds it reading an old version of the production golden AMI.
            sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName(PINNED_TEMPLATE)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:" + SandboxConsumers.GOLDEN_PROD + ":1").instanceType("c6i.large")));
        }
        app = CofferUi.launch(moto, true);
    }

    @AfterAll
    static void close() throws Exception {
        System.setOut(originalOut);
        System.setErr(originalErr);
        CofferUi.close(app);
        // Other test classes connect to the same moto: leave no remembered audit mode behind.
        dev.coffer.ui.shell.Settings settings = dev.coffer.ui.shell.Settings.load();
        settings.auditModeConnections.clear();
        settings.save();
    }

    @AfterEach
    void closeWindows() {
        CofferUi.closeOtherWindows(app);
    }

    private long otherWindows() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage && w != app.stage() && w.isShowing()).count());
    }

    /** Whether the user can see the node: it and every parent are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) app.stage().getScene().getRoot().lookup("#menuBar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private void press(KeyCode... keys) {
        robot.press(keys).release(keys);
        // A window opens within the key's handler: once the FX thread has handled the key, it would be there.
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectSecret(String name) {
        robot.clickOn("#secretFilter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(name);
        await().atMost(WAIT).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> name.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    private List<String> contextMenuFor(String label) {
        CofferUi.openContextMenu(robot, CofferUi.treeRow(robot, label));
        ContextMenu menu = onFx(() -> robot.lookup("#parameterTree").queryAs(TreeView.class).getContextMenu());
        await().atMost(WAIT).until(() -> onFx(menu::isShowing));
        List<String> items = onFx(() -> menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem) && i.isVisible())
                .map(MenuItem::getText).toList());
        onFx(() -> {
            menu.hide();
            return null;
        });
        return items;
    }

    @Test
    @Order(1)
    void everyEditPathIsClosedAndNoMutatingCallReachesAws() throws IOException {
        Moto.startRecording(moto);

        HBox banner = robot.lookup("#auditBanner").queryAs(HBox.class);
        assertThat(onFx(banner::isVisible)).isTrue();
        assertThat(onFx(() -> ((Label) banner.getChildren().get(1)).getText()))
                .startsWith("Audit mode — Coffer cannot change anything in this account. Reveals are logged to ")
                .contains(RevealLog.FILE_NAME);
        assertThat(onFx(() -> app.stage().getTitle())).endsWith("(read-only)");

        // Toolbar and pane buttons that change things are not there.
        for (String id : List.of("#newParameterButton", "#editParameterButton", "#newSecretButton", "#editSecretButton", "#restoreSecretButton")) {
            assertThat(onFx(() -> robot.lookup(id).queryAs(Button.class).isVisible())).as(id).isFalse();
        }
        // Menu items that change things are disabled or hidden; firing them anyway opens nothing.
        onFx(() -> {
            app.window().selectParameter(AuditFixture.STRING_PASSWORD);
            return null;
        });
        for (String id : List.of("newParameterItem", "editParameterItem", "copyMoveItem", "deleteItem", "importItem", "goldenImageItem",
                "newSecretItem", "editSecretItem", "deleteSecretItem", "restoreSecretItem", "rotationSecretItem")) {
            MenuItem item = menuItem(id);
            assertThat(onFx(() -> item.isDisable() || !item.isVisible())).as(id).isTrue();
            onFx(() -> {
                item.fire();
                return null;
            });
            assertThat(otherWindows()).as("after firing " + id).isZero();
        }
        // Right-click menus offer only reads.
        assertThat(contextMenuFor("db")).containsExactly("Export folder…", "Copy or export as…", "Compare with…", "Where used…");
        assertThat(contextMenuFor("password")).containsExactly("History and labels…", "Where used…");

        // Keys and double clicks on a parameter.
        robot.clickOn(CofferUi.treeRow(robot, "password"));
        press(KeyCode.F2);
        press(KeyCode.ENTER);
        press(KeyCode.DELETE);
        press(KeyCode.CONTROL, KeyCode.N);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        robot.doubleClickOn(CofferUi.treeRow(robot, "password"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(otherWindows()).as("parameter keys").isZero();

        // Keys and double clicks on a secret.
        selectSecret(AuditFixture.DB_SECRET);
        press(KeyCode.ENTER);
        press(KeyCode.F2);
        press(KeyCode.DELETE);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        // The secret's rotation buttons (set up, rotate now, turn off) are not offered.
        for (String id : List.of("#setUpRotationButton", "#rotateNowButton", "#turnOffRotationButton")) {
            assertThat(onFx(() -> robot.lookup(id).queryAll().stream().anyMatch(AuditModeUiTest::shown))).as(id).isFalse();
        }
        robot.doubleClickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(AuditFixture.DB_SECRET)).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(otherWindows()).as("secret keys").isZero();

        // The read windows open, without their changing buttons.
        robot.clickOn(CofferUi.treeRow(robot, "password"));
        press(KeyCode.CONTROL, KeyCode.H);
        await().atMost(WAIT).until(() -> robot.lookup("#versionTable").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#labelsButton").queryAs(Button.class).isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup("#restoreButton").queryAs(Button.class).isVisible())).isFalse();
        CofferUi.closeOtherWindows(app);

        selectSecret(AuditFixture.DB_SECRET);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        await().atMost(WAIT).until(() -> robot.lookup("#restoreButton").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#restoreButton").queryAs(Button.class).isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup("#labelsButton").queryAs(Button.class).isVisible())).isFalse();
        robot.clickOn("#revealValuesButton");
        // Revealing is a read: it is accepted (the button turns off while and once the values show).
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#revealValuesButton").queryAs(Button.class).isDisabled()));
        CofferUi.closeOtherWindows(app);

        onFx(() -> {
            menuItem("policySecretItem").fire();
            return null;
        });
        await().atMost(WAIT).until(() -> robot.lookup("#policyArea").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#policyArea").queryAs(TextArea.class).isEditable())).isFalse();
        assertThat(onFx(() -> robot.lookup("#saveButton").queryAs(Button.class).isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup("#deletePolicyButton").queryAs(Button.class).isVisible())).isFalse();
        CofferUi.closeOtherWindows(app);

        // Revealing is a read and stays possible; it and the copy are logged, without the value.
        selectSecret(AuditFixture.DB_SECRET);
        robot.clickOn("#revealButton");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#valueTable").queryAs(Node.class).isVisible()));
        robot.clickOn("#copyValueButton");
        Screenshots.save(app.stage().getScene(), "audit-banner");
        onFx(() -> {
            app.window().selectParameter(AuditFixture.DEFAULT_KEY_TOKEN);
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> AuditFixture.DEFAULT_KEY_TOKEN.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        robot.clickOn("#revealButton");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#valueText").queryAs(Node.class).isVisible()));
        robot.clickOn("#copyValueButton");

        // Whatever the UI did, the guard refuses a change sent straight through the connection's services.
        assertThatThrownBy(() -> app.model().openConnection().parameters().put(
                new ParameterDraft("/audit/new", ParameterType.STRING, SecretText.of("x"), "", ParameterDataType.TEXT, ParameterTier.STANDARD,
                        java.util.Optional.empty(),
                        List.of(), dev.coffer.parameters.ParameterPolicies.none()), OptionalLong.empty()))
                .isInstanceOf(ReadOnlyRefusedException.class);

        List<String> operations = Moto.operations(Moto.stopRecording(moto));
        assertThat(operations).contains("GetSecretValue").allMatch(Moto::isRead);

        Path log = RevealLog.standard().file();
        await().atMost(WAIT).until(() -> Files.exists(log) && Files.readString(log).contains("copy to clipboard\",\"store\":\"Parameter Store\",\"item\":\"" + AuditFixture.DEFAULT_KEY_TOKEN));
        List<String> entries = Files.readAllLines(log);
        assertThat(entries).anyMatch(l -> l.contains("\"action\":\"read value\"") && l.contains(dbSecretArn)
                && l.contains("\"identity\":\"arn:aws:") && l.contains("\"account\":\"123456789012\""));
        assertThat(entries).anyMatch(l -> l.contains("\"action\":\"copy to clipboard\"") && l.contains(dbSecretArn));
        assertThat(entries).anyMatch(l -> l.contains("\"action\":\"read value\"") && l.contains(AuditFixture.DEFAULT_KEY_TOKEN));
        assertThat(entries).anyMatch(l -> l.contains("\"action\":\"copy to clipboard\"") && l.contains(AuditFixture.DEFAULT_KEY_TOKEN));
        assertNoCanaryInOutputOrCofferHome();
    }

    /**
     * The report window: opened with its key, its settings typed in, a run, both tabs and an HTML
     * export through its button. The report's content, filters, regions, every export format and
     * cancelling are proven by AuditReportViewModelIT.
     */
    @Test
    @Order(2)
    void theAuditReportWindowRunsAReportAndExportsIt() throws Exception {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        await().atMost(WAIT).until(() -> robot.lookup("#auditRun").tryQuery().isPresent());
        robot.clickOn("#auditRequiredTags").write("Owner");
        onFx(() -> {
            robot.lookup("#auditCustomerKeyPrefixes").queryAs(javafx.scene.control.TextField.class).setText("/audit/prod/, audit/prod/");
            return null;
        });
        robot.clickOn("#auditRun");
        await().atMost(Duration.ofSeconds(90)).until(() -> onFx(() -> robot.lookup("#auditStatus").queryAs(Label.class).getText())
                .contains("findings"));
        javafx.scene.control.TableView<?> findings = robot.lookup("#auditFindings").queryAs(javafx.scene.control.TableView.class);
        assertThat(onFx(() -> findings.getItems().stream().map(Object::toString).toList()))
                .anyMatch(f -> f.contains("CREDENTIAL_AS_STRING") && f.contains(AuditFixture.STRING_PASSWORD))
                .anyMatch(f -> f.contains("ROTATION_OFF") && f.contains(AuditFixture.DB_SECRET));
        Screenshots.save(findings.getScene(), "audit-report");

        // The consumer scan's findings: the launch template pinned to version 1, and golden AMIs nothing scanned reads.
        assertThat(onFx(() -> robot.lookup("#auditConsumerNote").queryAs(Label.class).getText()))
                .startsWith("Consumers scanned in CloudFormation stacks, EC2 launch templates, Lambda functions, ECS task definitions");
        robot.clickOn("#auditFindingFilter").write("/golden-ami/");
        await().atMost(WAIT).until(() -> onFx(() -> findings.getItems().stream().allMatch(f -> f.toString().contains("/golden-ami/"))));
        List<String> golden = onFx(() -> findings.getItems().stream().map(Object::toString).toList());
        assertThat(golden).anyMatch(f -> f.contains("PINNED_OLD_VERSION") && f.contains("item=" + SandboxConsumers.GOLDEN_PROD + ",")
                        && f.contains("EC2 launch template " + PINNED_TEMPLATE + ", at version 1 (default and latest) ImageId, pins version 1; "
                        + "the current version is 2"))
                .anyMatch(f -> f.contains("NO_CONSUMER") && f.contains("severity=LOW"));
        // The detail is longer than its column: its tooltip holds it whole, remedy included.
        javafx.scene.control.Tooltip detail = onFx(() -> robot.lookup("#auditFindings .table-cell")
                .match((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                        && c.getText().startsWith("EC2 launch template " + PINNED_TEMPLATE))
                .queryAs(javafx.scene.control.TableCell.class).getTooltip());
        assertThat(onFx(detail::getText)).endsWith("Create a launch template version whose ImageId is resolve:ssm:"
                + SandboxConsumers.GOLDEN_PROD + " (no version: each launch reads the current one) and make it the default.");
        Screenshots.save(findings.getScene(), "audit-report-consumers");
        onFx(() -> {
            robot.lookup("#auditFindingFilter").queryAs(javafx.scene.control.TextField.class).clear();
            return null;
        });

        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Label l
                && l.getText().startsWith("Inventory")).queryAs(Node.class));
        javafx.scene.control.TableView<?> inventory = robot.lookup("#auditInventory").queryAs(javafx.scene.control.TableView.class);
        assertThat(onFx(() -> inventory.getItems().stream().map(Object::toString).toList()))
                .anyMatch(i -> i.contains(AuditFixture.CUSTOMER_KEY_CERT)).anyMatch(i -> i.contains(AuditFixture.ROTATED_SECRET));
        robot.clickOn("#auditInventoryFilter").write("/golden-ami/");
        await().atMost(WAIT).until(() -> onFx(() -> inventory.getItems().stream().allMatch(i -> i.toString().contains("/golden-ami/"))));
        javafx.scene.control.TableColumn<?, ?> consumers = onFx(() -> inventory.getColumns().stream()
                .filter(c -> "Consumers".equals(c.getText())).findFirst().orElseThrow());
        java.util.Map<String, Object> counts = onFx(() -> {
            java.util.Map<String, Object> byName = new java.util.TreeMap<>();
            for (int row = 0; row < inventory.getItems().size(); row++) {
                byName.put(((dev.coffer.audit.InventoryItem) inventory.getItems().get(row)).name(), consumers.getCellData(row));
            }
            return byName;
        });
        assertThat(counts).containsEntry(SandboxConsumers.GOLDEN_PROD, "1").containsValue("0");
        Screenshots.save(findings.getScene(), "audit-report-inventory");

        Path html = Path.of("target", "audit-ui", "report.html").toAbsolutePath();
        Files.createDirectories(html.getParent());
        Files.deleteIfExists(html);
        onFx(() -> {
            robot.lookup("#auditExportFile").queryAs(javafx.scene.control.TextField.class).setText(html.toString());
            return null;
        });
        robot.clickOn("#auditExport");
        await().atMost(WAIT).until(() -> Files.exists(html) && onFx(() -> robot.lookup("#auditStatus").queryAs(Label.class)
                .getText().startsWith("Wrote")));
        String text = Files.readString(html);
        for (String canary : List.of(AuditFixture.CANARY_SECRET, AuditFixture.CANARY_SECURE, AuditFixture.CANARY_ADVANCED)) {
            assertThat(text).doesNotContain(canary);
        }
        assertNoCanaryInOutputOrCofferHome();
    }

    /** Only this picture needs Chromium; every check on the exports above runs without it. */
    @Test
    @Order(3)
    void theHtmlReportRendersInABrowser() throws Exception {
        java.util.Optional<String> chromium = HtmlSnapshot.chromium();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed: no PNG of the HTML report (apt-get install chromium)");
        Path html = Path.of("target", "audit-ui", "report.html").toAbsolutePath();
        assertThat(html).as("written by the report window test before").exists();
        HtmlSnapshot.render(chromium.get(), html, Screenshots.directory().resolve("audit-report-html.png"));
    }

    @Test
    @Order(4)
    void theConnectDialogKeepsAuditModeTickedAndLocked() {
        javafx.scene.control.CheckBox audit = openConnectDialog();
        assertThat(onFx(audit::getText)).startsWith("Audit mode (read-only)");
        // The whole sentence is shown, wrapped, not cut short with an ellipsis.
        assertThat(onFx(() -> ((javafx.scene.text.Text) audit.lookup(".text")).getText())).isEqualTo(onFx(audit::getText));
        assertThat(onFx(audit::isSelected)).isTrue();
        assertThat(onFx(audit::isDisabled)).as("Coffer was started with --audit").isTrue();
        assertThat(onFx(() -> robot.lookup("#connectAuditLocked").queryAs(Label.class).getText())).contains("--audit");
        Screenshots.save(audit.getScene(), "audit-connect-dialog");
        robot.clickOn("Cancel");
    }

    private javafx.scene.control.CheckBox openConnectDialog() {
        press(KeyCode.CONTROL, KeyCode.O);
        await().atMost(WAIT).until(() -> robot.lookup("#connectReadOnly").tryQuery().isPresent());
        return robot.lookup("#connectReadOnly").queryAs(javafx.scene.control.CheckBox.class);
    }

    private static void assertNoCanaryInOutputOrCofferHome() throws IOException {
        String printed;
        synchronized (OUTPUT) {
            printed = OUTPUT.toString(StandardCharsets.UTF_8);
        }
        for (String canary : List.of(AuditFixture.CANARY_SECRET, AuditFixture.CANARY_SECURE, AuditFixture.CANARY_ADVANCED)) {
            assertThat(printed).as("printed output").doesNotContain(canary);
        }
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("coffer.home")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String canary : List.of(AuditFixture.CANARY_SECRET, AuditFixture.CANARY_SECURE, AuditFixture.CANARY_ADVANCED)) {
                    assertThat(text).as(f.toString()).doesNotContain(canary);
                }
            }
        }
    }
}
