package dev.coffer.audit.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.ThreadedBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel of the audit report while AWS holds a page back for a minute aborts the call: the
 * report's thread is free and its connection closed at once, not after the call's timeout.
 */
@WithMoto
class AuditReportCancelIT {

    /**
     * The client lets go at once; the proxy notices once moto answered the request it forwarded
     * (moto serves one request at a time, slowly on a loaded machine). Well under the minute held back.
     */
    static final Duration PROXY_SEES_IT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void cancelAbortsTheCallTheReportWaitsFor(MotoServer moto) {
        ThreadedBackground background = new ThreadedBackground();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(60)).on("DescribeParameters").times(1))) {
            AuditReportViewModel model = background.onUi(() -> new AuditReportViewModel(background,
                    Sessions.local(Connection.endpoint(proxy.endpoint(), "us-east-1", false), proxy.endpoint()), dir));
            background.onUi(model::run);
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.faults("DescribeParameters") == 1);

            background.onUi(model::cancel);

            await().atMost(Duration.ofSeconds(3)).until(background::idle);
            await().atMost(PROXY_SEES_IT).until(() -> proxy.abandoned("DescribeParameters") == 1);
            await().atMost(Duration.ofSeconds(2)).until(() -> background.onUi(() -> model.statusProperty().get())
                    .equals("Cancelled; the previous report is still shown."));
        } finally {
            background.shutdown();
        }
    }

    /** The consumer scan runs on threads of its own: Cancel reaches the template it waits for all the same. */
    @Test
    void cancelAbortsTheConsumerScansCallToo(MotoServer moto) {
        try (ClientFactory writable = Moto.clients(moto, false)) {
            writable.cloudFormation().createStack(b -> b.stackName("cancel-it").templateBody(
                    "{\"Resources\": {\"Queue\": {\"Type\": \"AWS::SQS::Queue\"}}}"));
        }
        ThreadedBackground background = new ThreadedBackground();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SLOW_ANSWER).delay(Duration.ofSeconds(60)).on("GetTemplate").times(1))) {
            AuditReportViewModel model = background.onUi(() -> new AuditReportViewModel(background,
                    Sessions.local(Connection.endpoint(proxy.endpoint(), "us-east-1", false), proxy.endpoint()), dir));
            assertThat(background.onUi(() -> model.scanConsumersProperty().get())).isTrue();
            background.onUi(model::run);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.faults("GetTemplate") == 1);

            background.onUi(model::cancel);

            await().atMost(Duration.ofSeconds(3)).until(background::idle);
            await().atMost(PROXY_SEES_IT).until(() -> proxy.abandoned("GetTemplate") == 1);
            await().atMost(Duration.ofSeconds(2)).until(() -> background.onUi(() -> model.statusProperty().get())
                    .equals("Cancelled; the previous report is still shown."));
        } finally {
            background.shutdown();
        }
    }
}
