package dev.coffer.testsupport.proxy;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.RetrySettings;
import dev.coffer.aws.Sessions;
import dev.coffer.testsupport.proxy.ProxiedRequest.Header;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP/1.1 proxy on a free loopback port, in front of an AWS endpoint such as the test moto,
 * that gives it AWS's manners and faults. Tests point Coffer's {@link ClientFactory} at
 * {@link #endpoint()} (or take {@link #clients(boolean)}); every request is forwarded with its
 * method, path, query, headers (Host becomes the upstream's) and body, and the upstream's answer
 * comes back. Connections are kept alive, and each is served on its own thread of a pool, so
 * concurrent callers are served concurrently.
 *
 * <p>Requests are named by their AWS operation: the part of {@code X-Amz-Target} after the dot
 * ({@code AmazonSSM.DescribeParameters} is {@code DescribeParameters}, {@code secretsmanager.ListSecrets}
 * is {@code ListSecrets}, {@code TrentService.ListKeys} is {@code ListKeys}), {@code Action=} of
 * query requests ({@code GetCallerIdentity}, {@code DescribeImages}), else the method and path.
 *
 * <h2>Faults</h2>
 * {@link #inject(FaultRule)} adds a rule; the first rule that fires on a request decides its fault
 * (see {@link Fault}): throttling, HTTP 500 and 503 in the protocol's error shape (see
 * {@link ErrorAnswers}) and a reset before forwarding reach the upstream not at all; a reset after
 * forwarding, a slow and a truncated answer reach it, so it applies the request and the client
 * loses (or waits for) the answer. A rule fires on the next N matching calls or at a seeded rate.
 *
 * <h2>AWS's manners ({@link #awsManners()}, all of them settable one by one)</h2>
 * <ul>
 *   <li><b>Round trip</b> ({@link #latency}): each request waits 60 ms plus up to 20 ms of jitter
 *       before it is handled, on its own connection thread, asleep (no CPU), as a request to an
 *       AWS region tens of milliseconds away does.</li>
 *   <li><b>Paging</b> ({@link #awsPaging}): DescribeParameters honours MaxResults 1 to 50 (10 when
 *       absent, ValidationException outside) and keeps its filtered list between the pages of a
 *       listing instead of rescanning (see {@link DescribeParametersPages}). moto itself honours
 *       MaxResults for ListSecrets (no upper bound checked, where AWS allows 100) and for
 *       GetParametersByPath (1 to 10, as AWS), so those are forwarded as they are.</li>
 *   <li><b>Throttling</b> ({@link #throttle}): token buckets answer ThrottlingException above an
 *       operation's rate, with a burst of twice the rate, one bucket per region as AWS meters an
 *       account's calls per region (the region of the request's SigV4 credential scope; unsigned
 *       requests share one). Defaults and their sources:
 *       <ul>
 *         <li>GetParameter, GetParameters and GetParametersByPath: 40 per second, one bucket shared
 *             by the three, as "Max throughput (transactions per second), default throughput 40,
 *             shared by GetParameter, GetParameters, GetParametersByPath" in AWS's Systems Manager
 *             endpoints and quotas (Parameter Store; higher throughput is a paid setting);</li>
 *         <li>DescribeParameters: 10 per second. AWS publishes no figure for it (its Knowledge
 *             Center article on "Rate exceeded" names DescribeParameters among the throttled calls,
 *             reached after the CLI's 2 retries); 10 per second is the rate issue 20 measured Coffer
 *             against;</li>
 *         <li>ListSecrets: 50 per second, the rate issue 20 names. AWS's Secrets Manager quotas
 *             raised ListSecrets to 100 per second in November 2022 ("AWS Secrets Manager increases
 *             API requests per second limits"); {@code throttle(100, "ListSecrets")} sets today's.</li>
 *       </ul>
 *       Sources: docs.aws.amazon.com/general/latest/gr/ssm.html (Parameter Store, max throughput),
 *       repost.aws/knowledge-center/ssm-parameter-store-rate-exceeded,
 *       docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html and
 *       aws.amazon.com/about-aws/whats-new/2022/11/aws-secrets-manager-increases-api-requests-per-second-limits.</li>
 *   <li><b>Settable</b>: every rate and the round trip by the builder methods below, and by system
 *       properties that {@link #awsManners()} reads ({@code awslike.latencyMs}, {@code awslike.jitterMs},
 *       {@code awslike.rate.DescribeParameters}, {@code awslike.rate.GetParameter} (the shared bucket),
 *       {@code awslike.rate.ListSecrets}, {@code awslike.burstSeconds}).</li>
 *   <li><b>Large inventories</b>: {@link #awsPaging} reads moto's whole list at a listing's first
 *       page, which moto makes quadratic; past a few thousand parameters put the proxy, with
 *       {@code awsPaging(false)}, in front of {@link MotoWithAwsPaging}, which pages as AWS does itself.</li>
 * </ul>
 *
 * <h2>Counters</h2>
 * Per operation: {@link #requests} (every request the proxy received), {@link #throttles} (every
 * throttling answer, from a bucket or injected) and {@link #faults} (every injected fault);
 * {@link #connections()} counts accepted connections; {@link #mostRegionsInFlight()} tells whether
 * connections to several regions were served at the same time; {@link #resetCounters()} zeroes them all.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * @WithMoto
 * class SaveUnderFaultsIT {
 *     @Test
 *     void aLostAnswerDoesNotSaveTwice(MotoServer moto) {
 *         try (AwsProxy proxy = AwsProxy.start(moto.endpoint());
 *              ClientFactory clients = proxy.clients(false)) {
 *             proxy.inject(FaultRule.of(Fault.RESET_AFTER_FORWARD).on("PutParameter").times(1));
 *             // ... save through Coffer's ParameterStore built on clients, then check moto's versions
 *             assertThat(proxy.faults("PutParameter")).isEqualTo(1);
 *         }
 *     }
 *
 *     @Test
 *     void listsAtAwsPace(MotoServer moto) {
 *         try (AwsProxy aws = AwsProxy.startAwsLike(moto.endpoint())        // 60-80 ms, paging, buckets
 *                 .throttle(5, "DescribeParameters")                        // tighter than the default
 *                 .latency(Duration.ofMillis(30), Duration.ZERO)) {
 *             // ... list through aws.clients(true); aws.throttles("DescribeParameters") tells how often AWS said no
 *         }
 *     }
 * }
 * }</pre>
 */
public final class AwsProxy implements AutoCloseable {

    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(60);
    public static final Duration DEFAULT_JITTER = Duration.ofMillis(20);
    public static final double DESCRIBE_PARAMETERS_PER_SECOND = 10;
    public static final double GET_PARAMETERS_PER_SECOND = 40;
    public static final double LIST_SECRETS_PER_SECOND = 50;
    /** A bucket holds two seconds of calls: a burst of twice the rate. */
    public static final double DEFAULT_BURST_SECONDS = 2;
    public static final String LATENCY_PROPERTY = "awslike.latencyMs";
    public static final String JITTER_PROPERTY = "awslike.jitterMs";
    public static final String RATE_PROPERTY = "awslike.rate.";
    public static final String BURST_PROPERTY = "awslike.burstSeconds";

    /** Headers the JDK's HTTP client sets itself (it refuses them) or that only concern one hop. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "date", "via", "warning", "from");

    private final URI upstream;
    private final ServerSocket server;
    private final URI endpoint;
    private final ExecutorService connectionThreads;
    private final HttpClient http;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttles = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> abandoned = new ConcurrentHashMap<>();
    private final List<ActiveFault> rules = new CopyOnWriteArrayList<>();
    /** Each throttled operation's rate; the operations of one rate share its buckets. */
    private final Map<String, Rate> buckets = new ConcurrentHashMap<>();
    private final DescribeParametersPages describeParametersPages = new DescribeParametersPages();
    private final Map<String, AtomicInteger> inFlightByRegion = new ConcurrentHashMap<>();
    private final AtomicInteger mostRegionsInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration jitter = Duration.ZERO;
    private volatile boolean awsPaging;
    private volatile boolean closed;

    private AwsProxy(URI upstream, ServerSocket server) {
        this.upstream = upstream;
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
        AtomicInteger threadNumber = new AtomicInteger();
        this.connectionThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-proxy-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A transparent proxy to {@code upstream}: it forwards and counts, and injects only the faults it is told. */
    public static AwsProxy start(URI upstream) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            AwsProxy proxy = new AwsProxy(upstream, server);
            Thread acceptor = new Thread(proxy::acceptConnections, "aws-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the proxy's loopback port", e);
        }
    }

    /** A proxy with all of {@link #awsManners()}: round trips, AWS's paging and throttling at the default rates. */
    public static AwsProxy startAwsLike(URI upstream) {
        return start(upstream).awsManners();
    }

    /** Where clients connect: http://127.0.0.1:PORT. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client factory for this proxy's endpoint, as the app builds one for a custom endpoint; the caller closes it. */
    public ClientFactory clients(boolean readOnly) {
        return clients(readOnly, RetrySettings.standard());
    }

    /** {@link #clients(boolean)} with other timeouts and retries (a short attempt timeout for slow answers). */
    public ClientFactory clients(boolean readOnly, RetrySettings retries) {
        Connection connection = new Connection("aws-proxy", "us-east-1", Optional.of(endpoint), readOnly, false);
        return SessionClients.open(Sessions.local(connection, endpoint), retries);
    }

    // ---- AWS's manners

    /**
     * The round trip, paging and throttling of AWS at their defaults (see the class comment), each
     * replaced by its system property when set: {@value #LATENCY_PROPERTY} and
     * {@value #JITTER_PROPERTY} (milliseconds), {@value #RATE_PROPERTY}{@code NAME} (calls per
     * second of the bucket named after its first operation: DescribeParameters, GetParameter,
     * ListSecrets) and {@value #BURST_PROPERTY} (how many seconds of calls a bucket holds). The
     * benchmark passes them on from {@code mvn -Pbenchmark verify -Dawslike.rate.DescribeParameters=5}.
     */
    public AwsProxy awsManners() {
        latency(Duration.ofMillis(Long.getLong(LATENCY_PROPERTY, DEFAULT_LATENCY.toMillis())),
                Duration.ofMillis(Long.getLong(JITTER_PROPERTY, DEFAULT_JITTER.toMillis())));
        awsPaging(true);
        double burstSeconds = doubleProperty(BURST_PROPERTY, DEFAULT_BURST_SECONDS);
        throttleFor(burstSeconds, DESCRIBE_PARAMETERS_PER_SECOND, "DescribeParameters");
        throttleFor(burstSeconds, GET_PARAMETERS_PER_SECOND, "GetParameter", "GetParameters", "GetParametersByPath");
        throttleFor(burstSeconds, LIST_SECRETS_PER_SECOND, "ListSecrets");
        return this;
    }

    /** One bucket at its default rate or the rate its property names, holding {@code burstSeconds} of calls. */
    private void throttleFor(double burstSeconds, double defaultRate, String... operations) {
        double perSecond = doubleProperty(RATE_PROPERTY + operations[0], defaultRate);
        throttle(perSecond, (int) Math.max(1, Math.ceil(burstSeconds * perSecond)), operations);
    }

    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + name + " must be a number, not '" + value + "'", e);
        }
    }

    /** The calls per second an operation is allowed, or empty when it is not throttled by rate. */
    public Optional<Double> rate(String operation) {
        return Optional.ofNullable(buckets.get(operation)).map(Rate::perSecond);
    }

    /** The round trip every request waits, and the most jitter added to it. */
    public Duration latency() {
        return latency;
    }

    public Duration jitter() {
        return jitter;
    }

    /** Every request waits {@code roundTrip} plus a random part of {@code jitter} before it is handled; zero for none. */
    public AwsProxy latency(Duration roundTrip, Duration jitter) {
        if (roundTrip.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("A round trip and its jitter cannot be negative");
        }
        this.latency = roundTrip;
        this.jitter = jitter;
        return this;
    }

    /** Whether DescribeParameters is paged as AWS pages it (see {@link DescribeParametersPages}), or forwarded as it is. */
    public AwsProxy awsPaging(boolean on) {
        this.awsPaging = on;
        return this;
    }

    /**
     * A token bucket per region, shared by these operations, at {@code perSecond} with a burst of
     * twice that.
     */
    public AwsProxy throttle(double perSecond, String... operations) {
        return throttle(perSecond, (int) Math.max(1, Math.ceil(2 * perSecond)), operations);
    }

    /**
     * A token bucket per region, shared by these operations, at {@code perSecond} holding up to
     * {@code burst} calls. AWS meters an account's calls per region, so each region a request is
     * signed for (its SigV4 credential scope) has a bucket of its own: 20 regions read at once
     * each get the whole rate.
     */
    public AwsProxy throttle(double perSecond, int burst, String... operations) {
        Rate rate = new Rate(perSecond, burst);
        for (String operation : operations) {
            buckets.put(operation, rate);
        }
        return this;
    }

    /** A rate and burst, with the bucket of each region that called at that rate so far. */
    private static final class Rate {
        private final double perSecond;
        private final int burst;
        private final Map<String, TokenBucket> byRegion = new ConcurrentHashMap<>();

        Rate(double perSecond, int burst) {
            TokenBucket.check(perSecond, burst);
            this.perSecond = perSecond;
            this.burst = burst;
        }

        double perSecond() {
            return perSecond;
        }

        /** Takes one call's token from the region's bucket; false when it is empty. */
        boolean take(String region) {
            return byRegion.computeIfAbsent(region, r -> new TokenBucket(perSecond, burst)).take();
        }
    }

    /** No operation is throttled by rate any more (injected throttling faults still are). */
    public AwsProxy noThrottling() {
        buckets.clear();
        return this;
    }

    // ---- faults

    /** Adds a fault rule after those already there; the first rule that fires on a request decides its fault. */
    public AwsProxy inject(FaultRule rule) {
        rules.add(new ActiveFault(rule));
        return this;
    }

    /** Removes every fault rule. */
    public AwsProxy clearFaults() {
        rules.clear();
        return this;
    }

    // ---- counters

    /** Requests the proxy received for an operation, whatever their fate. */
    public long requests(String operation) {
        return count(requests, operation);
    }

    /** Throttling answers the proxy gave for an operation: from its token bucket or injected. */
    public long throttles(String operation) {
        return count(throttles, operation);
    }

    /** Slow answers of this operation whose client closed the connection while it waited (it gave up, or was cancelled). */
    public long abandoned(String operation) {
        return count(abandoned, operation);
    }

    /** Faults the proxy injected into an operation's requests (an injected throttling counts here and in throttles). */
    public long faults(String operation) {
        return count(faults, operation);
    }

    /** Requests received so far, by operation. */
    public Map<String, Long> requests() {
        Map<String, Long> snapshot = new TreeMap<>();
        requests.forEach((operation, count) -> snapshot.put(operation, count.sum()));
        return snapshot;
    }

    /** Client connections accepted so far (a client that keeps its connection alive opens one). */
    public int connections() {
        return connections.get();
    }

    /**
     * The most regions that had a request in flight at the same moment (by each request's SigV4
     * scope): 1 when the connections to this proxy are read one after another.
     */
    public int mostRegionsInFlight() {
        return mostRegionsInFlight.get();
    }

    public AwsProxy resetCounters() {
        mostRegionsInFlight.set(0);
        requests.clear();
        throttles.clear();
        faults.clear();
        abandoned.clear();
        connections.set(0);
        return this;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket has nothing left to report.
        }
        open.forEach(AwsProxy::closeQuietly);
        connectionThreads.shutdownNow();
    }

    // ---- serving

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                connectionThreads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException("The proxy stopped accepting connections", e);
                }
            }
        }
    }

    /** Serves one kept-alive connection, request after request, until the client closes it or a fault ends it. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean keepOpen = true;
            while (keepOpen && !closed) {
                Optional<ProxiedRequest> request = ProxiedRequest.read(in, out);
                keepOpen = request.isPresent() && handleInFlight(request.get(), socket, in, out);
            }
        } catch (IOException e) {
            // The client went away (or gave up waiting); there is no one left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** {@link #handle} while counting the request as in flight for its region. */
    private boolean handleInFlight(ProxiedRequest request, Socket socket, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        AtomicInteger inRegion = inFlightByRegion.computeIfAbsent(request.region(), r -> new AtomicInteger());
        synchronized (inFlightByRegion) {
            inRegion.incrementAndGet();
            long regions = inFlightByRegion.values().stream().filter(n -> n.get() > 0).count();
            mostRegionsInFlight.accumulateAndGet((int) regions, Math::max);
        }
        try {
            return handle(request, socket, in, out);
        } finally {
            inRegion.decrementAndGet();
        }
    }

    /** Handles one request; false when the connection is finished (reset or closed by a fault). */
    private boolean handle(ProxiedRequest request, Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException {
        String operation = request.operation();
        add(requests, operation);
        waitRoundTrip();

        Optional<FaultRule> fired = drawFault(operation);
        Fault fault = fired.map(FaultRule::fault).orElse(null);
        if (fault != null) {
            add(faults, operation);
            switch (fault) {
                case THROTTLING -> {
                    add(throttles, operation);
                    ErrorAnswers.throttling(request).writeTo(out);
                    return true;
                }
                case INTERNAL_ERROR -> {
                    ErrorAnswers.internalError(request).writeTo(out);
                    return true;
                }
                case SERVICE_UNAVAILABLE -> {
                    ErrorAnswers.serviceUnavailable(request).writeTo(out);
                    return true;
                }
                case EXPIRED_TOKEN -> {
                    ErrorAnswers.expiredToken(request).writeTo(out);
                    return true;
                }
                case ACCESS_DENIED -> {
                    ErrorAnswers.accessDenied(request).writeTo(out);
                    return true;
                }
                case RESET_BEFORE_FORWARD -> {
                    reset(socket);
                    return false;
                }
                default -> {
                    // Forwarded first; the fault comes with the answer.
                }
            }
        }
        Rate rate = buckets.get(operation);
        if (rate != null && !rate.take(request.region())) {
            add(throttles, operation);
            ErrorAnswers.throttling(request).writeTo(out);
            return true;
        }

        Answer answer = awsPaging && "DescribeParameters".equals(operation) && request.protocol() == ProxiedRequest.Protocol.JSON
                ? describeParametersPages.answer(request, this::forward)
                : forward(request);

        if (fault == Fault.RESET_AFTER_FORWARD) {
            reset(socket);
            return false;
        }
        if (fault == Fault.TRUNCATED_ANSWER) {
            answer.writeTruncatedTo(out);
            return false;
        }
        if (fault == Fault.SLOW_ANSWER && !holdBack(socket, in, fired.get().delay())) {
            add(abandoned, operation);
            return false;
        }
        answer.writeTo(out);
        return true;
    }

    /**
     * Holds an answer back for {@code delay} while watching the client: false as soon as it closed
     * the connection (nothing more can be read), true when the delay passed with the client waiting.
     */
    private static boolean holdBack(Socket socket, InputStream in, Duration delay) throws IOException, InterruptedException {
        long until = System.nanoTime() + delay.toNanos();
        int before = socket.getSoTimeout();
        socket.setSoTimeout(50);
        try {
            while (System.nanoTime() < until) {
                in.mark(1);
                try {
                    if (in.read() < 0) {
                        return false;
                    }
                    // The client sent more (its next request): keep it for later and go on waiting.
                    in.reset();
                    Thread.sleep(50);
                } catch (SocketTimeoutException e) {
                    // Still connected, still waiting.
                } catch (SocketException e) {
                    return false;
                }
            }
            return true;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    private Answer forward(ProxiedRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.target()))
                .timeout(Duration.ofMinutes(5))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Header h : request.headers()) {
            if (!NOT_FORWARDED.contains(h.name().toLowerCase(Locale.ROOT))) {
                builder.header(h.name(), h.value());
            }
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
        return new Answer(response.statusCode(), headers, response.body());
    }

    /** The round trip, asleep on this connection's thread: a waiting request costs no CPU, as on a real network. */
    private void waitRoundTrip() throws InterruptedException {
        long millis = latency.toMillis();
        long jitterMillis = jitter.toMillis();
        if (jitterMillis > 0) {
            millis += ThreadLocalRandom.current().nextLong(jitterMillis + 1);
        }
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private Optional<FaultRule> drawFault(String operation) {
        for (ActiveFault rule : rules) {
            if (rule.fires(operation)) {
                return Optional.of(rule.rule);
            }
        }
        return Optional.empty();
    }

    /** Closes the connection with SO_LINGER 0, so the client gets a TCP reset instead of an answer. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by its client.
        }
    }

    private static void add(Map<String, LongAdder> counters, String operation) {
        counters.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    private static long count(Map<String, LongAdder> counters, String operation) {
        LongAdder count = counters.get(operation);
        return count == null ? 0 : count.sum();
    }

    /** A rule with what is left of its count and its own seeded draws. */
    private static final class ActiveFault {
        private final FaultRule rule;
        private final Random random;
        private int remaining;
        private int passed;

        ActiveFault(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.seed());
            this.remaining = rule.times();
        }

        synchronized boolean fires(String operation) {
            if (!rule.matches(operation)) {
                return false;
            }
            if (passed < rule.after()) {
                passed++;
                return false;
            }
            if (rule.times() > 0) {
                if (remaining == 0) {
                    return false;
                }
                remaining--;
                return true;
            }
            return random.nextDouble() < rule.rate();
        }
    }
}
