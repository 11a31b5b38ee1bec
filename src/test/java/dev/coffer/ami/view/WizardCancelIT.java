package dev.coffer.ami.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.ami.ImageCatalog;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.ThreadedBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.usage.view.ConsumerScan;
import java.time.Duration;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A wizard's Cancel while one of its pages reads from AWS (here the golden AMI wizard's first
 * page, while EC2 holds DescribeImages back for a minute) aborts the read: the thread is free and
 * the connection closed at once.
 */
@WithMoto
class WizardCancelIT {

    /**
     * The client lets go at once; the proxy notices once moto answered the request it forwarded
     * (moto serves one request at a time, slowly on a loaded machine). Well under the minute held back.
     */
    static final Duration PROXY_SEES_IT = Duration.ofSeconds(10);

    @Test
    void cancelAbortsTheReadAPageWaitsFor(MotoServer moto) {
        String name = "/wizard-cancel/golden";
        try (ClientFactory direct = Moto.clients(moto, false)) {
            String image = direct.ec2().describeImages(b -> b.owners("amazon")
                    .filters(Filter.builder().name("architecture").values("x86_64").build())).images().get(0).imageId();
            direct.ssm().putParameter(b -> b.name(name).value(image).type(ParameterType.STRING).dataType("aws:ec2:image").overwrite(true));
        }
        ThreadedBackground background = new ThreadedBackground();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(60)).on("DescribeImages").times(1));
             ClientFactory clients = proxy.clients(false)) {
            ParameterStore parameters = new ParameterStore(clients);
            GoldenAmiWizardViewModel wizard = background.onUi(() -> new GoldenAmiWizardViewModel(background, parameters,
                    new ImageCatalog(clients), new GoldenImageUpdate(parameters),
                    new ConsumerScan(background, clients, new SimpleObjectProperty<>()), parameters.describe(name), names -> { }));
            background.onUi(wizard::start);
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.faults("DescribeImages") == 1);

            background.onUi(wizard::cancel);

            await().atMost(Duration.ofSeconds(3)).until(background::idle);
            await().atMost(PROXY_SEES_IT).until(() -> proxy.abandoned("DescribeImages") == 1);
            await().atMost(Duration.ofSeconds(2)).until(() -> !background.onUi(() -> wizard.busyProperty().get()));
        } finally {
            background.shutdown();
        }
    }
}
