package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.aws.AwsService;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A profile whose endpoints come from a services section: its calls go there (not to the
 * default profile's endpoint_url), and the window's title and status bar name that endpoint.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class ProfileEndpointUiTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private final FxRobot robot = new CofferRobot();
    private App app;
    private Path config;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [default]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                # Nothing listens here: a profile of its own must never be sent to the default's endpoint.
                endpoint_url = http://127.0.0.1:8

                [profile local-services]
                region = us-east-1
                aws_access_key_id = testing
                aws_secret_access_key = testing
                # For the services the section does not name (EC2, Lambda); nothing listens here either.
                endpoint_url = %2$s
                services = local

                [services local]
                ssm =
                  endpoint_url = %1$s
                secrets_manager =
                  endpoint_url = %1$s
                sts =
                  endpoint_url = %1$s
                kms =
                  endpoint_url = %1$s
                """.formatted(moto.endpoint(), NOWHERE));
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/endpoint-ui/where").value("moto").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void tearDown(MotoServer moto) throws Exception {
        CofferUi.close(app);
        Files.deleteIfExists(config);
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().deleteParameter(b -> b.name("/endpoint-ui/where"));
        }
    }

    @Test
    void theTitleAndTheStatusBarNameTheEndpointOfTheProfilesServicesSection(MotoServer moto) throws Exception {
        String endpoint = moto.endpoint().getHost() + ":" + moto.endpoint().getPort();
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(new StartOptions("local-services", null, null, true, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> app.model().identityProperty().get() != null
                || app.model().problemProperty().get() != null));
        assertThat(onFx(() -> app.model().problemProperty().get())).as("the window's problem").isNull();
        assertThat(onFx(() -> app.stage().getTitle()))
                .startsWith("Coffer — local-services · us-east-1 · " + endpoint + " · 123456789012 · ").endsWith("(read-only)");
        CofferUi.awaitLoaded(app);
        assertThat(onFx(() -> app.model().parameters().totalProperty().get())).as("the parameters of the services section's endpoint")
                .isPositive();
        assertThat(onFx(() -> robot.lookup("#connectionLabel").queryAs(Label.class).getText()))
                .startsWith("local-services · us-east-1 · " + endpoint + " · account 123456789012");
        assertThat(onFx(() -> robot.lookup("#connectionTitle").queryAs(Label.class).getText()))
                .startsWith("local-services · us-east-1 · " + endpoint + " · 123456789012");

        // Connecting again from the Connect dialog keeps the endpoints per service: the field only
        // hints at the profile's endpoint and stays empty (typed in, it would replace them all).
        AwsSession first = onFx(() -> app.model().session());
        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectEndpoint").tryQuery().isPresent());
        TextField field = robot.lookup("#connectEndpoint").queryAs(TextField.class);
        assertThat(onFx(() -> field.getText())).isEmpty();
        assertThat(onFx(() -> field.getPromptText())).isEqualTo(moto.endpoint() + " (from the profile)");
        robot.clickOn("Connect");
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> app.model().session() != first));
        CofferUi.awaitLoaded(app);
        AwsSession again = onFx(() -> app.model().session());
        assertThat(again.endpoints().of(AwsService.SSM)).contains(moto.endpoint());
        assertThat(again.endpoints().of(AwsService.LAMBDA)).as("the profile's own endpoint_url").contains(NOWHERE);
        assertThat(onFx(() -> app.model().problemProperty().get())).isNull();
    }
}
