package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Type, tier and data type as Coffer's own enums: AWS's names in, AWS's names out, nothing else. */
class ParameterTypesTest {

    @Test
    void eachValueIsKnownByExactlyTheNameAwsGivesIt() {
        for (ParameterType t : ParameterType.values()) {
            assertThat(ParameterType.fromAws(t.awsName())).contains(t);
        }
        for (ParameterTier t : ParameterTier.values()) {
            assertThat(ParameterTier.fromAws(t.awsName())).contains(t);
        }
        for (ParameterDataType t : ParameterDataType.values()) {
            assertThat(ParameterDataType.fromAws(t.awsName())).contains(t);
        }
        assertThat(List.of(ParameterType.values()).stream().map(ParameterType::awsName))
                .containsExactly("String", "StringList", "SecureString");
        assertThat(List.of(ParameterTier.values()).stream().map(ParameterTier::awsName))
                .containsExactly("Standard", "Advanced", "Intelligent-Tiering");
        assertThat(List.of(ParameterDataType.values()).stream().map(ParameterDataType::awsName))
                .containsExactly("text", "aws:ec2:image", "aws:ssm:integration");
        // AWS compares its names exactly; so does Coffer.
        assertThat(ParameterType.fromAws("string")).isEmpty();
        assertThat(ParameterType.fromAws("Text")).isEmpty();
        assertThat(ParameterTier.fromAws("Premium")).isEmpty();
        assertThat(ParameterDataType.fromAws("AWS:EC2:IMAGE")).isEmpty();
        assertThat(ParameterDataType.fromAws(null)).isEmpty();
    }

    @Test
    void namesAwsDoesNotUseAreProblemsOfTheirField() {
        assertThat(ParameterRules.checkNames("Text", "Premium", "AWS:EC2:IMAGE")).extracting(Problem::field)
                .containsExactly("type", "tier", "dataType");
        assertThat(ParameterRules.checkNames("", "Standard", "text")).singleElement().extracting(Problem::message)
                .isEqualTo("Choose a type: AWS takes String, StringList or SecureString.");
        assertThat(ParameterRules.checkNames("SecureString", "Intelligent-Tiering", "aws:ssm:integration")).isEmpty();
    }
}
