package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Deleting one parameter or a folder through the view model, against moto, without a window. */
@WithMoto
class DeleteParametersViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ParameterStore parameters;
    private final Background background = new SameThreadBackground();

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
        for (String name : List.of("/single/old-endpoint", "/single/kept-endpoint", "/retired/app/db-host", "/retired/app/db-port",
                "/retired/feature-flag", "/retirement/policy", "/gone/soon", "/audited/value")) {
            clients.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING));
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static boolean exists(String name) {
        return parameters.describe(name).isPresent();
    }

    @Test
    void oneParameterIsDeletedAtOnceAndItsNeighbourStays() {
        DeleteParametersViewModel model = DeleteParametersViewModel.parameter(background, parameters,
                parameters.describe("/single/old-endpoint").orElseThrow());
        assertThat(model.folder()).isEmpty();
        assertThat(model.parameter()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("/single/old-endpoint"));
        assertThat(model.names()).containsExactly("/single/old-endpoint");
        assertThat(model.canDelete().get()).as("one parameter needs no typed confirmation").isTrue();

        List<DeleteParametersViewModel.Deleted> deleted = new ArrayList<>();
        model.delete(deleted::add);

        assertThat(deleted).singleElement().satisfies(d -> {
            assertThat(d.names()).containsExactly("/single/old-endpoint");
            assertThat(d.summary()).isEqualTo("Deleted 1 parameter.");
        });
        assertThat(exists("/single/old-endpoint")).isFalse();
        assertThat(exists("/single/kept-endpoint")).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFolderListsEveryNameBelowItAndIsDeletedOnlyOnceItsPathWasTyped() {
        DeleteParametersViewModel model = DeleteParametersViewModel.folder(background, parameters, "/retired");

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.names()).as("not the sibling /retirement")
                .containsExactly("/retired/app/db-host", "/retired/app/db-port", "/retired/feature-flag");
        assertThat(model.canDelete().get()).isFalse();
        model.confirmationProperty().set("/retire");
        assertThat(model.canDelete().get()).isFalse();
        model.confirmationProperty().set("/retired/");
        assertThat(model.canDelete().get()).as("exactly the path").isFalse();
        model.confirmationProperty().set("/retired");
        assertThat(model.canDelete().get()).isTrue();

        List<DeleteParametersViewModel.Deleted> deleted = new ArrayList<>();
        model.delete(deleted::add);

        assertThat(deleted).singleElement().satisfies(d -> assertThat(d.summary()).isEqualTo("Deleted 3 parameters."));
        for (String name : List.of("/retired/app/db-host", "/retired/app/db-port", "/retired/feature-flag")) {
            assertThat(exists(name)).as(name).isFalse();
        }
        assertThat(exists("/retirement/policy")).isTrue();
    }

    @Test
    void namesAlreadyGoneAreCountedApart() {
        DeleteParametersViewModel model = DeleteParametersViewModel.parameter(background, parameters,
                parameters.describe("/gone/soon").orElseThrow());
        clients.ssm().deleteParameter(b -> b.name("/gone/soon"));

        List<DeleteParametersViewModel.Deleted> deleted = new ArrayList<>();
        model.delete(deleted::add);

        assertThat(deleted).singleElement().satisfies(d -> {
            assertThat(d.alreadyGone()).containsExactly("/gone/soon");
            assertThat(d.summary()).isEqualTo("Deleted 0 parameters. 1 no longer existed.");
        });
    }

    @Test
    void anEmptyFolderHasNothingToDelete() {
        DeleteParametersViewModel model = DeleteParametersViewModel.folder(background, parameters, "/nothing");
        model.confirmationProperty().set("/nothing");

        assertThat(model.messageProperty().get()).isEqualTo("There is nothing in /nothing to delete.");
        assertThat(model.canDelete().get()).isFalse();
    }

    @Test
    void aRefusedDeleteIsExplainedAndNothingIsReportedDeleted() {
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            ParameterStore audited = new ParameterStore(readOnly);
            DeleteParametersViewModel model = DeleteParametersViewModel.parameter(background, audited,
                    audited.describe("/audited/value").orElseThrow());
            List<DeleteParametersViewModel.Deleted> deleted = new ArrayList<>();

            model.delete(deleted::add);

            assertThat(deleted).isEmpty();
            assertThat(model.messageProperty().get()).startsWith("Read-only mode: DeleteParameters was not sent.");
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(model.canDelete().get()).as("the user may try again").isTrue();
        }
        assertThat(exists("/audited/value")).isTrue();
    }
}
