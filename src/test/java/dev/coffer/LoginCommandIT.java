package dev.coffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.testsupport.sso.FakeSso;
import dev.coffer.testsupport.sso.SsoTokenCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code coffer login --profile NAME}, run in-process through Main's own command line against the
 * fake IAM Identity Center, with the AWS config file and token cache the build points the SDK at.
 */
class LoginCommandIT {

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    SsoTokenCache cache;
    Path config;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        cache = SsoTokenCache.redirected();
        cache.delete("corp");
        sso = FakeSso.start();
        endpoints = sso.overrideSdkEndpoints();
        config = Path.of(System.getProperty("aws.configFile"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = AdministratorAccess
                region = us-east-1

                [profile keys]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = example

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        endpoints.close();
        sso.close();
        cache.delete("corp");
        Files.deleteIfExists(config);
        // Coffer points the SDK past a damaged AWS file for the rest of its run; the next test gets the build's file back.
        System.setProperty("aws.configFile", config.toString());
    }

    CompletableFuture<Integer> run(String... args) {
        CommandLine cli = Main.commands(new LaunchOptions());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    @Test
    void aDamagedAwsConfigIsNamedWithItsLineAndEndsWithStatus3() throws Exception {
        Files.writeString(config, "[profile admin]\nsso_session = corp\n\n[sso-session corp\nsso_region = eu-west-1\n");

        int status = run("login", "--profile", "admin").get(30, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("Coffer cannot use " + config + " (line 4): Section definition must end with ']'. "
                + "Correct or move aside that file, then run the command again.");
    }

    @Test
    void mainKnowsEverySubcommandByName() {
        // Main builds the subcommands only when an argument names one; a new one must be added to SUBCOMMANDS.
        assertThat(Main.commands(new LaunchOptions()).getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(Main.SUBCOMMANDS);
    }

    @Test
    void printsTheUrlAndCodeLikeTheCliAndCachesTheTokenOnceApproved() throws Exception {
        CompletableFuture<Integer> exit = run("login", "--profile", "admin");

        await().atMost(Duration.ofSeconds(30)).until(() -> sso.latestDeviceAuthorization().isPresent()
                && out.toString().contains(sso.latestDeviceAuthorization().get().userCode()));
        FakeSso.DeviceAuthorization device = sso.latestDeviceAuthorization().get();
        assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
                "Browser will not be automatically opened.",
                "Please visit the following URL:",
                "",
                sso.endpoint() + "/device",
                "",
                "Then enter the code:",
                "",
                device.userCode(),
                "",
                "Alternatively, you may visit the following URL which will autofill the code upon loading:",
                sso.endpoint() + "/device?user_code=" + device.userCode(), ""));

        device.approve();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).endsWith("Successfully logged into Start URL: https://corp.awsapps.com/start" + System.lineSeparator());
        Map<String, Object> cached = cache.read("corp").orElseThrow();
        assertThat(cached).containsEntry("accessToken", sso.issuedAccessTokens().get(0))
                .containsEntry("startUrl", "https://corp.awsapps.com/start").containsKey("refreshToken");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file("corp")))).isEqualTo("rw-------");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aDeniedSignInExitsWithOneAndSaysWhy() throws Exception {
        CompletableFuture<Integer> exit = run("login", "--sso-session", "corp");
        await().atMost(Duration.ofSeconds(30)).until(() -> sso.latestDeviceAuthorization().isPresent());
        sso.latestDeviceAuthorization().get().deny();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isOne();
        assertThat(err.toString()).contains("denied");
        assertThat(cache.read("corp")).isEmpty();
    }

    @Test
    void aProfileWithoutSsoOrAnUnknownOneIsAUsageError() throws Exception {
        assertThat(run("login", "--profile", "keys").get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(err.toString()).contains("'keys'").contains("sso_session");
        assertThat(run("login", "--profile", "nope").get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(err.toString()).contains("no profile 'nope'");
        assertThat(sso.calls()).isEmpty();
    }

    @Test
    void aVerificationPageThatIsNotHttpsIsNeitherPrintedNorWaitedFor() throws Exception {
        sso.deviceAuthorizationAnswer("http://sso-login.example.net/device", "http://sso-login.example.net/device?user_code=BCDF-GHJK", null);

        assertThat(run("login", "--profile", "admin").get(60, TimeUnit.SECONDS)).isOne();

        assertThat(out.toString()).doesNotContain("sso-login.example.net");
        assertThat(err.toString()).contains("https://").contains("sso-session 'corp'");
        assertThat(sso.count("CreateToken")).isZero();
        assertThat(cache.read("corp")).isEmpty();
    }

    @Test
    void whatTheServiceSentIsPrintedWithoutTerminalControlCharacters() throws Exception {
        sso.deviceAuthorizationAnswer(sso.endpoint() + "/device", sso.endpoint() + "/device?user_code=BCDF-GHJK", "\u001b]0;pwned\u0007BCDF-GHJK\r\n\u001b[1A\u001b[2K");
        CompletableFuture<Integer> exit = run("login", "--profile", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("BCDF-GHJK"));
        sso.latestDeviceAuthorization().orElseThrow().deny();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isOne();
        String printed = out.toString() + err.toString();
        assertThat(printed.replace(System.lineSeparator(), "")).doesNotContainPattern("\\p{Cntrl}");
        assertThat(out.toString()).contains(System.lineSeparator() + "BCDF-GHJK" + System.lineSeparator());
    }
}
