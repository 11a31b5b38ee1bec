package dev.coffer.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerKind;
import dev.coffer.usage.UsageScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The where-used scan at scale: 500 stacks, 500 launch templates, 1,000 Lambda functions and 500
 * task definitions in a moto of its own, scanned once by {@link UsageScan} over a read-only
 * session, the time printed beside its budget (30 s) with the calls it made, and written to
 * target/benchmark/where-used.json. Run with {@code mvn -Pbenchmark verify}; exits with status 1
 * when the budget is missed.
 */
public final class WhereUsedBenchmark {

    private static final double BUDGET_SECONDS = 30;
    /** Seeding is not measured; moto answers each call on one core, so a few threads only keep it busy. */
    private static final int SEEDERS = 4;
    private static final int GOLDEN_PARAMETERS = 10;

    private final int stacks = Integer.getInteger("benchmark.stacks", 500);
    private final int launchTemplates = Integer.getInteger("benchmark.launchTemplates", 500);
    private final int functions = Integer.getInteger("benchmark.functions", 1000);
    private final int taskDefinitions = Integer.getInteger("benchmark.taskDefinitions", 500);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Files.createDirectories(out);
        boolean met = new WhereUsedBenchmark().run(out);
        // The SDK leaves non-daemon threads behind; the figures are written.
        System.exit(met ? 0 : 1);
    }

    private boolean run(Path out) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("load_average_at_start", loadAverage());
        try (MotoServer moto = MotoServer.start(Optional.of(out.resolve("where-used-moto.log")), Map.of());
             ClientFactory seeding = Moto.clients(moto, false);
             ClientFactory auditing = Moto.clients(moto, true)) {
            long seedStart = System.nanoTime();
            seed(moto, seeding);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            log(String.format("Seeded %d stacks, %d launch templates, %d functions and %d task definitions in %.1f s (not part of the budget)",
                    stacks, launchTemplates, functions, taskDefinitions, seedSeconds));

            long scanStart = System.nanoTime();
            ConsumerIndex index = UsageScan.scan(auditing, new Cancellation(), message -> { });
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;

            Map<String, Long> byKind = new LinkedHashMap<>();
            for (ConsumerKind kind : ConsumerKind.values()) {
                byKind.put(kind.id(), index.all().stream().filter(c -> c.kind() == kind).count());
            }
            boolean met = scanSeconds <= BUDGET_SECONDS && index.unread().isEmpty();
            json.put("seeded", Map.of("stacks", stacks, "launch_templates", launchTemplates, "functions", functions,
                    "task_definitions", taskDefinitions));
            json.put("seed_seconds", round(seedSeconds));
            json.put("scan_seconds", round(scanSeconds));
            json.put("scan_budget_seconds", BUDGET_SECONDS);
            json.put("budget_met", met);
            json.put("consumers_by_kind", byKind);
            long templatesListed = index.all().stream().filter(c -> c.kind() == ConsumerKind.LAUNCH_TEMPLATE)
                    .map(c -> c.resource()).distinct().count();
            // moto answers DescribeLaunchTemplateVersions with at most MaxResults (200) entries and no
            // NextToken, where AWS pages on: here the scan sees the first 200 default and latest versions.
            json.put("launch_templates_listed_by_moto", templatesListed);
            json.put("unread", index.unread());
            json.put("calls_by_operation", auditing.calls().snapshot());
            json.put("load_average_at_end", loadAverage());
            Path file = out.resolve("where-used.json");
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));

            System.out.printf("%n%-34s %-10s %-12s %s%n", "figure", "value", "budget", "");
            System.out.printf("%-34s %-10s %-12s %s%n", "where_used_scan_seconds", String.format("%.1f s", scanSeconds),
                    "<= " + (int) BUDGET_SECONDS + " s", met ? "met" : "MISSED");
            System.out.printf("Consumers %s; calls %s.%n", byKind, auditing.calls().snapshot());
            System.out.printf("Launch templates listed: %d of %d (moto answers DescribeLaunchTemplateVersions with one page of at most 200"
                    + " versions and no NextToken).%n", templatesListed, launchTemplates);
            index.unread().forEach(problem -> System.out.println("Not read: " + problem));
            System.out.println((met ? "The budget is met." : "The budget is MISSED.") + " Figures in " + file);
            return met;
        }
    }

    /** Every consumer reads one of ten golden AMI parameters, so the scan's matching has real work. */
    private void seed(MotoServer moto, ClientFactory clients) throws Exception {
        for (int i = 0; i < GOLDEN_PARAMETERS; i++) {
            int n = i;
            clients.ssm().putParameter(b -> b.name(golden(n)).type(ParameterType.STRING).value("ami-0123456789abcdef" + n));
        }
        String role = clients.lambda().getFunction(b -> b.functionName(RotationLambda.create(moto, clients, "bench-rotation")))
                .configuration().role();
        SdkBytes code = SdkBytes.fromByteArray(RotationLambda.zip());
        inParallel(stacks, i -> clients.cloudFormation().createStack(b -> b.stackName("bench-stack-" + i).templateBody("""
                Parameters:
                  ImageId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                    Default: %s
                Resources:
                  Config:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: /bench/stacks/%d/config
                      Type: String
                      Value: !Sub "{{resolve:ssm:%s}}"
                """.formatted(golden(i), i, golden(i + 1)))));
        inParallel(launchTemplates, i -> clients.ec2().createLaunchTemplate(b -> b.launchTemplateName("bench-template-" + i)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + golden(i) + (i % 2 == 0 ? "" : ":1")).instanceType("t3.micro"))));
        inParallel(functions, i -> clients.lambda().createFunction(b -> b.functionName("bench-function-" + i).runtime("python3.12")
                .role(role).handler("rotate.handler").code(c -> c.zipFile(code))
                .environment(e -> e.variables(Map.of("IMAGE_PARAMETER", golden(i), "MODE", "batch")))));
        inParallel(taskDefinitions, i -> clients.ecs().registerTaskDefinition(b -> b.family("bench-task-" + i)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("nginx").memory(256)
                        .secrets(s -> s.name("IMAGE").valueFrom(golden(i))).build())));
    }

    private static String golden(int i) {
        return "/bench/golden-ami/" + (i % GOLDEN_PARAMETERS);
    }

    private static void inParallel(int count, IntConsumer create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SEEDERS);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> create.accept(n)));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String message) {
        System.out.println("[where-used benchmark] " + message);
    }
}
