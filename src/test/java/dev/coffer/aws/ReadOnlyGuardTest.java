package dev.coffer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"GetParameter", "GetParametersByPath", "DescribeParameters", "ListSecrets", "BatchGetSecretValue",
            "GetSecretValue", "DescribeImages", "ListAliases", "GetCallerIdentity", "GetRandomPassword", "ValidateResourcePolicy"})
    void readsPass(String operation) {
        assertThat(ReadOnlyGuard.isRead(operation)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PutParameter", "DeleteParameter", "DeleteParameters", "LabelParameterVersion", "AddTagsToResource",
            "CreateSecret", "PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "RotateSecret", "DeleteSecret",
            "RestoreSecret", "PutResourcePolicy", "TagResource", "CreateKey", "RunInstances"})
    void writesAreRefused(String operation) {
        assertThat(ReadOnlyGuard.isRead(operation)).isFalse();
    }
}
