package dev.coffer.rotation.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.rotation.RotationFunction;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.view.EntryRow;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * The rotation wizard and the rotation buttons of a secret's details in the real window against
 * moto: every page renders and is bound to its view model, its keys work, the missing database
 * fields open in the editor, and rotation is set, run and turned off end to end. The pages' logic
 * is proven by {@link RotationWizardViewModelIT}.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class RotationWizardUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LEGACY = "rotation/legacy-db";
    private static final String FUNCTION = "SecretsManagerRDSPostgreSQLRotationSingleUser";
    private static final String PASSWORD = "legacy-db-password-never-shown";
    private static App app;
    private static ClientFactory sdk;
    private static String functionArn;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        functionArn = RotationLambda.create(moto, sdk, FUNCTION);
        sdk.secretsManager().createSecret(b -> b.name(LEGACY).secretString("{\"engine\":\"mysql\",\"username\":\"legacy\",\"password\":\""
                + PASSWORD + "\"}"));
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.closeOtherWindows(app);
        CofferUi.close(app);
        sdk.close();
    }

    private String step() {
        return onFx(() -> robot.lookup("#wizardStep").queryAs(Label.class).getText());
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void next(String expectedStep) {
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains(expectedStep));
    }

    private void screenshot(String name) {
        Screenshots.save(robot.lookup("#wizardStep").queryAs(Node.class).getScene(), name);
    }

    private void replace(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    private void confirmDialog(String button) {
        await().atMost(WAIT).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(button)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(button)).queryAs(Node.class));
    }

    @Test
    void setsUpRotationThroughEveryPageThenRotatesNowAndTurnsItOffFromTheDetails() {
        robot.clickOn("#secretFilter").write(LEGACY);
        await().atMost(WAIT).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(LEGACY)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(LEGACY)).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> LEGACY.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        robot.clickOn("#setUpRotationButton");
        await().atMost(WAIT).until(() -> robot.lookup("#rotationStateText").tryQuery().isPresent() && text("#rotationStateText").startsWith("Rotation:"));

        // 1. The rotation now, and the database fields the value lacks, added in the editor on request.
        assertThat(step()).isEqualTo("Step 1 of 5: Secret");
        assertThat(text("#wizardHelp")).isEqualTo("The rotation settings of " + LEGACY + " now.");
        assertThat(text("#rotationStateText")).contains("Rotation: off").doesNotContain(PASSWORD);
        assertThat(text("#missingFieldsText")).contains("lacks host, port, dbname");
        screenshot("rotation-1-secret-missing-fields");
        Stage wizard = (Stage) robot.lookup("#wizardStep").queryAs(Node.class).getScene().getWindow();
        robot.clickOn("#addMissingFieldsButton");
        await().atMost(WAIT).until(() -> robot.lookup("#entryTable").tryQuery().isPresent());
        TableView<EntryRow> entries = robot.lookup("#entryTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> entries.getItems().size() == 6));
        Map<String, String> shown = onFx(() -> entries.getItems().stream().collect(Collectors.toMap(
                r -> r.keyProperty().get(), r -> r.valueProperty().get(), (a, b) -> a, LinkedHashMap::new)));
        // What the value had is kept; what it lacked is there, empty, to fill in.
        assertThat(shown).containsEntry("engine", "mysql").containsEntry("username", "legacy")
                .containsEntry("host", "").containsEntry("port", "").containsEntry("dbname", "");
        Stage editor = (Stage) entries.getScene().getWindow();
        assertThat(onFx(editor::getTitle)).contains("add host, port, dbname");
        Screenshots.save(entries.getScene(), "rotation-1-add-missing-fields");
        onFx(() -> {
            // The editor goes; the user clicks the wizard, which stayed open behind it.
            editor.close();
            wizard.toFront();
            wizard.requestFocus();
            return null;
        });

        // 2. A function of the account, with its runtime.
        next("Function");
        TableView<RotationFunction> functions = robot.lookup("#functionTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> !functions.getItems().isEmpty()));
        assertThat(onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).isDisabled())).isTrue();
        robot.clickOn(robot.lookup("#functionTable .table-cell").match(LabeledMatchers.hasText(FUNCTION)).queryAs(Node.class));
        assertThat(robot.lookup("#functionTable .table-cell").match(LabeledMatchers.hasText("python3.12")).tryQuery()).isPresent();
        assertThat(onFx(() -> robot.lookup("#managedRadio").queryAs(Node.class).isDisabled())).as("the secret is owned by no service").isTrue();
        screenshot("rotation-2-function");

        // 3. Problems show as the schedule is typed; Enter goes on once there are none.
        next("Schedule");
        ListView<String> times = robot.lookup("#nextTimesList").queryAs(ListView.class);
        robot.clickOn("#expressionRadio");
        robot.clickOn("#expressionField").write("rate(2 hours)");
        assertThat(text("#scheduleProblems")).contains("at most every 4 hours");
        assertThat(onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).isDisabled())).isTrue();
        screenshot("rotation-3-schedule-problems");
        robot.clickOn("#everyDaysRadio");
        replace("#daysField", "14");
        robot.clickOn("#windowField").write("4h");
        assertThat(text("#scheduleProblems")).isEmpty();
        assertThat(onFx(() -> List.copyOf(times.getItems()))).hasSize(5).allMatch(t -> t.endsWith(" UTC"));
        screenshot("rotation-3-schedule");
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> step().contains("Review"));

        // 4. The exact request; only testing the function.
        robot.clickOn("#testOnlyRadio");
        String request = onFx(() -> robot.lookup("#requestText").queryAs(TextArea.class).getText());
        assertThat(request).contains("\"RotationLambdaARN\" : \"" + functionArn + "\"").contains("\"AutomaticallyAfterDays\" : 14")
                .contains("\"Duration\" : \"4h\"").contains("\"RotateImmediately\" : false").doesNotContain(PASSWORD);
        screenshot("rotation-4-review");

        // 5. Done: what Secrets Manager reports now.
        next("Done");
        assertThat(text("#rotationResultText")).contains("Rotation: on").contains(functionArn);
        assertThat(onFx(() -> robot.lookup("#wizardBack").queryAs(Button.class).isVisible())).isFalse();
        screenshot("rotation-5-done");
        DescribeSecretResponse d = sdk.secretsManager().describeSecret(b -> b.secretId(LEGACY));
        assertThat(d.rotationEnabled()).isTrue();
        assertThat(d.rotationRules().automaticallyAfterDays()).isEqualTo(14L);
        assertThat(d.rotationLambdaARN()).isEqualTo(functionArn);
        robot.clickOn("#wizardNext"); // Close

        // The details now show rotation with Rotate now and Turn off rotation.
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#turnOffRotationButton").queryAs(Button.class).isVisible()));
        assertThat(onFx(() -> robot.lookup("#rotateNowButton").queryAs(Button.class).isVisible())).isTrue();
        assertThat(onFx(() -> robot.lookup("#field-rotation-function").queryAs(TextField.class).getText())).isEqualTo(functionArn);
        assertThat(onFx(() -> robot.lookup("#field-rotation").queryAs(TextField.class).getText())).startsWith("On");
        Screenshots.save(app.stage().getScene(), "rotation-details");
        int versions = sdk.secretsManager().listSecretVersionIds(b -> b.secretId(LEGACY)).versions().size();
        robot.clickOn("#rotateNowButton");
        confirmDialog("Rotate now");
        await().atMost(WAIT).until(() -> sdk.secretsManager().listSecretVersionIds(b -> b.secretId(LEGACY)).versions().size() > versions);
        robot.clickOn("#turnOffRotationButton");
        confirmDialog("Turn off");
        await().atMost(WAIT).until(() -> !sdk.secretsManager().describeSecret(b -> b.secretId(LEGACY)).rotationEnabled());
        await().atMost(WAIT).until(() -> onFx(() -> !robot.lookup("#turnOffRotationButton").queryAs(Button.class).isVisible()));
    }
}
