package dev.coffer.parameters.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterVersion;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.controls.Comparison;
import dev.coffer.ui.kit.controls.DiffView;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The version browser over a parameter's history, through the real window against moto. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterHistoryUiTest {

    private static final String PLAIN = "/apps/history-test/prod/endpoint";
    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        for (String v : List.of("https://v1.example.com", "https://v2.example.com", "https://v3.example.com")) {
            sdk.ssm().putParameter(b -> b.name(PLAIN).value(v).type(ParameterType.STRING).overwrite(true).description("Service endpoint"));
        }
        sdk.ssm().labelParameterVersion(b -> b.name(PLAIN).parameterVersion(3L).labels("live"));
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
    }

    @AfterEach
    void closeWindows() {
        CofferUi.closeOtherWindows(app);
    }

    private TableView<ParameterVersion> openHistory(String name) {
        onFx(() -> {
            app.window().selectParameter(name);
            return null;
        });
        // Click the row like a user, which also gives the main window the keyboard.
        robot.clickOn(CofferUi.treeRow(robot, dev.coffer.parameters.ParameterPath.leafOf(name)));
        robot.press(KeyCode.CONTROL).press(KeyCode.H).release(KeyCode.H).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#versionTable").tryQuery().isPresent());
        TableView<ParameterVersion> table = robot.lookup("#versionTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !table.getItems().isEmpty()));
        return table;
    }

    private List<String> diffLines() {
        DiffView diff = robot.lookup("#diffView").queryAs(DiffView.class);
        return onFx(() -> diff.getItems().stream().map(Comparison.Line::marked).toList());
    }

    /**
     * The window's main flow: Ctrl+H opens it, two clicked rows are compared, and the labels dialog
     * shows the rules' problems and the move before a label is put on. The rules, restoring and
     * masking are proven without a window in {@link ParameterVersionsViewModelIT}.
     */
    @Test
    void comparesTwoVersionsAndMovesALabelThroughTheDialog() {
        TableView<ParameterVersion> table = openHistory(PLAIN);
        assertThat(onFx(() -> table.getItems().stream().map(ParameterVersion::version).toList())).containsExactly(3L, 2L, 1L);
        assertThat(onFx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Version", "Modified", "By", "Type", "Tier", "Data type", "Labels", "Description");
        assertThat(onFx(() -> table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum() < table.getWidth()))
                .as("every column fits the window at its default size").isTrue();
        assertThat(onFx(() -> robot.lookup("#revealValuesButton").queryAs(Button.class).isVisible()))
                .as("String values show at once").isFalse();

        robot.clickOn(robot.lookup("#versionTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("3"))
                .queryAs(Node.class));
        robot.press(KeyCode.CONTROL).clickOn(robot.lookup("#versionTable .table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("1")).queryAs(Node.class)).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> diffLines().contains("- https://v1.example.com"));
        assertThat(diffLines()).contains("+ https://v3.example.com", "- Labels: ", "+ Labels: live");
        Screenshots.save(table.getScene(), "parameter-history-diff");

        robot.clickOn(robot.lookup("#versionTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("1"))
                .queryAs(Node.class));
        robot.clickOn("#labelsButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#labelField").tryQuery().isPresent());
        robot.clickOn("#labelField").write("1bad");
        assertThat(onFx(() -> robot.lookup("#labelProblems").queryAs(Label.class).getText())).contains("digit");
        assertThat(onFx(() -> robot.lookup("#addLabelButton").queryAs(Button.class).isDisabled())).isTrue();
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write("live");
        assertThat(onFx(() -> robot.lookup("#labelMoves").queryAs(Label.class).getText())).contains("version 3").contains("moves");
        Screenshots.save(robot.lookup("#labelField").queryAs(Node.class).getScene(), "parameter-label-dialog");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(20)).until(() -> labelsOf(1).contains("live"));
        assertThat(labelsOf(3)).doesNotContain("live");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> table.getItems().stream()
                .filter(v -> v.version() == 1).findFirst().map(v -> v.labels().contains("live")).orElse(false)));
    }

    private List<String> labelsOf(long version) {
        return sdk.ssm().getParameterHistory(b -> b.name(PLAIN)).parameters().stream()
                .filter(h -> h.version() == version).findFirst().map(ParameterHistory::labels).orElse(List.of());
    }
}
