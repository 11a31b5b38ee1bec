package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.controls.Comparison;
import dev.coffer.ui.kit.versions.VersionBrowserViewModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A secret's versions in the version browser, against moto and without a window. */
@WithMoto
class SecretVersionsViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static SecretStore secrets;
    private final SameThreadBackground background = new SameThreadBackground();
    private final AtomicInteger changes = new AtomicInteger();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        secrets = new SecretStore(clients);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private VersionBrowserViewModel<SecretVersion> browser(SecretStore store, Secret secret, boolean readOnly) {
        VersionBrowserViewModel<SecretVersion> model = new VersionBrowserViewModel<>(background, new SecretVersions(store, secret),
                readOnly, changes::incrementAndGet);
        model.load();
        return model;
    }

    private static SecretVersion version(VersionBrowserViewModel<SecretVersion> model, String id) {
        return model.versions().stream().filter(v -> v.versionId().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> stages(String name) {
        return clients.secretsManager().describeSecret(b -> b.secretId(name)).versionIdsToStages();
    }

    @Test
    void comparesVersionsMaskedUntilRevealedThenRollsBack() {
        String name = "versions-vm/app-key";
        String first = clients.secretsManager().createSecret(b -> b.name(name).secretString("alpha-one")).versionId();
        String second = clients.secretsManager().putSecretValue(b -> b.secretId(name).secretString("alpha-two")).versionId();
        VersionBrowserViewModel<SecretVersion> model = browser(secrets, secrets.describe(name), false);

        assertThat(model.revealOffered()).isTrue();
        assertThat(version(model, second).stages()).contains("AWSCURRENT");
        assertThat(version(model, first).stages()).contains("AWSPREVIOUS");
        assertThat(model.versions()).allMatch(v -> v.value().isEmpty());
        model.select(List.of(version(model, first), version(model, second)));
        String masked = String.join("\n", model.diff().stream().map(Comparison.Line::text).toList());
        assertThat(masked).contains("masked").doesNotContain("alpha-one").doesNotContain("alpha-two");

        model.reveal();
        model.select(List.of(version(model, second), version(model, first)));
        assertThat(model.diff()).anyMatch(l -> l.kind() == Comparison.Kind.REMOVED && l.text().equals("alpha-one"))
                .anyMatch(l -> l.kind() == Comparison.Kind.ADDED && l.text().equals("alpha-two"));

        model.select(List.of(version(model, second)));
        assertThat(model.canRestore().get()).as("the current version").isFalse();
        model.select(List.of(version(model, first)));
        assertThat(model.canRestore().get()).isTrue();
        model.restore(version(model, first));

        assertThat(stages(name).get(first)).contains("AWSCURRENT");
        assertThat(stages(name).get(second)).contains("AWSPREVIOUS");
        assertThat(version(model, first).isCurrent()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Version " + first.substring(0, 8) + "… is current now");
        assertThat(changes).hasValue(1);
    }

    @Test
    void aCustomLabelIsCheckedFirstThenAddedAndRemoved() {
        String name = "versions-vm/label-me";
        String id = clients.secretsManager().createSecret(b -> b.name(name).secretString("label-value")).versionId();
        VersionBrowserViewModel<SecretVersion> model = browser(secrets, secrets.describe(name), false);
        VersionBrowserViewModel<SecretVersion>.LabelEditor editor = model.labels(version(model, id));

        Moto.startRecording(moto);
        editor.typedProperty().set("x".repeat(257));
        assertThat(editor.problems().get()).contains("257 characters");
        assertThat(editor.canAdd().get()).isFalse();
        editor.add();
        editor.typedProperty().set("AWSCURRENT");
        assertThat(editor.problems().get()).contains("roll back");
        assertThat(editor.canAdd().get()).isFalse();
        editor.add();
        assertThat(Moto.stopRecording(moto)).isEmpty();
        assertThat(editor.canRemove("AWSCURRENT")).as("AWSCURRENT only moves, by rolling back").isFalse();

        editor.typedProperty().set("golden");
        assertThat(editor.canAdd().get()).isTrue();
        editor.add();
        assertThat(stages(name).get(id)).contains("golden");
        assertThat(version(model, id).stages()).contains("golden");

        VersionBrowserViewModel<SecretVersion>.LabelEditor again = model.labels(version(model, id));
        assertThat(again.canRemove("golden")).isTrue();
        again.remove("golden");
        assertThat(stages(name).get(id)).doesNotContain("golden");
        assertThat(model.messageProperty().get()).isEqualTo("Label \"golden\" removed.");
    }

    @Test
    void aSecretCarriesAtMostTwentyLabelsAcrossItsVersions() {
        String name = "versions-vm/many-labels";
        String id = clients.secretsManager().createSecret(b -> b.name(name).secretString("v")).versionId();
        for (String label : IntStream.rangeClosed(1, 19).mapToObj(i -> "l" + i).toList()) {
            clients.secretsManager().updateSecretVersionStage(b -> b.secretId(name).versionStage(label).moveToVersionId(id));
        }
        VersionBrowserViewModel<SecretVersion> model = browser(secrets, secrets.describe(name), false);
        VersionBrowserViewModel<SecretVersion>.LabelEditor editor = model.labels(version(model, id));

        editor.typedProperty().set("one-more");
        assertThat(editor.problems().get()).contains("already carries 20 staging labels");
        assertThat(editor.canAdd().get()).isFalse();
        editor.typedProperty().set("l7");
        assertThat(editor.canAdd().get()).as("a label it has already moves").isTrue();
    }

    @Test
    void readOnlyItOnlyReads() {
        String name = "versions-vm/audit";
        String first = clients.secretsManager().createSecret(b -> b.name(name).secretString("one")).versionId();
        clients.secretsManager().putSecretValue(b -> b.secretId(name).secretString("two"));
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            SecretStore store = new SecretStore(readOnly);
            VersionBrowserViewModel<SecretVersion> model = browser(store, store.describe(name), true);
            assertThat(model.versions()).hasSize(2);
            model.select(List.of(version(model, first)));
            assertThat(model.canRestore().get()).isFalse();
            assertThat(model.canEditLabels().get()).isFalse();

            Moto.startRecording(moto);
            model.restore(version(model, first));
            VersionBrowserViewModel<SecretVersion>.LabelEditor editor = model.labels(version(model, first));
            editor.typedProperty().set("golden");
            editor.add();
            editor.remove("AWSPREVIOUS");
            assertThat(Moto.stopRecording(moto)).as("nothing is sent").isEmpty();
        }
        assertThat(stages(name).get(first)).containsExactly("AWSPREVIOUS");
    }
}
