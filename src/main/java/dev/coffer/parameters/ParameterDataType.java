package dev.coffer.parameters;

import java.util.Arrays;
import java.util.Optional;

/** How Parameter Store validates a String parameter's value: not at all, or as an AMI id. */
public enum ParameterDataType {
    TEXT("text"),
    EC2_IMAGE("aws:ec2:image"),
    SSM_INTEGRATION("aws:ssm:integration");

    private final String awsName;

    ParameterDataType(String awsName) {
        this.awsName = awsName;
    }

    /** The name in AWS's API and in Coffer's export files. */
    public String awsName() {
        return awsName;
    }

    /** The data type AWS names {@code name} (exactly: all lowercase), or empty. */
    public static Optional<ParameterDataType> fromAws(String name) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(name)).findFirst();
    }

    /** The AWS name, as a user reads it. */
    @Override
    public String toString() {
        return awsName;
    }
}
