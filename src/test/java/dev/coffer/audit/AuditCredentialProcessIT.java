package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.testsupport.CofferProcess;
import dev.coffer.testsupport.CofferProcess.Finished;
import dev.coffer.testsupport.HangingCredentialProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer audit --profile hang}, whose credential_process never answers, through Coffer's
 * real entry point: the audit ends with exit 3 once the process had its time, and neither the
 * process nor its child outlives Coffer, also when Coffer is ended while it waits.
 */
class AuditCredentialProcessIT {

    @TempDir
    Path home;

    private HangingCredentialProcess helper;

    @AfterEach
    void killLeftovers() {
        if (helper != null) {
            helper.killLeftovers();
        }
    }

    private Map<String, String> files(String timeoutSeconds) {
        Map<String, String> properties = new HashMap<>(Map.of("aws.configFile", helper.config().toString(),
                "aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString(),
                "coffer.home", home.resolve(".coffer").toString()));
        properties.put("coffer.credentialProcessTimeout", timeoutSeconds);
        return properties;
    }

    @Test
    void anAuditWhoseCredentialProcessNeverAnswersExitsThreeAndLeavesNothingRunning() {
        helper = HangingCredentialProcess.in(home.resolve(".aws"));
        Path report = home.resolve("report.json");

        Finished run = CofferProcess.start(home, files("2"), "audit", "--profile", HangingCredentialProcess.PROFILE,
                "--format", "json", "--out", report.toString()).finish(Duration.ofSeconds(30));

        assertThat(run.exitCode()).as("it printed: %s", run.err()).isEqualTo(AuditCommand.FAILED);
        assertThat(run.err()).contains("The credential_process of profile 'hang' did not answer within 2 s; Coffer stopped it.")
                .doesNotContain("software.amazon").doesNotContain("Exception");
        assertThat(helper.started()).isTrue();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(helper.running()).as("the script and its child").isEmpty());
        assertThat(report).doesNotExist();
    }

    @Test
    void endingCofferWhileItsCredentialProcessRunsEndsTheProcessToo() {
        helper = HangingCredentialProcess.in(home.resolve(".aws"));
        CofferProcess coffer = CofferProcess.start(home, files("60"), "audit", "--profile", HangingCredentialProcess.PROFILE,
                "--format", "json", "--out", home.resolve("report.json").toString());
        await().atMost(Duration.ofSeconds(30)).until(helper::started);

        coffer.handle().destroy();

        await().atMost(Duration.ofSeconds(10)).until(() -> !coffer.handle().isAlive());
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(helper.running()).as("the script and its child").isEmpty());
    }
}
