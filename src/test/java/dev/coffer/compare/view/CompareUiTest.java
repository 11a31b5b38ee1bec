package dev.coffer.compare.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.PlanItem;
import dev.coffer.compare.Row;
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
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Tools → Compare… (Ctrl+D) on one moto with two paths: the counts, a differing row's two sides,
 * a SecureString revealed for its row only, then the plan and its results.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class CompareUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STAGING = "/ui-cmp/checkout/staging";
    private static final String PROD = "/ui-cmp/checkout/prod";

    private final FxRobot robot = new CofferRobot();
    private ClientFactory clients;
    private App app;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        clients = Moto.clients(moto, false);
        for (String root : new String[] {STAGING, PROD}) {
            boolean staging = root.equals(STAGING);
            put(root + "/api-url", ParameterType.STRING, staging ? "https://pay.staging.example.com/v2" : "https://pay.example.com/v2");
            put(root + "/max-retries", ParameterType.STRING, "3");
            put(root + "/webhook-signing-key", ParameterType.SECURE_STRING, staging ? "whsec-staging-4f1c" : "whsec-prod-9a7e");
            put(root + "/payment-methods", ParameterType.STRING_LIST, staging ? "card,paypal,sepa" : "card,paypal");
            if (staging) {
                put(root + "/debug-endpoint", ParameterType.STRING, "https://trace.staging.example.com/checkout");
            }
        }
        app = CofferUi.launch(moto, false);
    }

    private void put(String name, ParameterType type, String value) {
        clients.ssm().putParameter(b -> b.name(name).type(type).value(value).overwrite(true));
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
    void compareTwoFoldersSeeTheDiffRevealASecureStringThenReviewAndApplyThePlan() {
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> robot.lookup("#compareRoot").tryQuery().isPresent());
        robot.clickOn("#leftPath").write(STAGING);
        robot.clickOn("#rightPath").write(PROD);
        robot.clickOn("#compareRun");

        ToggleButton different = robot.lookup("#show-different").queryAs(ToggleButton.class);
        await().atMost(WAIT).until(() -> onFx(different::getText).equals("Different (3)"));
        assertThat(onFx(() -> robot.lookup("#show-only_left").queryAs(ToggleButton.class).getText())).isEqualTo("Only left (1)");
        assertThat(onFx(() -> robot.lookup("#show-same").queryAs(ToggleButton.class).getText())).isEqualTo("Same (1)");
        TableView<Row> rows = robot.lookup("#compareRows").queryTableView();
        assertThat(onFx(() -> rows.getItems().stream().map(Row::name).toList())).as("same rows hidden at first")
                .containsExactly("api-url", "debug-endpoint", "payment-methods", "webhook-signing-key");
        Screenshots.save(rows.getScene(), "compare-result");

        TextArea left = robot.lookup("#diffLeft").queryAs(TextArea.class);
        TextArea right = robot.lookup("#diffRight").queryAs(TextArea.class);
        robot.clickOn(cell("payment-methods"));
        await().atMost(WAIT).until(() -> text(left).contains("value: card,paypal,sepa"));
        assertThat(text(right)).contains("value: card,paypal", "type: StringList");

        robot.clickOn(cell("webhook-signing-key"));
        await().atMost(WAIT).until(() -> text(left).contains("value: " + CompareViewModel.MASK));
        assertThat(text(left) + text(right)).doesNotContain("whsec");
        robot.clickOn("#diffReveal");
        await().atMost(WAIT).until(() -> text(left).contains("value: whsec-staging-4f1c"));
        assertThat(text(right)).contains("value: whsec-prod-9a7e");
        assertThat(onFx(() -> robot.lookup("#diffReveal").queryAs(Button.class).getText())).isEqualTo("Hide");
        Screenshots.save(rows.getScene(), "compare-diff");

        robot.clickOn(cell("api-url"));
        assertThat(text(left)).as("masked again on another row").doesNotContain("whsec");
        robot.press(KeyCode.CONTROL).clickOn(cell("debug-endpoint")).release(KeyCode.CONTROL);
        robot.clickOn("#promoteReview");

        await().atMost(WAIT).until(() -> robot.lookup("#planItems").tryQuery().isPresent());
        TableView<PlanItem> plan = robot.lookup("#planItems").queryTableView();
        assertThat(onFx(() -> plan.getItems().stream().map(i -> i.action().jsonName() + " " + i.targetName()).toList()))
                .containsExactly("update " + PROD + "/api-url", "create " + PROD + "/debug-endpoint");
        Screenshots.save(plan.getScene(), "compare-plan");

        robot.clickOn("#planApply");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#planMessage").queryLabeled().getText()).equals("2 of 2 items done."));
        assertThat(clients.ssm().getParameter(b -> b.name(PROD + "/api-url")).parameter().value()).isEqualTo("https://pay.staging.example.com/v2");
        assertThat(clients.ssm().getParameter(b -> b.name(PROD + "/debug-endpoint")).parameter().value())
                .isEqualTo("https://trace.staging.example.com/checkout");
        Screenshots.save(plan.getScene(), "compare-applied");
        robot.clickOn("#planClose");
        CofferUi.closeOtherWindows(app);

        // The parameter tree's folder menu opens it with that folder as the left side.
        CofferUi.openContextMenu(robot, CofferUi.treeRow(robot, "ui-cmp"));
        robot.clickOn("Compare with…");
        await().atMost(WAIT).until(() -> robot.lookup("#leftPath").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#leftPath").queryTextInputControl().getText())).isEqualTo("/ui-cmp");
    }

    private static String text(TextArea area) {
        return onFx(area::getText);
    }

    private Node cell(String name) {
        return robot.lookup("#compareRows .table-cell").match((javafx.scene.control.Labeled c) -> name.equals(c.getText())).query();
    }
}
