package dev.coffer.parameters.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.FxBackground;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Crafted export files imported into a folder through the import view model, against moto. */
@WithMoto
class ImportParametersViewModelIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FOLDER = "/apps/invoicing";
    private static final String CANARY = "canary-import-5e1d77";

    private static ClientFactory clients;
    private static Background background;
    private static ParameterStore parameters;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(MotoServer moto) throws Exception {
        FxToolkit.registerPrimaryStage();
        clients = Moto.clients(moto, false);
        clients.ssm().putParameter(b -> b.name(FOLDER + "/ami").value("ami-0123456789abcdef0").type(ParameterType.STRING));
        background = new FxBackground();
        parameters = new ParameterStore(clients);
    }

    @AfterAll
    static void close() {
        background.shutdown();
        clients.close();
    }

    private ImportParametersViewModel previewed(Path file) {
        ImportParametersViewModel model = onFx(() -> new ImportParametersViewModel(background, parameters, FOLDER));
        onFx(() -> {
            model.fileProperty().set(file.toString());
            model.preview();
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> !model.busyProperty().get()));
        return model;
    }

    private static Map<String, ImportParametersViewModel.Row> rows(ImportParametersViewModel model) {
        return onFx(() -> model.rows().stream().collect(Collectors.toMap(ImportParametersViewModel.Row::name, r -> r)));
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
        Map<String, ImportParametersViewModel.Row> rows = rows(model);

        assertThat(rows).containsOnlyKeys(FOLDER + "/url", "/prod/db/password", FOLDER + "/../../prod/api/key", FOLDER + "/./config",
                FOLDER + "/token", FOLDER + "/ami");
        assertThat(rows.get(FOLDER + "/url").action()).isEqualTo(ImportParametersViewModel.Action.CREATE);
        assertThat(rows.get("/prod/db/password")).satisfies(r -> {
            assertThat(r.action()).isEqualTo(ImportParametersViewModel.Action.SKIP);
            assertThat(r.detail()).contains("outside " + FOLDER);
        });
        for (String dotted : new String[] {FOLDER + "/../../prod/api/key", FOLDER + "/./config"}) {
            assertThat(rows.get(dotted).action()).as(dotted).isEqualTo(ImportParametersViewModel.Action.SKIP);
            assertThat(rows.get(dotted).detail()).as(dotted).contains("\".\" or \"..\"");
        }
        assertThat(rows.get(FOLDER + "/token")).satisfies(r -> {
            assertThat(r.action()).isEqualTo(ImportParametersViewModel.Action.SKIP);
            assertThat(r.detail()).contains("marked secure").contains("never imported as String");
        });
        assertThat(rows.get(FOLDER + "/ami")).satisfies(r -> {
            assertThat(r.action()).isEqualTo(ImportParametersViewModel.Action.UPDATE);
            assertThat(r.detail()).contains("data type text → aws:ec2:image");
        });

        onFx(() -> {
            model.apply(names -> { });
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> model.appliedProperty().get()));
        assertThat(onFx(() -> model.messageProperty().get())).startsWith("Created 1, updated 1.");
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
            assertThat(onFx(() -> model.messageProperty().get())).as(file.toString())
                    .contains(file.getFileName().toString()).contains("larger than 10 MB");
            assertThat(onFx(() -> model.rows().isEmpty())).isTrue();
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

        String message = onFx(() -> model.messageProperty().get());
        assertThat(message).doesNotContain(CANARY).doesNotContain("canary").containsPattern("line 3, column \\d+");
        assertThat(onFx(() -> model.rows().isEmpty())).isTrue();
    }
}
