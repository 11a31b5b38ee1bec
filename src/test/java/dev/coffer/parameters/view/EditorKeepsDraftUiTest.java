package dev.coffer.parameters.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Screenshots;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** When AWS cannot be reached during a save, the draft stays in the editor with a message that says what to do. */
@ExtendWith(FailureScreenshots.class)
class EditorKeepsDraftUiTest {

    /** An endpoint of its own, so the test can take it away like a dropped VPN. */
    private static MotoServer moto;
    private static App app;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch() throws Exception {
        moto = MotoServer.start();
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.closeOtherWindows(app);
        CofferUi.close(app);
        moto.close();
    }

    @Test
    void aSaveThatCannotReachAwsKeepsTheDraft() {
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#nameField").tryQuery().isPresent());
        robot.clickOn("#nameField").write("app/endpoint");
        robot.clickOn("#valueArea").write("https://api.example.com");
        moto.close();
        robot.clickOn("#saveButton");

        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> message.getText().contains("Your changes are still here")));
        assertThat(onFx(message::getText)).contains("Cannot reach the AWS endpoint").contains("Check your network");
        assertThat(onFx(() -> robot.lookup("#nameField").queryAs(TextField.class).getText())).isEqualTo("/app/endpoint");
        assertThat(onFx(() -> robot.lookup("#valueArea").queryAs(TextArea.class).getText())).isEqualTo("https://api.example.com");
        Screenshots.save(robot.lookup("#nameField").queryAs(javafx.scene.Node.class).getScene(), "parameter-editor-unreachable");
    }
}
