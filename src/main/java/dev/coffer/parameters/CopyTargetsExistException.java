package dev.coffer.parameters;

import dev.coffer.aws.CofferException;
import java.util.List;

/** Thrown by {@link ParameterCopy#copy} before anything is written when target names already exist. */
public final class CopyTargetsExistException extends CofferException {

    private final List<String> existing;

    public CopyTargetsExistException(List<String> existing) {
        super(existing.size() + (existing.size() == 1 ? " target already exists: " : " targets already exist: ")
                + String.join(", ", existing.subList(0, Math.min(5, existing.size()))) + (existing.size() > 5 ? ", …" : "")
                + ". Nothing was copied; choose another destination or confirm overwriting them.");
        this.existing = List.copyOf(existing);
    }

    public List<String> existing() {
        return existing;
    }
}
