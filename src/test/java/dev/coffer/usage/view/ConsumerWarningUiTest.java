package dev.coffer.usage.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferRobot;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The consumers a delete or a move would break, in the real confirmations against moto: the
 * parameter's delete says they are not known until the user asks to look, then names them; the
 * folder's move (once Move is ticked) and the secret's delete then answer from the same scan at
 * once. Nothing is deleted or moved: each confirmation is cancelled. The words are proven by
 * ConsumerCheckIT.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class ConsumerWarningUiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GOLDEN = "/cw-ui/golden-ami/web";
    private static final String SECRET = "cw-ui/db";

    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        sdk.ssm().putParameter(b -> b.name(GOLDEN).type(ParameterType.STRING).value("ami-0123456789abcdef0"));
        sdk.ssm().putParameter(b -> b.name("/cw-ui/golden-ami/batch").type(ParameterType.STRING).value("ami-0123456789abcdef0"));
        String secretArn = sdk.secretsManager().createSecret(b -> b.name(SECRET).secretString("{\"password\":\"cw-ui-pa55\"}")).arn();
        sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName("web-servers")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN).instanceType("t3.micro")));
        sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName("batch-workers")
                .launchTemplateData(d -> d.imageId("resolve:ssm:/cw-ui/golden-ami/batch:1").instanceType("c5.large")));
        sdk.cloudFormation().createStack(b -> b.stackName("web-stack").templateBody("""
                {"Parameters": {"ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "%s"}},
                 "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": [
                   {"Key": "db", "Value": "{{resolve:secretsmanager:%s:SecretString:password}}"}]}}}}
                """.formatted(GOLDEN, secretArn)));
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.closeOtherWindows(app);
        CofferUi.close(app);
        sdk.close();
    }

    private String warning() {
        return onFx(() -> robot.lookup("#consumerWarningText").queryAs(Label.class).getText());
    }

    private boolean visible(String query) {
        return onFx(() -> robot.lookup(query).queryAs(Node.class).isVisible());
    }

    private void awaitNode(String query) {
        await().atMost(WAIT).until(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Cancels the confirmation with its button: nothing changes. */
    private void cancelDialog(String button, String gone) {
        robot.clickOn(button);
        await().atMost(WAIT).until(() -> robot.lookup(gone).tryQuery().isEmpty());
    }

    @Test
    void deleteMoveAndSecretDeleteNameTheConsumersBeforeTheConfirmation() {
        // 1. Delete a parameter: no scan yet, so the confirmation offers to look.
        onFx(() -> {
            app.window().selectParameter(GOLDEN);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, ParameterPath.leafOf(GOLDEN)));
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        awaitNode("#deleteTitle");
        assertThat(warning()).startsWith("Consumers of " + GOLDEN + " are not known");
        assertThat(visible("#lookForConsumersButton")).isTrue();
        Screenshots.save(robot.lookup("#deleteTitle").queryAs(Node.class).getScene(), "delete-parameter-consumers-unknown");

        robot.clickOn("#lookForConsumersButton");
        await().atMost(WAIT).until(() -> warning().startsWith("2 consumers read"));
        assertThat(warning()).isEqualTo("2 consumers read " + GOLDEN + ":\n• stack web-stack (Parameters.ImageId, follows the latest version)\n"
                + "• launch template web-servers (version 1 (default and latest) ImageId, follows the latest version)\n"
                + "They will fail, or keep the old value they already read, once it is deleted.");
        assertThat(visible("#lookForConsumersButton")).isFalse();
        assertThat(onFx(() -> robot.lookup("#deleteButton").queryAs(Button.class).isDisabled())).as("the user still decides").isFalse();
        Screenshots.save(robot.lookup("#deleteTitle").queryAs(Node.class).getScene(), "delete-parameter-consumers");
        cancelDialog("#cancelButton", "#deleteTitle");
        assertThat(sdk.ssm().getParameter(b -> b.name(GOLDEN)).parameter().value()).isEqualTo("ami-0123456789abcdef0");

        // 2. Move a folder: a copy breaks nothing; ticking Move shows what the move would break, from the same scan.
        onFx(() -> {
            app.window().selectFolder("/cw-ui/golden-ami");
            return null;
        });
        Node folder = CofferUi.treeRow(robot, "golden-ami");
        robot.clickOn(folder);
        CofferUi.openContextMenu(robot, folder);
        awaitNode("Copy or move folder…");
        robot.clickOn("Copy or move folder…");
        awaitNode("#copyTargetField");
        assertThat(visible("#consumerWarning")).as("a copy breaks nothing").isFalse();
        robot.clickOn("#copyMoveCheck");
        assertThat(visible("#consumerWarning")).isTrue();
        assertThat(warning()).startsWith("3 consumers read parameters under /cw-ui/golden-ami:\n• ")
                .contains("\n• launch template batch-workers reads /cw-ui/golden-ami/batch (version 1 (default and latest) ImageId, pinned to version 1)\n")
                .endsWith("point them at the new name.");
        Screenshots.save(robot.lookup("#copyTargetField").queryAs(Node.class).getScene(), "move-folder-consumers");
        cancelDialog("#copyCloseButton", "#copyTargetField");

        // 3. Delete a secret: the stack that resolves it.
        robot.clickOn("#secretFilter").write(SECRET);
        await().atMost(WAIT).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(SECRET)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(SECRET)).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> SECRET.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        awaitNode("#recoverySpinner");
        assertThat(warning()).isEqualTo("1 consumer reads secret " + SECRET + ":\n• stack web-stack (Queue.Tags[0].Value, follows the latest version)\n"
                + "They will fail, or keep the old value they already read, once it is deleted.");
        Screenshots.save(robot.lookup("#recoverySpinner").queryAs(Node.class).getScene(), "delete-secret-consumers");
        cancelDialog("#cancelButton", "#recoverySpinner");
        assertThat(sdk.secretsManager().describeSecret(b -> b.secretId(SECRET)).deletedDate()).isNull();
    }
}
