package dev.coffer;

import dev.coffer.auth.Profiles;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.Cancellation;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ServiceText;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * {@code coffer login --profile NAME}: signs in to IAM Identity Center without a window, like
 * {@code aws sso login --no-browser}, and caches the token where the AWS CLI, the SDKs and Coffer
 * find it. The same {@link SsoLogin} as the sign-in dialog does the work.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in to IAM Identity Center (SSO) for a profile or sso-session, as `aws sso login --no-browser` does: "
                + "prints the verification URL and code, waits for you to approve them in a browser, and caches the token for "
                + "Coffer, the AWS CLI and the SDKs.")
public final class LoginCommand implements Callable<Integer> {

    /** As {@code coffer audit}: a file of the user's that the command needs cannot be used. */
    static final int UNREADABLE_FILE = 3;

    @Option(names = "--profile", paramLabel = "NAME", description = "An SSO profile (default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "Sign in to this [sso-session NAME] of the AWS config file instead.")
    String ssoSession;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<Profiles> profiles;
    private final Function<SsoConfig, SsoLogin> logins;

    public LoginCommand() {
        this(Profiles::fromEnvironment, SsoLogin::standard);
    }

    /** For tests: other AWS files and another sign-in service. */
    LoginCommand(Supplier<Profiles> profiles, Function<SsoConfig, SsoLogin> logins) {
        this.profiles = profiles;
        this.logins = logins;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profiles available = profiles.get();
        if (!available.unreadableFiles().isEmpty()) {
            err.println(ServiceText.printable(AwsErrors.explain(available.unreadableFiles().get(0)).commandText()));
            return UNREADABLE_FILE;
        }
        ProfileFile file = available.file();
        Optional<SsoConfig> config;
        String what;
        if (ssoSession != null) {
            config = SsoConfig.ofSession(file, ssoSession);
            what = "the sso-session '" + ssoSession + "'";
        } else {
            String name = Optional.ofNullable(profile).or(available::defaultProfileName).orElse("default");
            config = SsoConfig.ofProfile(file, name);
            what = available.find(name).isPresent() ? "the profile '" + name + "'" : null;
            if (what == null) {
                err.println("There is no profile '" + name + "' in your AWS config file.");
                return 2;
            }
        }
        if (config.isEmpty()) {
            err.println("Coffer can not sign in for " + what + ": it names no sso_session with sso_start_url and sso_region, "
                    + "nor sso_start_url and sso_region of its own.");
            return 2;
        }
        SsoLogin login = logins.apply(config.get());
        try {
            CachedToken token = login.signIn(code -> {
                out.println("Browser will not be automatically opened.");
                out.println("Please visit the following URL:");
                out.println();
                out.println(code.verificationUri());
                out.println();
                out.println("Then enter the code:");
                out.println();
                out.println(code.userCode());
                out.println();
                out.println("Alternatively, you may visit the following URL which will autofill the code upon loading:");
                out.println(code.verificationUriComplete());
                out.flush();
            }, new Cancellation());
            out.println("Successfully logged into Start URL: " + token.startUrl());
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            // Denied, expired, cancelled, or an AWS error: the service's own message may be part of it.
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return 1;
        }
    }
}
