package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.files.CofferHome;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The window opens whatever state the local files are in, says which file and line is wrong and
 * what Coffer did about it, and never loses the remembered audit mode silently.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class DamagedFilesUiTest {

    private final FxRobot robot = new CofferRobot();
    private App app;
    private Path config;
    private Path settings;

    /** Coffer points the SDK past a damaged AWS file for the rest of its run; the next test gets the build's files back. */
    private final Map<String, String> awsFiles = Map.of("aws.configFile", System.getProperty("aws.configFile"),
            "aws.sharedCredentialsFile", System.getProperty("aws.sharedCredentialsFile"));

    @BeforeEach
    void setUp() throws Exception {
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        settings = CofferHome.folder().resolve("settings.json");
        Files.createDirectories(settings.getParent());
    }

    @AfterEach
    void tearDown() throws Exception {
        CofferUi.close(app);
        awsFiles.forEach(System::setProperty);
        Files.deleteIfExists(config);
        Files.deleteIfExists(settings);
        Files.deleteIfExists(settings.resolveSibling("settings.json.bak"));
    }

    private App start(StartOptions options) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(options));
        CofferUi.awaitLoaded(app);
        return app;
    }

    private String notice() {
        return onFx(() -> {
            Node bar = robot.lookup("#noticeBar").query();
            return bar.isVisible() ? robot.lookup("#noticeText").queryAs(Label.class).getText() : "";
        });
    }

    @Test
    void aMalformedAwsConfigNamesItsFileAndLineAndTheWindowOpens(MotoServer moto) throws Exception {
        Files.writeString(config, "[profile ok]\nregion = us-east-1\n\n[profile dev\nregion = eu-west-1\n");

        start(new StartOptions(null, "us-east-1", moto.endpoint(), false, false));

        assertThat(onFx(() -> app.model().connectionProperty().get().endpoint())).contains(moto.endpoint());
        assertThat(notice()).contains(config.toString()).contains("line 4").contains("Profile definition must end with ']'")
                .contains("profiles");
        Screenshots.save(robot.lookup("#noticeBar").query().getScene(), "main-window-damaged-config");
    }

    @Test
    void unreadableAuditModesOpenTheDefaultProfileReadOnlyAndSayWhy(MotoServer moto) throws Exception {
        Files.writeString(config, """
                [default]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                endpoint_url = %s
                """.formatted(moto.endpoint()));
        Files.writeString(settings, """
                { "darkTheme" : false, "auditModeConnections" : { "default" : true } }
                """);

        start(new StartOptions(null, null, null, false, false));

        assertThat(onFx(() -> app.model().connectionProperty().get().profile())).isEqualTo("default");
        assertThat(onFx(() -> app.model().auditModeProperty().get())).as("audit mode that cannot be read is kept, not dropped").isTrue();
        assertThat(notice()).contains(settings.toString()).contains("auditModeConnections").contains("read-only");
    }
}
