package dev.coffer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.audit.SessionClients;
import dev.coffer.auth.ProfileInfo.Kind;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsService;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Endpoints;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Sessions opened from profiles, as the connection screen opens them, against moto: the
 * profile's endpoint_url carries every call, including AssumeRole.
 */
@WithMoto
class ProfilesIT {

    private static final String STATIC_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String PROCESS_KEY = "AKIAPROCESSEXAMPLE01";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/CofferReadOnly";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MotoServer moto;
    private Profiles profiles;

    @BeforeEach
    void writeProfiles(MotoServer server) throws IOException {
        moto = server;
        Path script = dir.resolve("aws-creds.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo '{\"Version\":1,\"AccessKeyId\":\"" + PROCESS_KEY + "\",\"SecretAccessKey\":\"process-secret-example\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        String endpoint = moto.endpoint().toString();
        String config = """
                [profile static]
                region = us-east-1
                endpoint_url = %1$s

                [profile role]
                role_arn = %2$s
                source_profile = static
                role_session_name = coffer-it
                region = us-east-1
                endpoint_url = %1$s

                [profile role-of-role]
                role_arn = arn:aws:iam::123456789012:role/Auditor
                source_profile = role
                role_session_name = coffer-chain
                region = us-east-1
                endpoint_url = %1$s

                [profile self-role]
                role_arn = arn:aws:iam::123456789012:role/SelfRole
                source_profile = self-role
                role_session_name = coffer-self
                aws_access_key_id = AKIASELFEXAMPLE00001
                aws_secret_access_key = self-secret-example
                endpoint_url = %1$s

                [profile process]
                credential_process = %3$s
                region = us-east-1
                endpoint_url = %1$s

                [profile loop-a]
                role_arn = arn:aws:iam::123456789012:role/A
                source_profile = loop-b
                endpoint_url = %1$s

                [profile loop-b]
                role_arn = arn:aws:iam::123456789012:role/B
                source_profile = loop-a
                endpoint_url = %1$s
                """.formatted(endpoint, ROLE_ARN, script);
        String credentials = """
                [static]
                aws_access_key_id = %s
                aws_secret_access_key = static-secret-example
                """.formatted(STATIC_KEY);
        profiles = new Profiles(ProfilesTest.files(dir, config, credentials), name -> null);
        // Something to list.
        try (ClientFactory admin = Moto.clients(moto, false)) {
            if (admin.ssm().describeParameters().parameters().isEmpty()) {
                admin.ssm().putParameter(b -> b.name("/profiles-it/param").value("x").type(ParameterType.STRING));
            }
        }
    }

    private AwsSession open(String profile) {
        Connection connection = Connection.profile(profile, profiles.regionFor(profile).orElse("us-east-1"), null, true);
        return Sessions.forProfile(connection, profiles.file(), profiles.endpointsFor(profile));
    }

    @Test
    void staticKeys() throws Exception {
        assertThat(profiles.find("static").orElseThrow().kind()).isEqualTo(Kind.STATIC_KEYS);
        AwsSession session = open("static");
        assertThat(session.endpoint()).contains(moto.endpoint());
        assertThat(session.credentials().resolveCredentials().accessKeyId()).isEqualTo(STATIC_KEY);
        List<String> signedWith = listAndIdentify(session, "arn:aws:sts::123456789012:user/moto");
        assertThat(signedWith).containsOnly(STATIC_KEY);
    }

    @Test
    void assumeRoleWithASourceProfileCallsStsAtTheProfilesEndpoint() throws Exception {
        assertThat(profiles.find("role").orElseThrow().kind()).isEqualTo(Kind.ASSUME_ROLE);
        AwsSession session = open("role");
        Moto.startRecording(moto);
        List<String> signedWith = listAndIdentify(session, "arn:aws:sts::123456789012:assumed-role/CofferReadOnly/coffer-it");
        List<JsonNode> recorded = recorded();
        // AssumeRole reached moto (not the real STS), signed with the source profile's keys.
        assertThat(recorded).anySatisfy(r -> {
            assertThat(r.path("body").asText() + r.path("url").asText()).contains("AssumeRole");
            assertThat(r.path("headers").path("Authorization").asText()).contains("Credential=" + STATIC_KEY + "/");
        });
        // Then the reads went out with the role's temporary keys.
        assertThat(signedWith).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("ASIA"));
    }

    @Test
    void aRoleWhoseSourceIsARole() throws Exception {
        listAndIdentify(open("role-of-role"), "arn:aws:sts::123456789012:assumed-role/Auditor/coffer-chain");
    }

    @Test
    void aRoleThatIsItsOwnSourceUsesItsOwnKeys() throws Exception {
        listAndIdentify(open("self-role"), "arn:aws:sts::123456789012:assumed-role/SelfRole/coffer-self");
    }

    @Test
    void credentialProcess() throws Exception {
        assertThat(profiles.find("process").orElseThrow().kind()).isEqualTo(Kind.CREDENTIAL_PROCESS);
        AwsSession session = open("process");
        assertThat(session.credentials().resolveCredentials().accessKeyId()).isEqualTo(PROCESS_KEY);
        List<String> signedWith = listAndIdentify(session, "arn:aws:sts::123456789012:user/moto");
        assertThat(signedWith).containsOnly(PROCESS_KEY);
    }

    @Test
    void aSourceProfileLoopIsReportedWhenCredentialsAreNeeded() {
        AwsSession session = open("loop-a");
        try (ClientFactory clients = SessionClients.open(session)) {
            Throwable error = catchThrowable(() -> clients.ssm().describeParameters());
            assertThat(error).hasMessageContaining("loop-a").hasMessageContaining("loop-b");
            assertThat(AwsErrors.explain(error).summary()).contains("source_profile").doesNotContain("\n");
        }
    }

    @Test
    void anExplicitEndpointOnTheConnectionWinsOverTheProfiles() {
        URI other = URI.create("http://127.0.0.1:1");
        Connection connection = Connection.profile("static", "us-east-1", other, true);
        AwsSession session = Sessions.forProfile(connection, profiles.file(), profiles.endpointsFor("static"));
        assertThat(session.endpoint()).contains(other);
        assertThat(session.endpoints().byService()).hasSize(AwsService.values().length).containsValue(other).doesNotContainValue(moto.endpoint());
        AwsSession none = Sessions.forProfile(Connection.profile("static", "us-east-1", null, true), profiles.file(), Endpoints.AWS);
        assertThat(none.endpoint()).isEmpty();
    }

    /**
     * Lists parameters and asks STS who we are through a read-only client factory; returns the
     * access key ids the DescribeParameters requests were signed with.
     */
    private List<String> listAndIdentify(AwsSession session, String expectedArn) throws Exception {
        try (ClientFactory clients = SessionClients.open(session)) {
            Moto.startRecording(moto);
            assertThat(clients.ssm().describeParameters().parameters()).isNotEmpty();
            CallerIdentity identity = CallerIdentity.of(clients);
            assertThat(identity.account()).isEqualTo("123456789012");
            assertThat(identity.arn()).isEqualTo(expectedArn);
            return recorded().stream()
                    .filter(r -> "AmazonSSM.DescribeParameters".equals(r.path("headers").path("X-Amz-Target").asText()))
                    .map(r -> accessKeyOf(r.path("headers").path("Authorization").asText()))
                    .toList();
        }
    }

    private List<JsonNode> recorded() throws IOException {
        List<String> lines = Moto.stopRecording(moto);
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.path("body_encoded").asBoolean()) {
                ((ObjectNode) node).put("body", new String(Base64.getDecoder().decode(node.path("body").asText()), StandardCharsets.UTF_8));
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static String accessKeyOf(String authorization) {
        int start = authorization.indexOf("Credential=") + "Credential=".length();
        return authorization.substring(start, authorization.indexOf('/', start));
    }
}
