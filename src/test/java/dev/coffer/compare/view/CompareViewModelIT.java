package dev.coffer.compare.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Direction;
import dev.coffer.compare.Outcome;
import dev.coffer.compare.Row;
import dev.coffer.compare.Status;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare window's state without a window: counts, filter, masked values and their reveal, and promoting. */
@WithMoto
class CompareViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ClientFactory readOnly;

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
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
        return compared(clients, target, root, false);
    }

    /** Compares root/staging on {@code source} (the window's connection) with root/prod on {@code target}. */
    private static CompareViewModel compared(ClientFactory source, ClientFactory target, String root, boolean readOnlyWindow) {
        CompareViewModel vm = new CompareViewModel(new SameThreadBackground(), List.of(source, target), readOnlyWindow, root + "/staging");
        vm.right().connectionProperty().set(target);
        vm.right().pathProperty().set(root + "/prod");
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
        assertThat(vm.count(Status.ONLY_RIGHT).get()).isZero();
        assertThat(vm.shownRows()).as("same rows hidden at first").extracting(Row::name).containsExactly("key", "new", "url");
        vm.shownStatuses().add(Status.SAME);
        assertThat(vm.shownRows()).extracting(Row::name).containsExactly("key", "new", "same", "url");
        vm.shownStatuses().remove(Status.DIFFERENT);
        assertThat(vm.shownRows()).extracting(Row::name).containsExactly("new", "same");
        vm.shownStatuses().add(Status.DIFFERENT);
        vm.filterProperty().set("UR");
        assertThat(vm.shownRows()).extracting(Row::name).containsExactly("url");
    }

    @Test
    void aFileSidesEntriesThatCannotBeUsedAreNamedWithTheResult(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("staging.json"), "{\"coffer\":\"parameters\",\"version\":1,"
                + "\"path\":\"/vm/staging\",\"parameters\":[{\"name\":\"/vm/staging/url\",\"type\":\"String\",\"value\":\"x\"},"
                + "{\"name\":\"/vm/staging/has space\",\"type\":\"String\",\"value\":\"x\"}]}");
        CompareViewModel vm = new CompareViewModel(new SameThreadBackground(), List.of(clients), false, "/vm/prod");
        vm.right().fileProperty().set(file);

        vm.compare();

        assertThat(vm.comparisonProperty().get().rows()).extracting(Row::name).contains("url");
        assertThat(vm.messageProperty().get()).contains("1 entry of the file could not be used and was left out: "
                + "/vm/staging/has space: Names can't contain spaces");
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
        assertThat(vm.rightText().get()).doesNotContain("Zq9");
        vm.reveal();
        assertThat(left.get()).contains("value: Zq9-staging-key");
        assertThat(vm.rightText().get()).contains("value: Zq9-prod-key");
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
    void aPlanTowardsAReadOnlySideIsRefusedWithTheReason() {
        CompareViewModel vm = compared(readOnly);

        vm.plan(List.of(row(vm, "url"), row(vm, "new")));

        assertThat(vm.planProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("is read-only (audit mode)");
        assertThat(vm.whyNotPromote().get()).contains("is read-only (audit mode)");
    }

    @Test
    void aReadOnlyWindowPromotesNothingEvenTowardsAWritableSide() {
        CompareViewModel vm = compared(readOnly, clients, "/vm", true);
        vm.includeValuesProperty().set(true);
        vm.compare();

        assertThat(vm.promoteOffered(Direction.LEFT_TO_RIGHT).get()).isFalse();
        assertThat(vm.promoteOffered(Direction.RIGHT_TO_LEFT).get()).isFalse();
        vm.plan(List.of(row(vm, "url")));
        assertThat(vm.planProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("This window is read-only (audit mode): it promotes nothing.");
    }

    @Test
    void bothSidesStartOnTheWindowsConnectionAndTheLeftOnTheFolderItWasOpenedFrom() {
        CompareViewModel vm = new CompareViewModel(new SameThreadBackground(), List.of(clients, readOnly), false, "/vm/staging");

        assertThat(vm.left().connectionProperty().get()).isSameAs(clients);
        assertThat(vm.right().connectionProperty().get()).isSameAs(clients);
        assertThat(vm.left().pathProperty().get()).isEqualTo("/vm/staging");
        assertThat(vm.right().pathProperty().get()).isEmpty();
        assertThat(vm.includeValuesProperty().get()).as("values compared in a window that can change things").isTrue();
        assertThat(vm.includeTagsProperty().get()).isTrue();
        assertThat(vm.shownStatuses()).doesNotContain(Status.SAME);
        assertThat(new CompareViewModel(new SameThreadBackground(), List.of(readOnly), true, "").includeValuesProperty().get())
                .as("in audit mode every value read is a logged reveal: metadata only at first").isFalse();
    }

    @Test
    void aSideWithoutAPathOrWithABadOneIsNamedAndKeptAsTyped() {
        CompareViewModel vm = new CompareViewModel(new SameThreadBackground(), List.of(clients), false, "vm/staging");
        vm.right().pathProperty().set("/vm/prod");

        vm.compare();
        assertThat(vm.messageProperty().get()).isEqualTo("Left side: A Parameter Store path starts with '/': 'vm/staging'.");
        assertThat(vm.left().pathProperty().get()).isEqualTo("vm/staging");
        assertThat(vm.comparisonProperty().get()).isNull();

        vm.left().pathProperty().set("/vm/staging");
        vm.right().pathProperty().set(" ");
        vm.compare();
        assertThat(vm.messageProperty().get()).isEqualTo("Right side: Name a Parameter Store path or a secret name prefix for each side.");
    }

    @Test
    void inAnAuditWindowRevealingARowReadsItsValuesThenAndTheRevealLogSaysSo(@TempDir Path home) throws Exception {
        String previousHome = System.setProperty("coffer.home", home.toString());
        try (ClientFactory audit = Moto.clients(moto, true)) {
            CompareViewModel vm = compared(audit, audit, "/vm", true);
            Path log = home.resolve("audit-log.jsonl");
            vm.selectedProperty().set(row(vm, "key"));
            assertThat(vm.leftText().get()).doesNotContain("Zq9");
            assertThat(Files.exists(log) ? Files.readString(log) : "").as("nothing read, nothing logged").doesNotContain("/vm/");

            vm.reveal();

            assertThat(vm.leftText().get()).contains("value: Zq9-staging-key");
            assertThat(vm.rightText().get()).contains("value: Zq9-prod-key");
            assertThat(Files.readString(log)).contains("/vm/staging/key", "/vm/prod/key", "read value").doesNotContain("Zq9");
        } finally {
            System.setProperty("coffer.home", previousHome);
        }
    }

    @Test
    void theTargetsKeysAreOfferedWithTheSameAliasFirstAndAKeyChosenIsThePlansKey() {
        String one = clients.kms().createKey(b -> b.description("vm one")).keyMetadata().keyId();
        clients.kms().createAlias(b -> b.aliasName("alias/vm-one").targetKeyId(one));
        String other = clients.kms().createKey(b -> b.description("vm other")).keyMetadata().keyId();
        clients.kms().createAlias(b -> b.aliasName("alias/vm-other").targetKeyId(other));
        clients.ssm().putParameter(b -> b.name("/vmk/staging/key").type("SecureString").value("Zq9-a").keyId("alias/vm-one"));
        CompareViewModel vm = compared(clients, "/vmk");

        assertThat(vm.targetKeys()).startsWith(CompareViewModel.SAME_ALIAS).contains("alias/vm-one", "alias/vm-other");
        vm.plan(List.of(row(vm, "key")));
        assertThat(vm.planProperty().get().items()).extracting(i -> i.targetKey().orElse("")).containsExactly("alias/vm-one");

        vm.targetKeyProperty().set("alias/vm-other");
        vm.plan(List.of(row(vm, "key")));
        assertThat(vm.planProperty().get().items()).extracting(i -> i.targetKey().orElse("")).containsExactly("alias/vm-other");
    }

    @Test
    void deletingWhatOnlyTheTargetHasNeedsItsRootTyped() {
        clients.ssm().putParameter(b -> b.name("/vmd/staging/kept").type("String").value("Zq9"));
        clients.ssm().putParameter(b -> b.name("/vmd/prod/retired").type("String").value("Zq9"));
        CompareViewModel vm = compared(clients, "/vmd");
        vm.deleteOnlyOnTargetProperty().set(true);
        vm.typedTargetRootProperty().set("/vmd/staging");

        vm.plan(List.of(row(vm, "retired")));
        assertThat(vm.planProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("To delete what only /vmd/prod holds, type that root exactly to confirm (not '/vmd/staging').");

        vm.typedTargetRootProperty().set("/vmd/prod");
        vm.plan(List.of(row(vm, "retired")));
        assertThat(vm.planProperty().get().items()).extracting(i -> i.action().jsonName() + " " + i.targetName())
                .containsExactly("delete /vmd/prod/retired");
    }

    @Test
    void thePlanThenItsResultsItemByItem() {
        clients.ssm().putParameter(b -> b.name("/vmp/staging/url").type("String").value("https://staging.example.com"));
        clients.ssm().putParameter(b -> b.name("/vmp/prod/url").type("String").value("https://www.example.com"));
        clients.ssm().putParameter(b -> b.name("/vmp/staging/new").type("String").value("only here"));
        CompareViewModel vm = compared(clients, "/vmp");
        assertThat(vm.promoteOffered(Direction.LEFT_TO_RIGHT).get()).isTrue();

        vm.plan(List.of(row(vm, "url"), row(vm, "new")));
        assertThat(vm.planProperty().get().items()).extracting(i -> i.action().jsonName() + " " + i.targetName())
                .containsExactly("update /vmp/prod/url", "create /vmp/prod/new");
        vm.apply();

        assertThat(vm.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DONE, Outcome.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("2 of 2 items done.");
        assertThat(vm.results()).extracting(r -> r.text()).containsExactly("updated, version 2", "created, version 1");
        assertThat(clients.ssm().getParameter(b -> b.name("/vmp/prod/url")).parameter().value()).isEqualTo("https://staging.example.com");
    }
}
