package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.secrets.view.SecretListViewModel;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;

/** Drives the real main window, loaded with the sandbox's example data from moto. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowUiTest {

    private static App app;
    private final FxRobot robot = new CofferRobot();
    private static final SandboxData.Inventory INVENTORY = SandboxData.inventory();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        CofferUi.seedSandboxData(moto);
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
    }

    @Test
    @Order(1)
    void showsTheHierarchyAsFoldersWithCountsAndTheSecretsList() {
        TreeView<TreeEntry> tree = robot.lookup("#parameterTree").queryAs(TreeView.class);
        List<String> topFolders = onFx(() -> tree.getRoot().getChildren().stream().map(i -> i.getValue().label()).toList());
        assertThat(topFolders).contains("apps", "automation", "golden-ami");

        TreeEntry.FolderEntry golden = onFx(() -> (TreeEntry.FolderEntry) tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().label().equals("golden-ami")).findFirst().orElseThrow().getValue());
        long expected = INVENTORY.parameters().stream().filter(n -> n.startsWith("/golden-ami/")).count();
        assertThat(golden.count()).isEqualTo((int) expected);

        TableView<SecretListViewModel.Row> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        List<String> names = onFx(() -> secrets.getItems().stream().map(r -> r.secret().name()).toList());
        assertThat(names).containsExactlyInAnyOrderElementsOf(INVENTORY.secrets());

        Label status = robot.lookup("#statusText").queryAs(Label.class);
        assertThat(onFx(status::getText)).contains(String.format("%,d parameters", INVENTORY.parameters().size()))
                .contains(INVENTORY.secrets().size() + " secrets");
        assertThat(onFx(() -> robot.lookup("#connectionLabel").queryAs(Label.class).getText())).contains("account 123456789012");
        Screenshots.save(app.stage().getScene(), "main-window");
    }

    @Test
    @Order(2)
    void clickingAParameterShowsItsDetailsAndRevealFetchesTheValue() {
        String name = INVENTORY.goldenAmiParameters().get(0);
        // Find it like a user: type its name into the filter, which opens the matching folders, then click it.
        robot.clickOn("#parameterFilter").write(name);
        TreeView<TreeEntry> tree = robot.lookup("#parameterTree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#parameterTree .tree-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(dev.coffer.parameters.ParameterPath.leafOf(name)))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup("#parameterTree .tree-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(dev.coffer.parameters.ParameterPath.leafOf(name)))
                .queryAs(javafx.scene.Node.class));
        assertThat(tree).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> name.equals(
                robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        assertThat(fieldValue("#field-data-type")).isEqualTo("aws:ec2:image");
        assertThat(fieldValue("#field-type")).isEqualTo("String");

        // A String value shows on selection, without Reveal; Hide masks it again.
        TextArea value = robot.lookup("#valueText").queryAs(TextArea.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> value.isVisible() && value.getText().startsWith("ami-")));
        Screenshots.save(app.stage().getScene(), "parameter-details");

        robot.clickOn("#revealButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> !value.isVisible() && value.getText().isEmpty()
                && robot.lookup("#maskedValue").queryAs(Label.class).isVisible()));
        robot.clickOn("#revealButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> value.isVisible() && value.getText().startsWith("ami-")));
        robot.clickOn("#parameterFilter").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    @Order(3)
    void selectingADatabaseSecretShowsItsFieldsAndRevealShowsTheKeys() {
        String name = INVENTORY.databaseSecrets().get(0);
        robot.clickOn("#secretFilter").write(name);
        TableView<SecretListViewModel.Row> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> secrets.getItems().size() == 1));
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(name))
                .queryAs(javafx.scene.Node.class));
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> name.equals(
                robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        assertThat(fieldValue("#field-rotation")).startsWith("O");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        TableView<DetailsViewModel.Field> keys = robot.lookup("#valueTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(keys::isVisible));
        List<String> fields = onFx(() -> keys.getItems().stream().map(DetailsViewModel.Field::label).toList());
        assertThat(fields).containsAll(SandboxData.DATABASE_SECRET_FIELDS);
        Screenshots.save(app.stage().getScene(), "secret-details");
    }

    @Test
    @Order(4)
    void filteringTheTreeKeepsOnlyMatchingParametersWithTheirFolders() {
        robot.clickOn("#parameterFilter").write("vpc");
        TreeView<TreeEntry> tree = robot.lookup("#parameterTree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> leaves(tree.getRoot()).stream().allMatch(n -> n.contains("vpc"))
                && !leaves(tree.getRoot()).isEmpty()));
        List<String> expected = INVENTORY.parameters().stream().filter(n -> n.toLowerCase().contains("vpc")).toList();
        assertThat(onFx(() -> leaves(tree.getRoot()))).containsExactlyInAnyOrderElementsOf(expected);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(onFx(() -> robot.lookup("#parameterFilter").queryAs(TextField.class).getText())).isEmpty();
    }

    @Test
    @Order(5)
    void secretsSortByAColumnAndEscapeOrTheClearButtonClearsTheSearch() {
        TextField filter = robot.lookup("#secretFilter").queryAs(TextField.class);
        robot.clickOn(filter).write("billing");
        TableView<SecretListViewModel.Row> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> secrets.getItems().size() < INVENTORY.secrets().size()));
        robot.clickOn(filter).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> secrets.getItems().size() == INVENTORY.secrets().size()));

        // The field's ✕ clears it too; it shows once there is text to clear.
        robot.clickOn(filter).write("billing");
        javafx.scene.Node clear = robot.lookup("#secretFilter .clear-button").queryAs(javafx.scene.Node.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> clear.getOpacity() == 1.0
                && secrets.getItems().size() < INVENTORY.secrets().size()));
        robot.clickOn(clear);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> filter.getText().isEmpty()
                && secrets.getItems().size() == INVENTORY.secrets().size()));

        robot.clickOn(robot.lookup("#secretTable .column-header").match(
                (javafx.scene.Node n) -> n.lookup(".label") instanceof Label l && "Last changed".equals(l.getText())).queryAs(javafx.scene.Node.class));
        List<java.time.Instant> changed = onFx(() -> secrets.getItems().stream()
                .map(r -> r.secret().lastChanged().orElse(java.time.Instant.EPOCH)).toList());
        assertThat(changed).hasSize(INVENTORY.secrets().size()).isSorted();
    }

    @Test
    @Order(6)
    void theKeyboardHelpListsEveryAcceleratorOfTheMenus() {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        List<String> accelerators = onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null).map(i -> i.getAccelerator().getDisplayText()).toList());
        assertThat(accelerators).contains("Ctrl+N", "F2", "F1");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        await().atMost(Duration.ofSeconds(10)).until(() -> helpText() != null);
        String help = helpText();
        assertThat(accelerators).allSatisfy(a -> assertThat(help).as("the keyboard help").contains(a));
        CofferUi.closeOtherWindows(app);
    }

    @Test
    @Order(7)
    void theSecretsSearchPromptFitsItsFieldAndTheTableNeedsNoHorizontalScrollBar() {
        onFx(() -> {
            app.stage().setWidth(new Settings().windowWidth);
            app.stage().setHeight(new Settings().windowHeight);
            app.window().split().setDividerPositions(new Settings().dividers);
            return null;
        });
        TextField search = robot.lookup("#secretFilter").queryAs(TextField.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> {
            javafx.scene.text.Text prompt = (javafx.scene.text.Text) search.lookupAll(".text").stream()
                    .filter(n -> n instanceof javafx.scene.text.Text t && search.getPromptText().equals(t.getText()))
                    .findFirst().orElseThrow();
            return prompt.getParent().getClip().getLayoutBounds().getWidth() >= prompt.getLayoutBounds().getWidth();
        }));
        TableView<?> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> secrets.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                .noneMatch(javafx.scene.Node::isVisible)));
    }

    private static String helpText() {
        // Every text the help window shows, wherever it is laid out.
        return onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && "Keyboard shortcuts".equals(s.getTitle()) && s.isShowing())
                .map(w -> String.join("\n", w.getScene().getRoot().lookupAll(".text").stream()
                        .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList()))
                .findFirst().orElse(null));
    }

    private static List<String> leaves(TreeItem<TreeEntry> item) {
        List<String> names = new java.util.ArrayList<>();
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            if (child.getValue() instanceof TreeEntry.ParameterEntry pe) {
                names.add(pe.parameter().name());
            } else {
                names.addAll(leaves(child));
            }
        }
        return names;
    }

    private String fieldValue(String id) {
        return onFx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }
}
