package dev.coffer.ui.shell;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferRobot;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** The secrets table's columns chosen in its menu button are the ones shown at the next start. */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class SecretColumnsUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;
    private Path home;
    private String previousHome;

    @BeforeEach
    void ownHome() throws Exception {
        // Settings of its own: the other UI tests expect the default columns.
        home = Files.createTempDirectory(Path.of("target"), "columns-home").toAbsolutePath();
        previousHome = System.setProperty("coffer.home", home.toString());
    }

    @AfterEach
    void restore() throws Exception {
        CofferUi.close(app);
        System.setProperty("coffer.home", previousHome);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aColumnShownFromTheTablesMenuIsShownAgainAtTheNextStart(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);
        assertThat(shownColumns()).as("the first start").containsExactly("Name", "Description", "Last changed");

        robot.clickOn(robot.lookup("#secretTable .show-hide-columns-button").queryAs(Node.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> kmsKeyItem() != null);
        robot.clickOn(kmsKeyItem());
        await().atMost(Duration.ofSeconds(10)).until(() -> shownColumns().contains("KMS key"));
        CofferUi.close(app);
        assertThat(Files.readString(home.resolve("settings.json"))).contains("\"KMS key\"");

        app = CofferUi.launch(moto, false);
        assertThat(shownColumns()).containsExactly("Name", "Description", "Last changed", "KMS key");
    }

    private Node kmsKeyItem() {
        return robot.lookup(".context-menu .menu-item").match(LabeledMatchers.hasText("KMS key")).tryQuery()
                .or(() -> robot.lookup(".context-menu .menu-item .label").match(LabeledMatchers.hasText("KMS key")).tryQuery())
                .orElse(null);
    }

    private List<String> shownColumns() {
        return onFx(() -> robot.lookup("#secretTable").queryAs(TableView.class).getVisibleLeafColumns().stream()
                .map(c -> ((TableColumn<?, ?>) c).getText()).toList());
    }
}
