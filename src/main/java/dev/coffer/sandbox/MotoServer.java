package dev.coffer.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A moto_server process on a free loopback port: the local AWS endpoint behind the sandbox and
 * the test suite. Its state lives in memory and goes with the process.
 *
 * <p>It never outlives this JVM. moto runs in-process under a small Python watchdog that reads its
 * standard input, a pipe only this JVM holds, and ends the process at end of file: when
 * {@link #close()} closes the pipe, and when the JVM is gone however it ended (SIGKILL, a crash,
 * the display lost), since the system closes the pipe then. A shutdown hook also stops it on an
 * orderly exit (SIGTERM, Ctrl+C, System.exit), including one during start-up.
 */
public final class MotoServer implements AutoCloseable {

    public static final String COMMAND = "moto_server";

    /**
     * Watches standard input on a thread of its own, then runs moto_server's own main. Its first
     * argument is the moto_server it stands for, only so that the process reads as moto_server in a
     * process list; the arguments after it are moto_server's.
     */
    static final String WATCHDOG = String.join("\n",
            "import os, sys, threading",
            "def watch():",
            "    sys.stdin.buffer.read()",
            "    os._exit(0)",
            "threading.Thread(target=watch, daemon=True).start()",
            "from moto.server import main",
            "main(sys.argv[2:])");

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook = new Thread(this::stop, "moto-server-shutdown");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Where moto_server is on the PATH, if it is installed. */
    public static Optional<Path> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, COMMAND);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean isInstalled() {
        return locate().isPresent();
    }

    /**
     * Starts moto_server on a free loopback port and waits until it answers.
     *
     * @param log where moto's request log goes, or empty to discard it
     * @param environment extra environment for the process (for example to enable its recorder)
     */
    public static MotoServer start(Optional<Path> log, Map<String, String> environment) {
        Path executable = locate().orElseThrow(() -> new IllegalStateException(
                "moto_server is not installed or not on the PATH. Install it with `pip install 'moto[server]'`."));
        int port = freePort();
        List<String> command = new ArrayList<>(python(executable));
        command.addAll(List.of("-c", WATCHDOG, executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)));
        // Standard input stays the pipe from this JVM (ProcessBuilder's default): the watchdog's lifeline.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // moto must not read the user's AWS profile or endpoint settings (botocore fails on some).
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        if (log.isPresent()) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.get().toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            Process process = builder.start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.awaitReady(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + executable, e);
        }
    }

    /**
     * The Python that runs moto_server: the interpreter its script names (a pip, pipx or virtualenv
     * install), else python3 from the PATH (a pyenv shim, which is a shell script).
     */
    static List<String> python(Path motoServer) {
        try (BufferedReader reader = Files.newBufferedReader(motoServer, StandardCharsets.ISO_8859_1)) {
            String first = Optional.ofNullable(reader.readLine()).orElse("");
            if (first.startsWith("#!") && first.contains("python")) {
                return List.of(first.substring(2).trim().split("\\s+"));
            }
        } catch (IOException e) {
            // Not readable as a script: the usual interpreter is the best guess.
        }
        return List.of("python3");
    }

    public static MotoServer start() {
        return start(Optional.empty(), Map.of());
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Clears every service's state (moto's /moto-api/reset). */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /** moto runs Lambda functions in-process only with Docker off. */
    public void disableLambdaDocker() {
        post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
    }

    /**
     * Creates an IAM role for Lambda functions and returns its ARN: moto's CreateFunction wants the
     * role to exist, and Coffer has no IAM client (it never calls IAM), so this asks moto's IAM
     * query API itself. moto reads the service from the credential scope and checks no signature.
     */
    public String createLambdaRole(String name) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String form = "Action=CreateRole&Version=2010-05-08&RoleName=" + encode(name) + "&AssumeRolePolicyDocument=" + encode(trust);
        String answer = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=sandbox/20260101/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host, Signature=sandbox")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        int start = answer.indexOf("<Arn>");
        int end = answer.indexOf("</Arn>");
        if (start < 0 || end < start) {
            throw new IllegalStateException("moto did not create the IAM role " + name);
        }
        return answer.substring(start + "<Arn>".length(), end);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** POSTs to one of moto's own /moto-api endpoints and returns the body. */
    public String post(String path, String body) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to " + request.uri().getPath());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server", e);
            }
        }
        throw new IllegalStateException("moto_server did not answer within " + timeout.toSeconds() + " s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and runs the hook itself.
        }
    }

    /** Closes the watchdog's pipe, which ends moto at once, and waits for it; forcibly after 5 seconds. */
    private void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
