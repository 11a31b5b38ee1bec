package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.coffer.audit.SessionClients;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.HangingCredentialProcess;
import dev.coffer.testsupport.WithMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * A profile's credential_process cannot hang Coffer: it gets the configured time to answer
 * (2 s here), then it and its children are stopped and the call fails with a message that says so.
 */
@WithMoto
class CredentialProcessIT {

    @TempDir
    Path dir;

    private HangingCredentialProcess helper;

    @BeforeAll
    static void shortTimeout() {
        System.setProperty("coffer.credentialProcessTimeout", "2");
    }

    @AfterAll
    static void standardTimeout() {
        System.clearProperty("coffer.credentialProcessTimeout");
    }

    @AfterEach
    void killLeftovers() {
        if (helper != null) {
            helper.killLeftovers();
        }
    }

    @Test
    void aCredentialProcessThatNeverAnswersIsStoppedWithItsChildrenAndTheCallSaysWhy(MotoServer moto) {
        helper = HangingCredentialProcess.in(dir);

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ClientFactory clients = clientsFor(HangingCredentialProcess.PROFILE, moto)) {
                return catchThrowable(() -> new ParameterStore(clients).listAll(page -> { }, () -> false));
            }
        });

        assertThat(AwsErrors.explain(failure).text())
                .startsWith("The credential_process of profile 'hang' did not answer within 2 s; Coffer stopped it.")
                .contains("Check its command in your AWS config file");
        assertThat(helper.started()).isTrue();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(helper.running()).as("the script and its child").isEmpty());
    }

    @Test
    void aCredentialProcessThatAnswersSignsTheCalls(MotoServer moto) {
        helper = HangingCredentialProcess.in(dir);
        try (ClientFactory clients = clientsFor(HangingCredentialProcess.ANSWERING_PROFILE, moto)) {
            clients.ssm().putParameter(b -> b.name("/process/signed").value("v").type("String").overwrite(true));
            List<String> names = new ArrayList<>();
            new ParameterStore(clients).listAll(page -> page.forEach(p -> names.add(p.name())), () -> false);
            assertThat(names).contains("/process/signed");
            assertThat(clients.identity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    void aFailingOrGarbledProcessIsNamedAndItsOutputNeverQuoted(MotoServer moto) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile fails]\nregion = us-east-1\ncredential_process = sh -c 'echo oops; exit 4'\n\n"
                + "[profile garbled]\nregion = us-east-1\ncredential_process = echo AccessKeyId=AKIA SecretAccessKey=hunter2-secret\n");
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();

        assertThat(AwsErrors.explain(listingFailure(file, "fails", moto)).text())
                .startsWith("The credential_process of profile 'fails' ended with exit code 4 and gave no credentials.");
        assertThat(AwsErrors.explain(listingFailure(file, "garbled", moto)).text())
                .startsWith("The credential_process of profile 'garbled' gave no credentials: its answer is not JSON.")
                .doesNotContain("hunter2");
    }

    @Test
    void aTimeoutThatIsNotANumberOfSecondsIsNamed(MotoServer moto) {
        helper = HangingCredentialProcess.in(dir);
        System.setProperty("coffer.credentialProcessTimeout", "soon");
        try {
            ProfileFile file = ProfileFile.builder().content(helper.config()).type(ProfileFile.Type.CONFIGURATION).build();
            assertThat(AwsErrors.explain(listingFailure(file, HangingCredentialProcess.ANSWERING_PROFILE, moto)).text())
                    .startsWith("The system property coffer.credentialProcessTimeout is 'soon'; it must be a whole number of seconds, such as 60.");
        } finally {
            System.setProperty("coffer.credentialProcessTimeout", "2");
        }
    }

    private static Throwable listingFailure(ProfileFile file, String profile, MotoServer moto) {
        Connection connection = Connection.profile(profile, "us-east-1", null, false);
        try (ClientFactory clients = SessionClients.open(Sessions.forProfile(connection, file, Endpoints.everywhere(moto.endpoint())))) {
            return catchThrowable(() -> new ParameterStore(clients).listAll(page -> { }, () -> false));
        }
    }

    private ClientFactory clientsFor(String profile, MotoServer moto) {
        ProfileFile file = ProfileFile.builder().content(helper.config()).type(ProfileFile.Type.CONFIGURATION).build();
        Connection connection = Connection.profile(profile, "us-east-1", null, false);
        return SessionClients.open(Sessions.forProfile(connection, file, Endpoints.everywhere(moto.endpoint())));
    }
}
