package dev.coffer.usage.view;

import static dev.coffer.usage.UsageSeed.DB_HOST;
import static dev.coffer.usage.UsageSeed.FUNCTION;
import static dev.coffer.usage.UsageSeed.GOLDEN_X86;
import static dev.coffer.usage.UsageSeed.JSON_STACK;
import static dev.coffer.usage.UsageSeed.SECRET;
import static dev.coffer.usage.UsageSeed.UNUSED;
import static dev.coffer.usage.UsageSeed.WEB_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.HeldBackground;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.UsageSeed;
import dev.coffer.usage.view.WhereUsedViewModel.Row;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Where used window's model against moto, without the FX toolkit: lookups, the connection's cache, Refresh, Cancel, what could not be read. */
@WithMoto
class WhereUsedViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static String secretArn;

    /** The shell's cache of the connection's scan, as the main window holds it. */
    private final ObjectProperty<ConsumerIndex> cache = new SimpleObjectProperty<>();

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        // Audit mode: a read-only session's clients refuse every change, and Where used still works.
        clients = Moto.clients(moto, true);
        try (ClientFactory writer = Moto.clients(moto, false)) {
            secretArn = UsageSeed.seed(moto, writer);
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @BeforeEach
    void countFromHere() {
        clients.calls().reset();
    }

    private WhereUsedViewModel open(WhereUsedViewModel.Subject subject) {
        WhereUsedViewModel model = new WhereUsedViewModel(new SameThreadBackground(), clients, cache, subject);
        model.start();
        return model;
    }

    @Test
    void aParameterListsItsConsumersWithKindResourceLocationAndVersionNote() {
        WhereUsedViewModel model = open(WhereUsedViewModel.Subject.parameter(GOLDEN_X86));

        assertThat(model.rows()).extracting(Row::kind, Row::resource, Row::location, Row::version).contains(
                org.assertj.core.groups.Tuple.tuple("CloudFormation stack", JSON_STACK, "Parameters.ImageId", "follows the latest version"),
                org.assertj.core.groups.Tuple.tuple("EC2 launch template", "batch", "version 1 (default and latest) ImageId",
                        "pinned to version 1, will not follow updates"));
        assertThat(model.rows()).extracting(Row::resource).contains(WEB_TEMPLATE);
        assertThat(model.countProperty().get()).isEqualTo("Used by " + model.rows().size() + " consumers");
        assertThat(model.unreadProperty().get()).isEmpty();
        assertThat(model.scanningProperty().get()).isFalse();
        assertThat(cache.get()).as("the connection's cache holds the scan").isNotNull();
    }

    @Test
    void aFolderListsTheConsumersOfEverythingUnderItAndNamesWhatEachReads() {
        WhereUsedViewModel model = open(WhereUsedViewModel.Subject.folder("/apps/web"));

        assertThat(model.rows()).extracting(Row::reads).contains(DB_HOST).allMatch(name -> name.startsWith("/apps/web/"));
        assertThat(model.rows()).extracting(Row::resource).contains("arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION);
    }

    @Test
    void aSecretListsItsConsumersAndTheCopyTextIsTheResourceNotAValue() {
        WhereUsedViewModel model = open(WhereUsedViewModel.Subject.secret(secretArn, SECRET));

        assertThat(model.rows()).extracting(Row::resource).contains(UsageSeed.YAML_STACK,
                "arn:aws:lambda:us-east-1:123456789012:function:" + UsageSeed.ROTATION_FUNCTION);
        assertThat(model.rows()).extracting(Row::copyText).containsExactlyElementsOf(model.rows().stream().map(Row::resource).toList())
                .noneMatch(text -> text.contains(UsageSeed.MARK));
    }

    @Test
    void nothingFoundIsSaidPlainly() {
        WhereUsedViewModel model = open(WhereUsedViewModel.Subject.parameter("/apps/web/password"));

        assertThat(model.rows()).isEmpty();
        assertThat(model.countProperty().get()).isEqualTo("No consumer found in the scanned services");
    }

    @Test
    void oneScanServesEveryLookupOfTheConnection() {
        open(WhereUsedViewModel.Subject.parameter(GOLDEN_X86));
        long afterFirst = clients.calls().snapshot().values().stream().mapToLong(Long::longValue).sum();
        assertThat(afterFirst).isPositive();

        WhereUsedViewModel second = open(WhereUsedViewModel.Subject.secret(secretArn, SECRET));
        WhereUsedViewModel third = open(WhereUsedViewModel.Subject.folder("/golden-ami"));

        assertThat(clients.calls().snapshot().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(afterFirst);
        assertThat(second.rows()).isNotEmpty();
        assertThat(third.rows()).isNotEmpty();
    }

    @Test
    void refreshScansAgainAndFindsWhatChangedSince() {
        WhereUsedViewModel model = open(WhereUsedViewModel.Subject.parameter(UNUSED));
        assertThat(model.rows()).isEmpty();
        ConsumerIndex first = cache.get();

        try (ClientFactory writer = Moto.clients(moto, false)) {
            writer.ssm().putParameter(b -> b.name("/apps/unused/pointer").type("String").value(UNUSED));
            clients.calls().reset();
            model.refresh();
        } finally {
            try (ClientFactory writer = Moto.clients(moto, false)) {
                writer.ssm().deleteParameter(b -> b.name("/apps/unused/pointer"));
            }
        }

        assertThat(clients.calls().count("GetTemplate")).as("a new scan").isPositive();
        assertThat(cache.get()).isNotSameAs(first);
        assertThat(model.rows()).extracting(Row::resource).containsExactly("/apps/unused/pointer");
    }

    @Test
    void cancelStopsTheScanKeepsNoIndexAndSaysSo() {
        HeldBackground held = new HeldBackground();
        WhereUsedViewModel model = new WhereUsedViewModel(held, clients, cache, WhereUsedViewModel.Subject.parameter(GOLDEN_X86));
        model.start();
        assertThat(model.scanningProperty().get()).isTrue();

        model.cancel();
        held.runAll();

        assertThat(model.scanningProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty();
        assertThat(cache.get()).isNull();
        assertThat(model.statusProperty().get()).isEqualTo("The scan was cancelled. Refresh scans again.");
    }

    @Test
    void whatCouldNotBeReadIsSaidAndTheRestStillAnswers() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint());
             ClientFactory proxied = proxy.clients(true)) {
            proxy.inject(FaultRule.of(Fault.EXPIRED_TOKEN).on("ListTaskDefinitionFamilies"));
            WhereUsedViewModel model = new WhereUsedViewModel(new SameThreadBackground(), proxied, cache,
                    WhereUsedViewModel.Subject.parameter(GOLDEN_X86));
            model.start();

            assertThat(model.unreadProperty().get()).startsWith("Not read, so consumers there are not listed:")
                    .contains("ECS task definitions could not be read");
            assertThat(model.rows()).extracting(Row::resource).contains(JSON_STACK, WEB_TEMPLATE);
        }
    }
}
