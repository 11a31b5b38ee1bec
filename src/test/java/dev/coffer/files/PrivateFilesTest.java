package dev.coffer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer of owner-only files: new and replaced files 0600, new folders 0700, links kept. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aWrittenFileAndTheFoldersMadeForItAreTheOwnersAlone() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("a").resolve("b").resolve("report.csv");

        PrivateFiles.write(file, "first");
        PrivateFiles.write(file, "second");

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("a").resolve("b"))).isEqualTo("rwx------");
        assertThat(permissions(dir)).as("an existing folder is left as it is").isEqualTo("rwxr-xr-x");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.csv");
        }
    }

    @Test
    void aFileReadableByOthersIsReplacedByOneThatIsNot() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.write(file, "{\"darkTheme\":true}");

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplacedEvenWhenMissing() throws IOException {
        Path target = dir.resolve("real").resolve("config");
        Path link = Files.createSymbolicLink(dir.resolve("config"), dir.relativize(target));
        Path chain = Files.createSymbolicLink(dir.resolve("chain"), link);

        PrivateFiles.write(chain, "[default]\n");

        assertThat(Files.isSymbolicLink(chain)).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("[default]\n");
        assertThat(permissions(target)).isEqualTo("rw-------");

        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("loop"));
        assertThatThrownBy(() -> PrivateFiles.write(loop, "x")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("symbolic links");
    }

    @Test
    void appendingCreatesAnOwnerOnlyFileAndClosesOneLeftOpen() throws IOException {
        Path log = dir.resolve("home").resolve("audit-log.jsonl");

        PrivateFiles.append(log, "one\n");
        PrivateFiles.append(log, "two\n");
        assertThat(Files.readString(log)).isEqualTo("one\ntwo\n");
        assertThat(permissions(log)).isEqualTo("rw-------");

        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.append(log, "three\n");
        assertThat(permissions(log)).isEqualTo("rw-------");
        assertThat(Files.readAllLines(log)).containsExactly("one", "two", "three");
    }

    @Test
    void anOwnFolderIsCreatedOrClosedToOthers() throws IOException {
        Path created = dir.resolve(".coffer");
        PrivateFiles.ownFolder(created);
        assertThat(permissions(created)).isEqualTo("rwx------");

        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.ownFolder(open);
        assertThat(permissions(open)).isEqualTo("rwx------");
    }
}
