package dev.coffer.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template parser alone: JSON and YAML, every form of reference, without AWS. */
class TemplateReferencesTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db/prod-AbCdEf";

    private static Consumer reading(String target, String location, Optional<String> pinned) {
        Target t = target.startsWith("arn:aws:secretsmanager") || !target.startsWith("/") && !target.contains("ami")
                ? Target.secret(target) : Target.parameter(target);
        return new Consumer(t, ConsumerKind.CLOUDFORMATION_STACK, "web", location, pinned, false);
    }

    @Test
    void jsonTemplateParametersDynamicReferencesAndOwnedResources() {
        String template = """
                {
                  "Parameters": {
                    "ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "/golden-ami/prod/x86_64"},
                    "Plain": {"Type": "String", "Default": "/not/a/reference"}
                  },
                  "Resources": {
                    "Web": {"Type": "AWS::EC2::Instance", "Properties": {
                      "InstanceType": "{{resolve:ssm:/automation/instance-type:3}}",
                      "UserData": {"Fn::Sub": "pw={{resolve:secretsmanager:db/prod:SecretString:password}} key={{resolve:ssm-secure:/apps/key}}"}
                    }},
                    "Owned": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/apps/web/url", "Type": "String", "Value": "x"}},
                    "Unnamed": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": "x"}},
                    "Db": {"Type": "AWS::SecretsManager::Secret", "Properties": {"Name": "db/web"}}
                  }
                }
                """;

        List<Consumer> found = TemplateReferences.of("web", template, Map.of());

        assertThat(found).containsExactlyInAnyOrder(
                reading("/golden-ami/prod/x86_64", "Parameters.ImageId", Optional.empty()),
                reading("/automation/instance-type", "Web.InstanceType", Optional.of("3")),
                reading("db/prod", "Web.UserData.Fn::Sub", Optional.empty()),
                reading("/apps/key", "Web.UserData.Fn::Sub", Optional.empty()),
                new Consumer(Target.parameter("/apps/web/url"), ConsumerKind.CLOUDFORMATION_STACK, "web",
                        "Owned (AWS::SSM::Parameter)", Optional.empty(), true),
                new Consumer(Target.secret("db/web"), ConsumerKind.CLOUDFORMATION_STACK, "web",
                        "Db (AWS::SecretsManager::Secret)", Optional.empty(), true));
    }

    @Test
    void yamlShortFormTagsAreReadAsPlainValues() {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Env:
                    Type: String
                  ImageId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                    Default: /golden-ami/dev/arm64
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: !Ref ImageId
                      SubnetId: !Select [0, !Split [",", "{{resolve:ssm:/automation/cloudformation/network/public-subnets}}"]]
                      UserData: !Base64
                        Fn::Sub: |
                          password={{resolve:secretsmanager:%s:SecretString:password::1a2b3c}}
                          stage={{resolve:secretsmanager:db/prod:SecretString:password:AWSPREVIOUS}}
                      Tags:
                        - Key: Name
                          Value: !Sub "web-${Env}"
                      KeyName: !GetAtt Key.Name
                """.formatted(SECRET_ARN);

        List<Consumer> found = TemplateReferences.of("web", template, Map.of());

        assertThat(found).containsExactlyInAnyOrder(
                reading("/golden-ami/dev/arm64", "Parameters.ImageId", Optional.empty()),
                reading("/automation/cloudformation/network/public-subnets", "Web.SubnetId[1][1]", Optional.empty()),
                reading(SECRET_ARN, "Web.UserData.Fn::Sub", Optional.of("1a2b3c")),
                reading("db/prod", "Web.UserData.Fn::Sub", Optional.of("AWSPREVIOUS")));
    }

    @Test
    void aValueGivenToTheStackWinsOverTheDefaultAndArnsNameTheParameter() {
        String template = """
                Parameters:
                  ImageId:
                    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                    Default: /golden-ami/dev/x86_64
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: "{{resolve:ssm:arn:aws:ssm:us-east-1:123456789012:parameter/shared/queue-name:7}}"
                """;

        List<Consumer> found = TemplateReferences.of("web", template, Map.of("ImageId", "/golden-ami/prod/x86_64"));

        assertThat(found).containsExactlyInAnyOrder(
                reading("/golden-ami/prod/x86_64", "Parameters.ImageId", Optional.empty()),
                reading("/shared/queue-name", "Queue.QueueName", Optional.of("7")));
    }

    @Test
    void aTemplateThatIsNeitherJsonNorYamlIsRefusedNamingTheStackAndLine() {
        assertThatThrownBy(() -> TemplateReferences.of("broken-stack", "Resources:\n  Web: [unclosed\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stack broken-stack").hasMessageContaining("line");
    }
}
