package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.testsupport.CofferProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coffer started as a user starts it, with one damaged local file each time: the window opens
 * (its first frame is reported), the process keeps running, and standard error names the file.
 */
class DamagedFilesStartIT {

    @TempDir
    Path home;
    private CofferProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.handle().destroyForcibly();
        }
    }

    private void startAndAwaitTheWindow() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        app = CofferProcess.start(home, Map.of("coffer.home", home.resolve(".coffer").toString(),
                "aws.configFile", home.resolve(".aws/config").toString(),
                "aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString(),
                "coffer.reportStartup", "true"), "--endpoint-url", "http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("the window opens; Coffer printed: " + app.err())
                .until(() -> !app.handle().isAlive() || Files.readString(home.resolve("stdout.txt")).contains("window ready"));
        assertThat(app.handle().isAlive()).as("Coffer is still running; it printed: %s", app.err()).isTrue();
        assertThat(Files.readString(home.resolve("stdout.txt"))).contains("window ready");
    }

    private Path awsFile(String name, byte[] content) throws IOException {
        Path file = Files.createDirectories(home.resolve(".aws")).resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void aConfigOfRandomBytes() throws IOException {
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        Path config = awsFile("config", noise);

        startAndAwaitTheWindow();

        assertThat(app.err()).contains(config.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aProfileHeaderWithoutItsBracket() throws IOException {
        Path config = awsFile("config", "[profile dev\nregion = eu-west-1\n".getBytes());

        startAndAwaitTheWindow();

        assertThat(app.err()).contains(config + " (line 1)").contains("Profile definition must end with ']'")
                .doesNotContain("Exception");
    }

    @Test
    void aMalformedCredentialsFile() throws IOException {
        Path credentials = awsFile("credentials", "[dev]\naws_access_key_id\n".getBytes());

        startAndAwaitTheWindow();

        assertThat(app.err()).contains(credentials + " (line 2)").doesNotContain("Exception");
    }

    @Test
    void aSettingsFileWithNullsAndOddValues() throws IOException {
        Path settings = Files.createDirectories(home.resolve(".coffer")).resolve("settings.json");
        Files.writeString(settings, """
                { "recentConnections" : [ { "profile" : "dev", "endpoint" : "http://local host:4566" } ],
                  "dividers" : null, "windowWidth" : "wide" }
                """);

        startAndAwaitTheWindow();

        assertThat(app.err()).contains(settings.toString()).doesNotContain("Exception");
    }

    @Test
    void aCofferHomeThatIsNotAFolder() throws IOException {
        Files.writeString(home.resolve(".coffer"), "");

        startAndAwaitTheWindow();

        assertThat(app.err()).contains(home.resolve(".coffer").toString()).doesNotContain("Exception");
    }
}
