package dev.coffer.ui.shell;

import dev.coffer.testsupport.ClosedPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.RenewableCredentials;
import dev.coffer.aws.Sessions;
import dev.coffer.parameters.Parameter;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.testsupport.AuditWindows;
import dev.coffer.testsupport.DirectRowFeeds;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.MainWindowActions.Action;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerKind;
import dev.coffer.usage.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The main window's state against moto, without a window or the FX toolkit: connecting, loading,
 * refreshing, cancelling, failing, an expired sign-in, audit mode, and the selection the details follow.
 */
@WithMoto
class MainViewModelIT {

    private static final int PARAMETERS = 120;
    private static final String SCHEDULED = "main-model/old";

    private final MainViewModel model = new MainViewModel(new SameThreadBackground(), new DirectRowFeeds());

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            var pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < PARAMETERS; i++) {
                int n = i;
                pool.execute(() -> clients.ssm().putParameter(b -> b.name("/team" + (n % 4) + "/app" + (n % 10) + "/p" + n)
                        .value("v" + n).type(ParameterType.STRING)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            clients.secretsManager().createSecret(b -> b.name("main-model/db").secretString("{}"));
            clients.secretsManager().createSecret(b -> b.name(SCHEDULED).secretString("{}"));
            clients.secretsManager().deleteSecret(b -> b.secretId(SCHEDULED).recoveryWindowInDays(7L));
        }
    }

    @AfterEach
    void close() {
        model.close();
    }

    private static AwsSession session(MotoServer moto, boolean readOnly) {
        return Sessions.local(Connection.endpoint(moto.endpoint(), "us-east-1", readOnly), moto.endpoint());
    }

    @Test
    void connectingListsBothStoresAndSaysWhoAndWhat(MotoServer moto) {
        assertThat(model.statusProperty().get()).isEqualTo("Not connected");
        assertThat(model.actions().enabled(Action.REFRESH).get()).isFalse();

        model.open(session(moto, false));

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS);
        assertThat(model.secrets().total()).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo(PARAMETERS + " parameters · 1 secret");
        assertThat(model.identityProperty().get().account()).isEqualTo("123456789012");
        assertThat(model.labelProperty().get()).contains("us-east-1");
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.readOnlyProperty().get()).isFalse();
        assertThat(model.actions().canChange().get()).isTrue();
        // Listing fetched no value.
        assertThat(model.openConnection().clients().calls().snapshot())
                .doesNotContainKeys("GetParameter", "GetParameters", "GetSecretValue", "BatchGetSecretValue");
    }

    @Test
    void theDetailsCountConsumersOnceAScanExistsAndAnotherConnectionForgetsTheScan(MotoServer moto) {
        model.open(session(moto, false));
        Parameter shown = new Parameter("/team0/app0/p0", dev.coffer.parameters.ParameterType.STRING, dev.coffer.parameters.ParameterTier.STANDARD,
                dev.coffer.parameters.ParameterDataType.TEXT, 1, java.time.Instant.parse("2026-11-01T10:00:00Z"), "alice", Optional.empty(),
                Optional.empty(), "");
        model.selectionProperty().set(new Selection.ParameterSelection(shown));
        assertThat(model.usedByProperty().get()).as("nothing said before a scan").isEmpty();

        ConsumerIndex scan = new ConsumerIndex(List.of(new Consumer(Target.parameter(shown.name()),
                ConsumerKind.LAUNCH_TEMPLATE, "web", "version 1 (default and latest) ImageId", Optional.empty(), false)),
                List.of(), List.of(), java.time.Instant.now());
        var firstConnection = model.consumerIndexProperty();
        firstConnection.set(scan);
        assertThat(model.usedByProperty().get()).isEqualTo("Used by 1 consumer");

        model.open(session(moto, false));
        model.selectionProperty().set(new Selection.ParameterSelection(shown));
        assertThat(model.consumerIndexProperty().get()).as("the scan was of the previous connection").isNull();
        assertThat(model.usedByProperty().get()).isEmpty();
        // A Where used window of the previous connection whose scan ends only now fills that connection's cache only.
        firstConnection.set(scan);
        assertThat(model.consumerIndexProperty().get()).isNull();
        assertThat(model.usedByProperty().get()).isEmpty();
    }

    @Test
    void refreshListsAgainAndShowingScheduledSecretsListsThemToo(MotoServer moto) {
        model.open(session(moto, false));
        model.openConnection().clients().ssm().putParameter(b -> b.name("/team9/added").value("x").type(ParameterType.STRING));
        try {
            model.refresh();
            assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS + 1);

            model.showDeletedSecretsProperty().set(true);
            assertThat(model.secrets().all()).extracting(r -> r.secret().name()).containsExactlyInAnyOrder("main-model/db", SCHEDULED);
            model.showDeletedSecretsProperty().set(false);
            assertThat(model.secrets().all()).extracting(r -> r.secret().name()).containsExactly("main-model/db");
        } finally {
            model.openConnection().clients().ssm().deleteParameter(b -> b.name("/team9/added"));
        }
    }

    @Test
    void switchingConnectionStopsTheOlderLoadBetweenPages(MotoServer moto) {
        AwsSession second = session(moto, true);
        List<ClientFactory> firstClients = new ArrayList<>();
        // On the first load's first page, the user switches to another connection.
        model.parameters().totalProperty().addListener((obs, was, now) -> {
            if (was.intValue() == 0 && firstClients.isEmpty()) {
                firstClients.add(model.openConnection().clients());
                model.open(second);
            }
        });
        model.open(session(moto, false));

        // moto serves 10 per page: the first load would have needed 12 DescribeParameters calls.
        assertThat(firstClients.get(0).calls().count("DescribeParameters")).isEqualTo(1);
        assertThat(model.connectionProperty().get()).isEqualTo(second.connection());
        assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void anUnreachableEndpointIsReportedAndTheListsSayTheyFailed() throws Exception {
        try (ClosedPort closed = new ClosedPort()) {
            model.open(Sessions.local(Connection.endpoint(closed.uri(), "us-east-1", false), closed.uri()));
        }

        assertThat(model.problemProperty().get().kind()).as(model.problemProperty().get().text()).isEqualTo(AwsErrors.Kind.UNREACHABLE);
        assertThat(model.problemProperty().get().text()).contains("Cannot reach the AWS endpoint").doesNotContain("Exception");
        assertThat(model.parametersFailedProperty().get()).isTrue();
        assertThat(model.secretsFailedProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        model.dismissProblem();
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void anExpiredSignInIsOfferedAgainAndSigningInListsWhatFailed(MotoServer moto) {
        AtomicBoolean expired = new AtomicBoolean(true);
        RenewableCredentials credentials = new RenewableCredentials(() -> expired.get()
                ? () -> {
                    throw SdkClientException.create("The SSO session associated with this profile has expired or is otherwise invalid");
                }
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        AwsSession local = session(moto, false);
        model.open(new AwsSession(local.connection(), credentials, local.endpoints(), Optional.empty()));

        assertThat(model.problemProperty().get().kind()).isEqualTo(AwsErrors.Kind.EXPIRED_CREDENTIALS);
        assertThat(model.parametersFailedProperty().get()).isTrue();

        expired.set(false);
        model.signedIn();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS);
        assertThat(model.secrets().total()).isEqualTo(1);
    }

    @Test
    void aWindowThatOpenedAReadOnlyConnectionOpensEveryLaterOneReadOnly(MotoServer moto) {
        model.open(session(moto, true));
        model.open(Sessions.local(Connection.endpoint(moto.endpoint(), "us-west-2", false), moto.endpoint()));
        AuditWindows.assertAuditSession(model.openConnection(), model.connectionProperty().get().readOnly(),
                "a read-write connection opened in an audit window");
        assertThat(model.connectionProperty().get().region()).isEqualTo("us-west-2");
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(model.actions().canChange().get()).isFalse();
    }

    @Test
    void aWindowOfAnAuditProcessIsReadOnlyBeforeAndAfterItsFirstConnection(MotoServer moto) {
        model.enterAuditMode();
        assertThat(model.readOnlyProperty().get()).as("before any connection").isTrue();
        assertThat(model.actions().offered(Action.NEW_PARAMETER).get()).isFalse();
        model.open(session(moto, false));
        AuditWindows.assertAuditSession(model.openConnection(), model.connectionProperty().get().readOnly(),
                "the first connection of an audit window");
    }

    @Test
    void theDetailsFollowTheSelectionAndAFolderLeavesThemAsTheyAre(MotoServer moto) {
        model.open(session(moto, false));
        Parameter p = model.openConnection().parameters().describe("/team1/app1/p1").orElseThrow();
        Secret s = model.openConnection().secrets().describe("main-model/db");

        model.selectionProperty().set(new Selection.ParameterSelection(p));
        assertThat(model.details().titleProperty().get()).isEqualTo("/team1/app1/p1");
        // A String value shows at once outside audit mode.
        assertThat(model.details().valueProperty().get()).isEqualTo("v1");
        model.selectionProperty().set(new Selection.FolderSelection("/team1"));
        assertThat(model.details().titleProperty().get()).isEqualTo("/team1/app1/p1");
        model.selectionProperty().set(new Selection.SecretSelection(s));
        assertThat(model.details().shownProperty().get()).isEqualTo(new Selection.SecretSelection(s));

        // A new connection starts with nothing selected or shown.
        model.open(session(moto, false));
        assertThat(model.selectionProperty().get()).isEqualTo(Selection.NONE);
        assertThat(model.details().shownProperty().get()).isEqualTo(Selection.NONE);
    }

    @Test
    void aSavedSecretReplacesItsRowAndTheSelectionFollowsIt(MotoServer moto) {
        model.showDeletedSecretsProperty().set(true);
        model.open(session(moto, false));
        Secret scheduled = model.secrets().all().stream().map(r -> r.secret()).filter(x -> x.name().equals(SCHEDULED)).findFirst().orElseThrow();
        model.selectionProperty().set(new Selection.SecretSelection(scheduled));
        assertThat(model.actions().enabled(Action.RESTORE_SECRET).get()).isTrue();

        model.openConnection().secrets().restore(scheduled.arn());
        try {
            model.secretSaved(SCHEDULED);
            assertThat(model.selectionProperty().get()).isInstanceOfSatisfying(Selection.SecretSelection.class,
                    selected -> assertThat(selected.scheduledForDeletion()).isFalse());
            assertThat(model.actions().enabled(Action.RESTORE_SECRET).get()).isFalse();
            assertThat(model.actions().enabled(Action.EDIT_SECRET).get()).isTrue();
            assertThat(model.secrets().all()).filteredOn(r -> r.secret().name().equals(SCHEDULED)).hasSize(1);
        } finally {
            model.openConnection().clients().secretsManager().deleteSecret(b -> b.secretId(SCHEDULED).recoveryWindowInDays(7L));
        }
    }

    @Test
    void savedAndRemovedParametersChangeTheTreeWithoutAFullListing(MotoServer moto) {
        model.open(session(moto, false));
        long listings = model.openConnection().clients().calls().count("DescribeParameters");
        model.openConnection().clients().ssm().putParameter(b -> b.name("/team8/saved").value("x").type(ParameterType.STRING));
        List<Parameter> then = new ArrayList<>();
        model.parameterSaved("/team8/saved", then::add);
        assertThat(then).extracting(Parameter::name).containsExactly("/team8/saved");
        assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS + 1);

        model.openConnection().clients().ssm().deleteParameter(b -> b.name("/team8/saved"));
        model.parametersRemoved(List.of("/team8/saved"));
        assertThat(model.parameters().totalProperty().get()).isEqualTo(PARAMETERS);
        assertThat(model.statusProperty().get()).startsWith(PARAMETERS + " parameters");
        // One DescribeParameters for the saved one; no listing of everything again.
        assertThat(model.openConnection().clients().calls().count("DescribeParameters")).isEqualTo(listings + 1);
    }
}
