package dev.coffer.parameters.view;

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
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** In a read-only connection the tree offers only what reads: history, export, references. */
@WithMoto
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ParameterBulkReadOnlyUiTest {

    private static final String NAME = "/audit/app/endpoint";
    private static App app;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        try (ClientFactory sdk = Moto.clients(moto, false)) {
            sdk.ssm().putParameter(b -> b.name(NAME).value("https://audit.example.com").type(ParameterType.STRING).overwrite(true));
        }
        app = CofferUi.launch(moto, true);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
    }

    private List<String> menuFor(String label) {
        CofferUi.openContextMenu(robot, CofferUi.treeRow(robot, label));
        ContextMenu menu = onFx(() -> robot.lookup("#parameterTree").queryAs(TreeView.class).getContextMenu());
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(menu::isShowing));
        List<String> items = onFx(() -> menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem)).map(MenuItem::getText).toList());
        onFx(() -> {
            menu.hide();
            return null;
        });
        return items;
    }

    @Test
    void offersOnlyReadsOnFoldersAndParametersAndIgnoresTheDeleteKey() {
        onFx(() -> {
            app.window().selectParameter(NAME);
            return null;
        });
        assertThat(menuFor("app")).containsExactly("Export folder…", "Copy or export as…", "Compare with…", "Where used…");
        assertThat(menuFor("endpoint")).containsExactly("History and labels…", "Where used…");

        robot.clickOn(CofferUi.treeRow(robot, "endpoint"));
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        // No delete window opened (the dialog would show at once, within the key press).
        assertThat(onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage && w != app.stage()).count())).isZero();
        assertThat(onFx(() -> findMenuItem("copyMoveItem").isVisible())).isFalse();
        assertThat(onFx(() -> findMenuItem("deleteItem").isVisible())).isFalse();
        assertThat(onFx(() -> findMenuItem("exportFolderItem").isDisable())).isFalse();
        assertThat(onFx(() -> findMenuItem("resolveReferenceItem").isDisable())).isFalse();
    }

    private MenuItem findMenuItem(String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) app.stage().getScene().getRoot().lookup("#menuBar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
