package dev.coffer.ui.shell;

import dev.coffer.testsupport.ClosedPort;
import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.net.URI;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;

/** Errors a person can read, and connecting through the Connect dialog like a user. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ConnectionUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;
    private final ClosedPort closedPort = new ClosedPort();

    @AfterEach
    void close() throws Exception {
        CofferUi.close(app);
        closedPort.close();
    }

    @Test
    void anUnreachableEndpointSaysSoAndTheUserCanConnectElsewhere(MotoServer moto) throws Exception {
        CofferUi.seedSandboxData(moto);
        URI closed = closedPort.uri();
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, "us-east-1", closed, false, false)));

        Label message = robot.lookup("#messageText").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> message.isVisible()
                && message.getText().contains("Cannot reach the AWS endpoint")));
        assertThat(onFx(message::getText)).contains("Check your network").doesNotContain("Exception").doesNotContain("\tat ");
        Screenshots.save(app.stage().getScene(), "error-unreachable");

        // The window keeps working: connect to moto through the dialog.
        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectChoices").tryQuery().isPresent());
        ListView<?> choices = robot.lookup("#connectChoices").queryAs(ListView.class);
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("Custom endpoint")))
                .queryAs(Node.class));
        CofferUi.retype(robot, robot.lookup("#connectEndpoint").queryAs(Node.class), moto.endpoint().toString());
        robot.clickOn("#connectReadOnly");
        Screenshots.save(robot.lookup("#connectChoices").queryAs(Node.class).getScene(), "connect-dialog");
        robot.clickOn("Connect");

        CofferUi.awaitLoaded(app);
        assertThat(onFx(() -> robot.lookup("#messageBar").queryAs(Node.class).isVisible())).isFalse();
        assertThat(onFx(() -> app.model().connectionProperty().get().readOnly())).isTrue();
        assertThat(onFx(() -> robot.lookup("#readOnlyBadge").queryAs(Node.class).isVisible())).isTrue();
        assertThat(onFx(() -> app.model().parameters().totalProperty().get())).isEqualTo(SandboxData.inventory().parameters().size());
        assertThat(onFx(() -> app.stage().getTitle())).endsWith("(read-only)");
        assertThat(choices).isNotNull();
        Screenshots.save(app.stage().getScene(), "main-window-read-only");
        assertThat(Window.getWindows()).hasSize(1);
    }
}
