package dev.coffer.testsupport;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * A Lambda rotation function in the test moto. moto runs functions only with Docker off, so this
 * turns Docker off first; the function does nothing (moto only needs it to exist and answer).
 */
public final class RotationLambda {

    private RotationLambda() {
    }

    /** Creates the function (and the IAM role moto wants for it) and returns its ARN. */
    public static String create(MotoServer moto, ClientFactory clients, String name) {
        moto.post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        String role;
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}";
            try {
                role = iam.createRole(b -> b.roleName("coffer-rotation").assumeRolePolicyDocument(trust)).role().arn();
            } catch (EntityAlreadyExistsException exists) {
                role = iam.getRole(b -> b.roleName("coffer-rotation")).role().arn();
            }
        }
        String roleArn = role;
        return clients.lambda().createFunction(b -> b.functionName(name).runtime("python3.12").role(roleArn).handler("rotate.handler")
                .description("Rotates database secrets (test)")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip())))).functionArn();
    }

    /** A function package that does nothing, as CreateFunction wants one. */
    public static byte[] zip() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("rotate.py"));
            zip.write("def handler(event, context):\n    return {}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
