package dev.coffer.audit;

import dev.coffer.testsupport.ClosedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.RetrySettings;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An audit of several connections reads them at the same time: the proxy in front of moto, with
 * a round trip on every request, sees requests of different regions in flight at once. The report
 * keeps the connections' order, progress names the connection, and a failure names it too.
 */
@WithMoto
class ParallelAuditIT {

    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-2", "ap-southeast-2");
    private static final RetrySettings QUICK = new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(90), 2, 1,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(20));
    private static final AuditSettings SETTINGS = new AuditSettings(List.of(), 90, 30, List.of(), "", false, false);

    private static ClientFactory connection(URI endpoint, String region, boolean readOnly) {
        return SessionClients.open(Sessions.local(Connection.endpoint(endpoint, region, readOnly), endpoint), QUICK);
    }

    @Test
    void connectionsAreReadAtTheSameTimeAndKeepTheirOrder(MotoServer moto) {
        for (String region : REGIONS) {
            try (ClientFactory writable = connection(moto.endpoint(), region, false)) {
                writable.ssm().putParameter(b -> b.name("/parallel/" + region).value("v").type("String"));
            }
        }
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).latency(Duration.ofMillis(100), Duration.ZERO)) {
            List<ClientFactory> clients = REGIONS.stream().map(r -> connection(proxy.endpoint(), r, true)).toList();
            try {
                AuditReport report = ReportCollector.report(clients, SETTINGS, (message, done, total) -> progress.add(message), () -> false);

                assertThat(proxy.mostRegionsInFlight()).as("regions with a request in flight at once").isGreaterThan(1);
                assertThat(report.connections()).extracting(AuditReport.ConnectionInfo::region).containsExactlyElementsOf(REGIONS);
                assertThat(report.inventory()).filteredOn(item -> item.name().startsWith("/parallel/"))
                        .hasSize(REGIONS.size()).allSatisfy(item -> assertThat(item.name()).isEqualTo("/parallel/" + item.region()));
            } finally {
                clients.forEach(ClientFactory::close);
            }
        }
        assertThat(progress).isNotEmpty().allSatisfy(message ->
                assertThat(REGIONS).as("the connection named in \"%s\"", message).anyMatch(message::contains));
    }

    @Test
    void anAccountsRegionsAreAllReadAtOnce(MotoServer moto) {
        // More regions than the 8 connections once read at once: each region is throttled on its own, so none need wait.
        List<String> regions = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
                "eu-west-3", "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-southeast-2");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()).latency(Duration.ofMillis(300), Duration.ZERO)) {
            List<ClientFactory> clients = regions.stream().map(r -> connection(proxy.endpoint(), r, true)).toList();
            try {
                AuditReport report = ReportCollector.report(clients, SETTINGS, (message, done, total) -> { }, () -> false);

                assertThat(report.connections()).extracting(AuditReport.ConnectionInfo::region).containsExactlyElementsOf(regions);
                assertThat(proxy.mostRegionsInFlight()).as("regions with a request in flight at once").isGreaterThan(8);
            } finally {
                clients.forEach(ClientFactory::close);
            }
        }
    }

    @Test
    void aConnectionThatCannotBeReadIsNamed(MotoServer moto) throws IOException {
        ClosedPort closed = new ClosedPort();
        int closedPort = closed.port();
        List<ClientFactory> clients = List.of(connection(moto.endpoint(), "eu-west-1", true), connection(closed.uri(), "us-east-2", true));
        try (closed) {
            assertThatThrownBy(() -> ReportCollector.report(clients, SETTINGS, (message, done, total) -> { }, () -> false))
                    .satisfies(e -> assertThat(AwsErrors.explain(e).commandText())
                            .startsWith("Could not read 127.0.0.1:" + closedPort + " · us-east-2.")
                            .contains("Cannot reach the AWS endpoint"));
        } finally {
            clients.forEach(ClientFactory::close);
        }
    }
}
