package dev.coffer.parameters;

import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copying or moving parameters to new names: planned from the names alone, then read, checked
 * and written through {@link ParameterStore}, so every save has the store's conflict check.
 */
public final class ParameterCopy {

    private final ParameterStore store;

    public ParameterCopy(ParameterStore store) {
        this.store = store;
    }

    /**
     * Plans copying parameters to new names by replacing the leading {@code fromPrefix} of each
     * name with {@code toPrefix} ("/apps/billing" to "/apps/invoicing" renames
     * "/apps/billing/url" to "/apps/invoicing/url"). Sends nothing.
     *
     * @throws InvalidDraftException when a name is not under the prefix, a new name breaks the
     *                               name rules, two names would become one, or a new name is also a source
     */
    public static CopyPlan plan(List<String> names, String fromPrefix, String toPrefix) {
        List<Problem> problems = new ArrayList<>();
        List<CopyPlan.Move> moves = new ArrayList<>();
        Set<String> sources = new HashSet<>(names);
        Set<String> targets = new HashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (!name.startsWith(fromPrefix)) {
                problems.add(new Problem("name", name + " is not under " + fromPrefix + "."));
                continue;
            }
            String target = toPrefix + name.substring(fromPrefix.length());
            for (Problem p : ParameterRules.checkName(target)) {
                problems.add(new Problem("name", target + ": " + p.message()));
            }
            if (target.equals(name)) {
                problems.add(new Problem("name", name + " would be copied onto itself."));
            } else if (sources.contains(target)) {
                problems.add(new Problem("name", target + " is both copied and a copy's new name; copy in two steps."));
            }
            if (!targets.add(target)) {
                problems.add(new Problem("name", "Two parameters would both become " + target + "."));
            }
            moves.add(new CopyPlan.Move(name, target));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        return new CopyPlan(moves);
    }

    /** The planned new names that already exist. */
    public List<String> existingTargets(CopyPlan plan) {
        return store.describeAll(plan.targets()).keySet().stream().sorted().toList();
    }

    /** {@link #copy(CopyPlan, boolean, boolean, Consumer)} that refuses to overwrite existing parameters. */
    public void copy(CopyPlan plan, boolean deleteSources, Consumer<String> progress) {
        copy(plan, deleteSources, false, progress);
    }

    /**
     * Copies (or, with {@code deleteSources}, moves) parameters as planned: type, value,
     * description, tier, data type, KMS key and tags (not policies). Everything is read and
     * checked first; then every put is sent; the sources are deleted only after every put
     * succeeded.
     *
     * @param overwriteExisting whether new names that already exist may be overwritten (they keep
     *                          their policies, and an Advanced one stays Advanced); without it
     *                          existing targets throw {@link CopyTargetsExistException} before
     *                          anything is written
     * @throws CopyIncompleteException when a put fails part way; nothing is deleted then
     * @throws NoSuchElementException when a source no longer exists (nothing is written)
     */
    public void copy(CopyPlan plan, boolean deleteSources, boolean overwriteExisting, Consumer<String> progress) {
        Consumer<String> report = progress == null ? message -> { } : progress;
        if (plan.isEmpty()) {
            return;
        }
        Map<String, Parameter> sources = store.describeAll(plan.sources());
        List<String> missing = plan.sources().stream().filter(n -> !sources.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new NoSuchElementException("No longer there: " + String.join(", ", missing) + ". Nothing was copied.");
        }
        Map<String, Parameter> targets = store.describeAll(plan.targets());
        if (!targets.isEmpty() && !overwriteExisting) {
            throw new CopyTargetsExistException(targets.keySet().stream().sorted().toList());
        }
        Map<String, SecretText> values = store.values(plan.sources());
        List<ParameterDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (CopyPlan.Move move : plan.moves()) {
            Parameter source = sources.get(move.from());
            Parameter target = targets.get(move.to());
            SecretText value = values.get(move.from());
            if (value == null) {
                throw new NoSuchElementException("No longer there: " + move.from() + ". Nothing was copied.");
            }
            ParameterTier tier = target != null && target.tier() == ParameterTier.ADVANCED ? ParameterTier.ADVANCED : source.tier();
            ParameterDraft draft = new ParameterDraft(move.to(), source.type(), value, source.description().orElse(""), source.dataType(),
                    tier, source.isSecure() ? source.keyId() : Optional.empty(), store.tags(move.from()),
                    target == null ? ParameterPolicies.none() : ParameterStore.policiesOf(target));
            ParameterRules.check(draft, Optional.ofNullable(target)).forEach(p ->
                    problems.add(new Problem(p.field(), move.to() + ": " + p.message())));
            drafts.add(draft);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        List<CopyPlan.Move> copied = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            CopyPlan.Move move = plan.moves().get(i);
            Parameter target = targets.get(move.to());
            try {
                store.put(drafts.get(i), target == null ? OptionalLong.empty() : OptionalLong.of(target.version()));
            } catch (RuntimeException e) {
                throw new CopyIncompleteException(copied, move, e);
            }
            copied.add(move);
            report.accept("Copied " + move.from() + " → " + move.to() + " (" + copied.size() + " of " + drafts.size() + ")");
        }
        if (deleteSources) {
            List<String> notDeleted = store.delete(plan.sources());
            report.accept("Deleted " + (plan.moves().size() - notDeleted.size()) + " of " + plan.moves().size() + " old names");
            if (!notDeleted.isEmpty()) {
                report.accept("Not deleted: " + String.join(", ", notDeleted));
            }
        }
    }
}
