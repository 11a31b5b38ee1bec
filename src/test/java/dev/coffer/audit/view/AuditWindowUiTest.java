package dev.coffer.audit.view;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.files.CofferHome;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.AuditWindows;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.MainViewModel;
import dev.coffer.ui.shell.RecentConnections;
import dev.coffer.ui.shell.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Audit mode belongs to the window: every way a window reconnects (File → Connect, the region
 * switch, recent connections, New window) keeps it read-only, and moto sees no mutating call.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class AuditWindowUiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FxRobot robot = new CofferRobot();
    private App app;
    private Path settingsFile;
    private Optional<String> settingsBefore;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        settingsFile = CofferHome.folder().resolve("settings.json");
        settingsBefore = Files.exists(settingsFile) ? Optional.of(Files.readString(settingsFile)) : Optional.empty();
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/audit-window/p").value("v").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            CofferUi.closeOtherWindows(app);
        }
        CofferUi.close(app);
        // Other test classes share the Coffer home: leave the settings (recent connections, audit modes) as they were.
        if (settingsBefore.isPresent()) {
            Files.writeString(settingsFile, settingsBefore.get());
        } else {
            Files.deleteIfExists(settingsFile);
        }
    }

    @Test
    void everyWindowOfAnAuditProcessStaysReadOnlyWhateverItOpens(MotoServer moto) throws Exception {
        // A read-write connection from an earlier run, in the recent list.
        Settings settings = Settings.load();
        new RecentConnections(settings).remember(Connection.endpoint(moto.endpoint(), "us-west-2", false));
        app = CofferUi.launch(moto, true);
        Moto.startRecording(moto);

        // File → Connect: audit mode is ticked and cannot be unticked.
        CheckBox audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.O);
        assertThat(onFx(audit::isSelected)).as("File → Connect ticks audit mode").isTrue();
        assertThat(onFx(audit::isDisabled)).as("File → Connect locks audit mode").isTrue();
        robot.clickOn("Connect");
        CofferUi.awaitLoaded(app);
        AuditWindows.assertAuditSession(app.model(), "File → Connect");

        // The region switch.
        robot.clickOn("#regionBox");
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("eu-west-1")).queryAs(Node.class));
        await().atMost(WAIT).until(() -> onFx(() -> "eu-west-1".equals(app.model().connectionProperty().get().region())));
        CofferUi.awaitLoaded(app);
        AuditWindows.assertAuditSession(app.model(), "the region switch");

        // A read-write recent connection opens read-only here.
        String recent = moto.endpoint().getHost() + ":" + moto.endpoint().getPort() + " · us-west-2";
        onFx(() -> {
            recentItem(app.stage(), recent).fire();
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> "us-west-2".equals(app.model().connectionProperty().get().region())));
        CofferUi.awaitLoaded(app);
        AuditWindows.assertAuditSession(app.model(), "opening a read-write recent connection");

        // New window: its Connect dialog has audit mode ticked and locked as well.
        audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        assertThat(onFx(audit::isSelected)).as("New window ticks audit mode").isTrue();
        assertThat(onFx(audit::isDisabled)).as("New window locks audit mode").isTrue();
        robot.clickOn("Connect");
        MainViewModel second = secondWindow();
        AuditWindows.assertAuditSession(second, "New window");

        assertThat(Moto.operations(Moto.stopRecording(moto))).isNotEmpty().allMatch(Moto::isRead);
    }

    @Test
    void aWindowThatEnteredAuditModeStaysInItAndItsNewWindowsAskWithAuditModeTicked(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);
        CheckBox audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.O);
        assertThat(onFx(audit::isSelected)).isFalse();
        robot.clickOn(audit);
        robot.clickOn("Connect");
        await().atMost(WAIT).until(() -> onFx(() -> app.model().connectionProperty().get().readOnly()));
        CofferUi.awaitLoaded(app);
        assertThat(Files.readString(settingsFile)).contains("auditModeConnections", "|us-east-1|" + moto.endpoint());
        Moto.startRecording(moto);

        // File → Connect in this window: audit mode ticked and locked.
        audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.O);
        assertThat(onFx(audit::isSelected)).isTrue();
        assertThat(onFx(audit::isDisabled)).as("File → Connect in an audit window locks audit mode").isTrue();
        robot.clickOn("Connect");
        CofferUi.awaitLoaded(app);
        AuditWindows.assertAuditSession(app.model(), "File → Connect in an audit window");

        // New window from it: the dialog asks, audit mode ticked, and keeps it ticked for another connection.
        audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        assertThat(onFx(audit::isSelected)).as("New window from an audit window ticks audit mode").isTrue();
        assertThat(onFx(audit::isDisabled)).as("the user may still untick it").isFalse();
        chooseEndpoint(moto, "us-west-2");
        assertThat(onFx(audit::isSelected)).as("still ticked for another region").isTrue();
        robot.clickOn("Connect");
        MainViewModel second = secondWindow();
        AuditWindows.assertAuditSession(second, "New window from an audit window");
        assertThat(Moto.operations(Moto.stopRecording(moto))).isNotEmpty().allMatch(Moto::isRead);

        // Unticked, a new window may change things: only --audit locks the whole process.
        audit = openConnectDialog(app.stage(), KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        robot.clickOn(audit);
        robot.clickOn("Connect");
        await().atMost(WAIT).until(() -> app.models().size() == 3 && onFx(() -> app.models().get(2).openConnection() != null));
        MainViewModel third = app.models().get(2);
        assertThat(onFx(() -> third.connectionProperty().get().readOnly())).isFalse();

        // Its Connect dialog shows how each connection was last chosen: audit mode for the endpoint in us-west-2.
        Stage thirdStage = writableWindow();
        audit = openConnectDialog(thirdStage, KeyCode.CONTROL, KeyCode.O);
        assertThat(onFx(audit::isSelected)).isFalse();
        assertThat(onFx(audit::isDisabled)).isFalse();
        chooseEndpoint(moto, "us-west-2");
        assertThat(onFx(audit::isSelected)).as("remembered for this endpoint and region").isTrue();
        robot.clickOn("#connectEndpoint").write("/other");
        assertThat(onFx(audit::isSelected)).as("another endpoint was never audited").isFalse();
        robot.clickOn("Cancel");
    }

    /** Picks the sandbox, then the custom endpoint with moto's URL and a region, as a user moving through the list would. */
    private void chooseEndpoint(MotoServer moto, String region) {
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("Local sandbox")))
                .queryAs(Node.class));
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("Custom endpoint")))
                .queryAs(Node.class));
        onFx(() -> {
            robot.lookup("#connectRegion").queryAs(ComboBox.class).getEditor().setText(region);
            robot.lookup("#connectRegion").queryAs(ComboBox.class).setValue(region);
            return null;
        });
        robot.clickOn("#connectEndpoint").write(moto.endpoint().toString());
    }

    private CheckBox openConnectDialog(Stage window, KeyCode... keys) {
        onFx(() -> {
            window.toFront();
            window.requestFocus();
            return null;
        });
        robot.press(keys).release(keys);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#connectReadOnly").tryQuery().isPresent());
        return robot.lookup("#connectReadOnly").queryAs(CheckBox.class);
    }

    private MainViewModel secondWindow() {
        await().atMost(WAIT).until(() -> app.models().size() == 2);
        MainViewModel second = app.models().get(1);
        await().atMost(WAIT).until(() -> onFx(() -> second.openConnection() != null && !second.loadingProperty().get()
                && second.identityProperty().get() != null));
        return second;
    }

    /** The one main window that is not read-only. */
    private Stage writableWindow() {
        return onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().lookup("#parameterTree") != null && !s.getTitle().endsWith("(read-only)"))
                .map(w -> (Stage) w).findFirst().orElseThrow());
    }

    private static MenuItem recentItem(Stage window, String label) {
        Menu menu = (Menu) ((MenuBar) window.getScene().lookup("#menuBar")).getMenus().get(0).getItems().stream()
                .filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();
        menu.getOnShowing().handle(null);
        return menu.getItems().stream().filter(i -> label.equals(i.getText())).findFirst().orElseThrow();
    }
}
