package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reveal log says who read which secret: other local users may not read it, nor list the Coffer home. */
class RevealLogTest {

    @TempDir
    Path dir;

    private static Reveal reveal(String item) {
        return new Reveal(Instant.parse("2026-12-07T10:00:00Z"), "read value", RevealRecorder.SECRETS_MANAGER, item, "v1",
                "arn:aws:sts::123456789012:assumed-role/Auditor/alice", "123456789012", "prod", "eu-west-1", "");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewLogAndItsFolderAreTheOwnersAlone() throws IOException {
        Path home = dir.resolve(".coffer");
        RevealLog log = new RevealLog(home.resolve(RevealLog.FILE_NAME));

        log.append(reveal("prod/db"));
        log.append(reveal("prod/api"));

        assertThat(permissions(home)).isEqualTo("rwx------");
        assertThat(permissions(log.file())).isEqualTo("rw-------");
        assertThat(Files.readAllLines(log.file())).hasSize(2).allMatch(l -> l.contains("\"action\":\"read value\""));
    }

    @Test
    void aLogLeftReadableByAnOlderCofferIsMadeTheOwnersAlone() throws IOException {
        Path home = Files.createDirectories(dir.resolve(".coffer"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(home.resolve(RevealLog.FILE_NAME), "{\"action\":\"read value\",\"item\":\"old\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new RevealLog(file).append(reveal("prod/db"));

        assertThat(permissions(home)).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).hasSize(2).first().asString().contains("\"item\":\"old\"");
    }
}
