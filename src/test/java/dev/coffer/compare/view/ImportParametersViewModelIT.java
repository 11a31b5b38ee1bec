package dev.coffer.compare.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Export;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Export files imported into a folder through the import view model, against moto, without a window. */
@WithMoto
class ImportParametersViewModelIT {

    private static final String FOLDER = "/apps/invoicing";
    private static final String CANARY = "canary-import-5e1d77";
    private static final String SECURE_VALUE = "never-on-disk-4711";

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ParameterStore parameters;
    private final Background background = new SameThreadBackground();

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        clients.ssm().putParameter(b -> b.name(FOLDER + "/ami").value("ami-0123456789abcdef0").type(ParameterType.STRING));
        parameters = new ParameterStore(clients);
        put("/shop/exported/url", "https://shop.example.com", ParameterType.STRING, "Shop endpoint");
        put("/shop/exported/timeout", "60", ParameterType.STRING, "");
        put("/shop/exported/hosts", "a.example.com,b.example.com", ParameterType.STRING_LIST, "");
        put("/shop/exported/token", SECURE_VALUE, ParameterType.SECURE_STRING, "");
        put("/shop/imported/url", "https://shop.example.com", ParameterType.STRING, "Shop endpoint");
        put("/shop/imported/timeout", "15", ParameterType.STRING, "");
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static void put(String name, String value, ParameterType type, String description) {
        clients.ssm().putParameter(b -> {
            b.name(name).value(value).type(type).overwrite(true);
            if (!description.isEmpty()) {
                b.description(description);
            }
        });
    }

    private ImportParametersViewModel previewed(Path file) {
        return previewed(clients, file, FOLDER);
    }

    private ImportParametersViewModel previewed(ClientFactory connection, Path file, String folder) {
        ImportParametersViewModel model = new ImportParametersViewModel(background, connection, folder);
        model.fileProperty().set(file.toString());
        model.preview();
        return model;
    }

    private static Map<String, ImportParametersViewModel.PreviewRow> rows(ImportParametersViewModel model) {
        return model.rows().stream().collect(Collectors.toMap(ImportParametersViewModel.PreviewRow::name, r -> r));
    }

    private static boolean exists(String name) {
        return parameters.describe(name).isPresent();
    }

    private Path exported(String folder) throws IOException {
        Path file = dir.resolve("export.json");
        Export.folder(clients, folder, file, step -> { }, () -> false);
        return file;
    }

    @Test
    void aDryRunShowsWhatWouldChangeAndApplyDoesItIntoAnotherFolder() throws IOException {
        Path file = exported("/shop/exported");
        ImportParametersViewModel model = new ImportParametersViewModel(background, clients, "/shop/imported");
        assertThat(model.canPreview().get()).as("no file yet").isFalse();
        assertThat(model.canApply().get()).isFalse();
        assertThat(model.folderHint().get()).isEqualTo("The names move from the folder the file was exported from into this folder.");
        model.fileProperty().set(file.toString());
        assertThat(model.canPreview().get()).isTrue();

        model.preview();

        assertThat(model.fileFolderProperty().get()).isEqualTo("/shop/exported");
        assertThat(model.folderHint().get()).isEqualTo("The file was exported from /shop/exported; its names move into this folder.");
        assertThat(model.summary().get()).isEqualTo("1 to create · 1 to update · 1 unchanged · 1 skipped");
        assertThat(rows(model)).hasSize(4);
        assertThat(rows(model).get("/shop/imported/hosts").change()).isEqualTo(ImportParametersViewModel.Change.CREATE);
        assertThat(rows(model).get("/shop/imported/hosts").detail()).isEqualTo("StringList · Standard");
        assertThat(rows(model).get("/shop/imported/timeout").change()).isEqualTo(ImportParametersViewModel.Change.UPDATE);
        assertThat(rows(model).get("/shop/imported/timeout").detail()).startsWith("Changes value");
        assertThat(rows(model).get("/shop/imported/url").change()).isEqualTo(ImportParametersViewModel.Change.UNCHANGED);
        assertThat(rows(model).get("/shop/imported/token").change()).isEqualTo(ImportParametersViewModel.Change.SKIP);
        assertThat(rows(model).get("/shop/imported/token").detail()).isEqualTo("SecureString values are never exported; set this one in Coffer.");
        assertThat(model.messageProperty().get()).isEqualTo("Nothing has been changed yet: check the preview, then Apply.");
        assertThat(exists("/shop/imported/hosts")).as("a dry run").isFalse();
        assertThat(parameters.value("/shop/imported/timeout").reveal()).isEqualTo("15");
        assertThat(model.canUseFileFolder().get()).as("the file's own folder is offered").isTrue();
        assertThat(model.canApply().get()).isTrue();

        List<List<String>> changed = new ArrayList<>();
        model.apply(changed::add);

        assertThat(model.messageProperty().get()).isEqualTo("Created 1, updated 1.");
        assertThat(model.appliedProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.canApply().get()).as("applied once").isFalse();
        assertThat(changed).containsExactly(List.of("/shop/imported/hosts", "/shop/imported/timeout"));
        assertThat(parameters.value("/shop/imported/hosts").reveal()).isEqualTo("a.example.com,b.example.com");
        assertThat(clients.ssm().getParameter(b -> b.name("/shop/imported/hosts")).parameter().typeAsString()).isEqualTo("StringList");
        assertThat(parameters.value("/shop/imported/timeout").reveal()).isEqualTo("60");
        assertThat(exists("/shop/imported/token")).isFalse();

        model.preview();
        assertThat(model.summary().get()).as("compared once more").isEqualTo("0 to create · 0 to update · 3 unchanged · 1 skipped");
        assertThat(model.messageProperty().get()).isEqualTo("Parameter Store already matches the file; there is nothing to apply.");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void aFileNameTypedWithoutAFolderIsReadFromTheWorkingFolder() throws IOException {
        Path file = Path.of("target", "import-vm", "relative.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Export.folder(clients, "/shop/exported", file, step -> { }, () -> false);
        ImportParametersViewModel model = new ImportParametersViewModel(background, clients, "/shop/exported");
        model.fileProperty().set("target/import-vm/relative.json");

        model.preview();

        assertThat(model.summary().get()).isEqualTo("0 to create · 0 to update · 3 unchanged · 1 skipped");
    }

    @Test
    void changingTheFileOrTheFolderDiscardsThePreviewAndTheFilesOwnFolderCanBeChosen() throws IOException {
        Path file = exported("/shop/exported");
        ImportParametersViewModel model = previewed(clients, file, "/shop/elsewhere");
        assertThat(model.rows()).isNotEmpty();

        model.folderProperty().set("/shop/other");
        assertThat(model.rows()).isEmpty();
        assertThat(model.planProperty().get()).isNull();
        assertThat(model.summary().get()).isEmpty();
        assertThat(model.canApply().get()).isFalse();
        assertThat(model.canUseFileFolder().get()).isFalse();

        model.folderProperty().set("  ");
        assertThat(model.canPreview().get()).as("a folder is needed").isFalse();

        model.folderProperty().set("/shop/elsewhere");
        model.preview();
        model.useFileFolder();

        assertThat(model.folderProperty().get()).isEqualTo("/shop/exported");
        assertThat(model.summary().get()).as("previewed again at once").isEqualTo("0 to create · 0 to update · 3 unchanged · 1 skipped");
        assertThat(model.canUseFileFolder().get()).isFalse();

        model.fileProperty().set(dir.resolve("other.json").toString());
        assertThat(model.rows()).isEmpty();
        assertThat(model.fileFolderProperty().get()).isEmpty();
    }

    @Test
    void whatFailsWhileApplyingIsListedAndTheRestIsApplied() throws IOException {
        Path file = exported("/shop/exported");
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            ImportParametersViewModel model = previewed(readOnly, file, "/shop/refused");
            assertThat(model.summary().get()).isEqualTo("3 to create · 0 to update · 0 unchanged · 1 skipped");

            model.apply(names -> { });

            assertThat(model.messageProperty().get()).startsWith("Created 0, updated 0. 3 failed: /shop/refused/")
                    .contains("Read-only mode: PutParameter was not sent.");
            assertThat(model.appliedProperty().get()).isTrue();
        }
        assertThat(exists("/shop/refused/url")).isFalse();
    }

    @Test
    void thePreviewRefusesEveryEntryThatWouldLeaveTheFolderOrTurnASecureEntryPlain() throws IOException {
        Path file = Files.writeString(dir.resolve("crafted.json"), """
                {"coffer":"parameters","version":1,"path":"/apps/billing","parameters":[
                 {"name":"/apps/billing/url","type":"String","value":"https://billing.example.com"},
                 {"name":"/prod/db/password","type":"String","value":"from-the-file"},
                 {"name":"/apps/billing/../../prod/api/key","type":"String","value":"x"},
                 {"name":"/apps/billing/./config","type":"String","value":"x"},
                 {"name":"/apps/billing/token","type":"String","value":"plain-now","secure":true},
                 {"name":"/apps/billing/ami","type":"String","value":"ami-0123456789abcdef0","dataType":"aws:ec2:image"}]}
                """);

        ImportParametersViewModel model = previewed(file);
        Map<String, ImportParametersViewModel.PreviewRow> rows = rows(model);

        // Entries Coffer cannot use keep the names the file gives them.
        assertThat(rows).containsOnlyKeys(FOLDER + "/url", "/prod/db/password", "/apps/billing/../../prod/api/key",
                "/apps/billing/./config", "/apps/billing/token", FOLDER + "/ami");
        assertThat(rows.get(FOLDER + "/url").change()).isEqualTo(ImportParametersViewModel.Change.CREATE);
        assertThat(rows.get("/prod/db/password")).satisfies(r -> {
            assertThat(r.change()).isEqualTo(ImportParametersViewModel.Change.SKIP);
            assertThat(r.detail()).contains("Outside /apps/billing, the folder the file was exported from");
        });
        for (String dotted : new String[] {"/apps/billing/../../prod/api/key", "/apps/billing/./config"}) {
            assertThat(rows.get(dotted).change()).as(dotted).isEqualTo(ImportParametersViewModel.Change.SKIP);
            assertThat(rows.get(dotted).detail()).as(dotted).contains("\".\" or \"..\"");
        }
        assertThat(rows.get("/apps/billing/token")).satisfies(r -> {
            assertThat(r.change()).isEqualTo(ImportParametersViewModel.Change.SKIP);
            assertThat(r.detail()).contains("Marked secure").contains("never used as String");
        });
        assertThat(rows.get(FOLDER + "/ami")).satisfies(r -> {
            assertThat(r.change()).isEqualTo(ImportParametersViewModel.Change.UPDATE);
            assertThat(r.detail()).contains("data type text → aws:ec2:image");
        });

        model.apply(names -> { });
        assertThat(model.appliedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Created 1, updated 1.");
        assertThat(clients.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Path").option("Recursive").values("/prod")))
                .parameters()).as("nothing was created outside the folder").isEmpty();
        assertThat(clients.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(FOLDER + "/token")))
                .parameters()).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path justOver = dir.resolve("just-over.json");
        try (RandomAccessFile f = new RandomAccessFile(justOver.toFile(), "rw")) {
            f.setLength(10L * 1024 * 1024 + 1);
        }
        // Reading this one whole would fail for its size alone (more than a Java array holds).
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        for (Path file : new Path[] {justOver, huge}) {
            ImportParametersViewModel model = previewed(file);
            assertThat(model.messageProperty().get()).as(file.toString())
                    .contains(file.getFileName().toString()).contains("larger than 10 MB");
            assertThat(model.rows()).isEmpty();
            assertThat(model.busyProperty().get()).isFalse();
        }
    }

    @Test
    void aMalformedFileIsNamedByLineAndColumnWithoutQuotingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), """
                {"coffer":"parameters","version":1,"path":"/apps/billing","parameters":[
                 {"name":"/apps/billing/url","type":"String",
                  "value": %s-and-more}]}
                """.formatted(CANARY));

        ImportParametersViewModel model = previewed(file);

        String message = model.messageProperty().get();
        assertThat(message).doesNotContain(CANARY).doesNotContain("canary").containsPattern("line 3, column \\d+");
        assertThat(model.rows()).isEmpty();
    }
}
