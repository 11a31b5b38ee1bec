package dev.coffer.parameters.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * The parameter editor through the real window, against moto: Ctrl+N and F2 open it, its layout,
 * and the conflict bar. Its rules and save paths are proven without a window in
 * {@link ParameterEditorViewModelIT}.
 */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterEditorUiTest {

    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        CofferUi.seedSandboxData(moto);
        sdk = Moto.clients(moto, false);
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
    }

    @AfterEach
    void closeEditors() {
        CofferUi.closeOtherWindows(app);
    }

    private Node inEditor(String query) {
        return robot.lookup(query).queryAs(Node.class);
    }

    private static double middleY(Node node) {
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        return (b.getMinY() + b.getMaxY()) / 2;
    }

    private void openNewEditorIn(String folder) {
        onFx(() -> {
            app.window().selectFolder(folder);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, dev.coffer.parameters.ParameterPath.leafOf(folder).isEmpty() ? "apps"
                : dev.coffer.parameters.ParameterPath.leafOf(folder)));
        if (folder.equals("/")) {
            onFx(() -> {
                app.window().selectFolder("/");
                return null;
            });
        }
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#nameField").tryQuery().isPresent());
    }

    @Test
    void createsASecureStringWithACustomerKeyAndTagsInsideTheSelectedFolder() {
        openNewEditorIn("/apps/billing/prod");
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(onFx(() -> name.getText())).isEqualTo("/apps/billing/prod/");
        // Problems show beside their fields, and Save waits for them to be fixed.
        assertThat(onFx(() -> robot.lookup("#nameProblems").queryAs(Label.class).getText())).contains("can't end with '/'");
        assertThat(onFx(() -> robot.lookup("#saveButton").queryAs(Button.class).isDisabled())).isTrue();

        robot.clickOn(name).write("smtp-password");
        robot.clickOn("#descriptionField").write("SMTP relay password");
        robot.clickOn("#typeSecure");
        robot.clickOn("#keyPicker");
        robot.clickOn(robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(
                org.hamcrest.Matchers.startsWith(SandboxData.APP_KEY_ALIAS))).queryAs(Node.class));
        robot.clickOn("#secureValueField").write("s3cr3t-Value!");
        assertThat(onFx(() -> robot.lookup("#sizeLabel").queryAs(Label.class).getText())).isEqualTo("13 of 4,096 bytes");
        robot.clickOn("#addTagButton").write("Team").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(onFx(() -> middleY(robot.lookup("#valueLabel").queryAs(Node.class).lookup(".text"))
                - middleY(robot.lookup("#secureValueField").queryAs(Node.class)))).as("the Value label beside its field").isBetween(-3.0, 3.0);
        for (String check : List.of("#expiresCheck", "#notifyBeforeCheck", "#notifyUnchangedCheck")) {
            javafx.scene.control.Labeled box = robot.lookup(check).queryAs(javafx.scene.control.Labeled.class);
            assertThat(onFx(() -> box.getWidth() >= box.prefWidth(-1))).as(check + " shows its whole text").isTrue();
        }
        Screenshots.save(inEditor("#nameField").getScene(), "parameter-editor");
        robot.clickOn("#saveButton");

        String created = "/apps/billing/prod/smtp-password";
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#nameField").tryQuery().isEmpty());
        var p = sdk.ssm().getParameter(b -> b.name(created).withDecryption(true)).parameter();
        assertThat(p.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(p.value()).isEqualTo("s3cr3t-Value!");
        var meta = sdk.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").option("Equals").values(created)))
                .parameters().get(0);
        assertThat(meta.keyId()).contains("coffer-apps");
        assertThat(meta.description()).isEqualTo("SMTP relay password");
        Map<String, String> tags = sdk.ssm().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(created))
                .tagList().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(tags).containsKey("Team");
        // The new parameter is in the tree and selected, without a full refresh.
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> created.equals(
                robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    @Test
    void editingAParameterThatChangedMeanwhileShowsTheOtherChangeAndNeverOverwritesSilently() {
        String name = "/automation/backup/retention-days";
        onFx(() -> {
            app.window().selectParameter(name);
            return null;
        });
        // Click the row like a user, which also gives the main window the keyboard.
        robot.clickOn(CofferUi.treeRow(robot, dev.coffer.parameters.ParameterPath.leafOf(name)));
        robot.press(KeyCode.F2).release(KeyCode.F2);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#valueArea").tryQuery()
                .map(n -> !((javafx.scene.control.TextArea) n).getText().isEmpty()).orElse(false));
        long before = sdk.ssm().getParameter(b -> b.name(name)).parameter().version();

        // Someone else saves a new version while the editor is open.
        sdk.ssm().putParameter(b -> b.name(name).value("90").type(ParameterType.STRING).overwrite(true));

        javafx.scene.control.TextArea value = robot.lookup("#valueArea").queryAs(javafx.scene.control.TextArea.class);
        robot.clickOn(value).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("60");
        robot.clickOn("#saveButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#conflictBar").queryAs(Node.class).isVisible()));
        assertThat(sdk.ssm().getParameter(b -> b.name(name)).parameter().value()).isEqualTo("90");
        robot.clickOn("#conflictReveal");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> "90".equals(
                robot.lookup("#conflictValue").queryAs(Label.class).getText())));
        assertThat(onFx(() -> value.getText())).isEqualTo("60");
        Screenshots.save(inEditor("#nameField").getScene(), "parameter-editor-conflict");

        robot.clickOn("#overwriteButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> "60".equals(sdk.ssm().getParameter(b -> b.name(name)).parameter().value()));
        assertThat(sdk.ssm().getParameter(b -> b.name(name)).parameter().version()).isEqualTo(before + 2);
    }
}
