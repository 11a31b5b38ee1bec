package dev.coffer.ui.connect;

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
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.SsoTokenCache;
import dev.coffer.testsupport.sso.SsoTokenCache.CachedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Choosing an account and role of an sso-session and saving them as a profile, then working with it. */
@WithMoto
@ExtendWith(FailureScreenshots.class)
class SsoAccountsUiTest {

    static final String CONFIG = """
            # team config
            [default]
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
        sso = FakeSso.start().acceptAccessToken("aoaAccountsTest")
                .account("111122223333", "Production", "aws-prod@example.com")
                .account("444455556666", "Staging", "aws-staging@example.com")
                .assign("111122223333", "AdministratorAccess").assign("111122223333", "ReadOnlyAccess")
                .assign("444455556666", "ReadOnlyAccess");
        endpoints = sso.overrideSdkEndpoints();
        cache.write("corp", new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaAccountsTest",
                Instant.now().plus(Duration.ofHours(6)), null, null, null, null));
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, CONFIG);
        // The new profile has no endpoint_url; the SDK's global endpoint setting sends its calls to moto.
        previousEndpoint = System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name("/accounts-ui/region").value("eu").type(ParameterType.STRING).overwrite(true));
        }
    }

    @AfterEach
    void tearDown(MotoServer moto) throws Exception {
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
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().deleteParameter(b -> b.name("/accounts-ui/region"));
        }
    }

    /** A rendered cell showing {@code text}, once it is there. */
    private Node cell(String style, String text) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup(style)
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(text)).tryQuery().isPresent());
        return robot.lookup(style).match(org.testfx.matcher.control.LabeledMatchers.hasText(text)).query();
    }

    @Test
    void listsAccountsAndRolesAndSavesTheChoiceAsAProfileThatOpens(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);

        robot.clickOn("File").clickOn("Add profile from IAM Identity Center…");
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#accountTable").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 2).orElse(false));
        robot.clickOn(cell(".table-cell", "Production"));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() ->
                robot.lookup("#roleList").queryAs(ListView.class).getItems().size() == 2));
        robot.clickOn(cell(".list-cell", "AdministratorAccess"));
        TextField name = robot.lookup("#profileName").queryAs(TextField.class);
        assertThat(onFx(() -> name.getText())).isEqualTo("AdministratorAccess-111122223333");
        assertThat(cell(".table-cell", "aws-prod@example.com")).isNotNull();
        Screenshots.save(name.getScene(), "sso-accounts");

        CofferUi.retype(robot, name, "default");
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> robot.lookup("#saveProfile").queryAs(Node.class).isDisabled()));
        CofferUi.retype(robot, name, "prod-admin");
        robot.clickOn("#saveProfile");

        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> app.model().connectionProperty().get() != null
                && "prod-admin".equals(app.model().connectionProperty().get().profile())));
        CofferUi.awaitLoaded(app);
        assertThat(Files.readString(config)).isEqualTo(CONFIG + """

                [profile prod-admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = AdministratorAccess
                region = us-east-1
                """);
        assertThat(Files.readString(config.resolveSibling("config.bak"))).isEqualTo(CONFIG);
        assertThat(sso.calls("GetRoleCredentials")).isNotEmpty().allSatisfy(call -> {
            assertThat(call.query("account_id")).isEqualTo("111122223333");
            assertThat(call.query("role_name")).isEqualTo("AdministratorAccess");
        });
        assertThat(onFx(() -> app.model().parameters().totalProperty().get())).isGreaterThanOrEqualTo(1);
        Screenshots.save(app.stage().getScene(), "sso-new-profile-window");
    }

    @Test
    void aRegionAwsDoesNotKnowIsRefusedWithItsReasonAndTheConfigIsLeftAlone(MotoServer moto) throws Exception {
        app = CofferUi.launch(moto, false);

        robot.clickOn("File").clickOn("Add profile from IAM Identity Center…");
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#accountTable").tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 2).orElse(false));
        robot.clickOn(cell(".table-cell", "Staging"));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() ->
                robot.lookup("#roleList").queryAs(ListView.class).getItems().size() == 1));
        robot.clickOn(cell(".list-cell", "ReadOnlyAccess"));
        onFx(() -> {
            robot.lookup("#profileRegion").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("eu west 1");
            return null;
        });
        robot.clickOn("#saveProfile");

        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(() ->
                robot.lookup("#accountsStatus").queryAs(javafx.scene.control.Label.class).getText()).contains("region"));
        assertThat(robot.lookup("#saveProfile").tryQuery()).as("the dialog stays open with the choice").isPresent();
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
        assertThat(config.resolveSibling("config.bak")).doesNotExist();
    }
}
