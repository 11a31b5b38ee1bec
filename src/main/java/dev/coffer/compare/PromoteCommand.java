package dev.coffer.compare;

import dev.coffer.about.Version;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ServiceText;
import dev.coffer.kms.KeyCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coffer promote}: compares two sides (values included), prints the plan that would make
 * the target like the source, and with {@code --apply} carries it out item by item. The source
 * side is opened read-only.
 */
@Command(name = "promote", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, sortOptions = false,
        description = {"Plan (and with --apply make) the calls that copy parameters and secrets from the left side to the right. "
                + "Values are compared but never printed.",
            "Exit code: 0 every item succeeded (without --apply: the plan can be carried out in full), 1 an item failed, was skipped "
                + "because its target changed, or needs a KMS key chosen, 2 bad options, 3 AWS or a file could not be read."})
public final class PromoteCommand extends SideOptions implements Callable<Integer> {

    /** Exit code: not every item succeeded. */
    public static final int INCOMPLETE = 1;

    @Option(names = "--apply", description = "Carry the plan out (without it, only print it).")
    boolean apply;

    @Option(names = "--right-to-left", description = "Promote from the right side to the left (default: left to right).")
    boolean rightToLeft;

    @Option(names = "--include-values", description = "Accepted for symmetry with diff: promoting always compares values.")
    boolean includeValues;

    @Option(names = "--kms-key", paramLabel = "SOURCE=TARGET", mapFallbackValue = "",
            description = "The target's KMS key for a source key (alias or key id), repeatable. A source key not named here uses the "
                    + "target's key with the same alias.")
    Map<String, String> keyMapping = new LinkedHashMap<>();

    @Option(names = "--delete-only-on-target", paramLabel = "ROOT",
            description = "Also delete what only the target holds (secrets with a 30-day recovery window); ROOT is the target's path "
                    + "(or secrets prefix) typed again to confirm.")
    String deleteConfirmation;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ClientFactory> opened = new ArrayList<>();
        try {
            Side left;
            Side right;
            try {
                left = side(true, !rightToLeft, opened);
                right = side(false, rightToLeft, opened);
                if (keyMapping.values().stream().anyMatch(String::isBlank)) {
                    throw new IllegalArgumentException("--kms-key takes SOURCE=TARGET, such as alias/app=alias/app-prod.");
                }
            } catch (IllegalArgumentException bad) {
                err.println(AwsErrors.explain(bad).text());
                return BAD_OPTIONS;
            }
            Side target = rightToLeft ? left : right;
            if (!(target instanceof Side.Live live)) {
                err.println("The target of a promotion is a connection, not a file: " + target.label());
                return BAD_OPTIONS;
            }
            Comparison comparison = Comparer.compare(left, right, new CompareOptions(true, true), message -> { }, () -> false);
            PromotionPlan plan;
            try {
                plan = PromotionPlan.of(comparison, comparison.rows(), new PlanOptions(rightToLeft ? Direction.RIGHT_TO_LEFT
                        : Direction.LEFT_TO_RIGHT, tags, keyMapping, deleteConfirmation != null, deleteConfirmation),
                        new KeyCatalog(live.clients()).listIfAllowed());
            } catch (IllegalArgumentException bad) {
                err.println(AwsErrors.explain(bad).text());
                return BAD_OPTIONS;
            }
            if (!apply) {
                out.print(ComparisonReport.plan(plan, Optional.empty(), format));
                out.flush();
                return plan.complete() ? 0 : INCOMPLETE;
            }
            List<ItemResult> results = new Promotion(plan).apply(result -> { }, () -> false);
            out.print(ComparisonReport.plan(plan, Optional.of(results), format));
            out.flush();
            boolean allDone = results.stream().allMatch(r -> r.outcome() == Outcome.DONE
                    || r.outcome() == Outcome.SKIPPED && r.item().action() == Action.SKIP && !r.item().blocked());
            return allDone ? 0 : INCOMPLETE;
        } catch (IOException | RuntimeException e) {
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return FAILED;
        } finally {
            opened.forEach(ClientFactory::close);
        }
    }
}
