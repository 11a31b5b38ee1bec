package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** Adding a profile touches nothing else in a real-world config file: sections, order, comments, blank lines. */
class AwsConfigFileTest {

    static final String REALISTIC = """
            # Managed by hand. Ask #platform before changing the sso-session.
            [default]
            region = eu-west-1
            output = json

            ; Production, read-only by default
            [profile prod-readonly]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = ReadOnlyAccess
            region = eu-west-1   # Dublin

            [profile legacy-dev]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 444455556666
            sso_role_name = PowerUserAccess


            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [profile ci]
            role_arn = arn:aws:iam::111122223333:role/ci
            source_profile = default
            [services local]
            ssm =
              endpoint_url = http://localhost:4566
            # trailing comment without newline""";

    @TempDir
    Path dir;

    @Test
    void appendsTheProfileAndKeepsEverythingElseByteForByteWithABackup() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), REALISTIC);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        AwsConfigFile file = new AwsConfigFile(config);

        file.addProfile("prod-admin", AwsConfigFile.ssoProfile("corp", "111122223333", "AdministratorAccess", "eu-west-1"));

        assertThat(Files.readString(config)).isEqualTo(REALISTIC + """

                
                [profile prod-admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = AdministratorAccess
                region = eu-west-1
                """);
        assertThat(Files.readString(dir.resolve("config.bak"))).isEqualTo(REALISTIC);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config", "config.bak");
        }

        // The SDK (and so the CLI's reading of it) sees the new profile beside the old ones.
        ProfileFile parsed = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        assertThat(parsed.profiles()).containsKeys("default", "prod-readonly", "legacy-dev", "ci", "prod-admin");
        assertThat(parsed.profile("prod-admin").orElseThrow().properties()).isEqualTo(Map.of("sso_session", "corp",
                "sso_account_id", "111122223333", "sso_role_name", "AdministratorAccess", "region", "eu-west-1"));
        assertThat(parsed.getSection("sso-session", "corp")).isPresent();
    }

    @Test
    void listsProfilesAndSsoSessionsInFileOrder() throws Exception {
        AwsConfigFile file = new AwsConfigFile(Files.writeString(dir.resolve("config"), REALISTIC));
        assertThat(file.profileNames()).containsExactly("default", "prod-readonly", "legacy-dev", "ci");
        assertThat(file.ssoSessions()).containsExactly("corp");
    }

    @Test
    void refusesATakenOrUnusableNameAndLeavesTheFileAlone() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), REALISTIC);
        AwsConfigFile file = new AwsConfigFile(config);

        assertThatThrownBy(() -> file.addProfile("prod-readonly", Map.of("region", "eu-west-1")))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> file.addProfile("default", Map.of("region", "eu-west-1"))).hasMessageContaining("already exists");
        assertThat(file.problemWithName("prod admin")).contains("no spaces");
        assertThat(file.problemWithName("x]")).isNotNull();
        assertThat(file.problemWithName("")).isNotNull();
        assertThat(Files.readString(config)).isEqualTo(REALISTIC);
        assertThat(dir.resolve("config.bak")).doesNotExist();
    }

    @Test
    void createsAMissingConfigFile() throws Exception {
        Path config = dir.resolve(".aws").resolve("config");
        new AwsConfigFile(config).addProfile("admin", AwsConfigFile.ssoProfile("corp", "111122223333", "Admin", "us-east-1"));
        assertThat(Files.readString(config)).isEqualTo("""
                [profile admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin
                region = us-east-1
                """);
        assertThat(dir.resolve(".aws").resolve("config.bak")).doesNotExist();
    }
}
