package dev.coffer.testsupport;

import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.SandboxData;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/** Starts the real Coffer window against the test moto, headless, for TestFX tests. */
public final class CofferUi {

    private CofferUi() {
    }

    /** Seeds the test moto with the sandbox's example data. */
    public static void seedSandboxData(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            SandboxData.seed(clients);
        }
    }

    /** Launches the app on moto (as `coffer --endpoint-url ...`) and waits until both lists have loaded. */
    public static App launch(MotoServer moto, boolean readOnly) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(
                () -> new App(new StartOptions(null, "us-east-1", moto.endpoint(), readOnly, false)));
        awaitLoaded(app);
        return app;
    }

    public static void awaitLoaded(App app) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> onFx(() -> app.model().openConnection() != null && !app.model().loadingProperty().get()
                        && app.model().identityProperty().get() != null));
    }

    public static void close(App app) throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** The visible tree row showing {@code label} (a folder or a parameter's last segment). */
    public static javafx.scene.Node treeRow(org.testfx.api.FxRobot robot, String label) {
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#parameterTree .tree-cell")
                .match((javafx.scene.control.TreeCell<?> cell) -> cell.getItem() instanceof dev.coffer.parameters.view.TreeEntry entry
                        && entry.label().equals(label)).tryQuery().isPresent());
        return robot.lookup("#parameterTree .tree-cell").match((javafx.scene.control.TreeCell<?> cell) -> cell.getItem() != null
                && cell.getItem() instanceof dev.coffer.parameters.view.TreeEntry entry && entry.label().equals(label))
                .queryAs(javafx.scene.Node.class);
    }

    /**
     * Right-clicks a node and opens its context menu. Monocle sends no menu event for the right
     * button, so this sends the one a desktop sends after it.
     */
    public static void openContextMenu(org.testfx.api.FxRobot robot, javafx.scene.Node node) {
        robot.rightClickOn(node);
        onFx(() -> {
            javafx.geometry.Bounds screen = node.localToScreen(node.getBoundsInLocal());
            javafx.geometry.Point2D local = node.screenToLocal(screen.getCenterX(), screen.getCenterY());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    screen.getCenterX(), screen.getCenterY(), false, null));
            return null;
        });
    }

    /** Closes every window but the main one (editors, dialogs), without asking to discard drafts. */
    public static void closeOtherWindows(App app) {
        onFx(() -> {
            for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != app.stage() && w instanceof javafx.stage.Stage s) {
                    s.close();
                }
            }
            return null;
        });
    }

    /** Runs a query on the FX thread and returns its answer. */
    /**
     * Replaces a text field's text as a user does: click, Ctrl+A, type (typing replaces the selection;
     * Backspace when the new text is empty). Much quicker than erasing key by key.
     */
    public static void retype(org.testfx.api.FxRobot robot, javafx.scene.Node field, String text) {
        robot.clickOn(field).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    public static <T> T onFx(Callable<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(query.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
