package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.files.CofferHome;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.sandbox.SandboxData;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What a newcomer sees: with no AWS configuration at all, Coffer opens the populated sandbox. */
@org.junit.jupiter.api.extension.ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class StartupUiTest {

    private final FxRobot robot = new CofferRobot();

    @Test
    void withNoAwsConfigurationTheSandboxOpensPopulatedAndStopsWithTheApp() throws Exception {
        assertThat(Path.of(System.getProperty("aws.configFile"))).doesNotExist();
        Files.deleteIfExists(CofferHome.folder().resolve("settings.json"));
        FxToolkit.registerPrimaryStage();
        long started = System.nanoTime();
        App app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions(null, null, null, false, false)));
        String sandboxPort;
        try {
            CofferUi.awaitLoaded(app);
            // How long it took is for the benchmark to judge, not this test: it is only reported.
            System.out.printf("Sandbox opened populated %.1f s after launch%n", (System.nanoTime() - started) / 1e9);
            assertThat(onFx(() -> app.model().connectionProperty().get().sandbox())).isTrue();
            sandboxPort = String.valueOf(onFx(() -> app.model().session().endpoint().orElseThrow().getPort()));
            assertThat(motoRunningOn(sandboxPort)).isTrue();

            TreeView<TreeEntry> tree = robot.lookup("#parameterTree").queryAs(TreeView.class);
            List<String> top = onFx(() -> tree.getRoot().getChildren().stream().map(i -> i.getValue().label()).toList());
            assertThat(top).contains("golden-ami", "apps", "automation");
            assertThat(onFx(() -> robot.lookup("#connectionLabel").queryAs(Label.class).getText()))
                    .startsWith("Local sandbox · us-east-1 · account " + SandboxData.ACCOUNT);
            assertThat(onFx(() -> app.stage().getTitle())).startsWith("Coffer — Local sandbox · us-east-1");
            assertThat(onFx(() -> app.stage().getIcons())).isNotEmpty();
            Screenshots.save(onFx(() -> app.stage().getIcons().get(app.stage().getIcons().size() - 1)), "window-icon");
            Screenshots.save(app.stage().getScene(), "sandbox-startup");

            // Resize and move a divider, so closing has something to remember.
            onFx(() -> {
                app.window().split().setDividerPositions(0.3, 0.6);
                return null;
            });
        } finally {
            CofferUi.close(app);
        }
        // The sandbox's moto stops with the app.
        await().atMost(Duration.ofSeconds(10)).until(() -> !motoRunningOn(sandboxPort));
        Settings saved = Settings.load();
        assertThat(saved.dividers[0]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
        assertThat(saved.windowWidth).isGreaterThan(0);
    }

    private static boolean motoRunningOn(String port) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains("moto_server")
                && p.info().commandLine().orElse("").contains("-p " + port));
    }
}
