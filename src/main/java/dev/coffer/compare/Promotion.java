package dev.coffer.compare;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.secrets.SecretConflictException;
import dev.coffer.secrets.SecretDraft;
import dev.coffer.secrets.SecretStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Carries out a {@link PromotionPlan} item by item through the target's stores, which check every
 * draft, make each write once and pass the read-only guard. A failed item does not stop the others;
 * an item whose target changed since the comparison is skipped, never overwritten.
 */
public final class Promotion {

    /** Days a secret deleted by a promotion can still be restored. */
    public static final int SECRET_RECOVERY_DAYS = 30;

    private final PromotionPlan plan;
    private final ParameterStore parameters;
    private final SecretStore secrets;

    public Promotion(PromotionPlan plan) {
        this.plan = plan;
        ClientFactory target = ((Side.Live) plan.target()).clients();
        this.parameters = new ParameterStore(target);
        this.secrets = new SecretStore(target);
    }

    /**
     * Applies every item in order, handing each result to {@code onResult} as it is known. Once
     * {@code cancelled} says so, the items not begun are reported as not run.
     */
    public List<ItemResult> apply(Consumer<ItemResult> onResult, BooleanSupplier cancelled) {
        List<ItemResult> results = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            ItemResult result = cancelled.getAsBoolean() ? new ItemResult(item, Outcome.NOT_RUN, "not run: cancelled", Optional.empty())
                    : applyOne(item);
            results.add(result);
            onResult.accept(result);
        }
        return results;
    }

    private ItemResult applyOne(PlanItem item) {
        if (item.action() == Action.SKIP) {
            return new ItemResult(item, Outcome.SKIPPED, "skipped: " + item.note(), Optional.empty());
        }
        try {
            String done = item.kind() == ItemKind.PARAMETER ? applyParameter(item) : applySecret(item);
            return new ItemResult(item, Outcome.DONE, done, Optional.empty());
        } catch (ParameterConflictException | SecretConflictException changed) {
            return changedMeanwhile(item);
        } catch (RuntimeException e) {
            AwsErrors.Problem problem = AwsErrors.explain(e);
            return new ItemResult(item, Outcome.FAILED, "failed: " + problem.summary(), Optional.of(problem));
        }
    }

    private static ItemResult changedMeanwhile(PlanItem item) {
        return new ItemResult(item, Outcome.SKIPPED, "skipped: " + item.targetName() + " changed since the comparison; compare again",
                Optional.empty());
    }

    private Optional<Item> source(PlanItem item) {
        return plan.options().direction() == Direction.LEFT_TO_RIGHT ? item.row().left() : item.row().right();
    }

    private Optional<Item> existing(PlanItem item) {
        return plan.options().direction() == Direction.LEFT_TO_RIGHT ? item.row().right() : item.row().left();
    }

    // ---------------------------------------------------------------- parameters

    private String applyParameter(PlanItem item) {
        Optional<ParameterItem> target = existing(item).map(ParameterItem.class::cast);
        if (item.action() == Action.DELETE) {
            ParameterItem seen = target.orElseThrow();
            Optional<Parameter> now = parameters.describe(item.targetName());
            if (now.isEmpty() || now.get().version() != seen.version() || !seen.lastModified().equals(Optional.of(now.get().lastModified()))) {
                throw new ParameterConflictException(item.targetName(), seen.version(), null);
            }
            List<String> notDeleted = parameters.delete(List.of(item.targetName()));
            return notDeleted.isEmpty() ? "deleted" : "not deleted: AWS no longer has it";
        }
        ParameterItem source = (ParameterItem) source(item).orElseThrow();
        ParameterDraft draft = TargetDrafts.parameter(item.targetName(), source, target, item.targetKey(), plan.options().copyTags());
        long version = target.isEmpty() ? parameters.put(draft, OptionalLong.empty())
                : parameters.put(draft, target.get().version(), target.get().lastModified().orElseThrow());
        return (item.action() == Action.CREATE ? "created" : "updated") + ", version " + version;
    }

    // ---------------------------------------------------------------- secrets

    private String applySecret(PlanItem item) {
        Optional<SecretItem> target = existing(item).map(SecretItem.class::cast);
        if (item.action() == Action.DELETE) {
            SecretItem t = target.orElseThrow();
            if (!Objects.equals(secrets.currentVersionId(t.arn()), t.currentVersionId().orElse(null))) {
                throw new SecretConflictException(t.name(), t.currentVersionId().orElse(null), null, Optional.empty());
            }
            secrets.delete(t.arn(), SECRET_RECOVERY_DAYS);
            return "scheduled for deletion in " + SECRET_RECOVERY_DAYS + " days";
        }
        SecretItem source = (SecretItem) source(item).orElseThrow();
        String token = requestToken(item, source, target);
        if (target.isEmpty()) {
            secrets.create(TargetDrafts.newSecret(item.targetName(), source, item.targetKey(), plan.options().copyTags()), token);
            return "created";
        }
        SecretItem t = target.get();
        SecretDraft draft = TargetDrafts.updatedSecret(source, t, item.fieldsCopied().contains(Field.KMS_KEY), item.targetKey(),
                plan.options().copyTags());
        secrets.update(t.arn(), draft, t.currentVersionId().orElse(null), TargetDrafts.secretAsIs(t), token);
        return "updated";
    }

    /**
     * The ClientRequestToken of an item's new secret version: made from the target's name, the
     * version the comparison saw there and the source's version, so applying the same promotion
     * again sends the same token and Secrets Manager makes no second version.
     */
    static String requestToken(PlanItem item, SecretItem source, Optional<SecretItem> target) {
        String seed = "coffer-promote|" + item.targetName() + "|" + target.flatMap(SecretItem::currentVersionId).orElse("new")
                + "|" + source.currentVersionId().orElse("");
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
