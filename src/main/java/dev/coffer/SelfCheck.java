package dev.coffer;

import dev.coffer.about.Version;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Endpoints;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;

/**
 * {@code coffer --self-check}: shows that this installation has what Coffer needs, without opening a
 * window and without sending anything to AWS. It loads JavaFX from the runtime, builds every AWS SDK
 * client Coffer uses, and resolves an SSO profile through the SDK's SSO support. One line per check;
 * the exit code is 0 when every check passes, 1 otherwise.
 */
public final class SelfCheck {

    /** One check: what was verified, or why it could not be. */
    record Result(String name, boolean passed, String detail) {
    }

    private SelfCheck() {
    }

    /** Runs every check, prints the report and returns the process exit code. */
    public static int run(PrintStream out) {
        out.printf("Coffer %s self-check, Java %s in %s%n", Version.current(), System.getProperty("java.version"),
                System.getProperty("java.home"));
        return report(checks(), out);
    }

    static List<Result> checks() {
        List<Result> results = new ArrayList<>();
        results.add(check("JavaFX", SelfCheck::javafx));
        results.add(check("TLS", SelfCheck::tls));
        // The clients Coffer's services use, built as they are in the app: by the one ClientFactory.
        results.add(check("AWS client ssm", () -> built(ClientFactory::ssm)));
        results.add(check("AWS client secretsmanager", () -> built(ClientFactory::secretsManager)));
        results.add(check("AWS client kms", () -> built(ClientFactory::kms)));
        results.add(check("AWS client ec2", () -> built(ClientFactory::ec2)));
        results.add(check("AWS client lambda", () -> built(ClientFactory::lambda)));
        results.add(check("AWS client cloudformation", () -> built(ClientFactory::cloudFormation)));
        results.add(check("AWS client ecs", () -> built(ClientFactory::ecs)));
        results.add(check("AWS client rds", () -> built(ClientFactory::rds)));
        results.add(check("AWS client redshift", () -> built(ClientFactory::redshift)));
        results.add(check("AWS client sts", () -> built(ClientFactory::sts)));
        // Unsigned, with the SDK's default HTTP client, as the SDK's SSO support and the sign-in build them.
        results.add(check("AWS client sso", () -> built(ClientFactory.ssoPortal("us-east-1"))));
        results.add(check("AWS client ssooidc", () -> built(ClientFactory.ssoOidc("us-east-1"))));
        // A lambda rather than SsoProfile::resolve, so that linking SsoProfile happens inside the check.
        results.add(check("SSO credentials", () -> SsoProfile.resolve()));
        return results;
    }

    static int report(List<Result> results, PrintStream out) {
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        long failed = results.stream().filter(r -> !r.passed()).count();
        for (Result r : results) {
            out.printf("%-4s %-" + width + "s  %s%n", r.passed() ? "ok" : "FAIL", r.name(), r.detail());
        }
        out.println(failed == 0
                ? "Self-check: all " + results.size() + " checks passed."
                : "Self-check: " + failed + " of " + results.size() + " checks FAILED.");
        return failed == 0 ? 0 : 1;
    }

    /** A missing module or jar shows up as a LinkageError (NoClassDefFoundError), so those count as failures too. */
    private static Result check(String name, Callable<String> check) {
        try {
            return new Result(name, true, check.call());
        } catch (Exception | LinkageError e) {
            return new Result(name, false, e.toString());
        }
    }

    /** JavaFX's classes, version and native library, without starting the toolkit (so no display is needed). */
    private static String javafx() throws Exception {
        Class<?> controls = javafx.scene.control.Button.class;
        Class<?> fxml = javafx.fxml.FXMLLoader.class;
        Properties about = new Properties();
        try (var in = javafx.beans.Observable.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                throw new IllegalStateException("javafx.base has no javafx.properties");
            }
            about.load(in);
        }
        String from = controls.getModule().isNamed() && fxml.getModule().isNamed()
                ? "modules " + controls.getModule().getName() + ", " + fxml.getModule().getName() + " of the runtime"
                : "the class path";
        return about.getProperty("javafx.runtime.version") + " from " + from + ", " + glassLibrary();
    }

    /**
     * Where JavaFX will find its native windowing library: beside the runtime's own libraries, where
     * JavaFX looks first (the Linux and macOS installers put it there), or inside javafx.graphics,
     * from where JavaFX unpacks it into the user's cache.
     */
    private static String glassLibrary() {
        String name = System.mapLibraryName("glass");
        Path beside = Path.of(System.getProperty("java.home"), "lib", name);
        if (Files.isRegularFile(beside)) {
            return "native library " + beside;
        }
        if (javafx.stage.Stage.class.getResource("/" + name) != null) {
            return "native library " + name + " inside javafx.graphics";
        }
        throw new IllegalStateException("JavaFX's native library " + name + " is neither in " + beside.getParent()
                + " nor inside javafx.graphics");
    }

    /** HTTPS to AWS needs elliptic-curve key exchange (jdk.crypto.ec) and the CA certificates. */
    private static String tls() throws Exception {
        long ecdhe = Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites())
                .filter(suite -> suite.startsWith("TLS_ECDHE_")).count();
        if (ecdhe == 0) {
            throw new IllegalStateException("no ECDHE cipher suite is enabled: the runtime lacks jdk.crypto.ec");
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        int authorities = Arrays.stream(trust.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .mapToInt(m -> ((X509TrustManager) m).getAcceptedIssuers().length).sum();
        if (authorities == 0) {
            throw new IllegalStateException("the runtime trusts no certificate authority (lib/security/cacerts)");
        }
        return ecdhe + " ECDHE cipher suites, " + authorities + " trusted certificate authorities";
    }

    private static String built(Function<ClientFactory, SdkClient> client) {
        AwsSession offline = new AwsSession(Connection.profile("self-check", "us-east-1", null, true),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("self-check", "self-check")), Endpoints.AWS, Optional.empty());
        try (ClientFactory factory = SessionClients.open(offline)) {
            return built(client.apply(factory));
        }
    }

    private static String built(SdkClient client) {
        try (client) {
            return client.getClass().getSimpleName() + " built, nothing sent";
        }
    }

    /**
     * An sso-session profile, as {@code aws configure sso} writes it, resolved by the SDK's profile
     * provider. The session name is new, so no token is cached for it and nothing is sent: the SDK's
     * SSO support answers that the session needs {@code aws sso login}. Without the ssooidc module the
     * answer is the same, caused by the missing class, so the causes are looked at too. A nested
     * class, so that a missing sso module fails this check alone.
     */
    private static final class SsoProfile {

        static String resolve() throws Exception {
            String session = "coffer-self-check-" + UUID.randomUUID();
            Path config = Files.createTempFile("coffer-self-check", ".config");
            try {
                Files.writeString(config, String.join("\n",
                        "[profile self-check]",
                        "sso_session = " + session,
                        "sso_account_id = 111111111111",
                        "sso_role_name = SelfCheck",
                        "region = us-east-1",
                        "[sso-session " + session + "]",
                        "sso_start_url = https://self-check.invalid/start",
                        "sso_region = us-east-1",
                        ""));
                ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
                try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                        .profileFile(file).profileName("self-check").build()) {
                    provider.resolveCredentials();
                    throw new IllegalStateException("an SSO profile without a cached token resolved to credentials");
                } catch (ExpiredTokenException expected) {
                    for (Throwable cause = expected.getCause(); cause != null; cause = cause.getCause()) {
                        if (cause instanceof ClassNotFoundException) {
                            throw new IllegalStateException(expected.getCause().getMessage(), expected);
                        }
                    }
                    return "an sso-session profile reaches the SDK's SSO and SSO-OIDC support (not signed in, nothing sent)";
                }
            } finally {
                Files.deleteIfExists(config);
            }
        }
    }
}
