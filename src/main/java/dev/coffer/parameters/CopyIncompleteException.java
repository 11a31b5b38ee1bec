package dev.coffer.parameters;

import dev.coffer.aws.CofferException;
import java.util.List;

/**
 * Thrown by {@link ParameterCopy#copy} when a put failed part way: the moves before it were
 * copied, nothing was deleted (sources are deleted only after every copy succeeded).
 */
public final class CopyIncompleteException extends CofferException {

    private final transient List<CopyPlan.Move> copied;
    private final transient CopyPlan.Move failed;

    public CopyIncompleteException(List<CopyPlan.Move> copied, CopyPlan.Move failed, RuntimeException cause) {
        super("Copied " + copied.size() + " parameter" + (copied.size() == 1 ? "" : "s") + ", then " + failed.from() + " → " + failed.to()
                + " failed; nothing was deleted.", cause);
        this.copied = List.copyOf(copied);
        this.failed = failed;
    }

    public List<CopyPlan.Move> copied() {
        return copied;
    }

    public CopyPlan.Move failed() {
        return failed;
    }
}
