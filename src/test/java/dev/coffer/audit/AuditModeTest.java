package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.LaunchOptions;
import dev.coffer.aws.Connection;
import dev.coffer.ui.shell.Settings;
import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Audit mode is chosen with --audit (or the older --read-only) and remembered per connection. */
class AuditModeTest {

    @Test
    void auditAndReadOnlyFlagsChooseTheSameMode() {
        assertThat(LaunchOptions.parse("--audit").readOnly()).isTrue();
        assertThat(LaunchOptions.parse("--read-only").readOnly()).isTrue();
        assertThat(LaunchOptions.parse().readOnly()).isFalse();
    }

    @Test
    void theModeIsRememberedPerProfileRegionAndEndpoint() {
        Settings settings = new Settings();
        Connection prod = Connection.profile("prod", "eu-west-1", null, true);
        settings.rememberAuditMode(prod);
        assertThat(settings.auditMode(prod.withReadOnly(false))).isTrue();
        assertThat(settings.auditMode(prod.withRegion("us-east-1"))).as("another region").isFalse();
        assertThat(settings.auditMode(Connection.profile("prod", "eu-west-1", URI.create("http://localhost:4566"), false)))
                .as("another endpoint").isFalse();
        assertThat(settings.auditMode(Connection.sandbox(false))).isFalse();

        settings.rememberAuditMode(prod.withReadOnly(false));
        assertThat(settings.auditMode(prod)).as("unticked again").isFalse();
        settings.rememberAuditMode(Connection.sandbox(true));
        assertThat(settings.auditMode(Connection.sandbox(false))).isTrue();
    }

    @Test
    void theAuditSubcommandIsPartOfTheCommandLine() {
        CommandLine cli = new CommandLine(new LaunchOptions()).addSubcommand(new AuditCommand());
        CommandLine.ParseResult parsed = cli.parseArgs("audit", "--profile", "p", "--region", "r", "--format", "HTML", "--out", "x.html",
                "--fail-on", "MEDIUM");
        AuditCommand audit = (AuditCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(audit.format).isEqualTo(ReportExport.Format.HTML);
        assertThat(audit.failOn).isEqualTo(Severity.MEDIUM);
        assertThat(audit.profiles).containsExactly("p");
    }
}
