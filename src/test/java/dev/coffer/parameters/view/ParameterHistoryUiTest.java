package dev.coffer.parameters.view;

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

/** Versions, comparison, labels and restore through the real history window, against moto. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterHistoryUiTest {

    private static final String PLAIN = "/apps/history-test/prod/endpoint";
    private static final String LABELLED = "/apps/history-test/prod/labelled";
    private static final String RESTORED = "/apps/history-test/prod/restored";
    private static final String SECURE = "/apps/history-test/prod/token";
    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        // Each test works on its own parameter, so their order does not matter.
        for (String name : List.of(PLAIN, LABELLED, RESTORED)) {
            for (String v : List.of("https://v1.example.com", "https://v2.example.com", "https://v3.example.com")) {
                sdk.ssm().putParameter(b -> b.name(name).value(v).type(ParameterType.STRING).overwrite(true).description("Service endpoint"));
            }
            sdk.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(3L).labels("live"));
        }
        for (String v : List.of("token-one", "token-two")) {
            sdk.ssm().putParameter(b -> b.name(SECURE).value(v).type(ParameterType.SECURE_STRING).overwrite(true));
        }
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
        return onFx(() -> diff.getItems().stream().map(DiffView.Line::marked).toList());
    }

    @Test
    void listsEveryVersionWithLabelsAndComparesTwo() {
        TableView<ParameterVersion> table = openHistory(PLAIN);
        assertThat(onFx(() -> table.getItems().stream().map(ParameterVersion::version).toList())).containsExactly(3L, 2L, 1L);
        assertThat(onFx(() -> table.getItems().get(0).labels())).containsExactly("live");

        robot.clickOn(robot.lookup("#versionTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("3"))
                .queryAs(Node.class));
        robot.press(KeyCode.CONTROL).clickOn(robot.lookup("#versionTable .table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("1")).queryAs(Node.class)).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> diffLines().contains("- https://v1.example.com"));
        assertThat(diffLines()).contains("+ https://v3.example.com", "- Labels: ", "+ Labels: live");
        Screenshots.save(table.getScene(), "parameter-history-diff");
    }

    @Test
    void attachesAndMovesALabelWithTheRulesCheckedFirst() {
        TableView<ParameterVersion> table = openHistory(LABELLED);
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(2); // version 1
            return null;
        });
        robot.clickOn("#labelsButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#labelField").tryQuery().isPresent());
        robot.clickOn("#labelField").write("1bad label");
        Label problems = robot.lookup("#labelProblems").queryAs(Label.class);
        assertThat(onFx(problems::getText)).contains("digit").contains("space");
        assertThat(onFx(() -> robot.lookup("#attachLabelButton").queryAs(Button.class).isDisabled())).isTrue();

        robot.doubleClickOn("#labelField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("live");
        assertThat(onFx(() -> robot.lookup("#labelMoves").queryAs(Label.class).getText())).contains("version 3").contains("moves");
        Screenshots.save(robot.lookup("#labelField").queryAs(Node.class).getScene(), "parameter-label-dialog");
        robot.clickOn("#attachLabelButton");

        await().atMost(Duration.ofSeconds(20)).until(() -> labelsOf(1).contains("live"));
        assertThat(labelsOf(3)).doesNotContain("live");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> table.getItems().stream()
                .filter(v -> v.version() == 1).findFirst().map(v -> v.labels().contains("live")).orElse(false)));
    }

    @Test
    void restoresAnOldVersionAsANewOne() {
        TableView<ParameterVersion> table = openHistory(RESTORED);
        long newest = onFx(() -> table.getItems().get(0).version());
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(table.getItems().size() - 1);
            return null;
        });
        robot.clickOn("#restoreButton");
        robot.clickOn("Restore");
        await().atMost(Duration.ofSeconds(10)).until(() -> sdk.ssm().getParameter(b -> b.name(RESTORED)).parameter().version() == newest + 1);
        assertThat(sdk.ssm().getParameter(b -> b.name(RESTORED)).parameter().value()).isEqualTo("https://v1.example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> table.getItems().get(0).version() == newest + 1));
    }

    @Test
    void secureStringVersionsStayMaskedUntilRevealed() {
        openHistory(SECURE);
        TableView<ParameterVersion> table = robot.lookup("#versionTable").queryAs(TableView.class);
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(0);
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> !diffLines().isEmpty());
        assertThat(String.join("\n", diffLines())).contains("masked").doesNotContain("token-one").doesNotContain("token-two");
        robot.clickOn("#revealValuesButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> table.getItems().get(0).value().isPresent()));
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(0);
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> diffLines().contains("+ token-two"));
        assertThat(diffLines()).contains("- token-one");
    }

    private List<String> labelsOf(long version) {
        return sdk.ssm().getParameterHistory(b -> b.name(LABELLED)).parameters().stream()
                .filter(h -> h.version() == version).findFirst().map(ParameterHistory::labels).orElse(List.of());
    }
}
