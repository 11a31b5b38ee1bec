package dev.coffer.compare;

import dev.coffer.aws.AwsErrors;
import java.util.Optional;

/**
 * What applying one plan item did.
 *
 * @param message what happened in words ("created", "skipped: changed since the comparison …")
 * @param problem the failure as {@link AwsErrors} explains it, for a failed item
 */
public record ItemResult(PlanItem item, Outcome outcome, String message, Optional<AwsErrors.Problem> problem) {

    /** The message for a window; a failure's explanation for a window. */
    public String text() {
        return problem.map(AwsErrors.Problem::text).orElse(message);
    }

    /** The message for a command line; a failure's explanation for a command line. */
    public String commandText() {
        return problem.map(AwsErrors.Problem::commandText).orElse(message);
    }
}
