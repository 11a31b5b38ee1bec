package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.files.CofferHome;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Connections side by side: one window each, labelled; the region switched in place; recent connections remembered. */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class ConnectionWindowsUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;
    private Path config;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile team-a]
                aws_access_key_id = AKIATEAMA0000000000A
                aws_secret_access_key = team-a-secret-key-not-for-settings
                region = us-east-1
                endpoint_url = %s

                [profile team-b]
                aws_access_key_id = AKIATEAMB0000000000B
                aws_secret_access_key = team-b-secret-key-not-for-settings
                region = us-east-1
                endpoint_url = %s
                """.formatted(moto.endpoint(), moto.endpoint()));
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/windows-ui/us").value("1").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void tearDown(MotoServer moto) throws Exception {
        if (app != null) {
            CofferUi.closeOtherWindows(app);
        }
        CofferUi.close(app);
        Files.deleteIfExists(config);
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().deleteParameter(b -> b.name("/windows-ui/us"));
        }
    }

    @Test
    void eachConnectionHasItsLabelledWindowTheRegionSwitchesInPlaceAndRecentOnesAreRemembered(MotoServer moto) throws Exception {
        // The profiles' endpoint_url, named after profile and region.
        String at = " · " + moto.endpoint().getHost() + ":" + moto.endpoint().getPort();
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions("team-a", null, null, false, false)));
        CofferUi.awaitLoaded(app);
        assertThat(onFx(() -> app.stage().getTitle())).startsWith("Coffer — team-a · us-east-1" + at + " · 123456789012 · ");
        int inUsEast = onFx(() -> app.model().parameters().totalProperty().get());
        assertThat(inUsEast).isPositive();

        // Switch region in place: same profile, same window, the lists of eu-west-1.
        ComboBox<?> regions = robot.lookup("#regionBox").queryAs(ComboBox.class);
        assertThat(onFx(regions::getValue)).isEqualTo("us-east-1");
        robot.clickOn(regions);
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("eu-west-1")).queryAs(Node.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> "eu-west-1".equals(app.model().connectionProperty().get().region())));
        CofferUi.awaitLoaded(app);
        assertThat(onFx(() -> app.model().connectionProperty().get().profile())).isEqualTo("team-a");
        assertThat(onFx(() -> app.model().parameters().totalProperty().get())).isZero();
        assertThat(onFx(() -> app.stage().getTitle())).startsWith("Coffer — team-a · eu-west-1" + at + " · ");

        // A second connection side by side, read-only, in a window of its own.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.O)
                .release(javafx.scene.input.KeyCode.O, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectChoices").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("team-b")))
                .queryAs(Node.class));
        robot.clickOn("#connectReadOnly");
        robot.clickOn("Connect");
        await().atMost(Duration.ofSeconds(30)).until(() -> otherWindow().isPresent());
        Stage second = otherWindow().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> second.getTitle().contains("123456789012")));
        assertThat(onFx(second::getTitle)).startsWith("Coffer — team-b · us-east-1" + at + " · 123456789012 · ").endsWith("(read-only)");
        assertThat(onFx(() -> second.getScene().lookup("#readOnlyBadge").isVisible())).isTrue();
        assertThat(onFx(() -> app.stage().getScene().lookup("#readOnlyBadge").isVisible())).isFalse();
        assertThat(onFx(() -> app.model().connectionProperty().get().profile())).isEqualTo("team-a");
        Screenshots.save(second.getScene(), "connection-window-title");
        Screenshots.save(app.stage().getScene(), "connection-window-region");

        // Recent connections: names, regions and flags only, never keys.
        String settings = Files.readString(CofferHome.folder().resolve("settings.json"));
        assertThat(settings).contains("\"team-b\"", "\"team-a\"", "\"eu-west-1\"")
                .doesNotContain("AKIATEAM").doesNotContain("secret-key");
        List<String> recent = onFx(() -> {
            javafx.scene.control.Menu menu = (javafx.scene.control.Menu) ((javafx.scene.control.MenuBar) app.stage().getScene()
                    .lookup("#menuBar")).getMenus().get(0).getItems().stream()
                    .filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();
            menu.getOnShowing().handle(null);
            return menu.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList();
        });
        assertThat(recent).startsWith("team-b · us-east-1 (read-only)", "team-a · eu-west-1", "team-a · us-east-1");
    }

    private Optional<Stage> otherWindow() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w != app.stage() && w instanceof Stage s
                && s.getScene() != null && s.getScene().lookup("#parameterTree") != null).map(w -> (Stage) w).findFirst());
    }
}
