package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving a Secrets Manager secret through Parameter Store with the view model, against moto, without a window. */
@WithMoto
class SecretReferenceViewModelIT {

    private static final String SECRET = "reference/db";
    private static final String VALUE = "{\"username\":\"app\",\"password\":\"pa55-Reference!\"}";

    private static MotoServer moto;
    private final Background background = new SameThreadBackground();
    private final List<String> clipboard = new ArrayList<>();
    /** Whether the reveal log held the copy's line when the text reached the clipboard. */
    private final List<Boolean> loggedFirst = new ArrayList<>();
    private String previousHome;
    private Path log;

    @TempDir
    Path home;

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        try (ClientFactory clients = Moto.clients(moto, false)) {
            clients.secretsManager().createSecret(b -> b.name(SECRET).secretString(VALUE));
        }
    }

    @BeforeEach
    void ownRevealLog() {
        // Audit sessions log reveals in the Coffer home: this test's own.
        previousHome = System.setProperty("coffer.home", home.toString());
        log = home.resolve("audit-log.jsonl");
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("coffer.home", previousHome);
    }

    private ClientFactory clients(boolean audit) {
        return SessionClients.open(Sessions.local(Connection.endpoint(moto.endpoint(), "us-east-1", audit), moto.endpoint()));
    }

    private void toClipboard(String text) {
        clipboard.add(text);
        try {
            loggedFirst.add(Files.exists(log) && Files.readString(log).contains("\"action\":\"copy to clipboard\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theValueIsResolvedMaskedAndShownOnlyWhileRevealed() {
        try (ClientFactory clients = clients(false)) {
            SecretReferenceViewModel model = new SecretReferenceViewModel(background, clients, new ParameterStore(clients), SECRET);
            assertThat(model.referenceName().get()).isEqualTo("/aws/reference/secretsmanager/" + SECRET);
            model.toggleReveal();
            assertThat(model.revealedProperty().get()).as("nothing to reveal yet").isFalse();

            model.resolve();

            assertThat(model.resolvedProperty().get()).isTrue();
            assertThat(model.revealedProperty().get()).isFalse();
            assertThat(model.shownValueProperty().get()).as("masked").isEmpty();
            assertThat(model.messageProperty().get()).isEqualTo("Resolved through Parameter Store (" + VALUE.length() + " bytes).");
            model.toggleReveal();
            assertThat(model.shownValueProperty().get()).isEqualTo(VALUE);
            model.toggleReveal();
            assertThat(model.shownValueProperty().get()).isEmpty();

            model.copyValue(model.value().reveal(), this::toClipboard);
            assertThat(clipboard).containsExactly(VALUE);
            assertThat(model.messageProperty().get()).isEqualTo("Value copied; the clipboard is cleared in 30 seconds.");
            assertThat(log).as("outside audit mode nothing is logged").doesNotExist();

            model.secretIdProperty().set("reference/other");
            assertThat(model.resolvedProperty().get()).as("a value belongs to the id it was resolved for").isFalse();
            assertThat(model.value()).isNull();
            assertThat(model.referenceName().get()).isEqualTo("/aws/reference/secretsmanager/reference/other");
            model.secretIdProperty().set("  ");
            assertThat(model.canResolve().get()).isFalse();
        }
    }

    @Test
    void aSecretThatDoesNotExistIsSaidAndNothingIsResolved() {
        try (ClientFactory clients = clients(false)) {
            SecretReferenceViewModel model = new SecretReferenceViewModel(background, clients, new ParameterStore(clients), "reference/missing");

            model.resolve();

            assertThat(model.resolvedProperty().get()).isFalse();
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(model.messageProperty().get()).startsWith("Not found");
            assertThat(model.canResolve().get()).isTrue();
        }
    }

    @Test
    void inAuditModeTheCopyIsLoggedBeforeTheClipboardAndRefusedWhenItCannotBe() throws IOException {
        try (ClientFactory clients = clients(true)) {
            SecretReferenceViewModel model = new SecretReferenceViewModel(background, clients, new ParameterStore(clients), SECRET);
            model.resolve();
            assertThat(Files.readString(log)).as("the resolve itself is a read of the value")
                    .contains("\"action\":\"read value\"").contains(SECRET).doesNotContain(VALUE, "pa55");

            model.copyValue(VALUE, this::toClipboard);
            assertThat(clipboard).containsExactly(VALUE);
            assertThat(loggedFirst).containsExactly(true);

            Files.delete(log);
            Files.createDirectory(log);
            model.copyValue(VALUE, this::toClipboard);

            assertThat(clipboard).as("not copied again").hasSize(1);
            assertThat(model.messageProperty().get()).startsWith("Not copied: the audit log " + log).doesNotContain(VALUE);
        }
    }
}
