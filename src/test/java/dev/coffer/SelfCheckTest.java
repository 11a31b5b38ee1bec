package dev.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfCheckTest {

    private static final String IGNORE_ENDPOINTS = "aws.ignoreConfiguredEndpointUrls";
    private static String ignoreEndpointsBefore;

    /**
     * The build clears AWS_ENDPOINT_URL for tests by setting it empty, and the SDK then refuses to
     * build a client with no endpoint override (as it would for a user with that empty variable).
     */
    @BeforeAll
    static void ignoreTheEmptiedEndpointVariable() {
        ignoreEndpointsBefore = System.setProperty(IGNORE_ENDPOINTS, "true");
    }

    @AfterAll
    static void restore() {
        if (ignoreEndpointsBefore == null) {
            System.clearProperty(IGNORE_ENDPOINTS);
        } else {
            System.setProperty(IGNORE_ENDPOINTS, ignoreEndpointsBefore);
        }
    }

    @Test
    void everyCheckPassesWhereCofferBuilds() {
        List<SelfCheck.Result> results = SelfCheck.checks();

        assertThat(results).extracting(SelfCheck.Result::name).containsExactly(
                "JavaFX", "TLS",
                "AWS client ssm", "AWS client secretsmanager", "AWS client kms", "AWS client ec2",
                "AWS client lambda", "AWS client cloudformation", "AWS client ecs", "AWS client rds", "AWS client redshift",
                "AWS client sts", "AWS client sso", "AWS client ssooidc",
                "SSO credentials");
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.name() + ": " + r.detail()).isTrue());
        assertThat(results.get(0).detail()).startsWith("21.").contains("native library");
        assertThat(results.get(2).detail()).isEqualTo("DefaultSsmClient built, nothing sent");
        assertThat(results.get(14).detail()).contains("SSO");
    }

    @Test
    void printsEveryCheckAndExitsZeroWhenAllPass() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SelfCheck.run(new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(report).startsWith("Coffer ").contains("self-check, Java 17")
                .contains("ok   JavaFX").contains("ok   AWS client ssooidc").contains("ok   SSO credentials")
                .endsWith("Self-check: all 15 checks passed." + System.lineSeparator());
    }

    @Test
    void oneFailureFailsTheRunAndSaysWhy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SelfCheck.report(List.of(
                new SelfCheck.Result("JavaFX", true, "21"),
                new SelfCheck.Result("AWS client sso", false, "java.lang.NoClassDefFoundError: software/amazon/awssdk/services/sso/SsoClient")),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAIL AWS client sso  java.lang.NoClassDefFoundError")
                .contains("Self-check: 1 of 2 checks FAILED.");
    }

    @Test
    void isACommandLineOption() {
        assertThat(LaunchOptions.parse("--self-check").selfCheck()).isTrue();
        assertThat(LaunchOptions.parse().selfCheck()).isFalse();
    }
}
