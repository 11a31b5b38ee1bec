package dev.coffer.usage;

/** What reads a parameter or a secret, by the names the command's JSON gives them. */
public enum ConsumerKind {
    CLOUDFORMATION_STACK("cloudformation-stack", "CloudFormation stack"),
    LAUNCH_TEMPLATE("launch-template", "EC2 launch template"),
    LAMBDA_FUNCTION("lambda-function", "Lambda function"),
    ECS_TASK_DEFINITION("ecs-task-definition", "ECS task definition"),
    PARAMETER("parameter", "Parameter");

    private final String id;
    private final String title;

    ConsumerKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** e.g. {@code launch-template}. */
    public String id() {
        return id;
    }

    /** e.g. "EC2 launch template", for people. */
    public String title() {
        return title;
    }
}
