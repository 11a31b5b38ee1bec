package dev.coffer.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A profile's {@code credential_process}, run as the AWS CLI runs it, but never waited for without
 * end: the SDK's own provider has no timeout, so a helper that hangs (waiting for a browser, a
 * vault, a prompt nobody sees) would hang every call. The process gets
 * {@link #timeout() coffer.credentialProcessTimeout} seconds (60 unless set) to answer; on timeout,
 * on Cancel ({@link Cancellation}) and when Coffer exits it is killed with its children.
 * Credentials are kept until five minutes before they expire; calls that need them meanwhile wait
 * for the one process running.
 */
final class ProcessCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    static final String TIMEOUT_PROPERTY = "coffer.credentialProcessTimeout";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    /** As the SDK's provider: credentials are a few hundred bytes. */
    private static final int OUTPUT_LIMIT = 64_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every credential_process running, ended when Coffer exits however it ends (except a kill -9). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RUNNING.forEach(ProcessCredentials::stop);
            RUNNING.forEach(ProcessCredentials::awaitEnd);
        }, "coffer-stop-credential-processes"));
    }

    private final String profile;
    private final String command;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private volatile AwsCredentials credentials;
    private volatile Instant expiration;
    private volatile Process running;

    ProcessCredentials(String profile, String command) {
        this.profile = profile;
        this.command = command;
    }

    /** How long a credential_process may take: the system property coffer.credentialProcessTimeout in seconds, else 60 s. */
    static Duration timeout() {
        String set = System.getProperty(TIMEOUT_PROPERTY);
        if (set == null || set.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(set.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new CredentialProcessException("The system property " + TIMEOUT_PROPERTY + " is '" + set.strip()
                + "'; it must be a whole number of seconds, such as 60.");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (fresh()) {
            return credentials;
        }
        try {
            oneAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        try {
            if (!fresh()) {
                runProcess();
            }
            return credentials;
        } finally {
            oneAtATime.unlock();
        }
    }

    private boolean fresh() {
        return credentials != null && (expiration == null || Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(expiration));
    }

    private void runProcess() {
        Duration timeout = timeout();
        Process process = start();
        RUNNING.add(process);
        running = process;
        boolean[] cancelled = {false};
        try (Cancellation.Registration stopOnCancel = Cancellation.onCancel(() -> {
            cancelled[0] = true;
            stop(process);
        })) {
            // Read while it runs: a process blocked on a full pipe would never end.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] answer = output.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
            if (cancelled[0]) {
                throw cancelled();
            }
            if (process.exitValue() != 0) {
                throw new CredentialProcessException("The credential_process of profile '" + profile + "' ended with exit code "
                        + process.exitValue() + " and gave no credentials.");
            }
            take(answer);
        } catch (TimeoutException e) {
            throw new CredentialProcessException("The credential_process of profile '" + profile + "' did not answer within "
                    + timeout.toSeconds() + " s; Coffer stopped it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (ExecutionException e) {
            if (cancelled[0]) {
                throw cancelled();
            }
            throw new CredentialProcessException("The answer of the credential_process of profile '" + profile + "' could not be read"
                    + (e.getCause() instanceof IllegalStateException ? ": it is longer than " + OUTPUT_LIMIT + " bytes." : "."));
        } finally {
            stop(process);
            awaitEnd(process);
            RUNNING.remove(process);
            running = null;
        }
    }

    private Process start() {
        List<String> shell = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
        try {
            // Its error output is not Coffer's to show or keep.
            return new ProcessBuilder(shell).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new CredentialProcessException("The credential_process of profile '" + profile + "' could not be started.");
        }
    }

    private static byte[] read(InputStream out) {
        try (out) {
            byte[] answer = out.readNBytes(OUTPUT_LIMIT + 1);
            if (answer.length > OUTPUT_LIMIT) {
                throw new IllegalStateException("over the limit");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's answer, as the AWS CLI reads it; never quoted in a message, it holds the secret key. */
    private void take(byte[] answer) {
        JsonNode json;
        try {
            json = JSON.readTree(answer);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw notCredentials("its answer is not JSON");
        }
        if (json.path("Version").asInt() != 1) {
            throw notCredentials("its answer has no \"Version\": 1");
        }
        String id = json.path("AccessKeyId").asText("");
        String secret = json.path("SecretAccessKey").asText("");
        if (id.isEmpty() || secret.isEmpty()) {
            throw notCredentials("its answer has no AccessKeyId and SecretAccessKey");
        }
        String token = json.path("SessionToken").asText("");
        Instant expires = null;
        if (json.hasNonNull("Expiration")) {
            try {
                expires = Instant.parse(json.get("Expiration").asText());
            } catch (DateTimeParseException e) {
                throw notCredentials("its Expiration is not a time such as 2026-01-02T03:04:05Z");
            }
        }
        credentials = token.isEmpty() ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token);
        expiration = expires;
    }

    private CredentialProcessException notCredentials(String why) {
        return new CredentialProcessException("The credential_process of profile '" + profile + "' gave no credentials: " + why + ".");
    }

    private CancelledException cancelled() {
        return new CancelledException("Getting credentials from the credential_process of profile '" + profile + "' was cancelled.");
    }

    /** Kills the process and every process it started (a child outlives its parent's kill). */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits a moment for a killed process to end, so that Coffer, its parent, reaps it. */
    private static void awaitEnd(Process process) {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Process last = running;
        if (last != null) {
            stop(last);
        }
    }
}
