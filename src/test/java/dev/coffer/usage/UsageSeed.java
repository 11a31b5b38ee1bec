package dev.coffer.usage;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.RotationLambda;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** One consumer of every kind, in the test moto, for the where-used tests. */
public final class UsageSeed {

    public static final String GOLDEN_X86 = "/golden-ami/prod/x86_64";
    public static final String GOLDEN_ARM = "/golden-ami/prod/arm64";
    public static final String DB_HOST = "/apps/web/db-host";
    public static final String INSTANCE_TYPE = "/automation/web/instance-type";
    public static final String SECRET_REF_PARAMETER = "/apps/web/db-secret-ref";
    public static final String POINTER_PARAMETER = "/apps/web/pointer";
    public static final String OWNED = "/apps/web/owned-by-stack";
    public static final String UNUSED = "/apps/unused/flag";
    public static final String SECRET = "db/web";
    /** No value in the seed holds it: the tests check it is never printed. */
    public static final String MARK = "s3cr3t-value-never-printed";

    public static final String JSON_STACK = "web-json";
    public static final String YAML_STACK = "web-yaml";
    public static final String WEB_TEMPLATE = "web";
    public static final String BATCH_TEMPLATE = "batch";
    public static final String FUNCTION = "web-bootstrap";
    public static final String ROTATION_FUNCTION = "rotate-db-web";
    public static final String TASK_FAMILY = "web-task";

    private UsageSeed() {
    }

    /** Seeds and returns the secret's ARN. */
    public static String seed(MotoServer moto, ClientFactory clients) {
        var ssm = clients.ssm();
        ssm.putParameter(b -> b.name(GOLDEN_X86).type(ParameterType.STRING).value("ami-0123456789abcdef0"));
        ssm.putParameter(b -> b.name(GOLDEN_ARM).type(ParameterType.STRING).value("ami-0fedcba9876543210"));
        ssm.putParameter(b -> b.name(DB_HOST).type(ParameterType.STRING).value("db.internal"));
        ssm.putParameter(b -> b.name(INSTANCE_TYPE).type(ParameterType.STRING).value("t3.micro"));
        ssm.putParameter(b -> b.name(INSTANCE_TYPE).type(ParameterType.STRING).value("t3.small").overwrite(true));
        ssm.putParameter(b -> b.name(UNUSED).type(ParameterType.STRING).value("on"));
        ssm.putParameter(b -> b.name(SECRET_REF_PARAMETER).type(ParameterType.STRING).value("/aws/reference/secretsmanager/" + SECRET));
        ssm.putParameter(b -> b.name(POINTER_PARAMETER).type(ParameterType.STRING).value(DB_HOST));
        ssm.putParameter(b -> b.name("/apps/web/password").type(ParameterType.SECURE_STRING).value(MARK));

        String secretArn = clients.secretsManager().createSecret(b -> b.name(SECRET).secretString("{\"password\":\"" + MARK + "\"}")).arn();
        String rotation = RotationLambda.create(moto, clients, ROTATION_FUNCTION);
        clients.secretsManager().rotateSecret(b -> b.secretId(SECRET).rotationLambdaARN(rotation)
                .rotationRules(r -> r.automaticallyAfterDays(30L)).rotateImmediately(false));

        clients.cloudFormation().createStack(b -> b.stackName(JSON_STACK).templateBody("""
                {
                  "Parameters": {
                    "ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "%s"}
                  },
                  "Resources": {
                    "Config": {"Type": "AWS::SSM::Parameter", "Properties": {
                      "Name": "%s", "Type": "String", "Value": "{{resolve:ssm:%s:2}}"}}
                  }
                }
                """.formatted(GOLDEN_X86, OWNED, INSTANCE_TYPE)));
        clients.cloudFormation().createStack(b -> b.stackName(YAML_STACK).templateBody("""
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "web-${AWS::Region}"
                      Tags:
                        - Key: db-host
                          Value: !Join ["", ["{{resolve:ssm:%s}}"]]
                        - Key: secret
                          Value: "{{resolve:secretsmanager:%s:SecretString:password}}"
                """.formatted(DB_HOST, secretArn)));

        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(WEB_TEMPLATE)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN_X86).instanceType("t3.micro")));
        clients.ec2().createLaunchTemplateVersion(b -> b.launchTemplateName(WEB_TEMPLATE)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN_ARM).instanceType("t4g.micro")));
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(BATCH_TEMPLATE)
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + GOLDEN_X86 + ":1").instanceType("c5.large")));

        String role = clients.lambda().getFunction(b -> b.functionName(ROTATION_FUNCTION)).configuration().role();
        clients.lambda().createFunction(b -> b.functionName(FUNCTION).runtime("python3.12").role(role).handler("rotate.handler")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(RotationLambda.zip())))
                .environment(e -> e.variables(Map.of("DB_HOST_PARAMETER", DB_HOST, "DB_SECRET", secretArn,
                        "DB_SECRET_REF", "/aws/reference/secretsmanager/" + SECRET, "SCRATCH", "/tmp"))));

        clients.ecs().registerTaskDefinition(b -> b.family(TASK_FAMILY).containerDefinitions(ContainerDefinition.builder()
                .name("app").image("nginx").memory(256)
                .secrets(s -> s.name("DB_HOST").valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter" + UNUSED)).build()));
        clients.ecs().registerTaskDefinition(b -> b.family(TASK_FAMILY).containerDefinitions(ContainerDefinition.builder()
                .name("app").image("nginx").memory(256)
                .secrets(s -> s.name("DB_PASSWORD").valueFrom(secretArn + ":password::"),
                        s -> s.name("DB_HOST").valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter" + DB_HOST))
                .environment(KeyValuePair.builder().name("SECRET_NAME").value(SECRET).build()).build()));
        return secretArn;
    }
}
