package dev.coffer.usage.view;

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
import dev.coffer.ui.shell.App;
import dev.coffer.usage.view.WhereUsedViewModel.Row;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Where used (Ctrl+U) on a golden AMI parameter in an audit (read-only) window: the launch
 * template that reads it, its version note and the count, then "Used by" in the details.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class WhereUsedUiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GOLDEN = "/wu-ui/golden-ami/x86_64";
    private static final String TEMPLATE = "wu-ui-web-servers";

    private final FxRobot robot = new CofferRobot();
    private ClientFactory clients;
    private App app;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        clients = Moto.clients(moto, false);
        clients.ssm().putParameter(b -> b.name(GOLDEN).type(ParameterType.STRING).value("ami-0123456789abcdef0").overwrite(true));
        if (clients.ec2().describeLaunchTemplates(b -> b.filters(f -> f.name("launch-template-name").values(TEMPLATE)))
                .launchTemplates().isEmpty()) {
            clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(TEMPLATE)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN).instanceType("t3.micro")));
        }
        app = CofferUi.launch(moto, true);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            CofferUi.closeOtherWindows(app);
        }
        CofferUi.close(app);
        clients.close();
    }

    @Test
    void ctrlUOnAParameterListsTheLaunchTemplateThatReadsItAndTheDetailsCountIt() {
        onFx(() -> {
            app.window().selectParameter(GOLDEN);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, "x86_64"));
        Label usedBy = robot.lookup("#usedBy").queryAs(Label.class);
        assertThat(onFx(usedBy::isVisible)).as("nothing said before a scan").isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> robot.lookup("#whereUsedRows").tryQuery().isPresent());
        TableView<Row> rows = robot.lookup("#whereUsedRows").queryTableView();
        await().atMost(WAIT).until(() -> onFx(() -> !rows.getItems().isEmpty()));

        assertThat(onFx(() -> rows.getItems().stream().map(r -> r.kind() + " | " + r.resource() + " | " + r.location() + " | " + r.version()).toList()))
                .containsExactly("EC2 launch template | " + TEMPLATE + " | version 1 (default and latest) ImageId | follows the latest version");
        assertThat(onFx(() -> robot.lookup("#whereUsedCount").queryAs(Label.class).getText())).isEqualTo("Used by 1 consumer");
        assertThat(onFx(() -> robot.lookup("#whereUsedTitle").queryAs(Label.class).getText())).isEqualTo("Where " + GOLDEN + " is used");
        robot.clickOn(TEMPLATE);
        Screenshots.save(rows.getScene(), "where-used");

        robot.type(KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> robot.lookup("#whereUsedRows").tryQuery().isEmpty());
        assertThat(onFx(usedBy::getText)).isEqualTo("Used by 1 consumer");
        assertThat(onFx(usedBy::isVisible)).isTrue();
    }
}
