package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.json and the Coffer home it lives in are their owner's alone. */
class SettingsTest {

    @TempDir
    Path dir;
    private String previousHome;

    @BeforeEach
    void useATemporaryHome() {
        previousHome = System.setProperty("coffer.home", dir.resolve(".coffer").toString());
    }

    @AfterEach
    void restoreTheHome() {
        if (previousHome == null) {
            System.clearProperty("coffer.home");
        } else {
            System.setProperty("coffer.home", previousHome);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void savedSettingsAndTheirFolderAreTheOwnersAlone() throws IOException {
        Settings settings = new Settings();
        settings.darkTheme = true;
        settings.save();

        assertThat(permissions(dir.resolve(".coffer"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve(".coffer").resolve("settings.json"))).isEqualTo("rw-------");
        assertThat(Settings.load().darkTheme).isTrue();
        try (var files = Files.list(dir.resolve(".coffer"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left").containsExactly("settings.json");
        }
    }

    @Test
    void aHomeLeftOpenByAnOlderCofferIsClosed() throws IOException {
        Path home = Files.createDirectories(dir.resolve(".coffer"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        new Settings().save();

        assertThat(permissions(home)).isEqualTo("rwx------");
    }
}
