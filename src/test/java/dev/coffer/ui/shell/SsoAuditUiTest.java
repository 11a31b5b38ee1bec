package dev.coffer.ui.shell;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.AuditWindows;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.SsoTokenCache;
import dev.coffer.testsupport.sso.SsoTokenCache.CachedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * IAM Identity Center in audit mode: a profile added from the window, an sso-session profile
 * without account and role opened with --audit, and signing in again all leave the window
 * read-only, and moto sees no mutating call.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class SsoAuditUiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final String CONFIG = """
            [profile corp-start]
            sso_session = corp
            region = us-east-1

            [profile audited]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = ReadOnlyAccess
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access
            """;

    private final FxRobot robot = new CofferRobot();
    private App app;
    private FakeSso sso;
    private FakeSso.EndpointOverride endpoints;
    private SsoTokenCache cache;
    private Path config;
    private String previousEndpoint;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        cache = SsoTokenCache.redirected();
        sso = FakeSso.start().acceptAccessToken("aoaAuditTest")
                .account("111122223333", "Production", "aws-prod@example.com")
                .assign("111122223333", "AdministratorAccess").assign("111122223333", "ReadOnlyAccess");
        endpoints = sso.overrideSdkEndpoints();
        cache.write("corp", new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaAuditTest",
                Instant.now().plus(Duration.ofHours(6)), null, null, null, null));
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, CONFIG);
        // The profiles have no endpoint_url; the SDK's global endpoint setting sends their calls to moto.
        previousEndpoint = System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/sso-audit/p").value("v").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            CofferUi.closeOtherWindows(app);
        }
        CofferUi.close(app);
        if (previousEndpoint == null) {
            System.clearProperty("aws.endpointUrl");
        } else {
            System.setProperty("aws.endpointUrl", previousEndpoint);
        }
        endpoints.close();
        sso.close();
        cache.delete("corp");
        Files.deleteIfExists(config);
        Files.deleteIfExists(config.resolveSibling("config.bak"));
    }

    @Test
    void aProfileAddedFromIamIdentityCenterInAnAuditWindowOpensReadOnly(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, true);
        Moto.startRecording(moto);

        robot.clickOn("File").clickOn("Add profile from IAM Identity Center…");
        saveAccountAndRoleAs("prod-admin", "AdministratorAccess");

        AuditWindows.assertAuditSession(app.model(), "adding a profile from IAM Identity Center");
        assertThat(Moto.operations(Moto.stopRecording(moto))).isNotEmpty().allMatch(Moto::isRead);
    }

    @Test
    void anSsoSessionProfileWithoutAccountAndRoleOpenedWithAuditOpensTheChosenRoleReadOnly(MotoServer moto) throws Exception {
        Moto.startRecording(moto);
        org.testfx.api.FxToolkit.registerPrimaryStage();
        app = (App) org.testfx.api.FxToolkit.setupApplication(() -> new App(new StartOptions("corp-start", null, null, true, false)));

        saveAccountAndRoleAs("prod-admin", "AdministratorAccess");

        AuditWindows.assertAuditSession(app.model(), "choosing the account and role of an sso-session profile");
        assertThat(Moto.operations(Moto.stopRecording(moto))).isNotEmpty().allMatch(Moto::isRead);
    }

    @Test
    void signingInAgainKeepsTheWindowInAuditMode(MotoServer moto) throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        app = (App) org.testfx.api.FxToolkit.setupApplication(() -> new App(new StartOptions("audited", null, null, true, false)));
        app.useBrowser(url -> { });
        CofferUi.awaitLoaded(app);
        Moto.startRecording(moto);

        // The window offers this after an expired sign-in; here it is pressed at once.
        onFx(() -> {
            robot.lookup("#signInAgainButton").queryAs(Button.class).fire();
            return null;
        });
        await().atMost(WAIT).until(() -> sso.latestDeviceAuthorization().isPresent());
        sso.latestDeviceAuthorization().orElseThrow().approve();
        await().atMost(WAIT).until(() -> robot.lookup("#ssoUserCode").tryQuery().isEmpty());
        onFx(() -> {
            app.model().refresh();
            return null;
        });
        CofferUi.awaitLoaded(app);

        AuditWindows.assertAuditSession(app.model(), "signing in again");
        assertThat(Moto.operations(Moto.stopRecording(moto))).isNotEmpty().allMatch(Moto::isRead);
    }

    /** In the accounts dialog: the Production account, {@code role}, saved as {@code name}; waits until the window shows it. */
    private void saveAccountAndRoleAs(String name, String role) {
        await().atMost(WAIT).until(() -> robot.lookup("#accountTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        robot.clickOn(cell(".table-cell", "Production"));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#roleList").queryAs(ListView.class).getItems().size() == 2));
        robot.clickOn(cell(".list-cell", role));
        CofferUi.retype(robot, robot.lookup("#profileName").queryAs(TextField.class), name);
        robot.clickOn("#saveProfile");
        await().atMost(WAIT).until(() -> onFx(() -> app.model().connectionProperty().get() != null
                && name.equals(app.model().connectionProperty().get().profile())));
        CofferUi.awaitLoaded(app);
    }

    private Node cell(String style, String text) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(style).match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        return robot.lookup(style).match(LabeledMatchers.hasText(text)).query();
    }
}
