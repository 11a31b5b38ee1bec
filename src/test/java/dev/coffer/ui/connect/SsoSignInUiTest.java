package dev.coffer.ui.connect;

import dev.coffer.testsupport.CofferRobot;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ui.shell.App;
import dev.coffer.ui.shell.StartOptions;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.FailureScreenshots;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.FakeSso.RoleCredentials;
import dev.coffer.testsupport.sso.SsoTokenCache;
import dev.coffer.testsupport.sso.SsoTokenCache.CachedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Signing in to IAM Identity Center from the app, against the fake SSO services, with moto serving
 * Parameter Store and Secrets Manager: the acceptance of issue #6.
 */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class SsoSignInUiTest {

    static final String ACCOUNT = "111122223333";
    static final String ROLE = "AdministratorAccess";
    static final String SESSION = "corp";

    private final FxRobot robot = new CofferRobot();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private App app;
    private FakeSso sso;
    private FakeSso.EndpointOverride endpoints;
    private SsoTokenCache cache;
    private Path config;
    private RoleCredentials handedOut;

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        cache = SsoTokenCache.redirected();
        cache.delete(SESSION);
        // moto accepts any keys: these are the ones the portal hands out for the role.
        handedOut = new RoleCredentials("ASIASSOUITEST0000001", "sso-ui-test-secret-key", "SsoUiTestSessionToken");
        sso = FakeSso.start().account(ACCOUNT, "Production", "aws-prod@example.com").assign(ACCOUNT, ROLE, handedOut);
        endpoints = sso.overrideSdkEndpoints();
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile admin]
                sso_session = corp
                sso_account_id = %s
                sso_role_name = %s
                region = us-east-1
                endpoint_url = %s

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """.formatted(ACCOUNT, ROLE, moto.endpoint()));
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/sso-ui/app/db-host").value("db.internal").type(ParameterType.STRING).overwrite(true));
            local.secretsManager().createSecret(b -> b.name("sso-ui/app/db").secretString("{\"password\":\"p\"}"));
        }
    }

    @AfterEach
    void tearDown(MotoServer moto) throws Exception {
        if (app != null) {
            CofferUi.closeOtherWindows(app);
        }
        CofferUi.close(app);
        endpoints.close();
        sso.close();
        cache.delete(SESSION);
        Files.deleteIfExists(config);
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.secretsManager().deleteSecret(b -> b.secretId("sso-ui/app/db").forceDeleteWithoutRecovery(true));
            local.ssm().deleteParameter(b -> b.name("/sso-ui/app/db-host"));
        }
    }

    private String dialogStatus() {
        return robot.lookup("#ssoStatus").tryQuery().map(n -> onFx(((Label) n)::getText)).orElse("(no dialog)");
    }

    @Test
    void signingInFromTheConnectDialogCachesTheTokenForTheCliAndListsTheAccountsItems(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);
        app.useBrowser(opened::add);

        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectChoices").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("admin")))
                .queryAs(Node.class));
        robot.clickOn("Connect");

        // No token yet: the sign-in dialog shows the code and opens the verification page.
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#ssoUserCode").tryQuery()
                .map(n -> ((Label) n).getText().matches("[A-Z]{4}-[A-Z]{4}")).orElse(false));
        FakeSso.DeviceAuthorization device = sso.latestDeviceAuthorization().orElseThrow();
        assertThat(onFx(() -> robot.lookup("#ssoUserCode").queryAs(Label.class).getText())).isEqualTo(device.userCode());
        assertThat(onFx(() -> robot.lookup("#ssoVerificationUrl").queryAs(javafx.scene.control.Hyperlink.class).getText()))
                .isEqualTo(sso.endpoint() + "/device");
        assertThat(opened).containsExactly(sso.endpoint() + "/device?user_code=" + device.userCode());
        assertThat(onFx(() -> robot.lookup("#ssoStatus").queryAs(Label.class).getText())).contains("Waiting for you to approve");
        Screenshots.save(robot.lookup("#ssoUserCode").queryAs(Node.class).getScene(), "sso-sign-in");

        device.approve();   // the user chooses Allow in the browser

        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> app.model().connectionProperty().get() != null
                && "admin".equals(app.model().connectionProperty().get().profile())));
        CofferUi.awaitLoaded(app);
        assertThat(robot.lookup("#ssoUserCode").tryQuery()).isEmpty();

        // The window shows the account's parameters and secrets, fetched with the role credentials the portal handed out.
        assertThat(onFx(() -> app.model().parameters().totalProperty().get())).isGreaterThanOrEqualTo(1);
        assertThat(onFx(() -> app.model().secrets().all().stream().map(r -> r.secret().name()).toList())).contains("sso-ui/app/db");
        assertThat(onFx(() -> app.model().identityProperty().get().account())).isNotBlank();
        String token = sso.issuedAccessTokens().get(0);
        assertThat(sso.calls("GetRoleCredentials")).isNotEmpty().allSatisfy(call -> {
            assertThat(call.bearerToken()).isEqualTo(token);
            assertThat(call.query("account_id")).isEqualTo(ACCOUNT);
            assertThat(call.query("role_name")).isEqualTo(ROLE);
        });
        Moto.startRecording(moto);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        CofferUi.awaitLoaded(app);
        assertThat(Moto.stopRecording(moto)).filteredOn(line -> line.contains("DescribeParameters") || line.contains("ListSecrets"))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("Credential=" + handedOut.accessKeyId() + "/"));

        // The cache file is the CLI's: sha1("corp").json, owner-only, with the CLI's fields.
        Path file = cache.file(SESSION);
        assertThat(file.getFileName()).hasToString("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Map<String, Object> cached = cache.read(SESSION).orElseThrow();
        assertThat(cached.keySet()).containsExactly("startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                "registrationExpiresAt", "refreshToken");
        assertThat(cached).containsEntry("accessToken", token).containsEntry("startUrl", "https://corp.awsapps.com/start")
                .containsEntry("region", "eu-west-1");
        assertThat((String) cached.get("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // The window names the account as IAM Identity Center does.
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> app.stage().getTitle().contains("Production ")));
        assertThat(onFx(() -> app.stage().getTitle()))
                .startsWith("Coffer — admin · us-east-1 · " + moto.endpoint().getHost() + ":" + moto.endpoint().getPort() + " · Production ");
        Screenshots.save(app.stage().getScene(), "sso-signed-in");
    }

    @Test
    void aDenialSaysWhyTryAgainGetsANewCodeAndCancelStopsWaiting(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);
        app.useBrowser(opened::add);
        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectChoices").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("admin")))
                .queryAs(Node.class));
        robot.clickOn("Connect");
        await().atMost(Duration.ofSeconds(30)).until(() -> sso.latestDeviceAuthorization().isPresent());

        sso.latestDeviceAuthorization().get().deny();   // the user chooses Deny in the browser
        Label status = robot.lookup("#ssoStatus").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() -> status.getText().contains("denied")));
        assertThat(onFx(() -> robot.lookup("#ssoTryAgain").queryAs(Node.class).isVisible())).isTrue();
        Screenshots.save(status.getScene(), "sso-sign-in-denied");

        robot.clickOn("#ssoTryAgain");
        await().atMost(Duration.ofSeconds(30)).until(() -> sso.deviceAuthorizations().size() == 2 && onFx(() ->
                robot.lookup("#ssoUserCode").queryAs(Label.class).getText().equals(sso.deviceAuthorizations().get(1).userCode())));
        FakeSso.DeviceAuthorization second = sso.deviceAuthorizations().get(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.polls() >= 1);

        robot.clickOn("#ssoCancel");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#ssoUserCode").tryQuery().isEmpty());
        int polls = second.polls();
        // The fake asks for a poll every second: three seconds without one show that polling stopped.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(second.polls()).isEqualTo(polls);
        assertThat(cache.read(SESSION)).isEmpty();
        assertThat(onFx(() -> app.model().connectionProperty().get().profile())).as("the window keeps its connection").isEmpty();
    }

    @Test
    void aVerificationPageThatIsNotHttpsIsNeitherOpenedNorShown(MotoServer moto) throws Exception {
        sso.deviceAuthorizationAnswer("http://sso-login.example.net/device", "http://sso-login.example.net/device?user_code=BCDF-GHJK",
                null);
        app = CofferUi.launch(moto, false);
        app.useBrowser(opened::add);
        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#connectChoices").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(org.hamcrest.Matchers.startsWith("admin")))
                .queryAs(Node.class));
        robot.clickOn("Connect");

        await().atMost(Duration.ofSeconds(30)).until(() -> sso.count("StartDeviceAuthorization") >= 1
                && !dialogStatus().startsWith("Contacting") && !dialogStatus().equals("(no dialog)"));
        assertThat(opened).isEmpty();
        assertThat(dialogStatus()).contains("does not open").contains("https://");
        assertThat(onFx(() -> robot.lookup("#ssoVerificationUrl").queryAs(javafx.scene.control.Hyperlink.class).getText()))
                .doesNotContain("sso-login.example.net");
        assertThat(onFx(() -> robot.lookup("#ssoCopyLink").queryAs(Node.class).isDisabled())).isTrue();
        assertThat(onFx(() -> robot.lookup("#ssoOpenBrowser").queryAs(Node.class).isDisabled())).isTrue();
        assertThat(sso.count("CreateToken")).isZero();
        Screenshots.save(robot.lookup("#ssoStatus").queryAs(Node.class).getScene(), "sso-sign-in-unsafe-page");
        robot.clickOn("#ssoCancel");
    }

    @Test
    void anExpiredSignInDuringAnEditOffersToSignInAgainAndTheDraftIsSavedAfterwards(MotoServer moto) throws Exception {
        // Signed in earlier (by the CLI or Coffer); role credentials are short-lived, so each call asks the portal.
        String first = "aoaFirstSignInAccessToken";
        sso.acceptAccessToken(first).credentialLifetime(Duration.ofSeconds(62));
        cache.write(SESSION, new CachedToken("https://corp.awsapps.com/start", "eu-west-1", first,
                Instant.now().plus(Duration.ofHours(6)), null, null, null, null));
        org.testfx.api.FxToolkit.registerPrimaryStage();
        app = (App) org.testfx.api.FxToolkit.setupApplication(() -> new App(new StartOptions("admin", null, null, false, false)));
        app.useBrowser(opened::add);
        CofferUi.awaitLoaded(app);
        assertThat(onFx(() -> app.model().connectionProperty().get().profile())).isEqualTo("admin");
        assertThat(robot.lookup("#ssoUserCode").tryQuery()).as("a valid cached token needs no sign-in").isEmpty();

        String name = "/sso-ui/app/db-host";
        onFx(() -> {
            app.window().selectParameter(name);
            return null;
        });
        robot.clickOn(CofferUi.treeRow(robot, "db-host"));
        robot.press(KeyCode.F2).release(KeyCode.F2);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#valueArea").tryQuery()
                .map(n -> "db.internal".equals(((TextArea) n).getText())).orElse(false));
        TextArea value = robot.lookup("#valueArea").queryAs(TextArea.class);
        robot.clickOn(value).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL)
                .write("db2.internal");

        // The session ends while the user edits (signed out elsewhere, or the 8 hours ran out).
        sso.revokeAccessToken(first);
        // The SDK keeps role credentials until a minute before they expire (62 s here): wait until the
        // ones fetched before the revocation are due for renewal, so the save must sign in anew.
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(sso.latestRoleCredentialsExpiry().minusSeconds(60)));
        robot.clickOn("#saveButton");

        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> message.getText().contains("Your changes are still here")));
        assertThat(onFx(message::getText)).contains("expired").contains("Sign in again");
        Node signInAgain = robot.lookup("#signInAgainButton").queryAs(Node.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(signInAgain::isVisible));
        assertThat(onFx(() -> robot.lookup("#messageText").queryAs(Label.class).getText())).contains("expired");
        Screenshots.save(value.getScene(), "sso-expired-editor");
        Screenshots.save(app.stage().getScene(), "sso-expired-offer");

        // Sign in again from the main window; the editor and its draft stay open meanwhile.
        onFx(() -> {
            app.stage().toFront();
            return null;
        });
        robot.clickOn(signInAgain);
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#ssoUserCode").tryQuery()
                .map(n -> ((Label) n).getText().matches("[A-Z]{4}-[A-Z]{4}")).orElse(false));
        sso.latestDeviceAuthorization().orElseThrow().approve();
        await().atMost(Duration.ofSeconds(30)).alias("the sign-in dialog closes; it says: " + dialogStatus())
                .until(() -> robot.lookup("#ssoUserCode").tryQuery().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !signInAgain.isVisible()));
        assertThat(onFx(() -> value.getText())).isEqualTo("db2.internal");

        // Back to the editor, which kept the draft, and Save again.
        onFx(() -> {
            ((javafx.stage.Stage) value.getScene().getWindow()).toFront();
            return null;
        });
        robot.clickOn("#saveButton");
        try (ClientFactory check = Moto.clients(moto, false)) {
            await().atMost(Duration.ofSeconds(60)).alias("saved; the editor says: " + onFx(message::getText)).until(() ->
                    "db2.internal".equals(check.ssm().getParameter(b -> b.name(name)).parameter().value()));
        }
        String second = sso.issuedAccessTokens().get(0);
        assertThat(sso.calls("GetRoleCredentials")).last().satisfies(call -> {
            assertThat(call.bearerToken()).isEqualTo(second);
            assertThat(call.status()).isEqualTo(200);
        });
        Map<String, Object> cached = cache.read(SESSION).orElseThrow();
        assertThat(cached).containsEntry("accessToken", second);
    }
}
