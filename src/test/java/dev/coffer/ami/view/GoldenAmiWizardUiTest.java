package dev.coffer.ami.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ami.CurrentImage;
import dev.coffer.ami.MachineImage;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The golden AMI wizard in the real window against moto: every page renders and is bound to its
 * view model, its keys work, two parameters move to a new image end to end and one rolls back
 * from its history. The pages' logic is proven by {@link GoldenAmiWizardViewModelIT}.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class GoldenAmiWizardUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROD = "/golden/ami/prod";
    private static final String STAGING = "/golden/ami/staging";
    private static App app;
    private static ClientFactory sdk;
    private static String current;
    private static String next;
    private static String arm;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        List<Image> amazonLinux = sdk.ec2().describeImages(b -> b.owners("amazon").filters(
                Filter.builder().name("name").values("amzn2-ami-hvm-*").build(),
                Filter.builder().name("architecture").values("x86_64").build())).images();
        assertThat(amazonLinux).hasSizeGreaterThanOrEqualTo(2);
        current = amazonLinux.get(0).imageId();
        next = amazonLinux.get(1).imageId();
        arm = sdk.ec2().describeImages(b -> b.owners("amazon").filters(Filter.builder().name("architecture").values("arm64").build()))
                .images().get(0).imageId();
        for (String name : List.of(PROD, STAGING)) {
            sdk.ssm().putParameter(b -> b.name(name).value(current).type(ParameterType.STRING).dataType("aws:ec2:image")
                    .description("Golden image for " + name));
        }
        // What uses them: the review splits these into those that follow the new image and those that need an action.
        sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName("prod-web-servers")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + PROD).instanceType("t3.micro")));
        sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName("staging-web-servers")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + STAGING).instanceType("t3.micro")));
        sdk.ec2().createLaunchTemplate(b -> b.launchTemplateName("prod-batch")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + PROD + ":1").instanceType("c5.large")));
        sdk.cloudFormation().createStack(b -> b.stackName("prod-web-stack").templateBody("""
                {"Parameters": {"ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "%s"}},
                 "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
                """.formatted(PROD)));
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

    private boolean nextDisabled() {
        return onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).isDisabled());
    }

    private void next(String expectedStep) {
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains(expectedStep));
    }

    private void screenshot(String name) {
        Screenshots.save(robot.lookup("#wizardStep").queryAs(Node.class).getScene(), name);
    }

    private void replace(String field, String text) {
        robot.doubleClickOn(field).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void movesTwoParametersToAnImageChosenFromTheSearchAndRollsOneBack() {
        // Opened from the parameter's right-click menu, on the parameter.
        onFx(() -> {
            app.window().selectParameter(PROD);
            return null;
        });
        Node row = CofferUi.treeRow(robot, ParameterPath.leafOf(PROD));
        robot.clickOn(row);
        CofferUi.openContextMenu(robot, row);
        robot.clickOn("Update golden AMI…");
        await().atMost(WAIT).until(() -> robot.lookup("#currentImageTable").tryQuery().isPresent());
        TableView<CurrentImage> currents = robot.lookup("#currentImageTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> currents.getItems().size() == 1 && currents.getItems().get(0).image().isPresent()));
        assertThat(step()).isEqualTo("Step 1 of 5: Parameters");
        assertThat(onFx(() -> robot.lookup("#wizardBack").queryAs(Button.class).isDisabled())).isTrue();

        // 1. Enter adds a parameter; its row shows the image it names.
        robot.clickOn("#addParameterField").write(STAGING).type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> onFx(() -> currents.getItems().size() == 2 && currents.getItems().stream().allMatch(c -> c.image().isPresent())));
        // The row's cells render on the next pulse after the item arrives.
        await().atMost(WAIT).until(() -> robot.lookup("#currentImageTable .table-cell").match(LabeledMatchers.hasText(STAGING)).tryQuery().isPresent());
        assertThat(onFx(() -> currents.getItems().get(0).image().map(MachineImage::name).orElse(""))).startsWith("amzn2-ami-hvm-");
        assertThat(text("#currentImageWarnings")).isEmpty();
        screenshot("golden-ami-1-parameters");

        // 2. A bad id is refused on the page; Enter in the name searches; choosing a row fills the id.
        next("New image");
        robot.clickOn("#imageIdField").write("ami-12XY");
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> text("#wizardStatus").contains("\"ami-12XY\" is not an AMI id"));
        assertThat(step()).contains("New image");
        screenshot("golden-ami-bad-id");
        ComboBox<String> owner = robot.lookup("#ownerField").queryAs(ComboBox.class);
        robot.doubleClickOn(owner.getEditor()).write("amazon");
        onFx(() -> {
            robot.lookup("#architectureChoice").queryAs(ChoiceBox.class).setValue("x86_64");
            return null;
        });
        robot.clickOn("#namePatternField").write("amzn2-ami-hvm-*").type(KeyCode.ENTER);
        TableView<MachineImage> images = robot.lookup("#imageTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> images.getItems().size() >= 2));
        assertThat(text("#wizardStatus")).endsWith("images, newest first.");

        // 3. Another architecture must be confirmed before Next; back, and the same architecture needs nothing.
        replace("#imageIdField", arm);
        next("Compare");
        CheckBox confirm = robot.lookup("#confirmChangeCheck").queryAs(CheckBox.class);
        assertThat(onFx(confirm::isVisible)).isTrue();
        assertThat(text("#compareWarning")).contains("architecture changes from x86_64 to arm64");
        assertThat(nextDisabled()).isTrue();
        screenshot("golden-ami-3-compare-architecture");
        robot.clickOn(confirm);
        assertThat(nextDisabled()).isFalse();
        robot.clickOn("#wizardBack");
        await().atMost(WAIT).until(() -> step().contains("New image"));
        assertThat(onFx(() -> images.getItems().size())).as("the search is kept").isGreaterThanOrEqualTo(2);
        robot.clickOn(robot.lookup("#imageTable .table-cell").match(LabeledMatchers.hasText(next)).queryAs(Node.class));
        assertThat(onFx(() -> robot.lookup("#imageIdField").queryAs(TextField.class).getText())).isEqualTo(next);
        screenshot("golden-ami-2-new-image");
        next("Compare");
        assertThat(onFx(confirm::isVisible)).isFalse();
        await().atMost(WAIT).until(() -> robot.lookup("#compareGrid .label").match(LabeledMatchers.hasText(next)).tryQuery().isPresent());
        await().atMost(WAIT).until(() -> robot.lookup("#compareGrid .label").match(LabeledMatchers.hasText(current)).tryQuery().isPresent());
        screenshot("golden-ami-3-compare");

        // 4. The review lists every change and who uses the parameters (the wizard scans, as the window had not);
        // 5. Apply, then what changed, and the same list again.
        next("Review");
        ListView<String> follow = robot.lookup("#reviewFollowList").queryAs(ListView.class);
        ListView<String> act = robot.lookup("#reviewActionList").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> onFx(() -> follow.getItems().size() == 2));
        assertThat(onFx(() -> List.copyOf(follow.getItems()))).containsExactly(
                PROD + ": launch template prod-web-servers, version 1 (default and latest) ImageId: follows, its next launch uses the new image",
                STAGING + ": launch template staging-web-servers, version 1 (default and latest) ImageId: follows, its next launch uses the new image");
        assertThat(onFx(() -> List.copyOf(act.getItems()))).containsExactly(
                PROD + ": stack prod-web-stack, Parameters.ImageId: resolves the parameter only at its next stack update; update stack prod-web-stack",
                PROD + ": launch template prod-batch, version 1 (default and latest) ImageId: pinned to version 1, will not follow the update");
        assertThat(text("#reviewConsumersNote"))
                .isEqualTo("2 follow the new image by themselves and 2 need an action.");
        assertThat(onFx(() -> robot.lookup("#lookForConsumersButton").queryAs(Button.class).isVisible())).isFalse();
        robot.clickOn("#changeNoteField").write("CHG-1042: monthly patch image");
        ListView<String> plan = robot.lookup("#planList").queryAs(ListView.class);
        assertThat(onFx(() -> String.join("\n", plan.getItems()))).contains(PROD + ": " + current + " (version 1) → " + next)
                .contains("golden moves to the new version").contains("previous to version 1");
        assertThat(onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).getText())).isEqualTo("_Apply");
        screenshot("golden-ami-review-consumers");
        robot.clickOn("#wizardNext");
        await().atMost(Duration.ofSeconds(90)).until(() -> step().contains("Done"));
        ListView<String> results = robot.lookup("#resultList").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(results.getItems()))).hasSize(2).allMatch(l -> l.contains("Verified"));
        assertThat(onFx(() -> robot.lookup("#wizardCancel").queryAs(Button.class).isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup("#wizardBack").queryAs(Button.class).isVisible())).isFalse();
        ListView<String> doneFollow = robot.lookup("#doneFollowList").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(doneFollow.getItems()))).as("the Done page repeats the list").hasSize(2);
        assertThat(onFx(() -> robot.lookup("#doneActionList").queryAs(ListView.class).getItems().size())).isEqualTo(2);
        screenshot("golden-ami-5-done");
        for (String name : List.of(PROD, STAGING)) {
            assertThat(sdk.ssm().getParameter(b -> b.name(name)).parameter().value()).isEqualTo(next);
            assertThat(labels(name)).containsEntry(2L, List.of("golden")).containsEntry(1L, List.of("previous"));
        }
        robot.clickOn("#wizardNext"); // Close
        await().atMost(WAIT).until(() -> robot.lookup("#wizardStep").tryQuery().isEmpty());

        // Roll back PROD from its history (Ctrl+H) in one action.
        onFx(() -> {
            app.window().selectParameter(PROD);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, "prod"));
        robot.press(KeyCode.CONTROL).press(KeyCode.H).release(KeyCode.H).release(KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> robot.lookup("#rollbackImageButton").tryQuery().isPresent());
        TableView<?> versions = robot.lookup("#versionTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> versions.getItems().size() == 2));
        Screenshots.save(versions.getScene(), "golden-ami-history-rollback");
        robot.clickOn("#rollbackImageButton");
        await().atMost(WAIT).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Roll back")).tryQuery().isPresent());
        Screenshots.save(robot.lookup(".dialog-pane").queryAs(Node.class).getScene(), "golden-ami-rollback-confirm");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Roll back")).queryAs(Button.class));
        await().atMost(WAIT).until(() -> sdk.ssm().getParameter(b -> b.name(PROD)).parameter().version() == 3L);
        assertThat(sdk.ssm().getParameter(b -> b.name(PROD)).parameter().value()).isEqualTo(current);
        await().atMost(WAIT).until(() -> labels(PROD).get(2L).contains("previous"));
        assertThat(labels(PROD).get(3L)).containsExactly("golden");
        assertThat(labels(PROD).get(1L)).isEmpty();
        assertThat(sdk.ssm().getParameter(b -> b.name(STAGING)).parameter().value()).isEqualTo(next);
    }

    private static Map<Long, List<String>> labels(String name) {
        return sdk.ssm().getParameterHistory(b -> b.name(name)).parameters().stream()
                .collect(Collectors.toMap(ParameterHistory::version, ParameterHistory::labels));
    }
}
