package dev.coffer.sandbox;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * The local sandbox: a private moto_server seeded with {@link SandboxData}, so the app can be
 * tried without an AWS account. Stopping the sandbox stops moto, and so does the end of the JVM,
 * however it ends ({@link MotoServer}); its state lives in memory only.
 */
public final class Sandbox implements AutoCloseable {

    private final MotoServer moto;
    private final ClientFactory seeding;
    private final Duration seedTime;
    private boolean closed;

    private Sandbox(MotoServer moto, ClientFactory seeding, Duration seedTime) {
        this.moto = moto;
        this.seeding = seeding;
        this.seedTime = seedTime;
    }

    /** Starts moto on a free loopback port and seeds it. Throws when moto_server is not installed. */
    public static Sandbox start() {
        return start(Optional.empty());
    }

    /** As {@link #start()}, writing moto's request log to {@code log} when given. */
    public static Sandbox start(Optional<Path> log) {
        return start(log, (moto, clients) -> {
            warmUp(clients);
            SandboxData.seed(clients);
            SandboxConsumers.seed(clients, moto.createLambdaRole(SandboxConsumers.LAMBDA_ROLE));
        });
    }

    /** Starts moto and fills it with {@code seed}; the timings cover the whole seed. */
    static Sandbox start(Optional<Path> log, BiConsumer<MotoServer, ClientFactory> seed) {
        MotoServer moto = MotoServer.start(log, Map.of());
        ClientFactory seeding = null;
        try {
            seeding = SessionClients.open(Sessions.local(sandboxConnection(false, moto.endpoint()), moto.endpoint()));
            long started = System.nanoTime();
            seed.accept(moto, seeding);
            return new Sandbox(moto, seeding, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException | Error e) {
            if (seeding != null) {
                seeding.close();
            }
            moto.close();
            throw e;
        }
    }

    /**
     * A fresh moto imports each service's code on its first request, and EC2 loads its ~1,200
     * public images (together about 3 s), while the JVM loads the SDK's client classes (about as
     * long again). One read per service, in parallel, overlaps the two; the seed that follows
     * stays strictly sequential. A failure here is left for the seed to report.
     */
    static void warmUp(ClientFactory clients) {
        List<Callable<Object>> reads = List.of(
                () -> clients.ec2().describeImages(b -> b.owners("self")),
                () -> clients.ssm().describeParameters(b -> b.maxResults(1)),
                () -> clients.kms().listAliases(b -> b.limit(1)),
                () -> clients.secretsManager().listSecrets(b -> b.maxResults(1)),
                () -> clients.cloudFormation().describeStacks(),
                () -> clients.lambda().listFunctions(b -> b.maxItems(1)),
                () -> clients.ecs().listTaskDefinitionFamilies(b -> b.maxResults(1)));
        ExecutorService pool = Executors.newFixedThreadPool(reads.size(), r -> {
            Thread t = new Thread(r, "coffer-sandbox-warm-up");
            t.setDaemon(true);
            return t;
        });
        try {
            pool.invokeAll(reads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connection sandboxConnection(boolean readOnly, URI endpoint) {
        Connection base = Connection.sandbox(readOnly);
        return new Connection(base.profile(), base.region(), Optional.of(endpoint), base.readOnly(), base.sandbox());
    }

    public URI endpoint() {
        return moto.endpoint();
    }

    /** {@link Connection#sandbox(boolean)} with this sandbox's endpoint. */
    public Connection connection(boolean readOnly) {
        return sandboxConnection(readOnly, endpoint());
    }

    /** The session the app opens on the sandbox: local credentials and this endpoint. */
    public AwsSession session(boolean readOnly) {
        return Sessions.local(connection(readOnly), endpoint());
    }

    /** The writable clients that seeded the sandbox (closed with it). */
    public ClientFactory seedingClients() {
        return seeding;
    }

    /** What the sandbox was seeded with. */
    public SandboxData.Inventory inventory() {
        return SandboxData.inventory();
    }

    /** How long seeding took, including the first reads that wake moto's services (see {@link #warmUp}). */
    public Duration seedTime() {
        return seedTime;
    }

    public synchronized boolean isRunning() {
        return !closed && moto.isAlive();
    }

    /** Stops moto. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        seeding.close();
        moto.close();
    }
}
