package dev.coffer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An AWS config whose profile {@code hang} has a {@code credential_process} that never answers:
 * a shell script that starts a child (as a real helper that asks a browser or a vault would) and
 * waits for it for ten minutes. Both write their process id to a file, so a test can tell that
 * Coffer left neither behind. Profile {@code answers} has a process that prints moto's test keys.
 */
public final class HangingCredentialProcess {

    public static final String PROFILE = "hang";
    public static final String ANSWERING_PROFILE = "answers";

    private final Path config;
    private final Path shellPid;
    private final Path childPid;

    private HangingCredentialProcess(Path config, Path shellPid, Path childPid) {
        this.config = config;
        this.shellPid = shellPid;
        this.childPid = childPid;
    }

    /** Writes the scripts and {@code config} into {@code dir}. */
    public static HangingCredentialProcess in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path shellPid = dir.resolve("shell.pid");
            Path childPid = dir.resolve("child.pid");
            Path hang = script(dir.resolve("hang.sh"), "#!/bin/sh\n"
                    + "echo $$ > '" + shellPid + "'\n"
                    + "sleep 600 &\n"
                    + "echo $! > '" + childPid + "'\n"
                    + "wait\n");
            Path answer = script(dir.resolve("answer.sh"), "#!/bin/sh\n"
                    + "echo '{\"Version\": 1, \"AccessKeyId\": \"testing\", \"SecretAccessKey\": \"testing\"}'\n");
            Path config = dir.resolve("config");
            Files.writeString(config, "[profile " + PROFILE + "]\nregion = us-east-1\ncredential_process = " + hang + "\n\n"
                    + "[profile " + ANSWERING_PROFILE + "]\nregion = us-east-1\ncredential_process = " + answer + "\n");
            return new HangingCredentialProcess(config, shellPid, childPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    public Path config() {
        return config;
    }

    /** Whether the script has started (both ids written). */
    public boolean started() {
        return pid(childPid).isPresent() && pid(shellPid).isPresent();
    }

    /** The script and its child that are still running (a killed process not yet reaped by its parent is not). */
    public List<ProcessHandle> running() {
        return Stream.of(pid(shellPid), pid(childPid)).flatMap(Optional::stream)
                .flatMap(pid -> ProcessHandle.of(pid).stream()).filter(ProcessHandle::isAlive).filter(p -> !zombie(p)).toList();
    }

    /** Linux's state Z in /proc/PID/stat: ended, waiting for its parent to collect its exit code. */
    private static boolean zombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends what a failed test left running, so that it does not outlive the build. */
    public void killLeftovers() {
        running().forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<Long> pid(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file).strip() : "";
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
