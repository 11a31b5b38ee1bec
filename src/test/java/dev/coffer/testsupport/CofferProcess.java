package dev.coffer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Coffer's real entry point ({@code dev.coffer.Main}) in a JVM of its own, started as a user
 * starts it: with its own HOME, no AWS variables, this build's class path and the headless JavaFX
 * settings of the test JVM. Its standard output and error go to files in that home, so a test
 * reads exactly what a terminal would have shown, and can kill the process as a user or the
 * system would.
 */
public final class CofferProcess {

    /** Headless JavaFX (Monocle) as the build configures it for the test JVM. */
    private static final List<String> PASSED_ON = List.of("testfx.robot", "testfx.headless", "prism.order", "prism.text",
            "glass.platform", "monocle.platform", "headless.geometry", "java.awt.headless", "javafx.cachedir");

    /** How a finished run ended. */
    public record Finished(int exitCode, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private CofferProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts Coffer with these arguments.
     *
     * @param home       HOME of the process (the SDK's ~/.aws/sso/cache is there); its output goes to stdout.txt and stderr.txt in it
     * @param properties system properties, e.g. aws.configFile or coffer.home
     */
    public static CofferProcess start(Path home, Map<String, String> properties, String... args) {
        // A short-lived process: the quick compiler only and one GC thread spend less of the machine's two cores on starting.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        for (String name : PASSED_ON) {
            String value = System.getProperty(name);
            if (value != null) {
                command.add("-D" + name + "=" + value);
            }
        }
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.coffer.Main"));
        command.addAll(List.of(args));
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        try {
            Process process = builder.start();
            // No terminal input: standard input is closed as for a scheduled run.
            process.getOutputStream().close();
            return new CofferProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs Coffer to its end (at most two minutes). */
    public static Finished run(Path home, Map<String, String> properties, String... args) {
        return start(home, properties, args).finish(Duration.ofMinutes(2));
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end and returns what it printed. */
    public Finished finish(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Coffer did not end within " + timeout + "; it printed: " + read(err));
            }
            return new Finished(process.exitValue(), read(out), read(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the process printed on standard error so far. */
    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
