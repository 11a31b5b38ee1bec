package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Connection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or oddly typed settings.json: read field by field, the bad fields at their defaults,
 * the damaged file kept as settings.json.bak, and the remembered audit mode never lost silently.
 */
class SettingsFieldByFieldTest {

    @TempDir
    Path dir;
    private String previousHome;
    private Path home;
    private Path file;

    @BeforeEach
    void useATemporaryHome() {
        home = dir.resolve(".coffer");
        file = home.resolve("settings.json");
        previousHome = System.setProperty("coffer.home", home.toString());
    }

    @AfterEach
    void restoreTheHome() {
        if (previousHome == null) {
            System.clearProperty("coffer.home");
        } else {
            System.setProperty("coffer.home", previousHome);
        }
    }

    private void write(String json) throws IOException {
        Files.createDirectories(home);
        Files.writeString(file, json);
    }

    private static final Connection PROD = Connection.profile("prod", "eu-west-1", null, false);

    @Test
    void aNullListIsReadAsEmptyAndTheOtherFieldsAreKept() throws IOException {
        write("""
                {
                  "darkTheme" : true,
                  "recentConnections" : null
                }
                """);

        Settings settings = Settings.load();

        assertThat(settings.darkTheme).isTrue();
        assertThat(new RecentConnections(settings).list()).isEmpty();
        assertThat(settings.problems()).singleElement().asString()
                .contains(file.toString()).contains("line 3").contains("recentConnections").contains("default");
        assertThat(dir.resolve(".coffer/settings.json.bak")).hasContent(Files.readString(file));
    }

    @Test
    void oneWronglyTypedFieldLosesOnlyThatField() throws IOException {
        String damaged = """
                {
                  "windowWidth" : "wide",
                  "darkTheme" : true,
                  "auditModeConnections" : [ "prod|eu-west-1|" ]
                }
                """;
        write(damaged);

        Settings settings = Settings.load();

        assertThat(settings.darkTheme).as("the fields that could be read are kept").isTrue();
        assertThat(settings.auditMode(PROD)).as("the remembered audit mode is kept").isTrue();
        assertThat(settings.windowWidth).isEqualTo(new Settings().windowWidth);
        assertThat(settings.problems()).singleElement().asString().contains("line 2").contains("windowWidth");
        assertThat(home.resolve("settings.json.bak")).hasContent(damaged);
    }

    @Test
    void aRememberedEndpointWithASpaceIsLeftOutAndTheOthersKept() throws IOException {
        write("""
                {
                  "recentConnections" : [ {
                    "profile" : "dev", "region" : "eu-west-1", "endpoint" : "http://local host:4566", "readOnly" : false
                  }, {
                    "profile" : "prod", "region" : "eu-west-1", "endpoint" : null, "readOnly" : false
                  } ]
                }
                """);

        Settings settings = Settings.load();

        assertThat(new RecentConnections(settings).list()).containsExactly(PROD);
        assertThat(settings.problems()).singleElement().asString().contains("line 2").contains("recentConnections")
                .doesNotContain("local host");
    }

    @Test
    void aWronglyTypedRecentConnectionIsLeftOutAndTheOthersKept() throws IOException {
        write("""
                {
                  "recentConnections" : [ { "profile" : "dev", "readOnly" : "sometimes" },
                                          { "profile" : "prod", "region" : "eu-west-1", "readOnly" : false } ]
                }
                """);

        Settings settings = Settings.load();

        assertThat(new RecentConnections(settings).list()).containsExactly(PROD);
        assertThat(settings.problems()).singleElement().asString().contains("line 2").contains("recentConnections");
    }

    @Test
    void aFileThatIsNotJsonAtAllIsKeptAndConnectionsOpenReadOnly() throws IOException {
        byte[] noise = new byte[512];
        new Random(17).nextBytes(noise);
        Files.createDirectories(home);
        Files.write(file, noise);

        Settings settings = Settings.load();

        assertThat(settings.auditMode(PROD)).as("audit mode could not be read: read-only, never read-write").isTrue();
        assertThat(home.resolve("settings.json.bak")).hasBinaryContent(noise);
        assertThat(settings.problems()).singleElement().asString().contains(file.toString()).contains("line")
                .contains("read-only");
    }

    @Test
    void unreadableAuditModesOpenEveryConnectionReadOnlyUntilTheUserChooses() throws IOException {
        write("""
                { "auditModeConnections" : "prod|eu-west-1|" }
                """);

        Settings settings = Settings.load();
        assertThat(settings.auditMode(PROD)).isTrue();
        assertThat(settings.auditMode(Connection.profile("dev", "us-east-1", null, false))).isTrue();
        assertThat(settings.problems()).singleElement().asString().contains("auditModeConnections").contains("read-only");

        // Saved as it was found: unknown, so the next start says so again instead of opening read-write.
        settings.save();
        Settings next = Settings.load();
        assertThat(next.auditMode(Connection.profile("dev", "us-east-1", null, false))).isTrue();

        // Until the user chooses in the Connect dialog.
        next.rememberAuditMode(Connection.profile("dev", "us-east-1", null, false));
        next.save();
        assertThat(Settings.load().auditMode(Connection.profile("dev", "us-east-1", null, false))).isFalse();
        assertThat(Settings.load().problems()).isEmpty();
    }

    @Test
    void aCofferHomeThatIsNotAFolderIsSaidAndConnectionsOpenReadOnly() throws IOException {
        Files.writeString(home, "not a folder");

        Settings settings = Settings.load();

        assertThat(settings.auditMode(PROD)).isTrue();
        assertThat(settings.problems()).singleElement().asString().contains(home.toString());
    }

    @Test
    void aSettingsFileThatCannotBeReadIsSaidAndConnectionsOpenReadOnly() throws IOException {
        Files.createDirectories(file);

        Settings settings = Settings.load();

        assertThat(settings.auditMode(PROD)).isTrue();
        assertThat(settings.problems()).singleElement().asString().contains(file.toString());
    }

    @Test
    void aGoodFileHasNoProblemsAndNoBackup() throws IOException {
        Settings saved = new Settings();
        saved.darkTheme = true;
        saved.rememberAuditMode(PROD.withReadOnly(true));
        new RecentConnections(saved).remember(Connection.endpoint(URI.create("http://localhost:4566"), "us-east-1", false));

        Settings settings = Settings.load();

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.auditMode(PROD)).isTrue();
        assertThat(new RecentConnections(settings).list()).extracting(Connection::endpoint)
                .containsExactly(Optional.of(URI.create("http://localhost:4566")));
        assertThat(home.resolve("settings.json.bak")).doesNotExist();
    }
}
