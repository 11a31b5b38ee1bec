package dev.coffer.sandbox;

import dev.coffer.aws.ClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Secret;

/**
 * What reads the sandbox's parameters and secrets, so Where used has answers: a stack with a
 * golden AMI parameter type and a {@code {{resolve:ssm:…}}} reference, a stack that owns a
 * parameter, launch templates on a golden AMI parameter (one pinned, one not), a Lambda function
 * whose environment names a parameter and a secret, and an ECS task definition with secrets from
 * both stores. Seeded after {@link SandboxData}, whose parameters and secrets they name.
 */
public final class SandboxConsumers {

    public static final String NETWORK_STACK = "web-fleet-prod";
    public static final String SETTINGS_STACK = "portal-settings";
    /** The parameter {@link #SETTINGS_STACK} creates and owns. */
    public static final String STACK_OWNED_PARAMETER = "/apps/portal/prod/log-level";
    public static final String GOLDEN_PROD = SandboxData.GOLDEN_AMI_ROOT + "/al2023/prod";
    public static final String RETENTION_DAYS = "/automation/backup/retention-days";
    public static final String WEB_TEMPLATE = "web-fleet";
    public static final String PINNED_TEMPLATE = "batch-fleet-pinned";
    public static final String FUNCTION = "billing-report";
    public static final String BILLING_CONFIG = "/apps/billing/prod/config";
    public static final String BILLING_SECRET = "billing/prod/postgres";
    public static final String TASK_FAMILY = "billing-api";
    public static final String LAMBDA_ROLE = "coffer-sandbox-lambda";

    private SandboxConsumers() {
    }

    /** Creates the consumers; {@code lambdaRoleArn} is an IAM role moto knows (see {@link MotoServer#createLambdaRole}). */
    public static void seed(ClientFactory clients, String lambdaRoleArn) {
        String secretArn = clients.secretsManager().describeSecret(b -> b.secretId(BILLING_SECRET)).arn();
        clients.cloudFormation().createStack(b -> b.stackName(NETWORK_STACK).templateBody("""
                AWSTemplateFormatVersion: '2010-09-09'
                Description: Web fleet events, on the production golden AMI
                Parameters:
                  ImageId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                    Default: %s
                Resources:
                  Events:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${AWS::StackName}-events'
                      Tags:
                        - Key: backup-retention-days
                          Value: '{{resolve:ssm:%s}}'
                Outputs:
                  ImageId:
                    Value: !Ref ImageId
                """.formatted(GOLDEN_PROD, RETENTION_DAYS)));
        clients.cloudFormation().createStack(b -> b.stackName(SETTINGS_STACK).templateBody("""
                {
                  "Description": "Portal settings owned by this stack",
                  "Resources": {
                    "LogLevel": {
                      "Type": "AWS::SSM::Parameter",
                      "Properties": {"Name": "%s", "Type": "String", "Value": "info"}
                    }
                  }
                }
                """.formatted(STACK_OWNED_PARAMETER)));
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(WEB_TEMPLATE)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN_PROD).instanceType("t3.small")));
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(PINNED_TEMPLATE)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN_PROD + ":1").instanceType("c6i.large")));
        clients.lambda().createFunction(b -> b.functionName(FUNCTION).runtime("python3.12").role(lambdaRoleArn)
                .handler("report.handler").description("Nightly billing report (sandbox)")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(emptyPackage())))
                .environment(e -> e.variables(Map.of("CONFIG_PARAMETER", BILLING_CONFIG, "DB_SECRET_ARN", secretArn,
                        "REPORT_FORMAT", "csv"))));
        clients.ecs().registerTaskDefinition(b -> b.family(TASK_FAMILY).containerDefinitions(ContainerDefinition.builder()
                .name("api").image("public.ecr.aws/docker/library/python:3.12").memory(512)
                .secrets(Secret.builder().name("DB_PASSWORD").valueFrom(secretArn + ":password::").build(),
                        Secret.builder().name("BILLING_CONFIG").valueFrom(
                                "arn:aws:ssm:" + SandboxData.REGION + ":" + SandboxData.ACCOUNT + ":parameter" + BILLING_CONFIG).build())
                .environment(KeyValuePair.builder().name("LOG_LEVEL_PARAMETER").value(STACK_OWNED_PARAMETER).build())
                .build()));
    }

    /** A function package with a handler that does nothing: the sandbox never runs it. */
    private static byte[] emptyPackage() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("report.py"));
            zip.write("def handler(event, context):\n    return {}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
