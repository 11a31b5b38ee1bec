package dev.coffer.rotation.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.rotation.RotationFunction;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/** The rotation wizard and the rotation buttons of a secret's details, through the real window against moto. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class RotationWizardUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORDERS = "rotation/orders-db";
    private static final String LEGACY = "rotation/legacy-db";
    private static final String FUNCTION = "SecretsManagerRDSPostgreSQLRotationSingleUser";
    private static final String PASSWORD = "orders-db-password-never-shown";
    private static App app;
    private static ClientFactory sdk;
    private static MotoServer server;
    private static String functionArn;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        server = moto;
        sdk = Moto.clients(moto, false);
        functionArn = RotationLambda.create(moto, sdk, FUNCTION);
        sdk.secretsManager().createSecret(b -> b.name(ORDERS).secretString("{\"engine\":\"postgres\",\"host\":\"orders.cluster.example.com\","
                + "\"port\":5432,\"username\":\"orders_app\",\"password\":\"" + PASSWORD + "\",\"dbname\":\"orders\"}"));
        sdk.secretsManager().createSecret(b -> b.name(LEGACY).secretString("{\"engine\":\"mysql\",\"username\":\"legacy\",\"password\":\"x\"}"));
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

    private void selectSecret(String name) {
        robot.clickOn("#secretFilter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(name);
        await().atMost(WAIT).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> name.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    private void openWizard(String name) {
        selectSecret(name);
        robot.clickOn("#setUpRotationButton");
        await().atMost(WAIT).until(() -> robot.lookup("#rotationStateText").tryQuery().isPresent()
                && onFx(() -> robot.lookup("#rotationStateText").queryAs(Label.class).getText()).startsWith("Rotation:"));
    }

    private String step() {
        return onFx(() -> robot.lookup("#wizardStep").queryAs(Label.class).getText());
    }

    private void next(String expectedStep) {
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains(expectedStep));
    }

    private Node window() {
        return robot.lookup("#wizardStep").queryAs(Node.class);
    }

    private void replace(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    private String scheduleProblems() {
        return onFx(() -> robot.lookup("#scheduleProblems").queryAs(Label.class).getText());
    }

    private void chooseFunction() {
        TableView<RotationFunction> functions = robot.lookup("#functionTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> !functions.getItems().isEmpty()));
        robot.clickOn(robot.lookup("#functionTable .table-cell").match(LabeledMatchers.hasText(FUNCTION)).queryAs(Node.class));
    }

    @Test
    void setsRotationWithAMotoLambdaFunctionThenTurnsItOffFromTheDetails() {
        openWizard(ORDERS);
        assertThat(onFx(() -> robot.lookup("#rotationStateText").queryAs(Label.class).getText())).contains("Rotation: off");
        assertThat(onFx(() -> robot.lookup("#missingFieldsText").queryAs(Label.class).getText())).isEmpty();
        Screenshots.save(window().getScene(), "rotation-1-secret");

        next("Function");
        chooseFunction();
        assertThat(robot.lookup("#functionTable .table-cell").match(LabeledMatchers.hasText("python3.12")).tryQuery()).isPresent();
        Screenshots.save(window().getScene(), "rotation-2-function");

        next("Schedule");
        replace("#daysField", "14");
        robot.clickOn("#windowField").write("4h");
        ListView<String> times = robot.lookup("#nextTimesList").queryAs(ListView.class);
        await().atMost(WAIT).until(() -> onFx(() -> times.getItems().size() == 5));
        assertThat(scheduleProblems()).isEmpty();
        Screenshots.save(window().getScene(), "rotation-3-schedule");

        next("Review");
        robot.clickOn("#testOnlyRadio");
        String request = onFx(() -> robot.lookup("#requestText").queryAs(TextArea.class).getText());
        assertThat(request).contains("\"RotationLambdaARN\" : \"" + functionArn + "\"").contains("\"AutomaticallyAfterDays\" : 14")
                .contains("\"Duration\" : \"4h\"").contains("\"RotateImmediately\" : false").doesNotContain(PASSWORD);
        Screenshots.save(window().getScene(), "rotation-4-review");

        Moto.startRecording(server);
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains("Done"));
        List<JsonNode> sent = Moto.requestsFor(Moto.stopRecording(server), "secretsmanager.RotateSecret");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("RotationRules").path("AutomaticallyAfterDays").asInt()).isEqualTo(14);
        assertThat(sent.get(0).path("RotationRules").path("Duration").asText()).isEqualTo("4h");
        assertThat(sent.get(0).path("RotateImmediately").asBoolean(true)).isFalse();
        assertThat(onFx(() -> robot.lookup("#rotationResultText").queryAs(Label.class).getText())).contains("Rotation: on")
                .contains(functionArn);
        Screenshots.save(window().getScene(), "rotation-5-done");

        DescribeSecretResponse d = sdk.secretsManager().describeSecret(b -> b.secretId(ORDERS));
        assertThat(d.rotationEnabled()).isTrue();
        assertThat(d.rotationRules().automaticallyAfterDays()).isEqualTo(14L);
        assertThat(d.rotationLambdaARN()).isEqualTo(functionArn);
        assertThat(d.nextRotationDate()).isNotNull();
        robot.clickOn("#wizardNext"); // Close

        // The details now show rotation with Rotate now and Turn off rotation.
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#turnOffRotationButton").queryAs(Button.class).isVisible()));
        assertThat(onFx(() -> robot.lookup("#rotateNowButton").queryAs(Button.class).isVisible())).isTrue();
        assertThat(onFx(() -> robot.lookup("#field-rotation-function").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo(functionArn);
        assertThat(onFx(() -> robot.lookup("#field-rotation").queryAs(javafx.scene.control.TextField.class).getText())).startsWith("On");
        Screenshots.save(app.stage().getScene(), "rotation-details");
        int versions = sdk.secretsManager().listSecretVersionIds(b -> b.secretId(ORDERS)).versions().size();
        robot.clickOn("#rotateNowButton");
        await().atMost(WAIT).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Rotate now")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Rotate now")).queryAs(Node.class));
        await().atMost(WAIT).until(() -> sdk.secretsManager().listSecretVersionIds(b -> b.secretId(ORDERS)).versions().size() > versions);
        robot.clickOn("#turnOffRotationButton");
        await().atMost(WAIT).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Turn off")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Turn off")).queryAs(Node.class));
        await().atMost(WAIT).until(() -> !sdk.secretsManager().describeSecret(b -> b.secretId(ORDERS)).rotationEnabled());
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#turnOffRotationButton").queryAs(Button.class).isVisible()));
    }

    @Test
    void theMissingDatabaseFieldsAreAddedInTheEditorForTheUserToFillIn() {
        openWizard(LEGACY);
        robot.clickOn("#addMissingFieldsButton");
        await().atMost(WAIT).until(() -> robot.lookup("#entryTable").tryQuery().isPresent());
        TableView<dev.coffer.secrets.view.EntryRow> entries = robot.lookup("#entryTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> entries.getItems().size() == 6));
        java.util.Map<String, String> shown = onFx(() -> entries.getItems().stream().collect(java.util.stream.Collectors.toMap(
                r -> r.keyProperty().get(), r -> r.valueProperty().get(), (a, b) -> a, java.util.LinkedHashMap::new)));
        // What the value had is kept; what it lacked is there, empty, to fill in.
        assertThat(shown).containsEntry("engine", "mysql").containsEntry("username", "legacy")
                .containsEntry("host", "").containsEntry("port", "").containsEntry("dbname", "");
        assertThat(onFx(() -> ((javafx.stage.Stage) entries.getScene().getWindow()).getTitle())).contains("add host, port, dbname");
        Screenshots.save(entries.getScene(), "rotation-1-add-missing-fields");
    }

    @Test
    void refusesBadSchedulesWithClearMessagesBeforeAnyCall() {
        openWizard(LEGACY);
        assertThat(onFx(() -> robot.lookup("#missingFieldsText").queryAs(Label.class).getText())).contains("lacks host, port, dbname");
        assertThat(onFx(() -> robot.lookup("#addMissingFieldsButton").queryAs(Button.class).isVisible())).isTrue();
        Screenshots.save(window().getScene(), "rotation-1-secret-missing-fields");
        next("Function");
        chooseFunction();
        next("Schedule");

        Moto.startRecording(server);
        Button nextButton = robot.lookup("#wizardNext").queryAs(Button.class);
        replace("#daysField", "1001");
        assertThat(scheduleProblems()).contains("1 to 1,000 days");
        assertThat(onFx(nextButton::isDisabled)).isTrue();

        robot.clickOn("#expressionRadio");
        replace("#expressionField", "rate(2 hours)");
        assertThat(scheduleProblems()).contains("at most every 4 hours");
        replace("#expressionField", "cron(0 */2 ? * * *)");
        assertThat(scheduleProblems()).contains("every 2 hours").contains("at most every 4 hours");
        replace("#expressionField", "cron(0 4 * * MON *)");
        assertThat(scheduleProblems()).contains("exactly one of day-of-month and day-of-week");
        replace("#expressionField", "cron(0 4 ? *)");
        assertThat(scheduleProblems()).contains("6 fields");
        replace("#expressionField", "every day");
        assertThat(scheduleProblems()).contains("neither rate(");
        assertThat(onFx(nextButton::isDisabled)).isTrue();
        replace("#expressionField", "cron(0 22 ? * SUN *)");
        robot.clickOn("#windowField").write("3h");
        assertThat(scheduleProblems()).contains("next UTC day");
        Screenshots.save(window().getScene(), "rotation-3-schedule-problems");
        assertThat(onFx(nextButton::isDisabled)).isTrue();
        assertThat(Moto.stopRecording(server)).noneMatch(line -> line.contains("RotateSecret"));

        // A good cron expression shows its next five Sundays and is sent as it is.
        replace("#windowField", "2h");
        assertThat(scheduleProblems()).isEmpty();
        ListView<String> times = robot.lookup("#nextTimesList").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(times.getItems()))).hasSize(5).allMatch(t -> t.startsWith("Sun ") && t.endsWith("22:00 UTC"));
        next("Review");
        Moto.startRecording(server);
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains("Done"));
        List<JsonNode> sent = Moto.requestsFor(Moto.stopRecording(server), "secretsmanager.RotateSecret");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("RotationRules").path("ScheduleExpression").asText()).isEqualTo("cron(0 22 ? * SUN *)");
        assertThat(sent.get(0).path("RotationRules").path("Duration").asText()).isEqualTo("2h");
        assertThat(sent.get(0).path("RotateImmediately").asBoolean()).isTrue();
        assertThat(sdk.secretsManager().describeSecret(b -> b.secretId(LEGACY)).rotationLambdaARN()).isEqualTo(functionArn);
    }

}
