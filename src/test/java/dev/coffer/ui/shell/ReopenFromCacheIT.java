package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.view.FolderItem;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.testsupport.DirectRowFeeds;
import dev.coffer.testsupport.HeldBackground;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import dev.coffer.testsupport.proxy.AwsProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reopening a connection shows its last listing at once from the listing cache, marked as
 * refreshing, and the fresh listing then updates it in place; the cache's file rules (owner-only,
 * no value, damaged or other-format files, audit mode, turned off, forgotten). Against moto behind
 * the test proxy, which counts the DescribeParameters calls, without a window.
 */
@WithMoto
class ReopenFromCacheIT {

    private static final String REGION = "eu-north-1";
    /** A value in every seeded parameter and secret: it must never reach the cache's file. */
    private static final String CANARY = "canary-value-7f3e";

    @TempDir
    Path home;

    private AwsProxy proxy;
    private ClientFactory aws;
    private ListingCache cache;
    private final List<MainViewModel> models = new ArrayList<>();

    @BeforeEach
    void seed(MotoServer moto) {
        proxy = AwsProxy.start(moto.endpoint());
        aws = SessionClients.open(Sessions.local(Connection.endpoint(moto.endpoint(), REGION, false), moto.endpoint()));
        cache = new ListingCache(home.resolve("listings"));
        emptyRegion();
        for (String name : List.of("/reopen/app/a", "/reopen/app/b", "/reopen/keep/d", "/reopen/other/c")) {
            aws.ssm().putParameter(b -> b.name(name).value(CANARY + name).type(ParameterType.STRING));
        }
        aws.ssm().putParameter(b -> b.name("/reopen/app/token").value(CANARY).type(ParameterType.SECURE_STRING));
        aws.secretsManager().createSecret(b -> b.name("reopen/db").description("the database").secretString("{\"password\":\"" + CANARY + "\"}"));
        aws.secretsManager().createSecret(b -> b.name("reopen/old").secretString(CANARY));
    }

    /** The tests share one moto: this region holds only what each test seeds. */
    private void emptyRegion() {
        List<String> names = aws.ssm().describeParametersPaginator(b -> b.maxResults(50)).stream()
                .flatMap(page -> page.parameters().stream()).map(p -> p.name()).toList();
        for (int i = 0; i < names.size(); i += 10) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
            aws.ssm().deleteParameters(b -> b.names(batch));
        }
        aws.secretsManager().listSecretsPaginator(b -> b.includePlannedDeletion(true)).stream()
                .flatMap(page -> page.secretList().stream()).toList().forEach(s -> aws.secretsManager().deleteSecret(b -> b.secretId(s.arn()).forceDeleteWithoutRecovery(true)));
    }

    @AfterEach
    void close() {
        models.forEach(MainViewModel::close);
        aws.close();
        proxy.close();
    }

    private AwsSession session(boolean readOnly) {
        return Sessions.local(Connection.endpoint(proxy.endpoint(), REGION, readOnly), proxy.endpoint());
    }

    private MainViewModel window(Background background, ListingCache withCache) {
        MainViewModel model = new MainViewModel(background, new DirectRowFeeds());
        model.useListingCache(withCache);
        models.add(model);
        return model;
    }

    private Path fileOf(boolean readOnly) {
        return cache.fileOf(session(readOnly).connection());
    }

    private List<Path> cacheFiles() throws IOException {
        if (!Files.isDirectory(cache.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache.folder())) {
            return files.toList();
        }
    }

    private static List<String> parameterNames(MainViewModel model) {
        return model.parameters().tree().all().stream().map(Parameter::name).sorted().toList();
    }

    private static List<String> secretNames(MainViewModel model) {
        return model.secrets().all().stream().map(row -> row.secret().name()).sorted().toList();
    }

    @Test
    void reopeningShowsTheLastListingBeforeAwsAnswersThenUpdatesItInPlace() throws IOException {
        window(new SameThreadBackground(), cache).open(session(false));
        assertThat(fileOf(false)).exists();

        // Meanwhile in AWS: one parameter added, one changed, one deleted; a secret added, one changed, one deleted.
        aws.ssm().putParameter(b -> b.name("/reopen/app/new").value("n").type(ParameterType.STRING));
        aws.ssm().putParameter(b -> b.name("/reopen/app/a").value("changed").type(ParameterType.STRING).overwrite(true));
        aws.ssm().deleteParameter(b -> b.name("/reopen/other/c"));
        aws.secretsManager().createSecret(b -> b.name("reopen/added").secretString("{}"));
        aws.secretsManager().updateSecret(b -> b.secretId("reopen/db").description("the new database"));
        aws.secretsManager().deleteSecret(b -> b.secretId("reopen/old").forceDeleteWithoutRecovery(true));
        proxy.resetCounters();

        HeldBackground held = new HeldBackground();
        MainViewModel reopened = window(held, cache);
        reopened.open(session(false));
        held.runNext(); // who this is (STS)
        held.runNext(); // the remembered listing

        assertThat(proxy.requests("DescribeParameters")).as("DescribeParameters calls so far").isZero();
        assertThat(parameterNames(reopened)).containsExactly("/reopen/app/a", "/reopen/app/b", "/reopen/app/token", "/reopen/keep/d",
                "/reopen/other/c");
        assertThat(secretNames(reopened)).containsExactly("reopen/db", "reopen/old");
        assertThat(reopened.refreshingProperty().get()).isTrue();
        assertThat(reopened.statusProperty().get()).isEqualTo("Refreshing… 5 parameters · 2 secrets");

        // The user filters, closes a folder and selects a parameter while the fresh listing runs.
        reopened.parameters().filterProperty().set("reopen");
        reopened.secrets().filterProperty().set("reopen");
        FolderItem root = reopened.parameters().rootProperty().get();
        TreeItem<TreeEntry> keep = reopened.parameters().revealFolder("/reopen/keep");
        keep.setExpanded(false);
        TreeItem<TreeEntry> a = reopened.parameters().reveal("/reopen/app/a");
        TreeItem<TreeEntry> b = reopened.parameters().reveal("/reopen/app/b");
        Parameter selected = ((TreeEntry.ParameterEntry) b.getValue()).parameter();
        reopened.selectionProperty().set(new Selection.ParameterSelection(selected));

        held.runAll();

        assertThat(parameterNames(reopened)).containsExactly("/reopen/app/a", "/reopen/app/b", "/reopen/app/new", "/reopen/app/token",
                "/reopen/keep/d");
        assertThat(secretNames(reopened)).containsExactly("reopen/added", "reopen/db");
        assertThat(reopened.secrets().all()).filteredOn(row -> row.secret().name().equals("reopen/db"))
                .singleElement().satisfies(row -> assertThat(row.secret().description()).contains("the new database"));
        assertThat(reopened.parameters().rootProperty().get()).as("the same tree, updated in place").isSameAs(root);
        assertThat(reopened.parameters().reveal("/reopen/app/a")).as("the changed parameter's row").isSameAs(a);
        assertThat(((TreeEntry.ParameterEntry) a.getValue()).parameter().version()).isEqualTo(2);
        assertThat(reopened.parameters().reveal("/reopen/app/new")).isNotNull();
        assertThat(reopened.parameters().revealFolder("/reopen/other")).as("the deleted parameter's folder").isNull();
        assertThat(b.getParent()).as("the selected row is still in the tree").isNotNull();
        assertThat(keep.isExpanded()).as("the folder the user closed").isFalse();
        assertThat(keep.getParent()).isNotNull();
        assertThat(reopened.selectionProperty().get()).isEqualTo(new Selection.ParameterSelection(selected));
        assertThat(reopened.parameters().filterProperty().get()).isEqualTo("reopen");
        assertThat(reopened.secrets().filterProperty().get()).isEqualTo("reopen");
        assertThat(reopened.refreshingProperty().get()).isFalse();
        assertThat(reopened.statusProperty().get()).isEqualTo("5 parameters · 2 secrets");
        ListingCache.Listing remembered = cache.read(session(false).connection()).orElseThrow();
        assertThat(remembered.parameters()).extracting(Parameter::name).contains("/reopen/app/new").doesNotContain("/reopen/other/c");
        assertThat(remembered.secrets()).extracting(Secret::name).containsExactlyInAnyOrder("reopen/added", "reopen/db");
    }

    @Test
    void theFileHoldsNoValueAndIsTheOwnersAlone() throws IOException {
        MainViewModel model = window(new SameThreadBackground(), cache);
        model.open(session(false));
        model.selectionProperty().set(new Selection.ParameterSelection(model.parameters().tree().find("/reopen/app/a")));

        Path file = fileOf(false);
        assertThat(Files.readString(file)).contains("/reopen/app/a", "reopen/db", "the database").doesNotContain(CANARY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.folder()))).isEqualTo("rwx------");
        assertThat(cacheFiles()).as("no temporary file left beside it").containsExactly(file);
    }

    @Test
    void aDamagedFileIsNamedAndTheConnectionListsAfresh() throws IOException {
        Files.createDirectories(cache.folder());
        Files.writeString(fileOf(false), "{\"format\": 1, \"account\": \"123456789012\", \"parameters\": [{\"name\": ");

        MainViewModel model = window(new SameThreadBackground(), cache);
        model.open(session(false));

        assertThat(model.noticeProperty().get()).startsWith(fileOf(false) + " is not a listing Coffer can read")
                .endsWith("Coffer ignored it and lists afresh.");
        assertThat(parameterNames(model)).hasSize(5);
        assertThat(model.refreshingProperty().get()).isFalse();
        assertThat(cache.read(session(false).connection())).as("replaced by the fresh listing").isPresent();
    }

    @Test
    void aFileOfAnotherFormatVersionIsIgnored() throws IOException {
        Files.createDirectories(cache.folder());
        Files.writeString(fileOf(false), "{\"format\": 99, \"account\": \"123456789012\", \"parameters\": [], \"secrets\": []}");

        MainViewModel model = window(new SameThreadBackground(), cache);
        model.open(session(false));

        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(parameterNames(model)).hasSize(5);
        assertThat(Files.readString(fileOf(false))).contains("\"format\":" + ListingCache.FORMAT + ",");
    }

    @Test
    void anAuditWindowNeitherWritesNorReadsTheCache() throws IOException {
        window(new SameThreadBackground(), cache).open(session(true));
        assertThat(cacheFiles()).as("written by an audit window").isEmpty();

        // A remembered listing of the same connection (from a window that can change things) is not shown either.
        Files.createDirectories(cache.folder());
        String damaged = "not a listing";
        Files.writeString(fileOf(true), damaged);
        MainViewModel audit = window(new SameThreadBackground(), cache);
        audit.enterAuditMode();
        audit.open(session(false));

        assertThat(audit.noticeProperty().get()).as("the file was not read").isEmpty();
        assertThat(Files.readString(fileOf(true))).isEqualTo(damaged);
        assertThat(parameterNames(audit)).hasSize(5);
    }

    @Test
    void turnedOffNothingIsWrittenAndForgettingDeletesTheFiles() throws IOException {
        window(new SameThreadBackground(), null).open(session(false));
        assertThat(cacheFiles()).as("written with the cache turned off").isEmpty();

        window(new SameThreadBackground(), cache).open(session(false));
        assertThat(cacheFiles()).hasSize(1);

        cache.clear();

        assertThat(cacheFiles()).isEmpty();
        assertThat(cache.read(session(false).connection())).isEqualTo(Optional.empty());
    }
}
