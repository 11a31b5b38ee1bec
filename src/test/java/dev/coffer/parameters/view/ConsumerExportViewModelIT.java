package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.ConsumerFormat;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Copy as… and Export as… through the view model, against moto, without a window. */
@WithMoto
class ConsumerExportViewModelIT {

    private static final String FOLDER = "/consumers/web";
    private static final int PLAIN = 23;
    private static final String SECURE_VALUE = "s3cure-only-when-asked-4711";

    private static MotoServer moto;
    private final Background background = new SameThreadBackground();
    private final List<String> plainCopies = new ArrayList<>();
    private final List<String> secretCopies = new ArrayList<>();
    private String previousHome;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        try (ClientFactory clients = Moto.clients(moto, false)) {
            for (int i = 0; i < PLAIN; i++) {
                int n = i;
                clients.ssm().putParameter(b -> b.name(FOLDER + "/feature/flag-" + n).value("enabled-" + n).type(ParameterType.STRING));
            }
            clients.ssm().putParameter(b -> b.name(FOLDER + "/db/password").value(SECURE_VALUE).type(ParameterType.SECURE_STRING));
            clients.ssm().putParameter(b -> b.name(FOLDER + "/api.key").value(SECURE_VALUE + "-2").type(ParameterType.SECURE_STRING));
            clients.ssm().putParameter(b -> b.name("/consumers/webshop/other").value("not in the folder").type(ParameterType.STRING));
        }
    }

    @BeforeEach
    void ownRevealLog() {
        // Audit sessions log reveals in the Coffer home: this test's own.
        previousHome = System.setProperty("coffer.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("coffer.home");
        } else {
            System.setProperty("coffer.home", previousHome);
        }
    }

    private static ClientFactory clients(boolean audit) {
        return SessionClients.open(Sessions.local(Connection.endpoint(moto.endpoint(), "us-east-1", audit), moto.endpoint()));
    }

    private ConsumerExportViewModel model(ClientFactory clients) {
        ConsumerExportViewModel model = new ConsumerExportViewModel(background, clients, new ParameterStore(clients), FOLDER, dir);
        clients.calls().reset();
        return model;
    }

    private static long valueReads(ClientFactory clients) {
        return clients.calls().count("GetParameters") + clients.calls().count("GetParameter")
                + clients.calls().count("GetParametersByPath") + clients.calls().count("GetParameterHistory");
    }

    @Test
    void referenceFormatsNameEveryParameterAndReadNoValue() {
        try (ClientFactory clients = clients(false)) {
            ConsumerExportViewModel model = model(clients);
            assertThat(model.parameters()).hasSize(PLAIN + 2);

            model.formatProperty().set(ConsumerFormat.CLOUDFORMATION);
            assertThat(model.contents().get()).isEqualTo("25 references by name only: no value is read, copied or written.");
            model.copy(plainCopies::add, secretCopies::add);
            model.formatProperty().set(ConsumerFormat.TERRAFORM);
            model.copy(plainCopies::add, secretCopies::add);

            assertThat(valueReads(clients)).as("references never need a value").isZero();
            assertThat(secretCopies).as("nothing secret reached the clipboard").isEmpty();
            assertThat(plainCopies).hasSize(2);
            assertThat(plainCopies.get(0)).contains("DB_PASSWORD: '{{resolve:ssm-secure:" + FOLDER + "/db/password}}'",
                    "API_KEY: '{{resolve:ssm-secure:" + FOLDER + "/api.key}}'").doesNotContain("webshop");
            assertThat(plainCopies.get(0).lines()).hasSize(PLAIN + 2);
            assertThat(plainCopies.get(1)).contains("data \"aws_ssm_parameter\" \"db_password\" {\n  name = \"" + FOLDER + "/db/password\"\n}");
            assertThat(model.messageProperty().get()).isEqualTo("Copied 25 parameters as Terraform data blocks.");
        }
    }

    @Test
    void valueFormatsSayTheyHoldValuesReadThemTenACallAndLeaveSecureStringsOut() {
        try (ClientFactory clients = clients(false)) {
            ConsumerExportViewModel model = model(clients);
            List<Double> progress = new ArrayList<>();
            model.progressProperty().addListener((o, before, now) -> progress.add(now.doubleValue()));

            assertThat(model.contents().get()).isEqualTo("Holds the values of 23 parameters in plain text. 2 SecureStrings are left out.");
            model.copy(plainCopies::add, secretCopies::add);

            assertThat(clients.calls().count("GetParameters")).as("23 values, 10 a call").isEqualTo(3);
            assertThat(valueReads(clients)).isEqualTo(3);
            assertThat(progress).filteredOn(p -> p > 0).hasSize(3).last().isEqualTo(1.0);
            assertThat(plainCopies).as("values go through the clipboard guard").isEmpty();
            assertThat(secretCopies).hasSize(1);
            assertThat(secretCopies.get(0)).contains("FEATURE_FLAG_0=\"enabled-0\"").doesNotContain(SECURE_VALUE, "DB_PASSWORD");
            assertThat(secretCopies.get(0).lines()).hasSize(PLAIN);
            assertThat(model.messageProperty().get()).isEqualTo("Copied 23 parameters as .env file; the clipboard is cleared in 30 seconds.");
        }
    }

    @Test
    void secureStringsGoInOnlyWhenTickedDecryptedAndTheFileIsTheOwnersOnly() throws IOException {
        try (ClientFactory clients = clients(false)) {
            ConsumerExportViewModel model = model(clients);
            model.formatProperty().set(ConsumerFormat.SHELL);
            assertThat(model.fileProperty().get()).as("named after the folder and format").isEqualTo(dir.resolve("consumers-web.sh").toString());

            model.includeSecureProperty().set(true);
            assertThat(model.contents().get()).isEqualTo("Holds the values of 25 parameters in plain text, 2 SecureStrings among them, decrypted.");
            model.export();

            Path file = dir.resolve("consumers-web.sh");
            assertThat(Files.readString(file)).contains("export DB_PASSWORD='" + SECURE_VALUE + "'", "export API_KEY='" + SECURE_VALUE + "-2'");
            assertThat(Files.readString(file).lines()).hasSize(PLAIN + 2);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(clients.calls().count("GetParameters")).as("25 values, 10 a call").isEqualTo(3);
            assertThat(model.messageProperty().get()).isEqualTo("Wrote 25 parameters as Shell export lines to " + file + ".");
            assertThat(model.fileWarning().get()).isEqualTo("The file exists and will be replaced.");
        }
    }

    @Test
    void inAuditModeEveryValueReadAndCopiedIsLoggedNeverTheValue() throws IOException {
        try (ClientFactory clients = clients(true)) {
            ConsumerExportViewModel model = model(clients);
            model.formatProperty().set(ConsumerFormat.JSON);
            model.includeSecureProperty().set(true);
            assertThat(model.contents().get()).endsWith("decrypted (each read is logged as a reveal).");

            model.copy(plainCopies::add, secretCopies::add);

            assertThat(secretCopies).hasSize(1);
            assertThat(secretCopies.get(0)).contains("\"DB_PASSWORD\": \"" + SECURE_VALUE + "\"");
            String log = Files.readString(dir.resolve("home").resolve("audit-log.jsonl"));
            assertThat(log.lines().filter(l -> l.contains("\"action\":\"read value\""))).hasSize(PLAIN + 2);
            assertThat(log.lines().filter(l -> l.contains("\"action\":\"copy to clipboard\""))).hasSize(PLAIN + 2);
            assertThat(log).contains(FOLDER + "/db/password").doesNotContain(SECURE_VALUE, "enabled-");
        }
    }

    @Test
    void cancelBetweenBatchesStopsTheReadsAndNothingIsCopied() {
        try (ClientFactory clients = clients(false)) {
            ConsumerExportViewModel model = model(clients);
            model.progressProperty().addListener((o, before, now) -> {
                if (now.doubleValue() > 0) {
                    model.cancel();
                }
            });

            model.copy(plainCopies::add, secretCopies::add);

            assertThat(clients.calls().count("GetParameters")).as("the first batch only").isEqualTo(1);
            assertThat(secretCopies).isEmpty();
            assertThat(plainCopies).isEmpty();
            assertThat(model.messageProperty().get()).isEqualTo("Cancelled: nothing was copied or written.");
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(model.progressProperty().get()).isEqualTo(-1.0);
        }
    }
}
