package dev.coffer.audit;

import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a where-used scan proves about one parameter or secret: each consumer pinned to a version
 * that is not the current one, and, only when every source was read, that no consumer was found.
 * Pure: no AWS calls.
 */
final class ConsumerFindings {

    /** What the scan reads, for every text that says what it could not see. */
    static final String SCANNED = "CloudFormation stacks, EC2 launch templates, Lambda functions, ECS task definitions and Parameter Store";

    private static final String AWSCURRENT = "AWSCURRENT";
    /** Longer digit strings are no version a parameter can reach (AWS counts to 100 kept, numbered in a long). */
    private static final int VERSION_DIGITS = 18;

    private ConsumerFindings() {
    }

    /**
     * @param currentVersion the parameter's version number (not capped at the 100 kept)
     * @param complete       every consumer source was read
     */
    static List<Finding> ofParameter(InventoryItem item, long currentVersion, List<Consumer> consumers, boolean complete) {
        List<Finding> found = new ArrayList<>();
        for (Consumer c : consumers) {
            String pin = c.pinnedVersion().orElse("");
            // A label (resolve:ssm:NAME:golden) names a version Coffer does not know: parameter labels are not collected.
            if (c.manages() || pin.isEmpty() || pin.length() > VERSION_DIGITS || !pin.chars().allMatch(Character::isDigit)) {
                continue;
            }
            long pinned = Long.parseLong(pin);
            if (pinned == currentVersion) {
                continue;
            }
            found.add(Finding.of(FindingKind.PINNED_OLD_VERSION, item, consumer(c) + " pins version " + pinned
                    + (pinned > currentVersion || pinned < 1 ? ", which does not exist" : "") + "; the current version is " + currentVersion
                    + ", so it does not get updates. " + parameterRemedy(c.kind(), item.name())));
        }
        noConsumer(item, consumers, complete, found);
        return found;
    }

    /** A secret's pins are version stages or version ids, checked against the stages ListSecrets gave each version. */
    static List<Finding> ofSecret(InventoryItem item, List<Consumer> consumers, boolean complete) {
        List<Finding> found = new ArrayList<>();
        if (item.deletionDate() != null) {
            return found; // scheduled for deletion: its consumers break anyway, and Where used says which
        }
        Map<String, List<String>> stages = item.labels() == null ? Map.of() : item.labels();
        String current = stages.entrySet().stream().filter(e -> e.getValue().contains(AWSCURRENT)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        for (Consumer c : consumers) {
            String pin = c.pinnedVersion().orElse("");
            if (c.manages() || pin.isEmpty() || current == null || pin.equals(current)) {
                continue;
            }
            String what;
            if (stages.containsKey(pin)) {
                what = "version " + pin + " (" + String.join(", ", stages.get(pin)) + ")";
            } else {
                String labelled = stages.entrySet().stream().filter(e -> e.getValue().contains(pin)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
                if (current.equals(labelled)) {
                    continue; // a stage the current version carries too
                }
                what = labelled != null ? "staging label " + pin + " (version " + labelled + ")"
                        : pin + ", which no version of the secret carries as its id or a staging label";
            }
            found.add(Finding.of(FindingKind.PINNED_OLD_VERSION, item, consumer(c) + " pins " + what + "; the current version is "
                    + current + " (AWSCURRENT), so it does not get rotations or updates. " + secretRemedy(c.kind())));
        }
        // A secret another service owns (RDS, say) is read by that service, which no scan lists.
        if (item.owningService() == null) {
            noConsumer(item, consumers, complete, found);
        }
        return found;
    }

    private static void noConsumer(InventoryItem item, List<Consumer> consumers, boolean complete, List<Finding> found) {
        if (complete && consumers.isEmpty()) {
            found.add(Finding.of(FindingKind.NO_CONSUMER, item, "No scanned consumer reads it. Only " + SCANNED
                    + " were scanned: applications, scripts and other services that read it at run time are not visible, "
                    + "so ask its owner before deleting it."));
        }
    }

    /** "EC2 launch template web-fleet, at version 1 (default) ImageId,". */
    private static String consumer(Consumer c) {
        return c.kind().title() + " " + c.resource() + ", at " + c.location() + ",";
    }

    private static String parameterRemedy(ConsumerKind kind, String name) {
        return switch (kind) {
            case LAUNCH_TEMPLATE -> "Create a launch template version whose ImageId is resolve:ssm:" + name
                    + " (no version: each launch reads the current one) and make it the default.";
            case CLOUDFORMATION_STACK -> "Change the reference in the template to the current version, or to none, "
                    + "and update the stack (it reads the parameter only when it is created or updated).";
            default -> "Change it to read the current version, or no version, so that it follows updates.";
        };
    }

    private static String secretRemedy(ConsumerKind kind) {
        return switch (kind) {
            case CLOUDFORMATION_STACK -> "Drop the version stage and id from the {{resolve:secretsmanager:…}} reference "
                    + "(AWSCURRENT is read without them) and update the stack.";
            case ECS_TASK_DEFINITION -> "Register a task definition revision whose valueFrom names no version stage or id "
                    + "(AWSCURRENT is read without them) and deploy it.";
            default -> "Change it to read AWSCURRENT, or no version, so that it follows rotations.";
        };
    }
}
