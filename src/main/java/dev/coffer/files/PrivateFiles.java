package dev.coffer.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes files that only their owner may read (0600, folders 0700) from the first byte: files are
 * created with those permissions, never changed to them afterwards, so no other local user can
 * open one in between. Replacing writes are atomic, so a reader never sees half a file. On file
 * systems without POSIX permissions (Windows) the user's profile folder already keeps files private.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** As the kernel does: a chain of links longer than this is a loop. */
    private static final int MAX_LINKS = 40;

    private PrivateFiles() {
    }

    /**
     * Replaces {@code file} with {@code text} (UTF-8): written to a temporary file beside it, then
     * moved over it. A symbolic link stays a link; the file it points to is replaced, as the AWS
     * CLI does with a linked config file. Missing folders are created owner-only.
     */
    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #write(Path, String)} for bytes that need not be text (a damaged file kept as found). */
    public static void write(Path file, byte[] content) throws IOException {
        Path target = followLinks(file);
        Path folder = target.getParent();
        createFolders(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp", attributes(FILE));
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Appends {@code text} (UTF-8) to {@code file}, creating it owner-only. A file that an older
     * version left readable by others is made owner-only first.
     */
    public static void append(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        createFolders(target.getParent());
        if (posix() && Files.exists(target) && !Files.getPosixFilePermissions(target).equals(FILE)) {
            Files.setPosixFilePermissions(target, FILE);
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try (SeekableByteChannel out = Files.newByteChannel(target,
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), attributes(FILE))) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }

    /** Creates {@code folder} owner-only, or makes an existing one owner-only (for Coffer's own home folder). */
    public static void ownFolder(Path folder) throws IOException {
        createFolders(folder);
        if (posix() && !Files.getPosixFilePermissions(folder).equals(FOLDER)) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    /** Creates the missing folders of {@code folder} owner-only; existing ones are left as they are. */
    private static void createFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, attributes(FOLDER));
        }
    }

    /** The file a path names after its symbolic links, which may not exist yet. */
    private static Path followLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "Too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
