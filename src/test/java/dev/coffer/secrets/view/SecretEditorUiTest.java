package dev.coffer.secrets.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.files.CofferHome;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** The secret editor through the real window, against moto; a canary value must never leak. */
@WithMoto
@ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class SecretEditorUiTest {

    /** A value no test data contains, so finding it anywhere means Coffer wrote a secret out. */
    private static final String CANARY = "canary-7f3a9c1e-do-not-log";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static App app;
    private static ClientFactory sdk;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        // Everything printed while Coffer runs is kept, to search it for the canary afterwards.
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new TeeStream(originalOut, OUTPUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeStream(originalErr, OUTPUT), true, StandardCharsets.UTF_8));
        CofferUi.seedSandboxData(moto);
        sdk = Moto.clients(moto, false);
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
        // The canary went through the editors; no log line and no file Coffer wrote may hold it.
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
        try (Stream<Path> files = Files.walk(CofferHome.folder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(CANARY);
            }
        }
    }

    @AfterEach
    void closeWindows() {
        CofferUi.closeOtherWindows(app);
    }

    private void newSecret() {
        robot.clickOn("#newSecretButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#entryTable").tryQuery().isPresent());
    }

    /** Double-clicks a grid cell to edit it, types, and commits with Enter, as a user does. */
    private void editCell(String tableId, int row, int column, String text) {
        @SuppressWarnings("unchecked")
        TableView<EntryRow> table = robot.lookup(tableId).queryAs(TableView.class);
        onFx(() -> {
            table.scrollTo(row);
            return null;
        });
        javafx.scene.Node cell = robot.lookup(tableId + " .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                c.getIndex() == row && c.getTableColumn() == table.getColumns().get(column)).queryAs(javafx.scene.Node.class);
        robot.doubleClickOn(cell);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> table.getEditingCell() != null));
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write(text).press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> text.equals(
                column == 0 ? table.getItems().get(row).keyProperty().get() : table.getItems().get(row).valueProperty().get())));
    }

    private String secretString(String name) {
        return sdk.secretsManager().getSecretValue(b -> b.secretId(name)).secretString();
    }

    @Test
    void createsADatabaseSecretFromATemplateWithAGeneratedPassword() throws Exception {
        newSecret();
        robot.clickOn("#nameField").write("prod/payments/postgres");
        robot.clickOn("#descriptionField").write("Payments database");
        robot.clickOn("#templateButton").clickOn("Amazon RDS for PostgreSQL");
        TableView<EntryRow> entries = robot.lookup("#entryTable").queryAs(TableView.class);
        List<String> keys = onFx(() -> entries.getItems().stream().map(r -> r.keyProperty().get()).toList());
        assertThat(keys).containsAll(SandboxData.DATABASE_SECRET_FIELDS);
        editCell("#entryTable", keys.indexOf("host"), 1, "payments.cluster-x.us-east-1.rds.amazonaws.com");
        editCell("#entryTable", keys.indexOf("username"), 1, "payments_app");
        editCell("#entryTable", keys.indexOf("dbname"), 1, "payments");
        onFx(() -> {
            // The canary goes through the editor and the save; the class checks it never leaks.
            entries.getItems().get(keys.indexOf("username")).valueProperty().set(CANARY);
            return null;
        });
        onFx(() -> {
            entries.getSelectionModel().select(keys.indexOf("password"));
            return null;
        });
        robot.clickOn("#generateButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#passwordLength").tryQuery().isPresent());
        robot.clickOn("#excludePunctuation").clickOn("Generate");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> entries.getItems().get(keys.indexOf("password"))
                .valueProperty().get().length() == 32));
        assertThat(onFx(() -> robot.lookup("#entryTable .table-cell").match(LabeledMatchers.hasText("••••••••")).tryQuery().isPresent()))
                .isTrue();
        Screenshots.save(robot.lookup("#entryTable").queryAs(Node.class).getScene(), "secret-editor-grid");
        robot.clickOn("#saveButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#entryTable").tryQuery().isEmpty());
        JsonNode value = JSON.readTree(secretString("prod/payments/postgres"));
        assertThat(value.get("engine").asText()).isEqualTo("postgres");
        assertThat(value.get("port").asInt()).isEqualTo(5432);
        assertThat(value.get("host").asText()).startsWith("payments.cluster-x");
        assertThat(value.get("username").asText()).isEqualTo(CANARY);
        assertThat(value.get("password").asText()).hasSize(32).matches("[A-Za-z0-9]+");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> "prod/payments/postgres".equals(
                robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    @Test
    void aPlainTextValueIsMaskedUntilShownAndAConflictKeepsTheDraft() {
        // The sandbox's plain-text secret (the checkout's secrets are key/value JSON too).
        String name = SandboxData.inventory().secret("shipping/prod/carrier-api-key").name();
        openEditor(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !robot.lookup("#saveButton").queryAs(Button.class)
                .isDisabled() || robot.lookup("#maskedText").queryAs(TextField.class).getText().length() > 0));
        assertThat(onFx(() -> robot.lookup("#maskedText").queryAs(Node.class).isVisible()
                && !robot.lookup("#textArea").queryAs(Node.class).isVisible())).as("masked until shown").isTrue();
        robot.clickOn("#showValuesToggle");
        assertThat(onFx(() -> robot.lookup("#textArea").queryAs(Node.class).isVisible())).isTrue();
        Screenshots.save(robot.lookup("#textArea").queryAs(Node.class).getScene(), "secret-editor-raw");
        onFx(() -> {
            robot.lookup("#textArea").queryAs(javafx.scene.control.TextArea.class).setText("new-" + CANARY);
            robot.lookup("#descriptionField").queryAs(TextField.class).setText("API key for the shipping carrier");
            return null;
        });
        sdk.secretsManager().putSecretValue(b -> b.secretId(name).secretString("changed-by-someone-else"));
        robot.clickOn("#saveButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#conflictBar").queryAs(Node.class).isVisible()));
        assertThat(secretString(name)).isEqualTo("changed-by-someone-else");
        assertThat(onFx(() -> robot.lookup("#textArea").queryAs(javafx.scene.control.TextArea.class).getText())).isEqualTo("new-" + CANARY);
        robot.clickOn("#overwriteButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> secretString(name).equals("new-" + CANARY));
    }

    private void openEditor(String name) {
        robot.clickOn("#secretFilter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(name);
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#nameField").tryQuery().isPresent());
    }

    /** Writes to two streams: the real console and the buffer the canary check searches. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
