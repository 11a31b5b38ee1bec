package dev.coffer.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words of a change's consumer warning, on consumers made by hand (ConsumerCheckIT proves them on a scan of moto). */
class ChangeWarningTest {

    private static Consumer reads(ConsumerKind kind, String resource, String location, String pinned) {
        return new Consumer(Target.parameter("/golden/ami/web"), kind, resource, location, Optional.ofNullable(pinned), false);
    }

    @Test
    void oneConsumerIsSaidInTheSingular() {
        String text = ChangeWarning.of("/golden/ami/web",
                List.of(reads(ConsumerKind.LAUNCH_TEMPLATE, "web-lt", "version 4 (latest) ImageId", null)),
                false, ChangeWarning.Change.DELETE, List.of());

        assertThat(text).isEqualTo("1 consumer reads /golden/ami/web:\n• launch template web-lt (version 4 (latest) ImageId, "
                + "follows the latest version)\nThey will fail, or keep the old value they already read, once it is deleted.");
    }

    @Test
    void functionsAndTaskDefinitionsAreNamedAsTheirConsolesListThem() {
        assertThat(ChangeWarning.shortName(reads(ConsumerKind.LAMBDA_FUNCTION,
                "arn:aws:lambda:eu-west-1:123456789012:function:web-bootstrap", "environment variable AMI", null)))
                .isEqualTo("web-bootstrap");
        assertThat(ChangeWarning.shortName(reads(ConsumerKind.ECS_TASK_DEFINITION,
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/web-task:7", "container app, secret AMI", null)))
                .isEqualTo("web-task:7");
        assertThat(ChangeWarning.shortName(reads(ConsumerKind.LAMBDA_FUNCTION, "plain-name", "rotation function", null)))
                .isEqualTo("plain-name");
        assertThat(ChangeWarning.shortName(reads(ConsumerKind.CLOUDFORMATION_STACK, "arn-like-stack:function:x", "Parameters.A", null)))
                .as("only functions and task definitions are shortened").isEqualTo("arn-like-stack:function:x");
    }

    @Test
    void aStackThatOwnsTheParameterIsToldApartFromOneThatReadsIt() {
        Consumer owner = new Consumer(Target.parameter("/apps/owned"), ConsumerKind.CLOUDFORMATION_STACK, "app-stack",
                "Config (AWS::SSM::Parameter)", Optional.empty(), true);

        assertThat(ChangeWarning.describe(owner, false)).isEqualTo("stack app-stack manages it (Config (AWS::SSM::Parameter)): change it there");
        assertThat(ChangeWarning.describe(owner, true))
                .isEqualTo("stack app-stack manages /apps/owned (Config (AWS::SSM::Parameter)): change it there");
        assertThat(ChangeWarning.describe(reads(ConsumerKind.LAUNCH_TEMPLATE, "batch", "version 1 (default) ImageId", "1"), true))
                .isEqualTo("launch template batch reads /golden/ami/web (version 1 (default) ImageId, pinned to version 1)");
    }

    @Test
    void whatCouldNotBeReadFollowsTheConsumersFound() {
        String text = ChangeWarning.of("/golden/ami/web",
                List.of(reads(ConsumerKind.CLOUDFORMATION_STACK, "web-stack", "Parameters.ImageId", null)),
                false, ChangeWarning.Change.MOVE, List.of("Lambda functions could not be read: access denied."));

        assertThat(text).startsWith("1 consumer reads /golden/ami/web:\n• stack web-stack (Parameters.ImageId, follows the latest version)\n"
                + "They still name the old name").endsWith("\nNot read, so consumers there are not known: Lambda functions could not be read: access denied.");
    }
}
