package dev.coffer.ami.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ami.MachineImage;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
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
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The golden AMI wizard through the real window against moto: every page, apply, labels, roll back, bad ids. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class GoldenAmiWizardUiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROD = "/golden/ami/prod";
    private static final String STAGING = "/golden/ami/staging";
    private static final String OTHER = "/golden/ami/other";
    private static App app;
    private static ClientFactory sdk;
    private static MotoServer server;
    private static String current;
    private static String next;
    private static String arm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        server = moto;
        sdk = Moto.clients(moto, false);
        List<Image> amazonLinux = sdk.ec2().describeImages(b -> b.owners("amazon").filters(
                Filter.builder().name("name").values("amzn2-ami-hvm-*").build(),
                Filter.builder().name("architecture").values("x86_64").build())).images();
        assertThat(amazonLinux).hasSizeGreaterThanOrEqualTo(2);
        current = amazonLinux.get(0).imageId();
        next = amazonLinux.get(1).imageId();
        arm = sdk.ec2().describeImages(b -> b.owners("amazon").filters(Filter.builder().name("architecture").values("arm64").build()))
                .images().get(0).imageId();
        for (String name : List.of(PROD, STAGING, OTHER)) {
            sdk.ssm().putParameter(b -> b.name(name).value(current).type(ParameterType.STRING).dataType("aws:ec2:image")
                    .description("Golden image for " + name));
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

    private void openWizardOn(String name) {
        onFx(() -> {
            app.window().selectParameter(name);
            return null;
        });
        Node row = CofferUi.treeRow(robot, dev.coffer.parameters.ParameterPath.leafOf(name));
        robot.clickOn(row);
        CofferUi.openContextMenu(robot, row);
        robot.clickOn("Update golden AMI…");
        await().atMost(WAIT).until(() -> robot.lookup("#currentImageTable").tryQuery().isPresent());
        TableView<GoldenAmiWizard.Current> table = robot.lookup("#currentImageTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> !table.getItems().isEmpty() && table.getItems().get(0).image().isPresent()));
    }

    private String step() {
        return onFx(() -> robot.lookup("#wizardStep").queryAs(Label.class).getText());
    }

    private String status() {
        return onFx(() -> robot.lookup("#wizardStatus").queryAs(Label.class).getText());
    }

    private void next(String expectedStep) {
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> step().contains(expectedStep));
    }

    private Node window() {
        return robot.lookup("#wizardStep").queryAs(Node.class);
    }

    @Test
    void movesTwoParametersToAnImageChosenFromTheSearchAndRollsOneBack() {
        openWizardOn(PROD);
        TableView<GoldenAmiWizard.Current> currentTable = robot.lookup("#currentImageTable").queryAs(TableView.class);
        assertThat(onFx(() -> currentTable.getItems().get(0).image().map(MachineImage::name).orElse(""))).startsWith("amzn2-ami-hvm-");
        robot.clickOn("#addParameterField").write(STAGING).type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> onFx(() -> currentTable.getItems().size() == 2
                && currentTable.getItems().stream().allMatch(c -> c.image().isPresent())));
        assertThat(onFx(() -> robot.lookup("#currentImageWarnings").queryAs(Label.class).getText())).isEmpty();
        Screenshots.save(window().getScene(), "golden-ami-1-parameters");

        next("New image");
        ComboBox<String> owner = robot.lookup("#ownerField").queryAs(ComboBox.class);
        robot.doubleClickOn(owner.getEditor()).write("amazon");
        robot.clickOn("#namePatternField").write("amzn2-ami-hvm-*");
        onFx(() -> {
            robot.lookup("#architectureChoice").queryAs(ChoiceBox.class).setValue("x86_64");
            return null;
        });
        robot.clickOn("#searchImagesButton");
        TableView<MachineImage> images = robot.lookup("#imageTable").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> onFx(() -> images.getItems().size() >= 2));
        assertThat(onFx(() -> images.getItems().stream().allMatch(i -> i.architecture().equals("x86_64") && i.name().startsWith("amzn2-ami-hvm-")))).isTrue();
        robot.clickOn(robot.lookup("#imageTable .table-cell").match(LabeledMatchers.hasText(next)).queryAs(Node.class));
        assertThat(onFx(() -> robot.lookup("#imageIdField").queryAs(javafx.scene.control.TextField.class).getText())).isEqualTo(next);
        Screenshots.save(window().getScene(), "golden-ami-2-new-image");

        next("Compare");
        assertThat(onFx(() -> robot.lookup("#confirmChangeCheck").queryAs(CheckBox.class).isVisible())).isFalse();
        assertThat(robot.lookup("#compareGrid .label").match(LabeledMatchers.hasText(next)).tryQuery()).isPresent();
        assertThat(robot.lookup("#compareGrid .label").match(LabeledMatchers.hasText(current)).tryQuery()).isPresent();
        Screenshots.save(window().getScene(), "golden-ami-3-compare");

        next("Review");
        robot.clickOn("#changeNoteField").write("CHG-1042: monthly patch image");
        ListView<String> plan = robot.lookup("#planList").queryAs(ListView.class);
        assertThat(onFx(() -> String.join("\n", plan.getItems()))).contains(PROD + ": " + current + " (version 1) → " + next)
                .contains("golden moves to the new version").contains("previous to version 1");
        Screenshots.save(window().getScene(), "golden-ami-4-review");

        robot.clickOn("#wizardNext");
        await().atMost(Duration.ofSeconds(90)).until(() -> step().contains("Done"));
        ListView<String> results = robot.lookup("#resultList").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(results.getItems()))).hasSize(2).allMatch(l -> l.contains("Verified"));
        Screenshots.save(window().getScene(), "golden-ami-5-done");

        for (String name : List.of(PROD, STAGING)) {
            var p = sdk.ssm().getParameter(b -> b.name(name)).parameter();
            assertThat(p.value()).isEqualTo(next);
            assertThat(p.version()).isEqualTo(2L);
            assertThat(p.dataType()).isEqualTo("aws:ec2:image");
            Map<Long, List<String>> labels = labels(name);
            assertThat(labels.get(2L)).containsExactly("golden");
            assertThat(labels.get(1L)).containsExactly("previous");
            assertThat(sdk.ssm().getParameterHistory(b -> b.name(name)).parameters().get(1).description()).isEqualTo("CHG-1042: monthly patch image");
        }
        robot.clickOn("#wizardNext"); // Close

        // Roll back PROD from its history in one action.
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

    @Test
    void refusesABadAmiIdWithAClearMessageBeforeAnyCall() {
        openWizardOn(OTHER);
        next("New image");
        robot.clickOn("#imageIdField").write("ami-12XY");
        Moto.startRecording(server);
        robot.clickOn("#wizardNext");
        List<String> recorded = Moto.stopRecording(server);
        assertThat(status()).contains("\"ami-12XY\" is not an AMI id").contains("8 or 17 lowercase hex digits");
        assertThat(step()).contains("New image");
        assertThat(recorded).noneMatch(line -> line.contains("DescribeImages"));
        Screenshots.save(window().getScene(), "golden-ami-bad-id");

        // A well-formed id AWS does not know is refused after DescribeImages, on the same page.
        robot.doubleClickOn("#imageIdField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("ami-0123456789abcdef0");
        robot.clickOn("#wizardNext");
        await().atMost(WAIT).until(() -> status().contains("knows no image ami-0123456789abcdef0"));
        assertThat(step()).contains("New image");
    }

    @Test
    void anArchitectureChangeNeedsConfirmation() {
        openWizardOn(OTHER);
        next("New image");
        robot.clickOn("#imageIdField").write(arm);
        next("Compare");
        CheckBox confirm = robot.lookup("#confirmChangeCheck").queryAs(CheckBox.class);
        assertThat(onFx(confirm::isVisible)).isTrue();
        assertThat(onFx(() -> robot.lookup("#compareWarning").queryAs(Label.class).getText()))
                .contains("architecture changes from x86_64 to arm64");
        assertThat(onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).isDisabled())).isTrue();
        Screenshots.save(window().getScene(), "golden-ami-3-compare-architecture");
        robot.clickOn(confirm);
        assertThat(onFx(() -> robot.lookup("#wizardNext").queryAs(Button.class).isDisabled())).isFalse();
        next("Review");
        assertThat(sdk.ssm().getParameter(b -> b.name(OTHER)).parameter().value()).isEqualTo(current);
    }

    private static Map<Long, List<String>> labels(String name) {
        return sdk.ssm().getParameterHistory(b -> b.name(name)).parameters().stream()
                .collect(Collectors.toMap(ParameterHistory::version, ParameterHistory::labels));
    }
}
