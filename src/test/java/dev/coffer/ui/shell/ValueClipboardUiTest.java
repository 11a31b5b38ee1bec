package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.ClipboardGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A revealed value on the clipboard, in audit mode: Ctrl+C and the text's own Copy menu go the same
 * way as the Copy button (logged, cleared when its time is up: 30 seconds by default, proven in
 * ClipboardGuardTest; 3 here so the test need not wait); quitting clears what Coffer put there.
 * That a copy is logged before it reaches the clipboard, and refused when it cannot be logged, is
 * proven without a window in {@link ValueCopyIT}.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValueClipboardUiTest {

    private static final String NAME = "/clipboard-ui/api/token";
    private static final String VALUE = "clipboard-canary-3e1f77";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static App app;
    private static Path home;
    private static Path log;
    private static String previousHome;
    private static String previousLifetime;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        // A Coffer home of its own, so the log can be made unwritable without touching other tests' files.
        home = Files.createTempDirectory(Path.of("target"), "clipboard-home").toAbsolutePath();
        log = home.resolve("audit-log.jsonl");
        previousHome = System.setProperty("coffer.home", home.toString());
        previousLifetime = System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, "3");
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name(NAME).value(VALUE).type(ParameterType.SECURE_STRING).overwrite(true));
        }
        app = CofferUi.launch(moto, true);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        System.setProperty("coffer.home", previousHome);
        if (previousLifetime == null) {
            System.clearProperty(ClipboardGuard.LIFETIME_PROPERTY);
        } else {
            System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, previousLifetime);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(2)
    void ctrlCOnTheRevealedValueIsLoggedAndTheClipboardClearedWhenItsTimeIsUp() throws Exception {
        reveal();
        long copiesBefore = copiesLogged();
        TextArea text = robot.lookup("#valueText").queryAs(TextArea.class);
        robot.clickOn(text).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);

        await().atMost(WAIT).until(() -> VALUE.equals(clipboard()));
        assertThat(copiesLogged()).as("copies in the reveal log").isEqualTo(copiesBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !VALUE.equals(clipboard()));
    }

    @Test
    @Order(3)
    void theTextsCopyMenuGoesTheSameWayAndQuittingClearsTheClipboard() throws Exception {
        // Long enough that only quitting can clear it here.
        System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, "600");
        reveal();
        long copiesBefore = copiesLogged();
        TextArea text = robot.lookup("#valueText").queryAs(TextArea.class);
        robot.clickOn(text).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        CofferUi.openContextMenu(robot, text);
        await().atMost(WAIT).until(() -> copyMenuItem() != null);
        MenuItem copy = copyMenuItem();
        onFx(() -> {
            copy.fire();
            return null;
        });

        await().atMost(WAIT).until(() -> VALUE.equals(clipboard()));
        assertThat(copiesLogged()).as("copies in the reveal log").isEqualTo(copiesBefore + 1);

        CofferUi.close(app);
        app = null;
        assertThat(clipboard()).as("the clipboard after quitting").isNotEqualTo(VALUE);
    }

    /** Selects the parameter and reveals its value, unless it is shown already. */
    private void reveal() {
        onFx(() -> {
            app.window().selectParameter(NAME);
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> NAME.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
        if (!onFx(() -> robot.lookup("#valueText").queryAs(TextArea.class).isVisible())) {
            robot.clickOn("#revealButton");
        }
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#valueText").queryAs(TextArea.class).isVisible()));
    }

    private long copiesLogged() throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.contains("\"action\":\"copy to clipboard\"") && l.contains(NAME)).count();
    }

    private static MenuItem copyMenuItem() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).filter(i -> "Copy".equals(i.getText())).findFirst().orElse(null));
    }

    private static String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().hasString() ? Clipboard.getSystemClipboard().getString() : "");
    }
}
