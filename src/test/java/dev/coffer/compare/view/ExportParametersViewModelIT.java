package dev.coffer.compare.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Exporting a folder through the view model, against moto, without a window. */
@WithMoto
class ExportParametersViewModelIT {

    private static final String SECURE_VALUE = "never-on-disk-4711";
    private static ClientFactory clients;
    private final Background background = new SameThreadBackground();

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        clients.ssm().putParameter(b -> b.name("/shop/url").value("https://shop.example.com").type(ParameterType.STRING)
                .description("Shop endpoint"));
        clients.ssm().putParameter(b -> b.name("/shop/timeout").value("60").type(ParameterType.STRING));
        clients.ssm().putParameter(b -> b.name("/shop/hosts").value("a.example.com,b.example.com").type(ParameterType.STRING_LIST));
        clients.ssm().putParameter(b -> b.name("/shop/db/token").value(SECURE_VALUE).type(ParameterType.SECURE_STRING));
        clients.ssm().putParameter(b -> b.name("/shopping/list").value("not in /shop").type(ParameterType.STRING));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void listsTheFolderThenWritesAFileOnlyItsOwnerReadsWithoutSecureValues() throws IOException {
        ExportParametersViewModel model = new ExportParametersViewModel(background, clients, "/shop", dir);

        assertThat(model.fileProperty().get()).as("named after the folder").isEqualTo(dir.resolve("shop-parameters.json").toString());
        assertThat(model.parameters()).extracting(Parameter::name)
                .containsExactly("/shop/db/token", "/shop/hosts", "/shop/timeout", "/shop/url");
        assertThat(model.summary().get()).isEqualTo("4 parameters · 1 SecureString without a value");
        assertThat(model.fileWarning().get()).isEmpty();
        assertThat(model.canExport().get()).isTrue();

        model.export();

        Path file = dir.resolve("shop-parameters.json");
        assertThat(model.messageProperty().get()).isEqualTo("Exported 4 parameters of /shop to " + file + ".");
        String json = Files.readString(file);
        assertThat(json).contains("/shop/url", "/shop/db/token", "https://shop.example.com", "Shop endpoint")
                .doesNotContain(SECURE_VALUE, "/shopping/list");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("an export holds values").isEqualTo("rw-------");
    }

    @Test
    void aFolderIsNotAFileAndAnEmptyNameIsNone() {
        ExportParametersViewModel model = new ExportParametersViewModel(background, clients, "/shop", dir);

        model.fileProperty().set(dir.toString());
        assertThat(model.fileWarning().get()).isEqualTo("This is a folder; type a file name.");
        assertThat(model.canExport().get()).isFalse();

        model.fileProperty().set("   ");
        assertThat(model.canExport().get()).isFalse();

        model.fileProperty().set(dir.resolve("shop.json").toString());
        assertThat(model.canExport().get()).isTrue();
        assertThat(model.fileWarning().get()).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedAfterAWarning() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        ExportParametersViewModel model = new ExportParametersViewModel(background, clients, "/shop", dir);
        model.fileProperty().set(existing.toString());

        assertThat(model.fileWarning().get()).isEqualTo("The file exists and will be replaced.");
        assertThat(model.canExport().get()).isTrue();
        model.export();
        assertThat(Files.readString(existing)).contains("/shop/url");
    }

    @Test
    void aFileNameTypedWithoutAFolderIsTakenFromTheWorkingFolder() throws IOException {
        Path expected = Path.of("target", "export-vm", "relative.json").toAbsolutePath();
        Files.createDirectories(expected.getParent());
        Files.deleteIfExists(expected);
        ExportParametersViewModel model = new ExportParametersViewModel(background, clients, "/shop", dir);
        model.fileProperty().set("target/export-vm/relative.json");

        model.export();

        assertThat(model.messageProperty().get()).isEqualTo("Exported 4 parameters of /shop to " + expected + ".");
        assertThat(Files.readString(expected)).contains("/shop/url");
    }

    @Test
    void theRootFolderAndAnEmptyFolder() {
        ExportParametersViewModel root = new ExportParametersViewModel(background, clients, "/", dir);
        assertThat(root.fileProperty().get()).isEqualTo(dir.resolve("parameters.json").toString());
        assertThat(root.parameters()).hasSize(5);

        ExportParametersViewModel empty = new ExportParametersViewModel(background, clients, "/nothing/here", dir);
        assertThat(empty.messageProperty().get()).isEqualTo("There is nothing in /nothing/here to export.");
        assertThat(empty.summary().get()).isEqualTo("0 parameters");
        assertThat(empty.canExport().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAndTheWindowStaysUsable() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = notAFolder.resolve("export.json");
        ExportParametersViewModel model = new ExportParametersViewModel(background, clients, "/shop", dir);
        model.fileProperty().set(target.toString());

        model.export();

        assertThat(model.messageProperty().get()).startsWith("The file could not be used: ").contains(notAFolder.toString());
        assertThat(Files.exists(target)).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canExport().get()).isTrue();
    }
}
