package dev.coffer.ui.shell;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.FxBackground;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A parameter listing that stops part way (page 4 of 5 keeps answering 503) is shown as
 * incomplete, "at least 150 parameters", with AWS's failure said, and Retry goes on from page 4.
 * The main view model alone, on the FX thread (its feed paces rows by frames) but without a window.
 */
@WithMoto
class PartialListingIT {

    static final int PARAMETERS = 250;
    /** The proxy pages DescribeParameters 50 at a time, as AWS does. */
    static final int PAGES = PARAMETERS / 50;

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
        FxToolkit.registerPrimaryStage();
        try (ClientFactory clients = Moto.clients(moto, false)) {
            for (int i = 0; i < PARAMETERS; i++) {
                String name = String.format("/partial/app-%02d/p-%03d", i / 50, i);
                clients.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING));
            }
        }
    }

    @Test
    void aListingThatStopsPartWayIsMarkedIncompleteAndRetryResumesFromThePageThatFailed(MotoServer moto) {
        Background background = new FxBackground();
        MainViewModel model = onFx(() -> new MainViewModel(background));
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).awsPaging(true)
                .inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("DescribeParameters").after(3))) {
            onFx(() -> {
                model.open(Sessions.local(Connection.endpoint(proxy.endpoint(), "us-east-1", false), proxy.endpoint()));
                return null;
            });
            await().atMost(Duration.ofSeconds(90)).until(() -> onFx(() -> !model.loadingProperty().get()));

            assertThat(onFx(() -> model.statusProperty().get())).startsWith("at least 150 parameters");
            assertThat(onFx(() -> model.parametersFailedProperty().get())).isTrue();
            assertThat(onFx(() -> model.problemProperty().get().text()))
                    .startsWith("The listing of parameters stopped after 150 parameters (3 pages).").contains("503");

            proxy.clearFaults().resetCounters();
            onFx(() -> {
                model.retry();
                return null;
            });
            await().atMost(Duration.ofSeconds(90)).until(() -> onFx(() -> !model.loadingProperty().get()));

            assertThat(onFx(() -> model.parameters().totalProperty().get())).isEqualTo(PARAMETERS);
            assertThat(onFx(() -> model.statusProperty().get())).startsWith(PARAMETERS + " parameters");
            assertThat(onFx(() -> model.problemProperty().get())).isNull();
            assertThat(proxy.requests("DescribeParameters")).as("from page 4 on, not from page 1").isEqualTo(PAGES - 3);
            assertThat(proxy.requests("ListSecrets")).as("the secrets listing was complete: not listed again").isZero();
        } finally {
            onFx(() -> {
                model.close();
                return null;
            });
            background.shutdown();
        }
    }
}
