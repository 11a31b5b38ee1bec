package dev.coffer.usage;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.CancelledException;
import dev.coffer.aws.ClientFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One where-used scan of a connection: reads stacks, launch templates, Lambda functions, task
 * definitions, secrets and parameters side by side (moto and AWS answer each service on its own),
 * then makes the {@link ConsumerIndex} every lookup of the connection uses. Reads only.
 *
 * <p>A service that cannot be read (no permission, say) does not stop the others: the index says
 * what is missing ({@link ConsumerIndex#unread()}). Cancel stops every reader between pages and
 * aborts the calls they wait on.
 */
public final class UsageScan {

    private final ConsumerStore store;
    private final Cancellation cancellation;
    private final java.util.function.Consumer<String> progress;
    private final Clock clock;

    private final List<Consumer> consumers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unread = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger stacks = new AtomicInteger();
    private final AtomicInteger taskDefinitions = new AtomicInteger();
    private final AtomicInteger parameterCount = new AtomicInteger();

    private List<ConsumerStore.LaunchTemplateImage> launchTemplates = List.of();
    private List<ConsumerStore.FunctionEnvironment> functions = List.of();
    private final List<ConsumerStore.TaskDefinition> definitions = Collections.synchronizedList(new ArrayList<>());
    private List<KnownSecret> secrets = List.of();
    private final List<ConsumerStore.ListedParameter> parameters = Collections.synchronizedList(new ArrayList<>());

    private UsageScan(ConsumerStore store, Cancellation cancellation, java.util.function.Consumer<String> progress, Clock clock) {
        this.store = store;
        this.cancellation = cancellation;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Scans the connection. Run it off the FX thread; {@code cancellation.cancel()} from any thread
     * stops it.
     *
     * @param progress hears what has been read so far, from the scan's threads
     * @throws CancelledException when cancelled
     */
    public static ConsumerIndex scan(ClientFactory clients, Cancellation cancellation, java.util.function.Consumer<String> progress) {
        return new UsageScan(new ConsumerStore(clients), cancellation, progress, Clock.systemUTC()).run();
    }

    private ConsumerIndex run() {
        ExecutorService readers = Executors.newFixedThreadPool(6, work -> {
            Thread t = new Thread(work, "coffer-where-used");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> reads = new ArrayList<>();
            reads.add(readers.submit(reader("CloudFormation stacks", () -> store.stacks(this::stack, cancellation::cancelled))));
            reads.add(readers.submit(reader("EC2 launch templates", () -> launchTemplates = store.launchTemplateImages(cancellation::cancelled))));
            reads.add(readers.submit(reader("Lambda functions", () -> functions = store.functions(cancellation::cancelled))));
            reads.add(readers.submit(reader("ECS task definitions", () -> store.taskDefinitions(this::taskDefinition, cancellation::cancelled))));
            reads.add(readers.submit(reader("Secrets Manager secrets", () -> secrets = store.secrets(cancellation::cancelled))));
            reads.add(readers.submit(reader("Parameter Store parameters", () -> store.parameters(this::parameters, cancellation::cancelled))));
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
        if (cancellation.cancelled()) {
            throw new CancelledException("The where-used scan was cancelled.");
        }
        return index();
    }

    /** One source's reading, inside the cancellation; its failure is noted, not thrown. */
    private Callable<Void> reader(String what, Callable<?> read) {
        return () -> {
            try {
                cancellation.run(read);
            } catch (Exception e) {
                if (!cancellation.cancelled()) {
                    unread.add(what + " could not be read: " + AwsErrors.explain(e).text());
                }
            }
            return null;
        };
    }

    private void stack(ConsumerStore.StackTemplate stack) {
        try {
            consumers.addAll(TemplateReferences.of(stack.stack(), stack.template(), stack.givenParameterNames()));
        } catch (IllegalArgumentException e) {
            unread.add(e.getMessage());
        }
        tell();
        stacks.incrementAndGet();
    }

    private void taskDefinition(ConsumerStore.TaskDefinition definition) {
        definitions.add(definition);
        taskDefinitions.incrementAndGet();
        tell();
    }

    private void parameters(List<ConsumerStore.ListedParameter> page) {
        parameters.addAll(page);
        parameterCount.addAndGet(page.size());
        tell();
    }

    private void tell() {
        progress.accept("Read " + stacks.get() + " stacks, " + taskDefinitions.get() + " task definitions, "
                + parameterCount.get() + " parameters…");
    }

    /** The consumers that need every listing first: plain values are matched against the names that exist. */
    private ConsumerIndex index() {
        Set<String> parameterNames = new HashSet<>();
        parameters.forEach(p -> parameterNames.add(p.name()));
        SecretIds secretIds = new SecretIds(secrets);

        Map<String, Long> latest = new HashMap<>();
        launchTemplates.forEach(v -> latest.merge(v.template(), v.version(), Math::max));
        for (ConsumerStore.LaunchTemplateImage version : launchTemplates) {
            if (!version.imageId().startsWith("resolve:ssm:")) {
                continue;
            }
            String which = version.isDefault() && version.version() == latest.get(version.template()) ? "default and latest"
                    : version.isDefault() ? "default" : "latest";
            ReferenceForms.ssm(version.imageId().substring("resolve:ssm:".length())).ifPresent(r -> consumers.add(
                    Consumer.reads(r, ConsumerKind.LAUNCH_TEMPLATE, version.template(),
                            "version " + version.version() + " (" + which + ") ImageId")));
        }
        for (ConsumerStore.FunctionEnvironment function : functions) {
            function.variables().forEach((variable, value) -> ReferenceForms.plainValue(value, parameterNames, secretIds)
                    .ifPresent(r -> consumers.add(Consumer.reads(r, ConsumerKind.LAMBDA_FUNCTION, function.functionArn(),
                            "environment variable " + variable))));
        }
        for (KnownSecret secret : secrets) {
            secret.rotationFunctionArn().ifPresent(function -> consumers.add(new Consumer(Target.secret(secret.arn()),
                    ConsumerKind.LAMBDA_FUNCTION, function, "rotation function", Optional.empty(), false)));
        }
        for (ConsumerStore.TaskDefinition definition : definitions) {
            for (ConsumerStore.ContainerValue value : definition.values()) {
                Optional<Reference> reference = value.fromSecrets()
                        ? ReferenceForms.valueFrom(value.value())
                        : ReferenceForms.plainValue(value.value(), parameterNames, secretIds);
                reference.ifPresent(r -> consumers.add(Consumer.reads(r, ConsumerKind.ECS_TASK_DEFINITION, definition.arn(),
                        "container " + value.container() + ", " + (value.fromSecrets() ? "secret " : "environment ") + value.variable())));
            }
        }
        for (ConsumerStore.ListedParameter parameter : parameters) {
            parameter.stringValue().flatMap(v -> ReferenceForms.plainValue(v, parameterNames, secretIds))
                    .filter(r -> !r.target().equals(Target.parameter(parameter.name())))
                    .ifPresent(r -> consumers.add(Consumer.reads(r, ConsumerKind.PARAMETER, parameter.name(), "value")));
        }
        return new ConsumerIndex(consumers, secrets, unread, clock.instant());
    }
}
