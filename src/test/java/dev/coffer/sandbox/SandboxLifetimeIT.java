package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.testsupport.CofferProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's moto_server ends with the app however the app ends: the real launcher
 * ({@code coffer --sandbox}, headless) runs in a JVM of its own, which the test then kills as the
 * system would, without the window being closed.
 */
class SandboxLifetimeIT {

    private static final Pattern PORT = Pattern.compile("-p (\\d+)");

    @TempDir
    Path home;

    CofferProcess app;
    List<ProcessHandle> started = List.of();

    @BeforeEach
    void requireMoto() {
        Assumptions.assumeTrue(MotoServer.isInstalled(), "moto_server is not installed");
    }

    @AfterEach
    void tidyUp() {
        // Whatever a failed test left behind, it does not outlive the test.
        if (app != null) {
            app.handle().destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    CofferProcess startSandbox() {
        return CofferProcess.start(home, Map.of("coffer.home", home.resolve(".coffer").toString(),
                "aws.configFile", home.resolve(".aws/config").toString(),
                "aws.sharedCredentialsFile", home.resolve(".aws/credentials").toString()), "--sandbox");
    }

    /**
     * The processes the app started, once one of them is moto_server with its port. A child seen
     * between fork and exec still carries the JVM's command line, so waiting for any child is not
     * enough.
     */
    List<ProcessHandle> awaitMotoStarted() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).alias("the app starts moto_server; it printed: " + app.err())
                .until(() -> port(app.handle().descendants().toList()).isPresent());
        return app.handle().descendants().toList();
    }

    static Optional<Integer> port(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.info().commandLine().orElse("")).map(PORT::matcher).filter(Matcher::find)
                .map(m -> Integer.valueOf(m.group(1))).findFirst();
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void awaitAllGone(int port) {
        await().atMost(Duration.ofSeconds(10)).alias("moto_server ends with the app").until(() ->
                started.stream().allMatch(SandboxLifetimeIT::ended) && !answers(port));
    }

    /**
     * Gone, or a zombie: an orphan that has exited waits for the system's first process to reap
     * it, which in a container may take a while, and Java counts a zombie as alive.
     */
    static boolean ended(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;   // no /proc entry: gone
        }
    }

    @Test
    void killingTheAppStopsTheSandboxsMoto() {
        app = startSandbox();
        started = awaitMotoStarted();
        int port = port(started).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).alias("moto_server answers").until(() -> answers(port));

        app.handle().destroyForcibly();   // SIGKILL: no shutdown hook runs; only moto's own watchdog can notice

        awaitAllGone(port);
    }

    @Test
    void terminatingTheAppWhileTheSandboxStartsStopsMoto() {
        app = startSandbox();
        started = awaitMotoStarted();
        int port = port(started).orElseThrow();

        app.handle().destroy();   // SIGTERM, as a logout or `kill` sends, before moto has even answered

        awaitAllGone(port);
    }
}
