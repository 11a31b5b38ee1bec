package dev.coffer.usage;

import java.util.Objects;

/**
 * What a consumer reads: a parameter by its name, or a secret by its ARN (or, for a secret this
 * scan did not list, by the name or ARN the consumer wrote).
 */
public record Target(Store store, String id) {

    public enum Store { PARAMETER, SECRET }

    public Target {
        Objects.requireNonNull(store);
        Objects.requireNonNull(id);
    }

    public static Target parameter(String name) {
        return new Target(Store.PARAMETER, name);
    }

    public static Target secret(String nameOrArn) {
        return new Target(Store.SECRET, nameOrArn);
    }

    public boolean isParameter() {
        return store == Store.PARAMETER;
    }
}
