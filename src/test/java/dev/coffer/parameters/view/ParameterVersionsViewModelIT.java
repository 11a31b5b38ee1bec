package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterVersion;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.controls.Comparison;
import dev.coffer.ui.kit.versions.VersionBrowserViewModel;
import dev.coffer.ui.kit.versions.VersionSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/** A parameter's history in the version browser, against moto and without a window. */
@WithMoto
class ParameterVersionsViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ParameterStore parameters;
    private final SameThreadBackground background = new SameThreadBackground();
    private final AtomicInteger changes = new AtomicInteger();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    /** Three versions of an endpoint, "live" on the newest. */
    private static Parameter endpoint(String name) {
        for (String v : List.of("https://v1.example.com", "https://v2.example.com", "https://v3.example.com")) {
            clients.ssm().putParameter(b -> b.name(name).value(v).type("String").overwrite(true).description("Service endpoint"));
        }
        clients.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(3L).labels("live"));
        return parameters.describe(name).orElseThrow();
    }

    private VersionBrowserViewModel<ParameterVersion> browser(ParameterStore store, Parameter parameter, boolean readOnly) {
        VersionBrowserViewModel<ParameterVersion> model = new VersionBrowserViewModel<>(background,
                new ParameterVersions(store, parameter), readOnly, changes::incrementAndGet);
        model.load();
        return model;
    }

    private static ParameterVersion version(VersionBrowserViewModel<ParameterVersion> model, long number) {
        return model.versions().stream().filter(v -> v.version() == number).findFirst().orElseThrow();
    }

    private static List<String> diff(VersionBrowserViewModel<ParameterVersion> model) {
        return model.diff().stream().map(Comparison.Line::marked).toList();
    }

    private static Map<Long, List<String>> labels(String name) {
        return clients.ssm().getParameterHistory(b -> b.name(name)).parameters().stream()
                .collect(Collectors.toMap(ParameterHistory::version, ParameterHistory::labels));
    }

    @Test
    void listsEveryVersionNewestFirstAndComparesTwoOrOneWithTheOneBefore() {
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, endpoint("/versions/list/endpoint"), false);

        assertThat(model.versions()).extracting(ParameterVersion::version).containsExactly(3L, 2L, 1L);
        assertThat(version(model, 3).labels()).containsExactly("live");
        assertThat(model.revealOffered()).isFalse();
        assertThat(model.warningProperty().get()).isEmpty();
        assertThat(model.source().title()).isEqualTo("History of /versions/list/endpoint");

        model.select(List.of(version(model, 3), version(model, 1)));
        assertThat(diff(model)).contains("- https://v1.example.com", "+ https://v3.example.com", "- Labels: ", "+ Labels: live");
        assertThat(model.diff().get(0).text()).isEqualTo("Version 1 → version 3");

        model.select(List.of(version(model, 2)));
        assertThat(diff(model)).contains("- https://v1.example.com", "+ https://v2.example.com");
        model.select(List.of(version(model, 1)));
        assertThat(model.diff()).isEmpty();
    }

    @Test
    void aLabelIsCheckedBeforeAnyCallAndMovesFromTheVersionThatCarriesIt() {
        String name = "/versions/label/endpoint";
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, endpoint(name), false);
        VersionBrowserViewModel<ParameterVersion>.LabelEditor editor = model.labels(version(model, 1));

        Moto.startRecording(moto);
        editor.typedProperty().set("1bad label");
        assertThat(editor.problems().get()).contains("digit").contains("space");
        assertThat(editor.canAdd().get()).isFalse();
        editor.add();
        assertThat(Moto.stopRecording(moto)).isEmpty();

        editor.typedProperty().set(" live ");
        assertThat(editor.problems().get()).isEmpty();
        assertThat(editor.moves().get()).contains("\"live\" is on version 3").contains("moves");
        editor.add();

        assertThat(labels(name)).containsEntry(1L, List.of("live")).containsEntry(3L, List.of());
        assertThat(model.messageProperty().get()).isEqualTo("Label \"live\" is on version 1.");
        assertThat(version(model, 1).labels()).containsExactly("live");
        assertThat(changes).hasValue(1);

        model.labels(version(model, 1)).remove("live");
        assertThat(labels(name).get(1L)).isEmpty();
        assertThat(version(model, 1).labels()).isEmpty();
    }

    @Test
    void aVersionHoldsAtMostTenLabels() {
        String name = "/versions/ten/endpoint";
        Parameter parameter = endpoint(name);
        clients.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(2L)
                .labels(IntStream.rangeClosed(1, 10).mapToObj(i -> "l" + i).toList()));
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, parameter, false);
        VersionBrowserViewModel<ParameterVersion>.LabelEditor editor = model.labels(version(model, 2));

        editor.typedProperty().set("eleventh");
        assertThat(editor.problems().get()).contains("already has 10 labels");
        assertThat(editor.canAdd().get()).isFalse();
        editor.typedProperty().set("l3");
        assertThat(editor.canAdd().get()).isTrue();
    }

    @Test
    void restoresAnOlderVersionAsANewOne() {
        String name = "/versions/restore/endpoint";
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, endpoint(name), false);

        model.select(List.of(version(model, 3)));
        assertThat(model.canRestore().get()).as("the newest version is what AWS has now").isFalse();
        model.select(List.of(version(model, 1)));
        assertThat(model.canRestore().get()).isTrue();
        assertThat(model.source().restoreConfirmation(version(model, 1)).header()).isEqualTo("Restore version 1 of " + name + "?");

        model.restore(version(model, 1));

        var now = clients.ssm().getParameter(b -> b.name(name)).parameter();
        assertThat(now.version()).isEqualTo(4L);
        assertThat(now.value()).isEqualTo("https://v1.example.com");
        assertThat(model.messageProperty().get()).isEqualTo("Version 1 restored as a new version.");
        assertThat(model.versions()).extracting(ParameterVersion::version).startsWith(4L);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(changes).hasValue(1);
    }

    @Test
    void secureStringValuesStayMaskedUntilRevealed() {
        String name = "/versions/secure/token";
        for (String v : List.of("token-one", "token-two")) {
            clients.ssm().putParameter(b -> b.name(name).value(v).type("SecureString").overwrite(true));
        }
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, parameters.describe(name).orElseThrow(), false);

        assertThat(model.revealOffered()).isTrue();
        assertThat(model.versions()).allMatch(v -> v.value().isEmpty());
        model.select(List.of(version(model, 2)));
        assertThat(String.join("\n", diff(model))).contains("masked").doesNotContain("token-one").doesNotContain("token-two");

        model.reveal();
        assertThat(model.revealedProperty().get()).isTrue();
        model.select(List.of(version(model, 2)));
        assertThat(diff(model)).contains("- token-one", "+ token-two");
    }

    @Test
    void warnsWhenTheNextSaveWouldFailOnALabelledOldestVersion() {
        String name = "/versions/full/endpoint";
        for (int i = 1; i <= 100; i++) {
            String value = "v" + i;
            clients.ssm().putParameter(b -> b.name(name).value(value).type("String").overwrite(true));
        }
        clients.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(1L).labels("golden"));
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, parameters.describe(name).orElseThrow(), false);

        assertThat(model.versions()).hasSize(100);
        assertThat(model.warningProperty().get()).contains("Version 1, the oldest").contains("\"golden\"");
    }

    @Test
    void readOnlyItOnlyReads() {
        String name = "/versions/audit/endpoint";
        Parameter parameter = endpoint(name);
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            VersionBrowserViewModel<ParameterVersion> model = browser(new ParameterStore(readOnly), parameter, true);
            assertThat(model.versions()).hasSize(3);
            model.select(List.of(version(model, 1)));
            assertThat(model.canRestore().get()).isFalse();
            assertThat(model.canEditLabels().get()).isFalse();
            VersionBrowserViewModel<ParameterVersion>.LabelEditor editor = model.labels(version(model, 1));
            editor.typedProperty().set("golden");
            assertThat(editor.canAdd().get()).isFalse();
            assertThat(editor.canRemove("live")).isFalse();

            Moto.startRecording(moto);
            model.restore(version(model, 1));
            editor.add();
            assertThat(Moto.stopRecording(moto)).as("nothing is sent").isEmpty();
        }
        assertThat(labels(name)).containsEntry(3L, List.of("live")).doesNotContainEntry(1L, List.of("golden"));
        assertThat(clients.ssm().getParameter(b -> b.name(name)).parameter().version()).isEqualTo(3L);
    }

    @Test
    void aChangeAwsRefusesSaysWhyAndTheHistoryStays() {
        String name = "/versions/gone/endpoint";
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, endpoint(name), false);
        clients.ssm().deleteParameter(b -> b.name(name));

        model.restore(version(model, 1));

        assertThat(model.messageProperty().get()).isNotEmpty().doesNotContain("Exception");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.versions()).hasSize(3);
        assertThat(changes).hasValue(0);
    }

    @Test
    void aGoldenImageParameterRollsBackToItsPreviousImageOnceConfirmed() {
        List<String> images = clients.ec2().describeImages(b -> b.owners("amazon")
                .filters(Filter.builder().name("architecture").values("x86_64").build())).images().stream().map(i -> i.imageId()).toList();
        String name = "/versions/golden/ami";
        for (String image : List.of(images.get(0), images.get(1))) {
            clients.ssm().putParameter(b -> b.name(name).value(image).type("String").dataType("aws:ec2:image").overwrite(true));
        }
        clients.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(2L).labels("golden"));
        clients.ssm().labelParameterVersion(b -> b.name(name).parameterVersion(1L).labels("previous"));
        VersionBrowserViewModel<ParameterVersion> model = browser(parameters, parameters.describe(name).orElseThrow(), false);
        assertThat(model.source().extraChange()).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("rollbackImageButton"));

        AtomicReference<VersionSource.Confirmation> asked = new AtomicReference<>();
        model.runExtraChange(c -> {
            asked.set(c);
            return false;
        });
        assertThat(asked.get().header()).isEqualTo("Roll " + name + " back to " + images.get(0) + "?");
        assertThat(clients.ssm().getParameter(b -> b.name(name)).parameter().version()).isEqualTo(2L);

        model.runExtraChange(c -> true);
        var now = clients.ssm().getParameter(b -> b.name(name)).parameter();
        assertThat(now.version()).isEqualTo(3L);
        assertThat(now.value()).isEqualTo(images.get(0));
        assertThat(labels(name)).containsEntry(3L, List.of("golden")).containsEntry(2L, List.of("previous"));
        assertThat(model.messageProperty().get()).startsWith("Rolled back to " + images.get(0));

        assertThat(browser(parameters, endpoint("/versions/golden/text"), false).source().extraChange()).isEmpty();
    }
}
