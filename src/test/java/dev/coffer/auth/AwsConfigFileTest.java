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
    void aSymlinkedConfigStaysALinkAndItsTargetIsWritten() throws Exception {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Path target = Files.writeString(dotfiles.resolve("aws-config"), REALISTIC);
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Path link = Files.createSymbolicLink(aws.resolve("config"), aws.relativize(target));

        new AwsConfigFile(link).addProfile("prod-admin", AwsConfigFile.ssoProfile("corp", "111122223333", "AdministratorAccess", "eu-west-1"));

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(aws.relativize(target));
        assertThat(Files.readString(target)).startsWith(REALISTIC).endsWith("[profile prod-admin]\nsso_session = corp\n"
                + "sso_account_id = 111122223333\nsso_role_name = AdministratorAccess\nregion = eu-west-1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(Files.readString(aws.resolve("config.bak"))).isEqualTo(REALISTIC);
        try (var files = Files.list(dotfiles)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left").containsExactly("aws-config");
        }
    }

    @Test
    void refusesValuesAwsDoesNotAllowBeforeAppendingAnything() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), REALISTIC);
        AwsConfigFile file = new AwsConfigFile(config);

        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "11112222333", "Admin", "eu-west-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account id").hasMessageContaining("12 digits");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "1111222233334", "Admin", "eu-west-1")))
                .hasMessageContaining("account id");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "111122223333", "Admin Role", "eu-west-1")))
                .hasMessageContaining("role name");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "111122223333", "r".repeat(65), "eu-west-1")))
                .hasMessageContaining("role name");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "111122223333", "Admin", "eu-west-1 ]")))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp", "111122223333", "Admin",
                "eu-west-1\ncredential_process = /bin/sh -c evil"))).hasMessageContaining("region");
        assertThatThrownBy(() -> file.addProfile("a", AwsConfigFile.ssoProfile("corp]\n[profile x", "111122223333", "Admin", "eu-west-1")))
                .hasMessageContaining("sso_session");
        assertThatThrownBy(() -> file.addProfile("a", Map.of("output", "json\r\ncredential_process = evil")))
                .hasMessageContaining("output").hasMessageContaining("line break");
        assertThatThrownBy(() -> file.addProfile("a\nb", Map.of("region", "eu-west-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(config)).isEqualTo(REALISTIC);
        assertThat(dir.resolve("config.bak")).doesNotExist();

        // What AWS does allow passes: every character of IAM's role name pattern, and a GovCloud region.
        file.addProfile("gov", AwsConfigFile.ssoProfile("corp", "111122223333", "Ops+=,.@_-Role", "us-gov-west-1"));
        assertThat(Files.readString(config)).contains("sso_role_name = Ops+=,.@_-Role\nregion = us-gov-west-1\n");
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
