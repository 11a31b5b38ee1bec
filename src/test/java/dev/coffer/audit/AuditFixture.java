package dev.coffer.audit;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterPolicies;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Parameters and secrets that give an audit report one of each finding moto can show (rotation
 * overdue needs a clock moto does not have; FindingsTest covers it), with canary values that must
 * never appear in an export or a log.
 */
public final class AuditFixture {

    public static final String CANARY_SECRET = "canary-secret-7f3a91c2";
    public static final String CANARY_SECURE = "canary-securestring-51be0d";
    public static final String CANARY_ADVANCED = "canary-advanced-c0ffee42";

    public static final String STRING_PASSWORD = "/audit/prod/db/password";
    public static final String DEFAULT_KEY_TOKEN = "/audit/prod/api/token";
    public static final String CUSTOMER_KEY_CERT = "/audit/prod/signing/cert";
    public static final String SMALL_ADVANCED = "/audit/app/config";
    public static final String LARGE_ADVANCED = "/audit/app/large";
    public static final String EXPIRED = "/audit/app/expired";
    public static final String EXPIRING = "/audit/app/expiring";
    public static final String DB_SECRET = "audit/prod/db";
    public static final String ROTATED_SECRET = "audit/app/rotated";
    public static final String KEY_ALIAS = "alias/audit-apps";
    public static final int LARGE_BYTES = 5000;

    private AuditFixture() {
    }

    /** Seeds the fixture through a writable client factory; returns the customer key's id. */
    public static String seed(ClientFactory clients, java.net.URI endpoint) {
        String key = clients.kms().createKey(b -> b.description("Audit fixture key")).keyMetadata().keyId();
        clients.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(key));
        var ssm = clients.ssm();
        ssm.putParameter(b -> b.name(STRING_PASSWORD).value("not-a-canary-but-plain").type(ParameterType.STRING)
                .tags(t -> t.key("Owner").value("payments")));
        ssm.putParameter(b -> b.name(DEFAULT_KEY_TOKEN).value(CANARY_SECURE).type(ParameterType.SECURE_STRING)
                .tags(t -> t.key("Owner").value("payments")));
        ssm.putParameter(b -> b.name(CUSTOMER_KEY_CERT).value(CANARY_ADVANCED).type(ParameterType.SECURE_STRING).keyId(key)
                .tier(ParameterTier.ADVANCED).tags(t -> t.key("Owner").value("platform")));
        ssm.putParameter(b -> b.name(SMALL_ADVANCED).value("{\"mode\":\"on\"}").type(ParameterType.STRING).tier(ParameterTier.ADVANCED));
        ssm.putParameter(b -> b.name(LARGE_ADVANCED).value("x".repeat(LARGE_BYTES)).type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .tags(t -> t.key("Owner").value("platform")));
        ssm.putParameter(b -> b.name(EXPIRED).value("old").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .policies(ParameterPolicies.none().withExpiration(Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).toJson())
                .tags(t -> t.key("Owner").value("platform")));
        ssm.putParameter(b -> b.name(EXPIRING).value("soon").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .policies(ParameterPolicies.none().withExpiration(Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).toJson())
                .tags(t -> t.key("Owner").value("platform")));
        var sm = clients.secretsManager();
        sm.createSecret(b -> b.name(DB_SECRET).secretString("{\"username\":\"app\",\"password\":\"" + CANARY_SECRET + "\"}")
                .tags(t -> t.key("Owner").value("payments")));
        sm.createSecret(b -> b.name(ROTATED_SECRET).secretString("rotated-value").kmsKeyId(key)
                .tags(t -> t.key("Owner").value("platform")));
        String function = rotationFunction(clients, endpoint);
        sm.rotateSecret(b -> b.secretId(ROTATED_SECRET).rotationLambdaARN(function)
                .rotationRules(r -> r.automaticallyAfterDays(30L)).rotateImmediately(false));
        return key;
    }

    /**
     * A Lambda function for rotation (moto checks that it exists). Its IAM role is made with one
     * query call, as Coffer has no IAM client.
     */
    private static String rotationFunction(ClientFactory clients, java.net.URI endpoint) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String form = "Action=CreateRole&Version=2010-05-08&RoleName=rotation&AssumeRolePolicyDocument="
                + java.net.URLEncoder.encode(trust, java.nio.charset.StandardCharsets.UTF_8);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint.resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, "
                            + "SignedHeaders=host, Signature=fixture")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("CreateRole failed: " + response.body());
            }
            var zip = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.ZipOutputStream(zip)) {
                out.putNextEntry(new java.util.zip.ZipEntry("lambda_function.py"));
                out.write("def lambda_handler(event, context):\n    return None\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return clients.lambda().createFunction(b -> b.functionName("audit-rotation").runtime("python3.11")
                    .role("arn:aws:iam::123456789012:role/rotation").handler("lambda_function.lambda_handler")
                    .code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(zip.toByteArray())))).functionArn();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The settings the tests audit with: Owner required, every secret "not accessed", /audit/prod needing a customer key,
     * no consumer scan (ConsumerFindingsIT covers it, so these tests count only the inventory's calls).
     */
    public static AuditSettings settings() {
        return new AuditSettings(java.util.List.of("Owner"), 0, 30, java.util.List.of("/audit/prod/", "audit/prod/"), "", false, false);
    }
}
