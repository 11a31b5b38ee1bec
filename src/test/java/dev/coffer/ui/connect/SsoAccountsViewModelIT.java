package dev.coffer.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.auth.AwsConfigFile;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.sso.FakeSso;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts and roles window's state and flow without the FX toolkit: accounts and roles from
 * the fake IAM Identity Center, the name suggested as `aws configure sso` does, and the profile
 * appended to a config file of the test's own.
 */
class SsoAccountsViewModelIT {

    static final SsoConfig CORP = new SsoConfig(Optional.of("corp"), "https://corp.awsapps.com/start", "eu-west-1",
            Optional.empty());
    static final String CONFIG = """
            [profile default]
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            """;

    @TempDir
    Path dir;

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    Path config;
    final List<String> saved = new CopyOnWriteArrayList<>();
    SsoAccountsViewModel model;

    @BeforeEach
    void start() throws Exception {
        sso = FakeSso.start().acceptAccessToken("aoaAccountsModel")
                .account("111122223333", "Production", "aws-prod@example.com")
                .account("444455556666", "Staging", "aws-staging@example.com")
                .assign("111122223333", "AdministratorAccess").assign("111122223333", "ReadOnlyAccess")
                .assign("444455556666", "ReadOnlyAccess");
        endpoints = sso.overrideSdkEndpoints();
        config = dir.resolve("config");
        Files.writeString(config, CONFIG);
        CachedToken token = new CachedToken(CORP.startUrl(), CORP.region(), "aoaAccountsModel", Instant.now().plus(Duration.ofHours(6)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        model = new SsoAccountsViewModel(CORP, token, SsoPortal.standard(CORP), new AwsConfigFile(config), "us-east-1",
                new SameThreadBackground(), saved::add);
    }

    @AfterEach
    void stop() {
        endpoints.close();
        sso.close();
    }

    SsoPortal.Account account(String name) {
        return model.shownAccounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsFiltersAndSuggestsTheNameAsTheCliDoesThenSavesTheProfile() throws Exception {
        assertThat(model.title()).isEqualTo("Accounts and roles — corp");
        assertThat(model.problemProperty().get()).isEqualTo("Choose an account and a role.");

        model.load();
        assertThat(model.shownAccounts()).extracting(SsoPortal.Account::name).containsExactly("Production", "Staging");
        assertThat(model.statusProperty().get()).isEqualTo("2 accounts");
        assertThat(model.busyProperty().get()).isFalse();
        model.filterProperty().set("STAGING@");
        assertThat(model.shownAccounts()).extracting(SsoPortal.Account::id).containsExactly("444455556666");
        model.filterProperty().set("");

        model.accountProperty().set(account("Staging"));
        assertThat(model.roles()).containsExactly("ReadOnlyAccess");
        assertThat(model.roleProperty().get()).as("an account's only role is chosen").isEqualTo("ReadOnlyAccess");
        assertThat(model.nameProperty().get()).isEqualTo("ReadOnlyAccess-444455556666");

        model.accountProperty().set(account("Production"));
        assertThat(model.roles()).containsExactly("AdministratorAccess", "ReadOnlyAccess");
        model.roleProperty().set("AdministratorAccess");
        assertThat(model.nameProperty().get()).isEqualTo("AdministratorAccess-111122223333");
        assertThat(model.problemProperty().get()).isEmpty();

        model.nameProperty().set("default");
        assertThat(model.problemProperty().get()).contains("'default' already exists");
        model.nameTyped();
        model.nameProperty().set("prod-admin");
        model.roleProperty().set("ReadOnlyAccess");
        assertThat(model.nameProperty().get()).as("a name the user typed is kept").isEqualTo("prod-admin");

        model.save();

        assertThat(saved).containsExactly("prod-admin");
        assertThat(model.savedProperty().get()).isTrue();
        assertThat(Files.readString(config)).isEqualTo(CONFIG + """

                [profile prod-admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = ReadOnlyAccess
                region = us-east-1
                """);
    }

    @Test
    void aRegionAwsDoesNotKnowIsRefusedAndEveryChoiceIsKept() throws Exception {
        model.load();
        model.accountProperty().set(account("Staging"));
        model.regionProperty().set("eu west 1");

        model.save();

        assertThat(model.statusProperty().get()).contains("region");
        assertThat(model.savedProperty().get()).isFalse();
        assertThat(model.savingProperty().get()).isFalse();
        assertThat(saved).isEmpty();
        assertThat(model.accountProperty().get().name()).isEqualTo("Staging");
        assertThat(model.roleProperty().get()).isEqualTo("ReadOnlyAccess");
        assertThat(model.nameProperty().get()).isEqualTo("ReadOnlyAccess-444455556666");
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
        assertThat(dir.resolve("config.bak")).doesNotExist();
    }
}
