package dev.coffer;

import dev.coffer.about.Version;
import dev.coffer.audit.CommandSessions;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.LocalFileException;
import dev.coffer.aws.ServiceText;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerReport;
import dev.coffer.usage.UsageScan;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer where-used}: what reads a parameter, a folder's parameters or a secret, without a
 * window. Here rather than in {@code usage} because it opens its session through
 * {@code audit.SessionClients}, and the audit report reads {@code usage}. The session is read-only
 * (audit mode), so it cannot change anything.
 */
@Command(name = "where-used", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, sortOptions = false,
        description = {"List what reads parameters and secrets: CloudFormation stacks, EC2 launch templates, Lambda functions, "
                + "ECS task definitions and other parameters (read-only: nothing is changed in AWS). Values are never printed.",
            "Exit code: 0 consumers found, 1 none, 2 bad options, 3 AWS could not be read."})
public final class WhereUsedCommand implements Callable<Integer> {

    static final int NONE = 1;
    static final int BAD_OPTIONS = 2;
    static final int FAILED = 3;

    enum Format { TEXT, JSON }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME-OR-ARN", arity = "0..*",
            description = "A parameter's name or ARN, or a secret's name, ARN or partial ARN.")
    List<String> names = new ArrayList<>();

    @Option(names = "--path", paramLabel = "/FOLDER", description = "Every parameter under this folder; repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Region (default: the profile's region).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Custom endpoint (LocalStack, moto).")
    URI endpoint;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format (default ${DEFAULT-VALUE}).")
    Format format;

    /** Read when a profile is needed: an endpoint alone needs no AWS file. */
    private final CommandSessions sessions = new CommandSessions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AwsSession session;
        try {
            if (names.isEmpty() && paths.isEmpty()) {
                throw new IllegalArgumentException("Name a parameter or a secret, or give a --path.");
            }
            for (String path : paths) {
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException("--path " + path + " is not a folder: a folder starts with /, such as /apps/billing.");
                }
            }
            // Read-only, as coffer audit.
            Connection connection = sessions.connection(profile, region, endpoint, true, "", "Name a --profile (or an --endpoint-url).");
            Optional<List<String>> signIn = sessions.signInProblem(connection);
            if (signIn.isPresent()) {
                signIn.get().forEach(err::println);
                return FAILED;
            }
            session = sessions.session(connection);
        } catch (LocalFileException e) {
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println(AwsErrors.explain(e).text());
            return BAD_OPTIONS;
        }
        try (ClientFactory clients = SessionClients.open(session)) {
            ConsumerIndex index = UsageScan.scan(clients, new Cancellation(), message -> { });
            Set<Consumer> found = new LinkedHashSet<>();
            names.forEach(name -> found.addAll(index.lookUp(name)));
            paths.forEach(path -> found.addAll(index.underFolder(path)));
            List<Consumer> consumers = List.copyOf(found);
            index.unread().forEach(problem -> err.println(ServiceText.printable(problem)));
            if (consumers.isEmpty() && !index.unread().isEmpty()) {
                // Nothing found in what could be read is no answer.
                return FAILED;
            }
            out.print(format == Format.JSON ? ConsumerReport.json(consumers, index.unread()) : ConsumerReport.text(consumers));
            out.flush();
            return consumers.isEmpty() ? NONE : 0;
        } catch (RuntimeException e) {
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return FAILED;
        }
    }

    /** Accepts text or json in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("choose text or json, not '" + value + "'");
            }
        }
    }
}
