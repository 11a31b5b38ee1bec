package dev.coffer.aws;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a store instead of sending a request that the rules already know AWS would refuse.
 * Carries every problem at once; the message never contains a value.
 */
public final class InvalidDraftException extends CofferException {

    private final transient List<Problem> problems;

    public InvalidDraftException(List<Problem> problems) {
        super(message(problems));
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid draft has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            return "Invalid draft";
        }
        return problems.stream().map(Problem::message).collect(Collectors.joining(" "));
    }
}
