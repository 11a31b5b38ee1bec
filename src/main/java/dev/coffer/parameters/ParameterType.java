package dev.coffer.parameters;

import java.util.Arrays;
import java.util.Optional;

/** What a parameter holds, by the names Parameter Store gives its types. */
public enum ParameterType {
    STRING("String"),
    STRING_LIST("StringList"),
    SECURE_STRING("SecureString");

    private final String awsName;

    ParameterType(String awsName) {
        this.awsName = awsName;
    }

    /** The name in AWS's API and in Coffer's export files. */
    public String awsName() {
        return awsName;
    }

    /** The type AWS names {@code name} (exactly: AWS's names are case-sensitive), or empty. */
    public static Optional<ParameterType> fromAws(String name) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(name)).findFirst();
    }

    /** The AWS name, as a user reads it. */
    @Override
    public String toString() {
        return awsName;
    }
}
