package dev.coffer.compare.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Direction;
import dev.coffer.compare.Outcome;
import dev.coffer.compare.PlanOptions;
import dev.coffer.compare.Row;
import dev.coffer.compare.Side;
import dev.coffer.compare.Status;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compare window's state without a window: counts, filter, masked values and their reveal, and promoting. */
@WithMoto
class CompareViewModelIT {

    private static ClientFactory clients;
    private static ClientFactory readOnly;

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        readOnly = Moto.clients(moto, true);
        clients.ssm().putParameter(b -> b.name("/vm/staging/url").type("String").value("https://staging.example.com"));
        clients.ssm().putParameter(b -> b.name("/vm/prod/url").type("String").value("https://www.example.com"));
        clients.ssm().putParameter(b -> b.name("/vm/staging/key").type("SecureString").value("Zq9-staging-key"));
        clients.ssm().putParameter(b -> b.name("/vm/prod/key").type("SecureString").value("Zq9-prod-key"));
        clients.ssm().putParameter(b -> b.name("/vm/staging/same").type("String").value("alike"));
        clients.ssm().putParameter(b -> b.name("/vm/prod/same").type("String").value("alike"));
        clients.ssm().putParameter(b -> b.name("/vm/staging/new").type("String").value("only here"));
    }

    @AfterAll
    static void close() {
        clients.close();
        readOnly.close();
    }

    private static CompareViewModel compared(ClientFactory target) {
        return compared(target, "/vm");
    }

    private static CompareViewModel compared(ClientFactory target, String root) {
        CompareViewModel vm = new CompareViewModel(new SameThreadBackground());
        vm.leftProperty().set(new Side.Live(clients, Optional.of(root + "/staging"), Optional.empty()));
        vm.rightProperty().set(new Side.Live(target, Optional.of(root + "/prod"), Optional.empty()));
        vm.compare();
        return vm;
    }

    private static Row row(CompareViewModel vm, String name) {
        return vm.comparisonProperty().get().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsAndTheFilterFollowTheComparison() {
        CompareViewModel vm = compared(clients);

        assertThat(vm.count(Status.DIFFERENT).get()).isEqualTo(2);
        assertThat(vm.count(Status.SAME).get()).isEqualTo(1);
        assertThat(vm.count(Status.ONLY_LEFT).get()).isEqualTo(1);
        vm.shownStatuses().remove(Status.SAME);
        assertThat(vm.shownRows()).extracting(Row::name).containsExactly("key", "new", "url");
        vm.filterProperty().set("UR");
        assertThat(vm.shownRows()).extracting(Row::name).containsExactly("url");
    }

    @Test
    void aStringValueShowsAndASecureStringStaysMaskedUntilItsRowIsRevealed() {
        CompareViewModel vm = compared(clients);
        var left = vm.leftText();

        vm.selectedProperty().set(row(vm, "url"));
        assertThat(CompareViewModel.masked(row(vm, "url"))).isFalse();
        assertThat(left.get()).contains("value: https://staging.example.com");

        vm.selectedProperty().set(row(vm, "key"));
        assertThat(CompareViewModel.masked(row(vm, "key"))).isTrue();
        assertThat(left.get()).contains("value: " + CompareViewModel.MASK).doesNotContain("Zq9");
        vm.revealedProperty().set(true);
        assertThat(left.get()).contains("value: Zq9-staging-key");
        vm.selectedProperty().set(row(vm, "url"));
        vm.selectedProperty().set(row(vm, "key"));
        assertThat(left.get()).as("masked again once another row was selected").doesNotContain("Zq9");
    }

    @Test
    void promotingIsNotOfferedTowardsAReadOnlySide() {
        assertThat(compared(readOnly).promoteOffered(Direction.LEFT_TO_RIGHT).get()).isFalse();
        assertThat(compared(readOnly).promoteOffered(Direction.RIGHT_TO_LEFT).get()).isTrue();
    }

    @Test
    void thePlanThenItsResultsItemByItem() {
        clients.ssm().putParameter(b -> b.name("/vmp/staging/url").type("String").value("https://staging.example.com"));
        clients.ssm().putParameter(b -> b.name("/vmp/prod/url").type("String").value("https://www.example.com"));
        clients.ssm().putParameter(b -> b.name("/vmp/staging/new").type("String").value("only here"));
        CompareViewModel vm = compared(clients, "/vmp");
        assertThat(vm.promoteOffered(Direction.LEFT_TO_RIGHT).get()).isTrue();

        vm.plan(List.of(row(vm, "url"), row(vm, "new")), PlanOptions.leftToRight());
        assertThat(vm.planProperty().get().items()).extracting(i -> i.action().jsonName() + " " + i.targetName())
                .containsExactly("update /vmp/prod/url", "create /vmp/prod/new");
        vm.apply();

        assertThat(vm.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DONE, Outcome.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("2 of 2 items done.");
        assertThat(clients.ssm().getParameter(b -> b.name("/vmp/prod/url")).parameter().value()).isEqualTo("https://staging.example.com");
    }
}
