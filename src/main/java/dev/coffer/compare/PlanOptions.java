package dev.coffer.compare;

import java.util.Map;

/**
 * How to promote.
 *
 * @param copyTags           give the target the source's tags (off: the target keeps its own)
 * @param keyMapping         the target's KMS key for a source key, by the source key's label (alias or id);
 *                           a key not named here is the target's key with the same alias, when there is one
 * @param deleteOnlyOnTarget delete what exists only on the target (off by default)
 * @param typedTargetRoot    the target's root as the user typed it to confirm deleting; checked only when deleting
 */
public record PlanOptions(Direction direction, boolean copyTags, Map<String, String> keyMapping, boolean deleteOnlyOnTarget,
                          String typedTargetRoot) {

    public PlanOptions {
        keyMapping = Map.copyOf(keyMapping);
        typedTargetRoot = typedTargetRoot == null ? "" : typedTargetRoot.trim();
    }

    /** Left to right, copying tags, mapping keys by alias, deleting nothing. */
    public static PlanOptions leftToRight() {
        return new PlanOptions(Direction.LEFT_TO_RIGHT, true, Map.of(), false, "");
    }
}
