package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Endpoints;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.DirectRowFeeds;
import dev.coffer.testsupport.HangingCredentialProcess;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.ThreadedBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Cancel of the main window's listing while AWS holds a page back for a minute, and while a
 * credential_process never answers: the call is aborted at once (the background thread is free
 * and the proxy sees the connection closed), not left to its timeout. The view model alone, its
 * work on real threads, without the FX toolkit.
 */
@WithMoto
class ListingCancelIT {

    /**
     * The client lets go at once; the proxy notices once moto answered the request it forwarded
     * (moto serves one request at a time, slowly on a loaded machine). Well under the minute held back.
     */
    static final Duration PROXY_SEES_IT = Duration.ofSeconds(10);

    static final Duration HELD_BACK = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ThreadedBackground background = new ThreadedBackground();
    private final MainViewModel model = new MainViewModel(background, new DirectRowFeeds());
    private HangingCredentialProcess helper;

    @BeforeAll
    static void seed(MotoServer moto) {
        try (ClientFactory clients = Moto.clients(moto, false)) {
            for (int i = 0; i < 3; i++) {
                String name = "/cancel/p-" + i;
                clients.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING).overwrite(true));
            }
        }
    }

    @AfterEach
    void close() {
        background.onUi(model::close);
        background.shutdown();
        if (helper != null) {
            helper.killLeftovers();
        }
    }

    @Test
    void anAbandonedListingFreesItsThreadAndConnectionAtOnce(MotoServer moto) {
        try (AwsProxy proxy = slowParameters(moto)) {
            openThrough(proxy);
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.faults("DescribeParameters") == 1);

            background.onUi(model::cancelLoads);

            await().atMost(Duration.ofSeconds(3)).until(background::idle);
            await().atMost(PROXY_SEES_IT).until(() -> proxy.abandoned("DescribeParameters") == 1);
        }
    }

    @Test
    void cancelAbortsTheSlowPageAndRetryListsFromThere(MotoServer moto) {
        try (AwsProxy proxy = slowParameters(moto)) {
            openThrough(proxy);
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.faults("DescribeParameters") == 1);

            background.onUi(model::cancelLoading);

            await().atMost(Duration.ofSeconds(3)).until(background::idle);
            await().atMost(PROXY_SEES_IT).until(() -> proxy.abandoned("DescribeParameters") == 1);
            await().atMost(Duration.ofSeconds(2)).until(() -> background.onUi(() -> !model.loadingProperty().get()));
            assertThat(background.onUi(() -> model.problemProperty().get().text())).startsWith("Listing cancelled.");
            assertThat(background.onUi(() -> model.problemProperty().get().kind())).isEqualTo(AwsErrors.Kind.CANCELLED);
            assertThat(background.onUi(() -> model.parametersFailedProperty().get())).isTrue();

            proxy.clearFaults();
            background.onUi(model::retry);

            await().atMost(Duration.ofSeconds(10)).until(() -> background.onUi(() -> !model.loadingProperty().get()));
            assertThat(background.onUi(() -> model.problemProperty().get())).isNull();
            assertThat(background.onUi(() -> model.parameters().totalProperty().get())).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void cancelWhileACredentialProcessHangsStopsItAndFreesTheWindow(MotoServer moto) {
        helper = HangingCredentialProcess.in(dir);
        ProfileFile file = ProfileFile.builder().content(helper.config()).type(ProfileFile.Type.CONFIGURATION).build();
        Connection connection = Connection.profile(HangingCredentialProcess.PROFILE, "us-east-1", null, false);
        background.onUi(() -> model.open(Sessions.forProfile(connection, file, Endpoints.everywhere(moto.endpoint()))));
        await().atMost(Duration.ofSeconds(10)).until(helper::started);

        background.onUi(model::cancelLoading);

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(helper.running()).as("the script and its child").isEmpty());
        await().atMost(Duration.ofSeconds(3)).until(background::idle);
        await().atMost(Duration.ofSeconds(2)).until(() -> background.onUi(() -> !model.loadingProperty().get()));
        assertThat(background.onUi(() -> model.problemProperty().get().text())).startsWith("Listing cancelled.");
    }

    private static AwsProxy slowParameters(MotoServer moto) {
        return AwsProxy.start(moto.endpoint()).inject(FaultRule.of(Fault.SLOW_ANSWER).delay(HELD_BACK).on("DescribeParameters").times(1));
    }

    private void openThrough(AwsProxy proxy) {
        background.onUi(() -> model.open(Sessions.local(Connection.endpoint(proxy.endpoint(), "us-east-1", false), proxy.endpoint())));
    }
}
