package dev.coffer.aws;

/**
 * The AWS services Coffer calls, with the names under which the AWS CLI and SDKs read a
 * service's own endpoint: the key in a config file's {@code services} section, the
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variable and the SDK for Java's system property.
 */
public enum AwsService {
    SSM("ssm", "SSM", "Ssm"),
    SECRETS_MANAGER("secrets_manager", "SECRETS_MANAGER", "SecretsManager"),
    KMS("kms", "KMS", "Kms"),
    EC2("ec2", "EC2", "Ec2"),
    LAMBDA("lambda", "LAMBDA", "Lambda"),
    STS("sts", "STS", "Sts"),
    CLOUDFORMATION("cloudformation", "CLOUDFORMATION", "CloudFormation"),
    ECS("ecs", "ECS", "Ecs"),
    RDS("rds", "RDS", "Rds"),
    REDSHIFT("redshift", "REDSHIFT", "Redshift");

    private final String configKey;
    private final String variableSuffix;
    private final String propertySuffix;

    AwsService(String configKey, String variableSuffix, String propertySuffix) {
        this.configKey = configKey;
        this.variableSuffix = variableSuffix;
        this.propertySuffix = propertySuffix;
    }

    /** The key of this service in a {@code [services NAME]} section, e.g. {@code secrets_manager}. */
    public String configKey() {
        return configKey;
    }

    /** e.g. {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public String environmentVariable() {
        return "AWS_ENDPOINT_URL_" + variableSuffix;
    }

    /** e.g. {@code aws.endpointUrlSecretsManager}, the SDK for Java's name for the same setting. */
    public String systemProperty() {
        return "aws.endpointUrl" + propertySuffix;
    }
}
