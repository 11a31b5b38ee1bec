package dev.coffer;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.coffer.auth.Profiles;
import dev.coffer.auth.AwsConfigFile;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.sandbox.Sandbox;
import dev.coffer.ui.Background;
import dev.coffer.ui.ConnectDialog;
import dev.coffer.ui.MainViewModel;
import dev.coffer.ui.MainWindowController;
import dev.coffer.ui.Settings;
import dev.coffer.ui.SsoAccountsDialog;
import dev.coffer.ui.SsoSignInDialog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application and composition root: builds the services, view models and window. */
public final class App extends Application {

    private LaunchOptions options;
    private Settings settings;
    private Background background;
    private Profiles profiles;
    private MainViewModel model;
    private MainWindowController window;
    private Stage stage;
    private Scene scene;
    private volatile Sandbox sandbox;
    private java.util.function.Consumer<String> browser;

    public App() {
    }

    /** For tests: start with these options instead of the command line. */
    public App(LaunchOptions options) {
        this.options = options;
    }

    @Override
    public void init() {
        if (options == null) {
            options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        }
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settings = Settings.load();
        background = new Background();
        profiles = Profiles.fromEnvironment();
        if (browser == null) {
            browser = getHostServices()::showDocument;
        }
        model = new MainViewModel(background);
        applyTheme(settings.darkTheme);

        FXMLLoader loader = new FXMLLoader(App.class.getResource("ui/main_window.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = loader.getController();
        window.init(model, new Actions(), settings.darkTheme, background);

        scene = new Scene(root, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(App.class.getResource("ui/coffer.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Connection c = model.connectionProperty().get();
            return c == null ? "Coffer" : "Coffer — " + c.label() + (c.readOnly() ? " (read-only)" : "");
        }, model.connectionProperty()));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream icon = App.class.getResourceAsStream("icons/coffer-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        restoreGeometry();
        if (Boolean.getBoolean("coffer.reportStartup")) {
            reportFirstFrame();
        }
        stage.show();
        window.split().setDividerPositions(settings.dividers);
        Platform.runLater(this::openInitialConnection);
    }

    /** The window's controller (for tests and the benchmark). */
    public MainWindowController window() {
        return window;
    }

    public MainViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** For tests: where "Open browser" sends the sign-in page instead of the system browser. */
    public void useBrowser(java.util.function.Consumer<String> opener) {
        this.browser = opener;
    }

    private void openInitialConnection() {
        if (options.sandbox()) {
            openSandbox(options.readOnly());
            return;
        }
        if (options.endpoint() != null && options.profile() == null) {
            String region = Optional.ofNullable(options.region()).orElse("us-east-1");
            model.open(Sessions.local(Connection.endpoint(options.endpoint(), region, options.readOnly()), options.endpoint()));
            return;
        }
        Optional<String> profile = Optional.ofNullable(options.profile()).or(profiles::defaultProfileName);
        if (profile.isPresent()) {
            openProfile(Connection.profile(profile.get(),
                    Optional.ofNullable(options.region()).or(() -> profiles.regionFor(profile.get())).orElse("us-east-1"),
                    options.endpoint(), options.readOnly()));
        } else if (profiles.isEmpty()) {
            // No AWS configuration at all: show a working console on the local sandbox.
            openSandbox(options.readOnly());
        } else {
            new Actions().connect();
        }
    }

    private void open(Connection connection) {
        if (connection.sandbox()) {
            openSandbox(connection.readOnly());
        } else if (connection.usesLocalCredentials()) {
            model.open(Sessions.local(connection, connection.endpoint().orElseThrow()));
        } else {
            openProfile(connection);
        }
    }

    private void openProfile(Connection connection) {
        Optional<SsoConfig> sso = SsoConfig.ofProfile(profiles.file(), connection.profile());
        if (sso.isEmpty()) {
            openSession(connection, false);
            return;
        }
        // IAM Identity Center: use (or refresh) the cached token, or sign in first, as `aws sso login` would.
        SsoLogin login = SsoLogin.standard(sso.get());
        model.statusProperty().set("Checking the sign-in of " + connection.profile() + "…");
        boolean complete = profiles.find(connection.profile())
                .map(p -> p.accountId().isPresent() && p.roleName().isPresent()).orElse(false);
        withToken("Profile " + connection.profile(), login, token -> {
            if (complete) {
                openSession(connection, true);
            } else {
                // An sso-session profile without account and role: let the user choose them.
                chooseAccount(sso.get(), token, connection.region());
            }
        });
    }

    /** Runs {@code then} with a usable token of this sign-in, signing in first when there is none. */
    private void withToken(String what, SsoLogin login, java.util.function.Consumer<CachedToken> then) {
        background.run(login::usableToken, token -> {
            if (token.isPresent()) {
                then.accept(token.get());
            } else {
                new SsoSignInDialog(stage, what, login, background, browser,
                        () -> login.usableToken().ifPresent(then)).show();
            }
        }, model::report);
    }

    /** Lists the accounts and roles of an sso-session and opens the profile the user saves for one. */
    private void chooseAccount(SsoConfig sso, CachedToken token, String region) {
        new SsoAccountsDialog(stage, sso, token, SsoPortal.standard(sso), AwsConfigFile.standard(), region, background, saved -> {
            profiles = Profiles.fromEnvironment();
            openProfile(Connection.profile(saved, profiles.regionFor(saved).orElse(region), null, false));
        }).show();
    }

    private void addSsoProfile() {
        List<String> sessions = AwsConfigFile.standard().ssoSessions();
        if (sessions.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "Your AWS config file (" + AwsConfigFile.standard().path()
                    + ") has no [sso-session NAME] section. Add one with `aws configure sso-session`, then try again.");
            alert.initOwner(stage);
            alert.setHeaderText("No IAM Identity Center session");
            alert.show();
            return;
        }
        Optional<String> session = Optional.of(sessions.get(0));
        if (sessions.size() > 1) {
            ChoiceDialog<String> choose = new ChoiceDialog<>(sessions.get(0), sessions);
            choose.initOwner(stage);
            choose.setTitle("Add a profile");
            choose.setHeaderText("Which IAM Identity Center session?");
            session = choose.showAndWait();
        }
        session.flatMap(name -> SsoConfig.ofSession(profiles.file(), name)).ifPresent(sso -> {
            Connection current = model.connectionProperty().get();
            String region = current == null ? sso.region() : current.region();
            withToken("sso-session " + sso.sessionName().orElse(""), SsoLogin.standard(sso),
                    token -> chooseAccount(sso, token, region));
        });
    }

    private void openSession(Connection connection, boolean sso) {
        model.open(Sessions.forProfile(connection, profiles.file(), profiles.endpointFor(connection.profile())));
        model.signInOfferedProperty().set(sso);
    }

    private void signIn(Connection connection, SsoLogin login, Runnable then) {
        new SsoSignInDialog(stage, "Profile " + connection.profile(), login, background, browser, then).show();
    }

    private void openSandbox(boolean readOnly) {
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

    /**
     * With -Dcoffer.reportStartup=true, prints one line when the window's first frame has been laid
     * out, for the scale benchmark and for anyone looking into a slow start.
     */
    private void reportFirstFrame() {
        Runnable report = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    long ms = ProcessHandle.current().info().startInstant()
                            .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
                    System.out.println("coffer: window ready " + ms + " ms after process start");
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                }
            }
        };
        scene.addPostLayoutPulseListener(report);
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        settings.darkTheme = dark;
    }

    private void restoreGeometry() {
        if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setMaximized(settings.maximized);
    }

    private void saveGeometry() {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = scene.getWidth();
            settings.windowHeight = scene.getHeight();
        }
        settings.dividers = window.split().getDividerPositions();
        settings.save();
    }

    @Override
    public void stop() {
        if (window != null) {
            saveGeometry();
        }
        if (model != null) {
            model.close();
        }
        Sandbox running = sandbox;
        if (running != null) {
            running.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }

    /** What the window asks of the application. */
    private final class Actions implements MainWindowController.WindowActions {
        @Override
        public void connect() {
            ConnectDialog dialog = new ConnectDialog(stage, profiles, model.connectionProperty().get(), MotoServer.isInstalled());
            dialog.showAndWait().ifPresent(App.this::open);
        }

        @Override
        public void openSandbox() {
            App.this.openSandbox(false);
        }

        @Override
        public void setDarkTheme(boolean dark) {
            applyTheme(dark);
        }

        @Override
        public void addSsoProfile() {
            App.this.addSsoProfile();
        }

        @Override
        public void signInAgain() {
            Connection current = model.connectionProperty().get();
            if (current == null) {
                return;
            }
            SsoConfig.ofProfile(profiles.file(), current.profile())
                    .ifPresent(sso -> signIn(current, SsoLogin.standard(sso), model::signedIn));
        }

        @Override
        public void quit() {
            stage.close();
            Platform.exit();
        }
    }
}
