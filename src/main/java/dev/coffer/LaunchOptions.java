package dev.coffer;

import dev.coffer.about.Version;
import dev.coffer.ui.shell.StartOptions;
import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Coffer's command line. With no options it opens the default profile, or the local sandbox when there is none. */
@Command(name = "coffer", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Desktop console for AWS Secrets Manager and Systems Manager Parameter Store.")
public final class LaunchOptions {

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile to open (default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION, then the profile's region).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Custom endpoint such as LocalStack or moto. Without --profile, local test credentials are used.")
    URI endpoint;

    @Option(names = {"--audit", "--read-only"},
            description = "Audit mode: nothing that could change AWS is sent, and every value revealed is logged.")
    boolean readOnly;

    @Option(names = "--sandbox", description = "Open the local sandbox (moto_server seeded with example data).")
    boolean sandbox;

    @Option(names = "--self-check",
            description = "Check that this installation can run (JavaFX, the AWS SDK clients, SSO support) without opening "
                    + "a window or calling AWS, print what was checked and exit (0 when all checks pass).")
    boolean selfCheck;

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public boolean sandbox() {
        return sandbox;
    }

    public boolean selfCheck() {
        return selfCheck;
    }

    public static LaunchOptions parse(String... args) {
        LaunchOptions options = new LaunchOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /** What the first window opens. */
    public StartOptions start() {
        return new StartOptions(profile, region, endpoint, readOnly, sandbox);
    }
}
