package dev.coffer.ui.shell;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.FxBackground;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The main window's listings paced by the FX pulse ({@link PacedFeed}), against moto: the one part
 * of the main view model that needs the FX toolkit. The rest is in {@link MainViewModelIT}.
 */
@WithMoto
class PacedListingIT {

    private static final int PARAMETERS = 200;

    @BeforeAll
    static void seed(MotoServer moto) throws Exception {
        FxToolkit.registerPrimaryStage();
        try (ClientFactory clients = Moto.clients(moto, false)) {
            var pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < PARAMETERS; i++) {
                int n = i;
                pool.execute(() -> clients.ssm().putParameter(b -> b.name("/team" + (n % 4) + "/app" + (n % 10) + "/p" + n)
                        .value("v" + n).type(ParameterType.STRING)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            clients.secretsManager().createSecret(b -> b.name("one").secretString("{}"));
        }
    }

    @Test
    void theListingsAskForMorePagesOnlyOnceTheFirstRowsAreShown(MotoServer moto) {
        Background background = new FxBackground();
        MainViewModel model = onFx(() -> new MainViewModel(background));
        List<Long> callsWhenFirstRowsArrived = new ArrayList<>();
        onFx(() -> {
            model.open(Sessions.local(Connection.endpoint(moto.endpoint(), "us-east-1", false), moto.endpoint()));
            ClientFactory clients = model.openConnection().clients();
            model.parameters().totalProperty().addListener((o, was, now) -> {
                if (was.intValue() == 0 && now.intValue() > 0) {
                    callsWhenFirstRowsArrived.add(clients.calls().count("DescribeParameters"));
                }
            });
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(() -> !model.loadingProperty().get()));

        // moto pages parameters ten at a time: the first page's rows were shown before the second was asked for.
        assertThat(onFx(() -> List.copyOf(callsWhenFirstRowsArrived))).containsExactly(1L);
        assertThat(onFx(() -> model.openConnection().clients().calls().count("DescribeParameters"))).isGreaterThanOrEqualTo(PARAMETERS / 10);
        assertThat(onFx(() -> model.parameters().totalProperty().get())).isEqualTo(PARAMETERS);
        onFx(() -> {
            model.close();
            return null;
        });
        background.shutdown();
    }
}
