package dev.coffer.compare;

import dev.coffer.audit.CommandSessions;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.CofferException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The two sides of {@code coffer diff} and {@code coffer promote}: each a profile (or an endpoint)
 * in a region with a path and/or a secret prefix, or an export file.
 */
abstract class SideOptions {

    /** Exit code: AWS or a file could not be read. */
    static final int FAILED = 3;
    /** Exit code: bad options. */
    static final int BAD_OPTIONS = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--left-profile", paramLabel = "NAME", description = "AWS profile of the left side.")
    String leftProfile;
    @Option(names = "--left-region", paramLabel = "REGION", description = "Region of the left side (default: the profile's).")
    String leftRegion;
    @Option(names = "--left-endpoint-url", paramLabel = "URL", description = "Custom endpoint of the left side (LocalStack, moto).")
    URI leftEndpoint;
    @Option(names = "--left-path", paramLabel = "PATH", description = "Parameter Store path of the left side, such as /apps/billing/dev.")
    String leftPath;
    @Option(names = "--left-secrets-prefix", paramLabel = "PREFIX", description = "Secret name prefix of the left side (default: --secrets-prefix).")
    String leftSecretsPrefix;
    @Option(names = "--left-file", paramLabel = "FILE", description = "A Coffer export file as the left side.")
    Path leftFile;

    @Option(names = "--right-profile", paramLabel = "NAME", description = "AWS profile of the right side.")
    String rightProfile;
    @Option(names = "--right-region", paramLabel = "REGION", description = "Region of the right side (default: the profile's).")
    String rightRegion;
    @Option(names = "--right-endpoint-url", paramLabel = "URL", description = "Custom endpoint of the right side (LocalStack, moto).")
    URI rightEndpoint;
    @Option(names = "--right-path", paramLabel = "PATH", description = "Parameter Store path of the right side (default: --left-path).")
    String rightPath;
    @Option(names = "--right-secrets-prefix", paramLabel = "PREFIX", description = "Secret name prefix of the right side (default: --secrets-prefix).")
    String rightSecretsPrefix;
    @Option(names = "--right-file", paramLabel = "FILE", description = "A Coffer export file as the right side.")
    Path rightFile;

    @Option(names = "--secrets-prefix", paramLabel = "PREFIX", description = "Compare the secrets whose names start with PREFIX on both sides.")
    String secretsPrefix;

    @Option(names = "--tags", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compare tags (--no-tags: skip them, and the one ListTagsForResource call per parameter).")
    boolean tags;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = ReportFormat.Converter.class,
            description = "Output format (default ${DEFAULT-VALUE}).")
    ReportFormat format;

    /** Read when a side needs a profile: a side given by endpoint or file needs no AWS file. */
    private final CommandSessions sessions = new CommandSessions();

    /**
     * The side the options describe, its clients added to {@code opened} for closing.
     *
     * @throws IllegalArgumentException for options that do not make a side (exit 2)
     */
    Side side(boolean left, boolean readOnly, List<ClientFactory> opened) {
        String which = left ? "left" : "right";
        Path file = left ? leftFile : rightFile;
        String profile = left ? leftProfile : rightProfile;
        String region = left ? leftRegion : rightRegion;
        URI endpoint = left ? leftEndpoint : rightEndpoint;
        String path = left ? leftPath : rightPath == null ? leftPath : rightPath;
        String prefix = left ? leftSecretsPrefix : rightSecretsPrefix;
        if (prefix == null) {
            prefix = secretsPrefix;
        }
        if (file != null) {
            if (profile != null || region != null || endpoint != null || (left ? leftPath : rightPath) != null
                    || (left ? leftSecretsPrefix : rightSecretsPrefix) != null) {
                throw new IllegalArgumentException("--" + which + "-file is a side by itself: leave out the " + which
                        + " side's profile, region, endpoint, path and secrets prefix.");
            }
            return new Side.ExportFile(file);
        }
        Connection connection = sessions.connection(profile, region, endpoint, readOnly, which + "-", "Name a --" + which
                + "-profile (or a --" + which + "-endpoint-url or --" + which + "-file) for the " + which + " side.");
        Optional<String> pathOption = Optional.ofNullable(path);
        Optional<String> prefixOption = Optional.ofNullable(prefix);
        if (pathOption.isEmpty() && prefixOption.isEmpty()) {
            throw new IllegalArgumentException("Name a --" + which + "-path or a --secrets-prefix for the " + which + " side.");
        }
        Optional<List<String>> signIn = sessions.signInProblem(connection);
        if (signIn.isPresent()) {
            throw new NotSignedInException(String.join(System.lineSeparator(), signIn.get()));
        }
        ClientFactory clients = SessionClients.open(sessions.session(connection));
        opened.add(clients);
        return new Side.Live(clients, pathOption, prefixOption);
    }

    /** A profile that needs signing in to IAM Identity Center first: the message says how. */
    static final class NotSignedInException extends CofferException {
        NotSignedInException(String message) {
            super(message);
        }
    }
}
