package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.view.SecretReferenceViewModel;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.DirectRowFeeds;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Copying a revealed value, without a window or the FX toolkit: in audit mode the reveal log's line
 * comes first, or nothing is copied.
 */
@WithMoto
class ValueCopyIT {

    private static final String NAME = "/value-copy/api/token";
    private static final String VALUE = "value-copy-canary-90d1";
    private static final String SECRET = "value-copy/db";

    private Path home;
    private Path log;
    private String previousHome;
    private final SameThreadBackground background = new SameThreadBackground();
    private MainViewModel model;
    /** What reached the clipboard, and whether the log held the copy's line at that moment. */
    private final List<String> copied = new ArrayList<>();
    private final List<Boolean> loggedFirst = new ArrayList<>();

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
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
        model = new MainViewModel(background, new DirectRowFeeds());
    }

    @AfterEach
    void tearDown() throws Exception {
        model.close();
        System.setProperty("coffer.home", previousHome);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void inAuditModeTheLogLineIsWrittenBeforeTheValueReachesTheClipboard(MotoServer moto) {
        reveal(moto, true);
        model.copyValue(VALUE, this::toClipboard);
        assertThat(copied).containsExactly(VALUE);
        assertThat(loggedFirst).containsExactly(true);
        assertThat(model.statusProperty().get()).contains("cleared in 30 seconds");
    }

    @Test
    void inAuditModeACopyIsRefusedWhenItsLogLineCannotBeWritten(MotoServer moto) throws Exception {
        reveal(moto, true);
        Files.delete(log);
        Files.createDirectory(log);
        model.copyValue(VALUE, this::toClipboard);
        assertThat(copied).isEmpty();
        assertThat(model.problemProperty().get().text()).startsWith("Not copied: the audit log " + log)
                .contains("Is a directory").doesNotContain(VALUE);
    }

    @Test
    void withoutAuditModeTheValueIsCopiedAtOnceAndNothingIsLogged(MotoServer moto) {
        reveal(moto, false);
        model.copyValue(VALUE, this::toClipboard);
        assertThat(copied).containsExactly(VALUE);
        assertThat(log).doesNotExist();
    }

    @Test
    void aValueNotRevealedIsNotCopied(MotoServer moto) {
        reveal(moto, false);
        model.details().toggleReveal();
        model.copyValue(VALUE, this::toClipboard);
        assertThat(copied).isEmpty();
    }

    @Test
    void theSecretReferenceWindowLogsFirstAndRefusesTheSameWay(MotoServer moto) throws Exception {
        Connection connection = Connection.endpoint(moto.endpoint(), "us-east-1", true);
        try (ClientFactory clients = SessionClients.open(Sessions.local(connection, moto.endpoint()))) {
            SecretReferenceViewModel reference = new SecretReferenceViewModel(background, clients, new ParameterStore(clients), SECRET);
            reference.resolve();
            assertThat(reference.resolvedProperty().get()).isTrue();

            reference.copyValue(VALUE, this::toClipboard);
            assertThat(loggedFirst).containsExactly(true);

            Files.delete(log);
            Files.createDirectory(log);
            reference.copyValue(VALUE, this::toClipboard);
            assertThat(reference.messageProperty().get()).startsWith("Not copied").contains(log.toString()).doesNotContain(VALUE);
            assertThat(copied).hasSize(1);
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
        model.open(Sessions.local(connection, moto.endpoint()));
        Parameter parameter = model.openConnection().parameters().describe(NAME).orElseThrow();
        model.selectionProperty().set(new Selection.ParameterSelection(parameter));
        model.details().reveal();
        assertThat(model.details().valueStateProperty().get()).isEqualTo(DetailsViewModel.ValueState.REVEALED);
    }
}
