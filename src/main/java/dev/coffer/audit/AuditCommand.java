package dev.coffer.audit;

import dev.coffer.about.Version;
import dev.coffer.auth.Profiles;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.LocalFileException;
import dev.coffer.aws.ServiceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer audit}: writes an audit report without a window, for scheduled runs. Every
 * connection it opens is read-only (audit mode) by construction, so it cannot change anything.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = {"Write an audit report of parameters and secrets (read-only: nothing is changed in AWS).",
            "Exit code: 0 done, 1 findings at or above --fail-on exist, 2 bad options, 3 AWS or file error."})
public final class AuditCommand implements Callable<Integer> {

    public static final int FINDINGS = 1;
    public static final int FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile to audit; repeat for several accounts.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Region to audit; repeat for several (default: the profile's region).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Custom endpoint (LocalStack, moto).")
    URI endpoint;

    @Option(names = "--format", required = true, paramLabel = "html|csv|json", converter = FormatConverter.class,
            description = "Report format. CSV writes the inventory to --out and the findings beside it (NAME-findings.csv).")
    ReportExport.Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit with 1 when findings at or above LOW, MEDIUM or HIGH exist.")
    Severity failOn;

    @Option(names = "--required-tag", paramLabel = "KEY", description = "A tag key every parameter and secret must carry; repeatable.")
    List<String> requiredTags = new ArrayList<>();

    @Option(names = "--not-accessed-days", paramLabel = "DAYS", defaultValue = "90",
            description = "Report secrets not accessed for this many days (default ${DEFAULT-VALUE}).")
    int notAccessedDays;

    @Option(names = "--expiring-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Report parameters whose Expiration policy falls within this many days (default ${DEFAULT-VALUE}).")
    int expiringDays;

    @Option(names = "--customer-key-prefix", paramLabel = "PREFIX",
            description = "Names under this prefix must use a customer KMS key; repeatable.")
    List<String> customerKeyPrefixes = new ArrayList<>();

    @Option(names = "--customer-key-tag", paramLabel = "KEY[=VALUE]", defaultValue = "",
            description = "Items with this tag must use a customer KMS key.")
    String customerKeyTag;

    @Option(names = "--parameter-tags",
            description = "Read every parameter's tags (one call per parameter; done anyway when a tag check is set).")
    boolean parameterTags;

    @Option(names = "--no-consumers",
            description = {"Skip the consumer scan (CloudFormation stacks and templates, EC2 launch templates, Lambda functions, "
                + "ECS task definitions, String parameters' values, which the reveal log records as read) for a quicker "
                + "report: no consumer counts, and no 'Pinned to an old version' or 'No consumer found' findings."})
    boolean noConsumers;

    /** Read when the command runs, not when the command line is built (which happens at every start). */
    private final CommandSessions sessions;
    /** How each connection's clients are opened: always {@link SessionClients#open}; tests keep them to count their calls. */
    private final java.util.function.Function<AwsSession, ClientFactory> openClients;

    public AuditCommand() {
        this(new CommandSessions(), SessionClients::open);
    }

    AuditCommand(Profiles awsProfiles) {
        this(new CommandSessions(() -> awsProfiles), SessionClients::open);
    }

    /** {@code openClients} must open through {@link SessionClients#open} (audit mode's guard and reveal log). */
    AuditCommand(java.util.function.Function<AwsSession, ClientFactory> openClients) {
        this(new CommandSessions(), openClients);
    }

    private AuditCommand(CommandSessions sessions, java.util.function.Function<AwsSession, ClientFactory> openClients) {
        this.sessions = sessions;
        this.openClients = openClients;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outText = spec.commandLine().getOut();
        AuditSettings settings;
        List<Connection> connections;
        List<AwsSession> opened;
        try {
            settings = new AuditSettings(requiredTags, notAccessedDays, expiringDays, customerKeyPrefixes, customerKeyTag, parameterTags,
                    !noConsumers);
            connections = connections();
            opened = connections.stream().map(this.sessions::session).toList();
        } catch (LocalFileException e) {
            // Not a bad option: a file of the user's that the command needs.
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println(AwsErrors.explain(e).text());
            return 2;
        }
        List<ClientFactory> clients = opened.stream().map(openClients).toList();
        try {
            Optional<List<String>> signInProblem = signInProblem(connections);
            if (signInProblem.isPresent()) {
                signInProblem.get().forEach(err::println);
                return FAILED;
            }
            AuditReport report = ReportCollector.report(clients, settings, (message, done, total) -> { }, () -> false);
            List<Path> written = ReportExport.write(report, format, out);
            Map<Severity, Long> counts = report.findingsBySeverity();
            outText.printf("Wrote %s: %d parameters, %d secrets; findings: %d HIGH, %d MEDIUM, %d LOW.%n",
                    String.join(" and ", written.stream().map(Path::toString).toList()), report.parameterCount(), report.secretCount(),
                    counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW));
            // What the consumer scan covered, then (on the error stream) each connection it could not read whole.
            List<String> consumerNotes = report.consumerScanNotes();
            outText.println(consumerNotes.get(0));
            consumerNotes.subList(1, consumerNotes.size()).forEach(note -> err.println(ServiceText.printable(note)));
            outText.flush();
            err.flush();
            return failOn != null && report.hasFindingsAtLeast(failOn) ? FINDINGS : 0;
        } catch (IOException | RuntimeException e) {
            AwsErrors.Problem problem = AwsErrors.explain(e);
            // AWS's own message is part of it: printed without terminal control characters.
            err.println(ServiceText.printable(problem.commandText()));
            return FAILED;
        } finally {
            clients.forEach(ClientFactory::close);
        }
    }

    /** Every profile in every region asked for, each read-only. */
    private List<Connection> connections() {
        if (profiles.isEmpty() && endpoint == null) {
            profiles.add(sessions.profiles().defaultProfileName()
                    .orElseThrow(() -> new IllegalArgumentException("Name a --profile (or an --endpoint-url) to audit.")));
        }
        List<Connection> result = new ArrayList<>();
        if (profiles.isEmpty()) {
            for (String region : regions.isEmpty() ? List.of("us-east-1") : regions) {
                result.add(Connection.endpoint(endpoint, region, true));
            }
            return result;
        }
        for (String profile : profiles) {
            sessions.requireProfile(profile);
            for (String region : regions.isEmpty() ? List.of(sessions.regionOf(profile, "")) : regions) {
                result.add(Connection.profile(profile, region, endpoint, true));
            }
        }
        return result;
    }

    /** How to sign in, for the first profile that must sign in to IAM Identity Center first (each profile checked once). */
    private Optional<List<String>> signInProblem(List<Connection> connections) {
        Map<String, Connection> byProfile = new LinkedHashMap<>();
        connections.forEach(c -> byProfile.putIfAbsent(c.profile(), c));
        return byProfile.values().stream().map(sessions::signInProblem).flatMap(Optional::stream).findFirst();
    }

    /** Accepts html, csv or json in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportExport.Format> {
        @Override
        public ReportExport.Format convert(String value) {
            try {
                return ReportExport.Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("choose html, csv or json, not '" + value + "'");
            }
        }
    }
}
