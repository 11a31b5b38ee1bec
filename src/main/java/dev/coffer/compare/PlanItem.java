package dev.coffer.compare;

import java.util.List;
import java.util.Optional;

/**
 * One call (or set of calls for one item) a promotion makes, or an item it leaves alone and why.
 *
 * @param targetName   the item's full name on the target
 * @param fieldsCopied what an update changes on the target (a create copies everything)
 * @param targetKey    the KMS key used on the target; empty for the AWS managed default
 * @param note         why an item is skipped, or what the call leaves as it is; "" when nothing to say
 * @param blocked      skipped because a choice is missing (a KMS key for the target, a value): the promotion is incomplete
 */
public record PlanItem(Row row, Action action, String targetName, List<Field> fieldsCopied, Optional<String> targetKey, String note,
                       boolean blocked) {

    public PlanItem {
        fieldsCopied = List.copyOf(fieldsCopied);
    }

    public ItemKind kind() {
        return row.kind();
    }

    /** The item's name relative to the roots. */
    public String name() {
        return row.name();
    }
}
