package dev.coffer.compare;

import dev.coffer.aws.Problem;
import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.secrets.SecretDraft;
import dev.coffer.secrets.SecretRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What promoting rows of a comparison from one side to the other would do, item by item, before
 * anything is sent: create what the target lacks, update what differs (the fields that differ),
 * and, only when asked and confirmed with the target's root typed, delete what only the target has.
 * Every call is checked against AWS's rules first; what would be refused is skipped with the reason.
 * From an export file (the import), a SecureString on the target is never overwritten, and the
 * file's entries Coffer could not use are {@link #rejected}.
 */
public record PromotionPlan(Comparison comparison, PlanOptions options, List<PlanItem> items) {

    public PromotionPlan {
        items = List.copyOf(items);
    }

    public Side source() {
        return options.direction() == Direction.LEFT_TO_RIGHT ? comparison.left() : comparison.right();
    }

    public Side target() {
        return options.direction() == Direction.LEFT_TO_RIGHT ? comparison.right() : comparison.left();
    }

    /** Whether every item would be carried out: nothing is skipped for a missing choice, and the source file had no unusable entry. */
    public boolean complete() {
        return rejected().isEmpty() && items.stream().noneMatch(PlanItem::blocked);
    }

    /** The entries of a source export file that could not be used, and why: none of them is sent. */
    public List<Rejected> rejected() {
        return options.direction() == Direction.LEFT_TO_RIGHT ? comparison.rejectedLeft() : comparison.rejectedRight();
    }

    /**
     * The plan for {@code rows} of {@code comparison} (rows that are the same are left out).
     *
     * @param targetKeys the target's KMS keys, to find the key with a source key's alias
     * @throws IllegalArgumentException when the target is a file, the comparison did not read values
     *                                  or tags, or deleting is asked without the target's root typed exactly
     */
    public static PromotionPlan of(Comparison comparison, List<Row> rows, PlanOptions options, List<KmsKey> targetKeys) {
        PromotionPlan empty = new PromotionPlan(comparison, options, List.of());
        if (!(empty.target() instanceof Side.Live target)) {
            throw new IllegalArgumentException("A promotion writes to a connection; " + empty.target().label() + " is a file.");
        }
        if (!comparison.options().values() || !comparison.options().tags()) {
            throw new IllegalArgumentException("Promoting needs a comparison that read values and tags.");
        }
        if (options.deleteOnlyOnTarget() && !options.typedTargetRoot().equals(target.root())) {
            throw new IllegalArgumentException("To delete what only " + target.root() + " holds, type that root exactly to confirm"
                    + (options.typedTargetRoot().isEmpty() ? "." : " (not '" + options.typedTargetRoot() + "')."));
        }
        boolean leftToRight = options.direction() == Direction.LEFT_TO_RIGHT;
        List<PlanItem> items = new ArrayList<>();
        for (Row row : rows) {
            if (row.status() == Status.SAME) {
                continue;
            }
            Optional<Item> source = leftToRight ? row.left() : row.right();
            Optional<Item> existing = leftToRight ? row.right() : row.left();
            Optional<String> targetName = targetName(row, target);
            if (targetName.isEmpty()) {
                items.add(skip(row, "", "the target side has no " + (row.kind() == ItemKind.PARAMETER ? "Parameter Store path" : "secret prefix")
                        + " to put it under", true));
            } else if (source.isEmpty()) {
                items.add(options.deleteOnlyOnTarget()
                        ? new PlanItem(row, Action.DELETE, targetName.get(), List.of(), Optional.empty(), "", false)
                        : skip(row, targetName.get(), "only on the target; deleting is off", false));
            } else {
                items.add(copy(row, source.get(), existing, targetName.get(), options, targetKeys,
                        empty.source() instanceof Side.ExportFile));
            }
        }
        return new PromotionPlan(comparison, options, items);
    }

    private static PlanItem copy(Row row, Item source, Optional<Item> existing, String targetName, PlanOptions options,
                                 List<KmsKey> targetKeys, boolean fromFile) {
        if (fromFile && existing.filter(e -> e instanceof ParameterItem p && p.isSecure()).isPresent()) {
            // A file holds no SecureString value, so it never replaces one.
            return skip(row, targetName, "a file never overwrites a SecureString", true);
        }
        if (fromFile && existing.isPresent() && source instanceof ParameterItem p && p.isSecure()) {
            return skip(row, targetName, "a file never turns an existing parameter into a SecureString", true);
        }
        // An Advanced parameter stays Advanced (AWS can't move it back), so a Standard source changes no tier.
        boolean tierStays = source instanceof ParameterItem sp && sp.tier() == ParameterTier.STANDARD
                && existing.filter(e -> e instanceof ParameterItem t && t.tier() == ParameterTier.ADVANCED).isPresent();
        List<Field> fields = existing.isEmpty() ? List.of()
                : row.fields().stream().filter(Field::copied).filter(f -> options.copyTags() || f != Field.TAGS)
                        .filter(f -> !(tierStays && f == Field.TIER)).toList();
        if (existing.isPresent() && fields.isEmpty()) {
            return skip(row, targetName, "only " + row.differences().stream().map(d -> d.field().jsonName()).toList()
                    + " differ" + (row.fields().size() == 1 ? "s" : "") + ", which promoting leaves as the target has it", false);
        }
        if (source instanceof ParameterItem p && p.value().isEmpty()) {
            return skip(row, targetName, fromFile && p.isSecure() ? "SecureString values are never exported; set this one in Coffer."
                    : fromFile ? "no value in the file." : "the source holds no value for it", true);
        }
        if (source instanceof SecretItem s && (s.value().isEmpty() || existing.filter(e -> ((SecretItem) e).value().isEmpty()).isPresent())) {
            return skip(row, targetName, "its value could not be read on both sides", true);
        }
        Optional<String> sourceKey = source instanceof ParameterItem p ? p.keyLabel() : Optional.of(((SecretItem) source).keyLabel());
        String defaultKey = source instanceof ParameterItem ? ParameterStore.DEFAULT_KEY : SecretDraft.DEFAULT_KEY;
        boolean keyChanges = existing.isEmpty() || fields.contains(Field.KMS_KEY) || fields.contains(Field.TYPE);
        Optional<String> targetKey = Optional.empty();
        if (keyChanges && sourceKey.isPresent() && !sourceKey.get().equals(defaultKey)) {
            targetKey = targetKey(sourceKey.get(), options, targetKeys);
            if (targetKey.isEmpty()) {
                return skip(row, targetName, "no KMS key chosen on the target for " + sourceKey.get()
                        + " (the target has no key with that alias; map it to one of the target's keys)", true);
            }
        } else if (!keyChanges) {
            targetKey = existing.flatMap(e -> e instanceof ParameterItem tp ? tp.keyId() : ((SecretItem) e).keyId());
        }
        List<Problem> problems = problems(source, existing, targetName, fields, targetKey, options.copyTags());
        if (!problems.isEmpty()) {
            return skip(row, targetName, problems.stream().map(Problem::message).collect(Collectors.joining(" ")), true);
        }
        return new PlanItem(row, existing.isEmpty() ? Action.CREATE : Action.UPDATE, targetName, fields, targetKey, "", false);
    }

    /**
     * What AWS would refuse in the call an item makes (a name too long under the target's root, a
     * value too large for its tier, tags), found before anything is sent, as the editors do.
     */
    private static List<Problem> problems(Item source, Optional<Item> existing, String targetName, List<Field> fields,
                                          Optional<String> targetKey, boolean copyTags) {
        if (source instanceof ParameterItem p) {
            return ParameterRules.check(TargetDrafts.parameter(targetName, p, existing.map(ParameterItem.class::cast), targetKey, copyTags),
                    Optional.empty());
        }
        SecretItem s = (SecretItem) source;
        return SecretRules.check(existing.isEmpty() ? TargetDrafts.newSecret(targetName, s, targetKey, copyTags)
                : TargetDrafts.updatedSecret(s, (SecretItem) existing.get(), fields.contains(Field.KMS_KEY), targetKey, copyTags));
    }

    /** The key chosen for a source key, else the target's key with the same alias, else its own key of that id (same account). */
    private static Optional<String> targetKey(String sourceLabel, PlanOptions options, List<KmsKey> targetKeys) {
        String mapped = options.keyMapping().get(sourceLabel);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        if (sourceLabel.startsWith("alias/")) {
            return targetKeys.stream().filter(k -> k.aliases().contains(sourceLabel)).findFirst().map(k -> sourceLabel);
        }
        return targetKeys.stream().filter(k -> k.keyId().equals(sourceLabel)).findFirst().map(KmsKey::keyId);
    }

    private static Optional<String> targetName(Row row, Side.Live target) {
        return row.kind() == ItemKind.PARAMETER
                ? target.path().map(root -> RelativeNames.parameterName(row.name(), root))
                : target.secretsPrefix().map(prefix -> RelativeNames.secretName(row.name(), prefix));
    }

    private static PlanItem skip(Row row, String targetName, String why, boolean blocked) {
        return new PlanItem(row, Action.SKIP, targetName, List.of(), Optional.empty(), why, blocked);
    }
}
