package dev.coffer.parameters;

import java.util.Arrays;
import java.util.Optional;

/**
 * A parameter's tier. Intelligent-Tiering is asked for when saving: AWS then stores the parameter
 * as Standard or Advanced, whichever its value and policies need.
 */
public enum ParameterTier {
    STANDARD("Standard"),
    ADVANCED("Advanced"),
    INTELLIGENT_TIERING("Intelligent-Tiering");

    private final String awsName;

    ParameterTier(String awsName) {
        this.awsName = awsName;
    }

    /** The name in AWS's API and in Coffer's export files. */
    public String awsName() {
        return awsName;
    }

    /** The tier AWS names {@code name} (exactly: AWS's names are case-sensitive), or empty. */
    public static Optional<ParameterTier> fromAws(String name) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(name)).findFirst();
    }

    /** The AWS name, as a user reads it. */
    @Override
    public String toString() {
        return awsName;
    }
}
