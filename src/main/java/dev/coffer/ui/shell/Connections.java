package dev.coffer.ui.shell;

import dev.coffer.auth.AwsConfigFile;
import dev.coffer.auth.ProfileInfo;
import dev.coffer.auth.Profiles;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Endpoints;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.Sandbox;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.shell.MainViewModel;
import dev.coffer.ui.shell.RecentConnections;
import dev.coffer.ui.connect.SsoAccountsController;
import dev.coffer.ui.connect.SsoAccountsViewModel;
import dev.coffer.ui.connect.SsoSignInController;
import dev.coffer.ui.connect.SsoSignInViewModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Stage;

/**
 * Opens connections into a window: profiles (signing in to IAM Identity Center first when its
 * token is missing or expired), the local sandbox and custom endpoints. Shared by every window.
 */
final class Connections {

    /** A window to open connections in: its stage (owner of dialogs) and its state. */
    record Target(Stage stage, MainViewModel model) {
    }

    private final Background background;
    private final RecentConnections recent;
    private final Consumer<String> browser;
    private Profiles profiles;
    private volatile Sandbox sandbox;

    Connections(Background background, Profiles profiles, RecentConnections recent, Consumer<String> browser) {
        this.background = background;
        this.profiles = profiles;
        this.recent = recent;
        this.browser = browser;
    }

    Profiles profiles() {
        return profiles;
    }

    /** Opens what the Connect dialog, the recent list or the region switcher chose. */
    void open(Target target, Connection connection) {
        if (connection.sandbox()) {
            openSandbox(target, connection.readOnly());
        } else if (connection.usesLocalCredentials()) {
            target.model().open(Sessions.local(connection, connection.endpoint().orElseThrow()));
            // As opened: read-only in an audit window.
            recent.remember(target.model().connectionProperty().get());
        } else {
            openProfile(target, connection);
        }
    }

    void openProfile(Target target, Connection connection) {
        Optional<SsoConfig> sso = SsoConfig.ofProfile(profiles.file(), connection.profile());
        if (sso.isEmpty()) {
            openSession(target, connection, Optional.empty());
            return;
        }
        // IAM Identity Center: use (or refresh) the cached token, or sign in first, as `aws sso login` would.
        SsoLogin login = SsoLogin.standard(sso.get());
        target.model().statusProperty().set("Checking the sign-in of " + connection.profile() + "…");
        boolean complete = profiles.find(connection.profile())
                .map(p -> p.accountId().isPresent() && p.roleName().isPresent()).orElse(false);
        withToken(target, "Profile " + connection.profile(), login, token -> {
            if (complete) {
                openSession(target, connection, sso);
            } else {
                // An sso-session profile without account and role: let the user choose them.
                chooseAccount(target, sso.get(), token, connection);
            }
        });
    }

    void openSandbox(Target target, boolean readOnly) {
        MainViewModel model = target.model();
        Sandbox running = sandbox;
        if (running != null && running.isRunning()) {
            model.open(running.session(readOnly));
            return;
        }
        if (!MotoServer.isInstalled()) {
            model.report(new IllegalStateException("The local sandbox needs moto_server: install it with "
                    + "`pip install 'moto[server]'`, or connect to an AWS profile."));
            return;
        }
        model.statusProperty().set("Starting the local sandbox…");
        model.parametersLoadingProperty().set(true);
        background.run(Sandbox::start, started -> {
            sandbox = started;
            model.open(started.session(readOnly));
        }, error -> {
            model.parametersLoadingProperty().set(false);
            model.report(error);
        });
    }

    /** Signs in again to the window's IAM Identity Center session; its clients and open editors then use the new token. */
    void signInAgain(Target target) {
        Connection current = target.model().connectionProperty().get();
        if (current == null) {
            return;
        }
        SsoConfig.ofProfile(profiles.file(), current.profile()).ifPresent(sso -> SsoSignInController.open(target.stage(),
                new SsoSignInViewModel("Profile " + current.profile(), SsoLogin.standard(sso), background, browser,
                        target.model()::signedIn)));
    }

    /** File → Add profile from IAM Identity Center: choose an sso-session, sign in if needed, pick account and role. */
    void addSsoProfile(Target target) {
        AwsConfigFile config = AwsConfigFile.standard();
        List<String> sessions = config.ssoSessions();
        if (sessions.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "Your AWS config file (" + config.path()
                    + ") has no [sso-session NAME] section. Add one with `aws configure sso-session`, then try again.");
            alert.initOwner(target.stage());
            alert.setHeaderText("No IAM Identity Center session");
            alert.show();
            return;
        }
        Optional<String> session = Optional.of(sessions.get(0));
        if (sessions.size() > 1) {
            ChoiceDialog<String> choose = new ChoiceDialog<>(sessions.get(0), sessions);
            choose.initOwner(target.stage());
            choose.setTitle("Add a profile");
            choose.setHeaderText("Which IAM Identity Center session?");
            session = choose.showAndWait();
        }
        session.flatMap(name -> SsoConfig.ofSession(profiles.file(), name)).ifPresent(sso -> {
            // The new profile opens like the window's connection: in its mode, at its endpoint.
            Connection current = target.model().connectionProperty().get();
            Connection like = current != null ? current : Connection.profile("", sso.region(), null, false);
            withToken(target, "sso-session " + sso.sessionName().orElse(""), SsoLogin.standard(sso),
                    token -> chooseAccount(target, sso, token, like));
        });
    }

    void close() {
        Sandbox running = sandbox;
        if (running != null) {
            running.close();
        }
    }

    private void openSession(Target target, Connection connection, Optional<SsoConfig> sso) {
        MainViewModel model = target.model();
        Endpoints endpoints;
        try {
            endpoints = profiles.endpointsFor(connection.profile());
        } catch (IllegalArgumentException badSetting) {
            model.report(badSetting);
            return;
        }
        model.open(Sessions.forProfile(connection, profiles.file(), endpoints));
        // As opened: read-only in an audit window.
        Connection opened = model.connectionProperty().get();
        model.signInOfferedProperty().set(sso.isPresent());
        recent.remember(opened);
        sso.ifPresent(config -> showAccountName(model, opened, config));
    }

    /** The header names the account as IAM Identity Center does (the account alias is not readable with most SSO roles). */
    private void showAccountName(MainViewModel model, Connection connection, SsoConfig config) {
        Optional<String> accountId = profiles.find(connection.profile()).flatMap(ProfileInfo::accountId);
        if (accountId.isEmpty()) {
            return;
        }
        SsoLogin login = SsoLogin.standard(config);
        background.run(() -> login.usableToken().map(token -> SsoPortal.standard(config).accounts(token)).orElse(List.of()).stream()
                .filter(a -> a.id().equals(accountId.get())).findFirst().map(SsoPortal.Account::name), name -> {
                    if (connection.equals(model.connectionProperty().get())) {
                        name.ifPresent(model.accountNameProperty()::set);
                    }
                }, error -> {
                    // Without the portal's answer the header shows the account id alone.
                });
    }

    /** Runs {@code then} with a usable token of this sign-in, signing in first when there is none. */
    private void withToken(Target target, String what, SsoLogin login, Consumer<CachedToken> then) {
        background.run(login::usableToken, token -> {
            if (token.isPresent()) {
                then.accept(token.get());
            } else {
                SsoSignInController.open(target.stage(), new SsoSignInViewModel(what, login, background, browser,
                        () -> login.usableToken().ifPresent(then)));
            }
        }, target.model()::report);
    }

    /**
     * Lists the accounts and roles of an sso-session and opens the profile the user saves for one
     * as {@code requested} would have been opened: in its mode, at its endpoint.
     */
    private void chooseAccount(Target target, SsoConfig sso, CachedToken token, Connection requested) {
        SsoAccountsController.open(target.stage(), new SsoAccountsViewModel(sso, token, SsoPortal.standard(sso),
                AwsConfigFile.standard(), requested.region(), background, saved -> {
                    profiles = Profiles.fromEnvironment();
                    openProfile(target, Connection.profile(saved, profiles.regionFor(saved).orElse(requested.region()),
                            requested.endpoint().orElse(null), requested.readOnly()));
                }));
    }
}
