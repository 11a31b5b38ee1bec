package dev.coffer.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.coffer.auth.Profiles;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.FxBackground;
import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.connect.ConnectController;
import dev.coffer.ui.connect.ConnectViewModel;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import dev.coffer.ui.shell.ConnectionTitle;
import dev.coffer.ui.shell.MainViewModel;
import dev.coffer.ui.shell.MainWindowController;
import dev.coffer.ui.shell.RecentConnections;
import dev.coffer.ui.shell.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application and composition root: builds the services, view models and windows. Each
 * window shows one connection (profile × region); File → New window opens another beside it.
 */
public final class App extends Application {

    private StartOptions options;
    private Settings settings;
    private Background background;
    private Connections connections;
    private MainViewModel model;
    private MainWindowController window;
    private Stage stage;
    private Scene scene;
    private Consumer<String> browser;
    private final List<MainViewModel> windows = new ArrayList<>();
    private CompletableFuture<List<Image>> icons;

    /** Main's options and the settings and profiles being read while JavaFX starts; see {@link #prepare}. */
    private static volatile CompletableFuture<StartOptions> startOptions;
    private static volatile Consumer<RuntimeException> refuseOptions;
    private static volatile CompletableFuture<Startup> startup;

    /** What the window needs from disk before it can be built. */
    private record Startup(Settings settings, Profiles profiles) {
        static Startup read() {
            return new Startup(Settings.load(), Profiles.fromEnvironment());
        }

        /** What was wrong with the files read, and what Coffer did about it: one sentence each. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            profiles.unreadableFiles().forEach(file -> problems.add(AwsErrors.explain(file).summary()
                    + " Its profiles are unavailable until it is corrected."));
            problems.addAll(settings.problems());
            return problems;
        }
    }

    public App() {
    }

    /**
     * Called by Main just before it launches JavaFX: works out the options and reads the settings
     * (Jackson) and the AWS profiles, each on a thread of its own while the toolkit starts, which
     * takes several hundred milliseconds off the time to the first window in a fresh JVM.
     *
     * @param options parses the command line
     * @param refuse  ends Coffer, saying why, when the command line could not be parsed
     */
    public static void prepare(Supplier<StartOptions> options, Consumer<RuntimeException> refuse) {
        Executor ownThread = task -> {
            Thread thread = new Thread(task, "coffer-start");
            thread.setDaemon(true);
            thread.start();
        };
        refuseOptions = refuse;
        startOptions = CompletableFuture.supplyAsync(options, ownThread);
        startup = CompletableFuture.supplyAsync(Startup::read, ownThread);
    }

    /** For tests: start with these options instead of the command line. */
    public App(StartOptions options) {
        this.options = options;
    }

    @Override
    public void init() {
        if (options == null) {
            options = startOptions != null ? startOptions() : StartOptions.DEFAULT;
        }
    }

    /** The options handed to {@link #prepare}; a bad command line ends Coffer here, saying why. */
    public static StartOptions startOptions() {
        try {
            return startOptions.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException bad) {
                refuseOptions.accept(bad);
            }
            throw e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Startup read = readStartup();
        settings = read.settings();
        background = new FxBackground();
        // Through a lambda, so tests can send "Open browser" elsewhere after start.
        connections = new Connections(background, read.profiles(), new RecentConnections(settings),
                url -> (browser != null ? browser : (Consumer<String>) getHostServices()::showDocument).accept(url));
        applyTheme(settings.darkTheme);

        model = new MainViewModel(background);
        window = build(stage, model, settings.windowWidth, settings.windowHeight);
        List<String> problems = read.problems();
        // Said in the window and on the terminal it was started from, which is where a broken start is looked into.
        problems.forEach(p -> System.err.println("Coffer: " + p));
        model.noticeProperty().set(String.join("\n", problems));
        scene = stage.getScene();
        restoreGeometry();
        if (Boolean.getBoolean("coffer.reportStartup")) {
            reportFirstFrame();
        }
        stage.show();
        window.split().setDividerPositions(settings.dividers);
        afterFirstFrame(this::openInitialConnection);
    }

    /**
     * Runs {@code action} once the window's first frame is laid out. Opening a connection builds
     * the SDK's clients (some 1,700 classes); started at once, that work took one of two cores
     * from the window's first layout (the scale benchmark's first-window figure).
     */
    private void afterFirstFrame(Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                    Platform.runLater(action);
                }
            }
        });
    }

    private static Startup readStartup() {
        CompletableFuture<Startup> reading = startup;
        startup = null;
        if (reading == null) {
            return Startup.read();
        }
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Builds a main window for {@code viewModel} on {@code target}, titled by its connection. */
    private MainWindowController build(Stage target, MainViewModel viewModel, double width, double height) {
        FXMLLoader loader = Screen.MAIN_WINDOW.load();
        MainWindowController controller = loader.getController();
        if (options.readOnly()) {
            // --audit: every window of this process is in audit mode, before its first connection.
            viewModel.enterAuditMode();
        }
        viewModel.useListingCache(settings.rememberListings ? ListingCache.inCofferHome() : null);
        controller.init(viewModel, new Actions(new Connections.Target(target, viewModel)), settings.darkTheme, background);
        controller.showSecretColumns(settings.secretColumns);
        Windows.window(target, null, null, false, loader.getRoot(), width, height);
        target.titleProperty().bind(Bindings.createStringBinding(() -> {
            Connection c = viewModel.connectionProperty().get();
            return c == null ? "Coffer" : "Coffer — " + ConnectionTitle.of(viewModel.labelProperty().get(),
                    viewModel.identityProperty().get(), viewModel.accountNameProperty().get()) + (c.readOnly() ? " (read-only)" : "");
        }, viewModel.connectionProperty(), viewModel.labelProperty(), viewModel.identityProperty(), viewModel.accountNameProperty()));
        showIcons(target);
        windows.add(viewModel);
        return controller;
    }

    /**
     * Gives a window Coffer's icons, decoded on another thread: the six sizes took the FX thread
     * some 100 ms before the first frame.
     */
    private void showIcons(Stage target) {
        if (icons == null) {
            icons = CompletableFuture.supplyAsync(App::readIcons);
        }
        icons.thenAccept(images -> Platform.runLater(() -> target.getIcons().setAll(images)));
    }

    private static List<Image> readIcons() {
        List<Image> images = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream icon = App.class.getResourceAsStream("/dev/coffer/icons/coffer-" + size + ".png")) {
                if (icon != null) {
                    images.add(new Image(icon));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return images;
    }

    /** Opens another window beside the others and connects it to what the user chooses. */
    private void newWindow(Connection connection) {
        Stage other = new Stage();
        MainViewModel otherModel = new MainViewModel(background);
        MainWindowController controller = build(other, otherModel, stage.getScene().getWidth() * 0.9, stage.getScene().getHeight() * 0.9);
        other.setX(stage.getX() + 40);
        other.setY(stage.getY() + 40);
        other.setOnHidden(e -> {
            windows.remove(otherModel);
            otherModel.close();
        });
        other.show();
        controller.split().setDividerPositions(settings.dividers);
        connections.open(new Connections.Target(other, otherModel), connection);
    }

    /** The first window's controller (for tests and the benchmark). */
    public MainWindowController window() {
        return window;
    }

    public MainViewModel model() {
        return model;
    }

    /** Every open window's state, the first window's first (for tests). */
    public List<MainViewModel> models() {
        return List.copyOf(windows);
    }

    public Stage stage() {
        return stage;
    }

    /** For tests: where "Open browser" sends the sign-in page instead of the system browser. */
    public void useBrowser(Consumer<String> opener) {
        this.browser = opener;
    }

    private void openInitialConnection() {
        Connections.Target first = new Connections.Target(stage, model);
        if (options.sandbox()) {
            connections.openSandbox(first, options.readOnly());
            return;
        }
        if (options.endpoint() != null && options.profile() == null) {
            String region = Optional.ofNullable(options.region()).orElse("us-east-1");
            connections.open(first, Connection.endpoint(options.endpoint(), region, options.readOnly()));
            return;
        }
        Profiles profiles = connections.profiles();
        Optional<String> profile = Optional.ofNullable(options.profile()).or(profiles::defaultProfileName);
        if (profile.isPresent()) {
            Connection connection = Connection.profile(profile.get(),
                    Optional.ofNullable(options.region()).or(() -> profiles.regionFor(profile.get())).orElse("us-east-1"),
                    options.endpoint(), options.readOnly());
            // A connection named on the command line opens as asked; the default one as last chosen.
            if (options.profile() == null) {
                openRemembered(first, connection);
            } else {
                connections.openProfile(first, connection);
            }
        } else if (profiles.isEmpty()) {
            // No AWS configuration at all: show a working console on the local sandbox.
            openRemembered(first, Connection.sandbox(options.readOnly()));
        } else {
            new Actions(first).connect();
        }
    }

    /** Opens a connection in audit mode when asked, or when it was last chosen in audit mode in the Connect dialog. */
    private void openRemembered(Connections.Target target, Connection requested) {
        connections.open(target, requested.withReadOnly(requested.readOnly() || settings.auditMode(requested)));
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
                    ProcessHandle.Info process = ProcessHandle.current().info();
                    long ms = process.startInstant()
                            .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
                    long cpu = process.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                    System.out.println("coffer: window ready " + ms + " ms after process start (" + cpu + " ms of CPU)");
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
        settings.secretColumns = window.shownSecretColumns();
        settings.save();
    }

    @Override
    public void stop() {
        // A secret value Coffer copied must not outlive it on the clipboard (clipboard managers keep it).
        ClipboardGuard.clearSecret();
        if (window != null) {
            saveGeometry();
        }
        List.copyOf(windows).forEach(MainViewModel::close);
        if (connections != null) {
            connections.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }

    /** What a window asks of the application. */
    private final class Actions implements MainWindowController.WindowActions {
        private final Connections.Target target;

        Actions(Connections.Target target) {
            this.target = target;
        }

        @Override
        public void connect() {
            chooseConnection(false, c -> connections.open(target, c));
        }

        @Override
        public void newWindow() {
            chooseConnection(true, App.this::newWindow);
        }

        @Override
        public List<Connection> recentConnections() {
            return new RecentConnections(settings).list();
        }

        @Override
        public void open(Connection connection) {
            connections.open(target, connection);
        }

        @Override
        public void openSandbox() {
            openRemembered(target, Connection.sandbox(false));
        }

        @Override
        public void setDarkTheme(boolean dark) {
            applyTheme(dark);
        }

        @Override
        public boolean remembersListings() {
            return settings.rememberListings;
        }

        @Override
        public void rememberListings(boolean on) {
            settings.rememberListings = on;
            settings.save();
            windows.forEach(w -> w.useListingCache(on ? ListingCache.inCofferHome() : null));
        }

        @Override
        public void forgetListings() {
            MainViewModel asking = target.model();
            ListingCache cache = ListingCache.inCofferHome();
            background.run(() -> {
                cache.clear();
                return null;
            }, cleared -> asking.statusProperty().set("Remembered listings forgotten."),
                    error -> asking.noticeProperty().set("Coffer could not delete the remembered listings in " + cache.folder() + "."));
        }

        @Override
        public void addSsoProfile() {
            connections.addSsoProfile(target);
        }

        @Override
        public void signInAgain() {
            connections.signInAgain(target);
        }

        @Override
        public List<ClientFactory> openConnections() {
            return windows.stream().map(MainViewModel::openConnection).filter(Objects::nonNull).map(OpenConnection::clients).toList();
        }

        @Override
        public void quit() {
            stage.close();
            Platform.exit();
        }

        /**
         * The Connect dialog; it shows and remembers the audit mode chosen for each connection.
         * Audit mode cannot be unticked in an audit window, nor anywhere when Coffer was started
         * with --audit; a new window opened from an audit window asks with audit mode ticked.
         */
        private void chooseConnection(boolean forNewWindow, Consumer<Connection> then) {
            ConnectViewModel dialog = new ConnectViewModel(connections.profiles().list(), target.model().connectionProperty().get(),
                    MotoServer.isInstalled());
            dialog.rememberAuditModes(settings::auditMode);
            boolean auditWindow = target.model().auditModeProperty().get();
            boolean locked = options.readOnly() || auditWindow && !forNewWindow;
            if (options.readOnly()) {
                dialog.lockAuditMode("Coffer was started in audit mode (--audit): every window is read-only.");
            } else if (locked) {
                dialog.lockAuditMode("This window is in audit mode, which it keeps. File → New window… opens one that can make changes.");
            } else if (auditWindow) {
                dialog.preferAuditMode();
            }
            ConnectController.open(target.stage(), dialog, chosen -> {
                // A locked box is no choice of the user's, so nothing is remembered from it.
                if (!locked) {
                    settings.rememberAuditMode(chosen);
                    settings.save();
                }
                then.accept(chosen);
            });
        }
    }
}
