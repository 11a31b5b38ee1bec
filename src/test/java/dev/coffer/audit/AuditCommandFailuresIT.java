package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.testsupport.ClosedPort;
import dev.coffer.testsupport.CofferProcess;
import dev.coffer.testsupport.CofferProcess.Finished;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.sandbox.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer audit} when something outside it fails, run through Coffer's real entry point:
 * the exit code the README gives (3: AWS or file error) and a message for a terminal, with
 * neither a window's advice nor the SDK's words.
 */
@WithMoto
class AuditCommandFailuresIT {

    @TempDir
    Path home;

    private Map<String, String> files(Path config) {
        return Map.of("aws.configFile", config.toString(), "aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString(),
                "coffer.home", home.resolve(".coffer").toString());
    }

    @Test
    void aDamagedAwsConfigIsAFileErrorThatNamesTheFileAndLine() throws Exception {
        Path config = home.resolve(".aws").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile ok]\nregion = us-east-1\n\n[profile dev\nregion = eu-west-1\n");
        Path report = home.resolve("report.json");

        Finished run = CofferProcess.run(home, files(config), "audit", "--profile", "dev", "--format", "json", "--out", report.toString());

        assertThat(run.exitCode()).as("an AWS or file error, not a bad option").isEqualTo(AuditCommand.FAILED);
        assertThat(run.err().strip()).isEqualTo("Coffer cannot use " + config + " (line 4): Profile definition must end with ']'. "
                + "Correct or move aside that file, then run the command again.");
        assertThat(report).doesNotExist();
    }

    @Test
    void anEndpointAuditNeedsNoAwsConfigSoADamagedOneDoesNotStopIt(MotoServer moto) throws Exception {
        Path config = home.resolve(".aws").resolve("config");
        Files.createDirectories(config.getParent());
        Files.write(config, new byte[] {(byte) 0xff, (byte) 0xfe, '[', 0, 0x1b, '\n', '=', '='});
        Path report = home.resolve("report.json");

        Finished run = CofferProcess.run(home, files(config), "audit", "--endpoint-url", moto.endpoint().toString(),
                "--format", "json", "--out", report.toString());

        assertThat(run.exitCode()).as("it printed: %s", run.err()).isZero();
        assertThat(report).exists();
    }

    @Test
    void whereUsedAndDiffOnAnEndpointNeedNoAwsConfigEither(MotoServer moto) throws Exception {
        Path config = home.resolve(".aws").resolve("config");
        Files.createDirectories(config.getParent());
        Files.write(config, new byte[] {(byte) 0xff, (byte) 0xfe, '[', 0, 0x1b, '\n', '=', '='});
        String endpoint = moto.endpoint().toString();

        Finished whereUsed = CofferProcess.run(home, files(config), "where-used", "--endpoint-url", endpoint, "/nothing/reads/this");
        Finished diff = CofferProcess.run(home, files(config), "diff", "--left-endpoint-url", endpoint, "--left-path", "/empty-left",
                "--right-endpoint-url", endpoint, "--right-path", "/empty-right");

        assertThat(whereUsed.exitCode()).as("no consumer, not a file error: %s", whereUsed.err()).isEqualTo(1);
        assertThat(diff.exitCode()).as("the same (both empty), not a file error: %s", diff.err()).isZero();
    }

    @Test
    void anAwsFailureReadsForATerminal(MotoServer moto) throws Exception {
        Path report = home.resolve("report.json");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint())
                .inject(FaultRule.of(Fault.SERVICE_UNAVAILABLE).on("DescribeParameters"))) {
            Finished run = CofferProcess.run(home, files(home.resolve("no-config")), "audit", "--endpoint-url", proxy.endpoint().toString(),
                    "--format", "json", "--out", report.toString());

            assertThat(run.exitCode()).isEqualTo(AuditCommand.FAILED);
            assertThat(run.err()).contains("AWS answered with a server error (HTTP 503 ServiceUnavailable), also after 10 tries.")
                    .contains("Run the command again in a minute")
                    .doesNotContainIgnoringCase("try again").doesNotContainIgnoringCase("has been kept").doesNotContain("window")
                    .doesNotContain("software.amazon").doesNotContain("Unable to");
            assertThat(report).doesNotExist();
        }
    }

    @Test
    void anEndpointThatIsNotThereSaysSo() throws Exception {
        Finished run;
        int port;
        try (ClosedPort closed = new ClosedPort()) {
            port = closed.port();
            run = CofferProcess.run(home, files(home.resolve("no-config")), "audit", "--endpoint-url", closed.uri().toString(),
                    "--format", "json", "--out", home.resolve("report.json").toString());
        }

        assertThat(run.exitCode()).isEqualTo(AuditCommand.FAILED);
        assertThat(run.err()).contains("Cannot reach the AWS endpoint: the connection to 127.0.0.1:" + port + " was refused.")
                .doesNotContainIgnoringCase("try again").doesNotContain("Unable to execute");
    }
}
