package dev.coffer.ui.shell;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.view.SecretReferenceViewModel;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Copying a revealed value, without a window: in audit mode the reveal log's line comes first, or nothing is copied. */
@WithMoto
class ValueCopyIT {

    private static final String NAME = "/value-copy/api/token";
    private static final String VALUE = "value-copy-canary-90d1";
    private static final String SECRET = "value-copy/db";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private Path log;
    private String previousHome;
    private Background background;
    private MainViewModel model;
    /** What reached the clipboard, and whether the log held the copy's line at that moment. */
    private final List<String> copied = new ArrayList<>();
    private final List<Boolean> loggedFirst = new ArrayList<>();

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
        FxToolkit.registerPrimaryStage();
        try (ClientFactory local = Moto.clients(moto, false)) {
            local.ssm().putParameter(b -> b.name(NAME).value(VALUE).type(ParameterType.SECURE_STRING).overwrite(true));
            local.secretsManager().createSecret(b -> b.name(SECRET).secretString(VALUE));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        // The reveal log of these sessions goes to a Coffer home of their own.
        home = Files.createTempDirectory(Path.of("target"), "value-copy-home").toAbsolutePath();
        log = home.resolve("audit-log.jsonl");
        previousHome = System.setProperty("coffer.home", home.toString());
        background = new FxBackground();
        model = onFx(() -> new MainViewModel(background));
    }

    @AfterEach
    void tearDown() throws Exception {
        onFx(() -> {
            model.close();
            return null;
        });
        background.shutdown();
        System.setProperty("coffer.home", previousHome);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void inAuditModeTheLogLineIsWrittenBeforeTheValueReachesTheClipboard(MotoServer moto) {
        reveal(moto, true);
        onFx(() -> {
            model.copyValue(VALUE, this::toClipboard);
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> !copied.isEmpty()));
        assertThat(onFx(() -> List.copyOf(copied))).containsExactly(VALUE);
        assertThat(onFx(() -> List.copyOf(loggedFirst))).containsExactly(true);
        assertThat(onFx(() -> model.statusProperty().get())).contains("cleared in 30 seconds");
    }

    @Test
    void inAuditModeACopyIsRefusedWhenItsLogLineCannotBeWritten(MotoServer moto) throws Exception {
        reveal(moto, true);
        Files.delete(log);
        Files.createDirectory(log);
        onFx(() -> {
            model.copyValue(VALUE, this::toClipboard);
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> model.problemProperty().get() != null));
        assertThat(onFx(() -> List.copyOf(copied))).isEmpty();
        assertThat(onFx(() -> model.problemProperty().get().text())).startsWith("Not copied: the audit log " + log)
                .contains("Is a directory").doesNotContain(VALUE);
    }

    @Test
    void withoutAuditModeTheValueIsCopiedAtOnceAndNothingIsLogged(MotoServer moto) {
        reveal(moto, false);
        List<String> atOnce = onFx(() -> {
            model.copyValue(VALUE, this::toClipboard);
            return List.copyOf(copied);
        });
        assertThat(atOnce).containsExactly(VALUE);
        assertThat(log).doesNotExist();
    }

    @Test
    void theSecretReferenceWindowLogsFirstAndRefusesTheSameWay(MotoServer moto) throws Exception {
        Connection connection = Connection.endpoint(moto.endpoint(), "us-east-1", true);
        try (ClientFactory clients = SessionClients.open(Sessions.local(connection, moto.endpoint()))) {
            SecretReferenceViewModel reference = onFx(() -> new SecretReferenceViewModel(background, clients, new ParameterStore(clients), SECRET));
            onFx(() -> {
                reference.resolve();
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> reference.resolvedProperty().get()));

            onFx(() -> {
                reference.copyValue(VALUE, this::toClipboard);
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> !copied.isEmpty()));
            assertThat(onFx(() -> List.copyOf(loggedFirst))).containsExactly(true);

            Files.delete(log);
            Files.createDirectory(log);
            onFx(() -> {
                reference.copyValue(VALUE, this::toClipboard);
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> reference.messageProperty().get().startsWith("Not copied")));
            assertThat(onFx(() -> List.copyOf(copied))).hasSize(1);
            assertThat(onFx(() -> reference.messageProperty().get())).contains(log.toString()).doesNotContain(VALUE);
        }
    }

    private void toClipboard(String text) {
        copied.add(text);
        try {
            loggedFirst.add(Files.exists(log) && Files.readString(log).contains("\"action\":\"copy to clipboard\""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens moto in the window's model, shows the parameter and reveals its value. */
    private void reveal(MotoServer moto, boolean audit) {
        Connection connection = Connection.endpoint(moto.endpoint(), "us-east-1", audit);
        onFx(() -> {
            model.open(Sessions.local(connection, moto.endpoint()));
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> !model.loadingProperty().get()));
        Parameter parameter = onFx(() -> model.openConnection().parameters().describe(NAME)).orElseThrow();
        onFx(() -> {
            model.details().show(parameter);
            model.details().reveal();
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> model.details().valueStateProperty().get() == DetailsViewModel.ValueState.REVEALED));
    }
}
