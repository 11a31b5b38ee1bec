package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The window after a parameter listing stopped part way: the banner says so, the count says "at least", Retry goes on. */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class PartialListingUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;

    @BeforeAll
    static void seed(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            for (int i = 0; i < PartialListingIT.PARAMETERS; i++) {
                String name = String.format("/partial-ui/app-%02d/p-%03d", i / 50, i);
                clients.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING));
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        CofferUi.close(app);
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theBannerSaysTheListingStoppedAndRetryResumesIt(MotoServer moto) throws Exception {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true)
                .inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("DescribeParameters").after(3))) {
            FxToolkit.registerPrimaryStage();
            app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, "us-east-1", proxy.endpoint(), false, false)));
            await().atMost(Duration.ofSeconds(90)).until(() -> onFx(() -> app.model().openConnection() != null
                    && !app.model().loadingProperty().get()));

            assertThat(onFx(() -> robot.lookup("#messageBar").query().isVisible())).isTrue();
            assertThat(text("#messageText")).startsWith("The listing of parameters stopped after 150 parameters (3 pages).");
            assertThat(text("#parameterCount")).isEqualTo("at least 150");
            assertThat(text("#statusText")).startsWith("at least 150 parameters");
            Screenshots.save(robot.lookup("#messageBar").query().getScene(), "main-window-partial-listing");

            proxy.clearFaults().resetCounters();
            robot.clickOn("#retryButton");
            await().atMost(Duration.ofSeconds(90)).until(() -> text("#parameterCount").equals("500"));

            assertThat(onFx(() -> robot.lookup("#messageBar").query().isVisible())).isFalse();
            assertThat(proxy.requests("DescribeParameters")).as("from page 4 on").isEqualTo(PartialListingIT.PAGES - 3);
        }
    }
}
