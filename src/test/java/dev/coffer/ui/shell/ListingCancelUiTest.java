package dev.coffer.ui.shell;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferRobot;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The status bar's Cancel (and Esc) while AWS holds the parameter listing back: the banner says "Listing cancelled", Retry lists. */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class ListingCancelUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;

    @BeforeAll
    static void seed(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            clients.ssm().putParameter(b -> b.name("/cancel-ui/p").value("v").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void close() throws Exception {
        CofferUi.close(app);
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean visible(String id) {
        return onFx(() -> robot.lookup(id).query().isVisible());
    }

    @Test
    void cancelInTheStatusBarStopsASlowListingAndRetryListsAgain(MotoServer moto) throws Exception {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(60)).on("DescribeParameters").times(2))) {
            FxToolkit.registerPrimaryStage();
            app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, "us-east-1", proxy.endpoint(), false, false)));
            await().atMost(Duration.ofSeconds(20)).until(() -> proxy.faults("DescribeParameters") == 1);
            assertThat(visible("#cancelLoadingButton")).isTrue();
            Screenshots.save(robot.lookup("#statusBar").query().getScene(), "main-window-listing-cancel");

            robot.clickOn("#cancelLoadingButton");

            await().atMost(Duration.ofSeconds(3)).until(() -> visible("#messageBar"));
            assertThat(text("#messageText")).startsWith("Listing cancelled.");
            assertThat(visible("#retryButton")).isTrue();
            await().atMost(Duration.ofSeconds(3)).until(() -> !visible("#cancelLoadingButton"));
            // Once moto answered the request the proxy forwarded (one request at a time, slow on a loaded machine).
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.abandoned("DescribeParameters") == 1);

            // Esc cancels as well.
            robot.clickOn("#retryButton");
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.faults("DescribeParameters") == 2 && visible("#cancelLoadingButton"));
            robot.type(KeyCode.ESCAPE);
            await().atMost(Duration.ofSeconds(3)).until(() -> visible("#messageBar") && text("#messageText").startsWith("Listing cancelled."));

            robot.clickOn("#retryButton");
            await().atMost(Duration.ofSeconds(10)).until(() -> text("#parameterCount").equals("1"));
            assertThat(visible("#messageBar")).isFalse();
        }
    }
}
