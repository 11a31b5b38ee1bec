package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** In read-only mode neither wizard, nor Rotate now or Turn off rotation, is offered. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class WizardsReadOnlyUiTest {

    private static App app;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        try (ClientFactory sdk = Moto.clients(moto, false)) {
            sdk.ssm().putParameter(b -> b.name("/ro/golden").value("ami-0123456789abcdef0").type(ParameterType.STRING));
            sdk.secretsManager().createSecret(b -> b.name("ro/db").secretString("{}"));
        }
        app = CofferUi.launch(moto, true);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
    }

    @Test
    void offersNoWizardNorRotationButtons() {
        onFx(() -> {
            app.window().selectParameter("/ro/golden");
            return null;
        });
        Node row = CofferUi.treeRow(robot, "golden");
        robot.clickOn(row);
        CofferUi.openContextMenu(robot, row);
        assertThat(robot.lookup("History and labels…").tryQuery()).isPresent();
        assertThat(robot.lookup("Update golden AMI…").tryQuery()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        assertThat(onFx(() -> findItem("goldenImageItem").isVisible())).isFalse();
        assertThat(onFx(() -> findItem("rotationSecretItem").isVisible())).isFalse();

        robot.clickOn("#secretFilter").write("ro/db");
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText("ro/db")).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText("ro/db")).queryAs(Node.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> "ro/db".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        assertThat(onFx(() -> robot.lookup("#rotationBar").queryAs(Node.class).isVisible())).isFalse();
    }

    private MenuItem findItem(String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) app.window().root().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
