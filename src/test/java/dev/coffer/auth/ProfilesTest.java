package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.coffer.auth.ProfileInfo.Kind;
import dev.coffer.aws.AwsService;
import java.io.IOException;
import java.net.URI;
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
        assertThat(endpoints(profiles, "localstack")).containsOnlyKeys(AwsService.values())
                .allSatisfy((service, uri) -> assertThat(uri).hasToString("http://localhost:4566"));
        assertThat(profiles.find("localstack").orElseThrow().endpointUrl()).contains("http://localhost:4566");
        assertThat(endpoints(profiles, "default")).isEmpty();
        assertThat(endpoints(profiles, "localstack-ignored")).isEmpty();

        Profiles withEndpoint = profiles(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
        assertThat(endpoints(withEndpoint, "localstack")).allSatisfy((service, uri) -> assertThat(uri).hasToString("http://127.0.0.1:5000"));
        assertThat(endpoints(withEndpoint, "default")).hasSize(AwsService.values().length);

        Profiles ignoring = profiles(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        assertThat(endpoints(ignoring, "localstack")).isEmpty();
    }

    @Test
    void eachServiceTakesItsOwnVariableThenTheGlobalOneThenTheServicesSectionThenTheProfile() throws IOException {
        String config = """
                [default]
                endpoint_url = http://default:1

                [profile split]
                endpoint_url = http://profile:2
                services = local

                [profile sections-only]
                services = local

                [profile missing-section]
                services = nowhere

                [services local]
                ssm =
                  endpoint_url = http://ssm:3
                secrets_manager =
                  endpoint_url = http://secrets:4
                secretsmanager =
                  endpoint_url = http://not-the-cli-key:5
                kms =
                  endpoint_url = http://kms:6
                """;
        Profiles plain = new Profiles(files(dir, config, ""), name -> null);
        assertThat(urls(plain, "split")).containsExactly(entry(AwsService.SSM, "http://ssm:3"),
                entry(AwsService.SECRETS_MANAGER, "http://secrets:4"), entry(AwsService.KMS, "http://kms:6"),
                entry(AwsService.EC2, "http://profile:2"), entry(AwsService.LAMBDA, "http://profile:2"),
                entry(AwsService.STS, "http://profile:2"), entry(AwsService.CLOUDFORMATION, "http://profile:2"),
                entry(AwsService.ECS, "http://profile:2"), entry(AwsService.RDS, "http://profile:2"),
                entry(AwsService.REDSHIFT, "http://profile:2"));
        assertThat(urls(plain, "sections-only")).containsOnlyKeys(AwsService.SSM, AwsService.SECRETS_MANAGER, AwsService.KMS);
        assertThat(urls(plain, "missing-section")).as("a services section that does not exist").isEmpty();

        Profiles global = new Profiles(files(dir, config, ""), Map.of("AWS_ENDPOINT_URL", "http://global:7")::get);
        assertThat(urls(global, "split")).hasSize(AwsService.values().length).allSatisfy((service, url) -> assertThat(url).isEqualTo("http://global:7"));

        Profiles perService = new Profiles(files(dir, config, ""),
                Map.of("AWS_ENDPOINT_URL", "http://global:7", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://secrets-env:8",
                        "AWS_ENDPOINT_URL_STS", " ")::get);
        assertThat(urls(perService, "split")).containsEntry(AwsService.SECRETS_MANAGER, "http://secrets-env:8")
                .containsEntry(AwsService.SSM, "http://global:7").as("a blank variable is unset").containsEntry(AwsService.STS, "http://global:7");

        Profiles ignoredInProfile = new Profiles(files(dir, config.replace("services = local\n\n[profile sections-only]",
                "services = local\nignore_configured_endpoint_urls = TRUE\n\n[profile sections-only]"), ""),
                Map.of("AWS_ENDPOINT_URL_SSM", "http://ssm-env:9")::get);
        assertThat(urls(ignoredInProfile, "split")).isEmpty();
        assertThat(urls(ignoredInProfile, "sections-only")).containsEntry(AwsService.SSM, "http://ssm-env:9");
    }

    @Test
    void anEndpointThatIsNoUrlIsRefusedNamingTheSettingButNotItsText() throws IOException {
        String config = """
                [profile bad-own]
                endpoint_url = localhost:4566

                [profile bad-section]
                services = local

                [services local]
                secrets_manager =
                  endpoint_url = http://user:pass word@host
                """;
        Profiles profiles = new Profiles(files(dir, config, ""), Map.of("AWS_ENDPOINT_URL_KMS", "ftp://files")::get);
        assertThat(catchThrowable(() -> new Profiles(files(dir, config, ""), name -> null).endpointsFor("bad-own")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The endpoint_url of the profile 'bad-own' is not an http:// or https:// URL with a host, such as http://localhost:4566.");
        assertThat(catchThrowable(() -> new Profiles(files(dir, config, ""), name -> null).endpointsFor("bad-section")))
                .hasMessageStartingWith("The secrets_manager endpoint_url of [services local] (used by the profile 'bad-section') is not")
                .hasMessageNotContaining("pass");
        assertThat(catchThrowable(() -> profiles.endpointsFor("unlisted"))).hasMessageStartingWith("AWS_ENDPOINT_URL_KMS is not an http://");
        assertThat(profiles.find("bad-own")).as("the profile is still listed").isPresent();
    }

    @Test
    void theSdksSystemPropertiesStandForTheirVariables() {
        String previous = System.setProperty("aws.endpointUrlSecretsManager", "http://from-property:4566");
        try {
            Profiles own = Profiles.fromEnvironment();
            assertThat(own.endpointsFor("any-profile").of(AwsService.SECRETS_MANAGER)).contains(URI.create("http://from-property:4566"));
            assertThat(own.endpointsFor("any-profile").of(AwsService.SSM)).isEmpty();
        } finally {
            if (previous == null) {
                System.clearProperty("aws.endpointUrlSecretsManager");
            } else {
                System.setProperty("aws.endpointUrlSecretsManager", previous);
            }
        }
    }

    private static Map<AwsService, URI> endpoints(Profiles profiles, String profile) {
        return profiles.endpointsFor(profile).byService();
    }

    private static Map<AwsService, String> urls(Profiles profiles, String profile) {
        Map<AwsService, String> urls = new java.util.EnumMap<>(AwsService.class);
        profiles.endpointsFor(profile).byService().forEach((service, uri) -> urls.put(service, uri.toString()));
        return urls;
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
