package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.auth.ProfileInfo.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** Profiles read from realistic AWS config and credentials files, with a fake environment. */
class ProfilesTest {

    static final String CONFIG = """
            [default]
            region = eu-west-1
            output = json

            [profile dev-keys]
            region = eu-central-1

            [profile prod-admin]
            role_arn = arn:aws:iam::210987654321:role/Admin
            source_profile = dev-keys
            role_session_name = alice
            region = us-west-2

            [profile ci]
            credential_process = /opt/bin/aws-creds --account ci
            region = ap-southeast-2

            [profile sso-admin]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = AdministratorAccess
            region = eu-west-2

            [profile sso-readonly]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = ReadOnlyAccess

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [profile legacy-sso]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-2
            sso_account_id = 444455556666
            sso_role_name = ReadOnly

            [profile eks-pod]
            role_arn = arn:aws:iam::111122223333:role/pod
            web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token

            [profile localstack]
            endpoint_url = http://localhost:4566
            region = us-east-1
            aws_access_key_id = test
            aws_secret_access_key = test

            [profile localstack-ignored]
            endpoint_url = http://localhost:4566
            ignore_configured_endpoint_urls = true
            aws_access_key_id = test
            aws_secret_access_key = test

            [profile nothing]
            output = table
            """;

    static final String CREDENTIALS = """
            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

            [dev-keys]
            aws_access_key_id = AKIAI44QH8DHBEXAMPLE
            aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY

            [temporary]
            aws_access_key_id = ASIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE
            """;

    @TempDir
    Path dir;

    static ProfileFile files(Path dir, String config, String credentials) throws IOException {
        Path configFile = Files.writeString(dir.resolve("config"), config);
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), credentials);
        return ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
    }

    private Profiles profiles(Map<String, String> env) throws IOException {
        return new Profiles(files(dir, CONFIG, CREDENTIALS), env::get);
    }

    @Test
    void listsEveryProfileOfBothFilesSortedAndNoSsoSessions() throws IOException {
        Profiles profiles = profiles(Map.of());
        assertThat(profiles.isEmpty()).isFalse();
        assertThat(profiles.list()).extracting(ProfileInfo::name).containsExactly(
                "ci", "default", "dev-keys", "eks-pod", "legacy-sso", "localstack", "localstack-ignored", "nothing",
                "prod-admin", "sso-admin", "sso-readonly", "temporary");
        assertThat(profiles.find("corp")).isEmpty();
        assertThat(profiles.find("missing")).isEmpty();
        assertThat(profiles.find("ci")).isEqualTo(profiles.list().stream().filter(p -> p.name().equals("ci")).findFirst());
    }

    @Test
    void tellsHowEachProfileGetsCredentials() throws IOException {
        Profiles profiles = profiles(Map.of());
        assertThat(kind(profiles, "default")).isEqualTo(Kind.STATIC_KEYS);
        assertThat(kind(profiles, "dev-keys")).isEqualTo(Kind.STATIC_KEYS);
        assertThat(kind(profiles, "temporary")).isEqualTo(Kind.STATIC_KEYS);
        assertThat(kind(profiles, "localstack")).isEqualTo(Kind.STATIC_KEYS);
        assertThat(kind(profiles, "prod-admin")).isEqualTo(Kind.ASSUME_ROLE);
        assertThat(kind(profiles, "ci")).isEqualTo(Kind.CREDENTIAL_PROCESS);
        assertThat(kind(profiles, "sso-admin")).isEqualTo(Kind.SSO);
        assertThat(kind(profiles, "legacy-sso")).isEqualTo(Kind.SSO);
        assertThat(kind(profiles, "eks-pod")).isEqualTo(Kind.WEB_IDENTITY);
        assertThat(kind(profiles, "nothing")).isEqualTo(Kind.OTHER);
        assertThat(Kind.SSO.label()).isEqualTo("IAM Identity Center");
    }

    @Test
    void ssoProfilesNameTheirSessionAccountAndRole() throws IOException {
        Profiles profiles = profiles(Map.of());
        ProfileInfo sso = profiles.find("sso-admin").orElseThrow();
        assertThat(sso.ssoSession()).contains("corp");
        assertThat(sso.accountId()).contains("111122223333");
        assertThat(sso.roleName()).contains("AdministratorAccess");

        ProfileInfo legacy = profiles.find("legacy-sso").orElseThrow();
        assertThat(legacy.ssoSession()).isEmpty();
        assertThat(legacy.accountId()).contains("444455556666");
        assertThat(legacy.roleName()).contains("ReadOnly");

        assertThat(profiles.find("dev-keys").orElseThrow().ssoSession()).isEmpty();
    }

    @Test
    void regionsComeFromTheProfileUnlessTheEnvironmentSetsOne() throws IOException {
        Profiles profiles = profiles(Map.of());
        assertThat(profiles.regionFor("default")).contains("eu-west-1");
        assertThat(profiles.regionFor("dev-keys")).contains("eu-central-1");
        assertThat(profiles.regionFor("prod-admin")).contains("us-west-2");
        assertThat(profiles.regionFor("sso-admin")).contains("eu-west-2");
        // No region of its own: the SSO region of its sso-session, or of the legacy profile itself.
        assertThat(profiles.regionFor("sso-readonly")).contains("eu-west-1");
        assertThat(profiles.regionFor("legacy-sso")).contains("us-east-2");
        assertThat(profiles.regionFor("temporary")).isEmpty();
        assertThat(profiles.regionFor("missing")).isEmpty();
        assertThat(profiles.find("ci").orElseThrow().region()).contains("ap-southeast-2");

        Profiles withRegion = profiles(Map.of("AWS_REGION", "ca-central-1", "AWS_DEFAULT_REGION", "sa-east-1"));
        assertThat(withRegion.regionFor("default")).contains("ca-central-1");
        assertThat(withRegion.regionFor("sso-admin")).contains("ca-central-1");
        assertThat(withRegion.find("prod-admin").orElseThrow().region()).contains("ca-central-1");

        Profiles withDefaultRegion = profiles(Map.of("AWS_DEFAULT_REGION", "sa-east-1", "AWS_REGION", " "));
        assertThat(withDefaultRegion.regionFor("prod-admin")).contains("sa-east-1");
    }

    @Test
    void endpointsComeFromTheProfileUnlessTheEnvironmentSetsOne() throws IOException {
        Profiles profiles = profiles(Map.of());
        assertThat(profiles.endpointFor("localstack")).contains("http://localhost:4566");
        assertThat(profiles.find("localstack").orElseThrow().endpointUrl()).contains("http://localhost:4566");
        assertThat(profiles.endpointFor("default")).isEmpty();
        assertThat(profiles.endpointFor("localstack-ignored")).isEmpty();

        Profiles withEndpoint = profiles(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
        assertThat(withEndpoint.endpointFor("localstack")).contains("http://127.0.0.1:5000");
        assertThat(withEndpoint.endpointFor("default")).contains("http://127.0.0.1:5000");

        Profiles ignoring = profiles(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        assertThat(ignoring.endpointFor("localstack")).isEmpty();
    }

    @Test
    void theDefaultProfileIsAwsProfileElseDefault() throws IOException {
        assertThat(profiles(Map.of()).defaultProfileName()).contains("default");
        assertThat(profiles(Map.of("AWS_PROFILE", "sso-admin")).defaultProfileName()).contains("sso-admin");
        assertThat(profiles(Map.of("AWS_PROFILE", "")).defaultProfileName()).contains("default");

        Profiles noDefault = new Profiles(files(dir, "[profile a]\nregion = us-east-1\n", ""), name -> null);
        assertThat(noDefault.defaultProfileName()).isEmpty();
        assertThat(noDefault.list()).extracting(ProfileInfo::name).containsExactly("a");
    }

    @Test
    void noFilesMeansNoProfiles() throws IOException {
        Profiles empty = new Profiles(files(dir, "", ""), name -> null);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.list()).isEmpty();
        assertThat(empty.defaultProfileName()).isEmpty();
        assertThat(empty.regionFor("default")).isEmpty();
    }

    @Test
    void theUsersOwnFilesAreReadWithoutFailing() {
        // Under test the build points aws.configFile and aws.sharedCredentialsFile into target/.
        Profiles own = Profiles.fromEnvironment();
        assertThat(own.list()).isNotNull();
        assertThat(own.file()).isNotNull();
        assertThat(Optional.ofNullable(System.getProperty("aws.configFile"))).isPresent();
    }

    private static Kind kind(Profiles profiles, String name) {
        return profiles.find(name).orElseThrow().kind();
    }
}
