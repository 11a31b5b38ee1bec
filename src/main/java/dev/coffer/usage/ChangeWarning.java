package dev.coffer.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * What a confirmation says about the consumers a change would break, before the user accepts it:
 * deleting, moving or renaming a parameter, a folder (everything under it) or a secret. Every
 * confirmation takes its text from here, whether the consumers are known, being looked for, or
 * not known because no scan ran or the scan failed.
 */
public final class ChangeWarning {

    /** What the confirmation is about to do. */
    public enum Change {
        DELETE("They will fail, or keep the old value they already read, once it is deleted."),
        MOVE("They still name the old name, so they will fail or keep the old value once it moves: point them at the new name.");

        private final String consequence;

        Change(String consequence) {
            this.consequence = consequence;
        }
    }

    /** How many consumers a confirmation names before "and N more": it is a warning, not the Where used window. */
    static final int NAMED = 5;

    private ChangeWarning() {
    }

    /**
     * The consumers found, one a line, e.g. "3 consumers read /golden/ami/web:", "• launch template
     * web-lt (version 1 (default and latest) ImageId, follows the latest version)", …, "They will fail, …".
     *
     * @param subject   what is changed as a person reads it: "/apps/db-host", "parameters under /apps", "secret db/web"
     * @param consumers its consumers, from one scan of the connection
     * @param folder    whether the subject is a folder, so each consumer names the parameter it reads
     * @param unread    what the scan could not read (each a sentence), said after the consumers
     */
    public static String of(String subject, List<Consumer> consumers, boolean folder, Change change, List<String> unread) {
        StringBuilder text = new StringBuilder();
        if (consumers.isEmpty() && !unread.isEmpty()) {
            // Nothing found where nothing could be read is no answer: say what is missing, not "none".
            return "Consumers of " + subject + " are not known where the scan could not read: " + String.join(" ", unread)
                    + " No consumer was found in the rest.";
        }
        if (consumers.isEmpty()) {
            text.append("No consumer of ").append(subject)
                    .append(" was found in this account and region's stacks, launch templates, functions, task definitions and parameters.");
        } else {
            List<String> named = new ArrayList<>();
            for (Consumer consumer : consumers.subList(0, Math.min(NAMED, consumers.size()))) {
                named.add(describe(consumer, folder));
            }
            // One consumer a line: an administrator scans the list for the resources to fix.
            text.append(count(consumers.size())).append(consumers.size() == 1 ? " reads " : " read ").append(subject).append(":\n• ")
                    .append(String.join("\n• ", named));
            if (consumers.size() > NAMED) {
                text.append("\nand ").append(consumers.size() - NAMED).append(" more (Where used… lists them all)");
            }
            text.append("\n").append(change.consequence);
        }
        if (!unread.isEmpty()) {
            text.append("\nNot read, so consumers there are not known: ").append(String.join(" ", unread));
        }
        return text.toString();
    }

    /** No scan of the connection yet: the confirmation offers to look. */
    public static String notKnown(String subject) {
        return "Consumers of " + subject + " are not known: no where-used scan of this connection has run yet. "
                + "Look for consumers to list the stacks, launch templates, functions and task definitions that would break, before you confirm.";
    }

    /** While the scan runs; {@code progress} is what it has read so far (may be empty). */
    public static String looking(String subject, String progress) {
        return "Looking for consumers of " + subject + "…" + (progress.isEmpty() ? "" : " " + progress);
    }

    /** The scan failed or was cancelled: the change can still go ahead, with its consumers unknown. */
    public static String failed(String subject, String reason) {
        return "Consumers of " + subject + " are not known: " + reason + " Look for consumers to try again.";
    }

    /** One consumer in a sentence: kind, short name, where in it, and its version note. */
    public static String describe(Consumer consumer, boolean withTarget) {
        String what = noun(consumer.kind()) + " " + shortName(consumer);
        if (consumer.manages()) {
            return what + " manages " + (withTarget ? consumer.target().id() : "it") + " (" + consumer.location() + "): change it there";
        }
        String reads = withTarget ? " reads " + consumer.target().id() : "";
        String version = consumer.pinnedVersion().map(v -> "pinned to version " + v).orElse("follows the latest version");
        return what + reads + " (" + consumer.location() + ", " + version + ")";
    }

    /** The consumer's kind as a sentence names it: "stack", "launch template". */
    public static String noun(ConsumerKind kind) {
        return switch (kind) {
            case CLOUDFORMATION_STACK -> "stack";
            case LAUNCH_TEMPLATE -> "launch template";
            case LAMBDA_FUNCTION -> "Lambda function";
            case ECS_TASK_DEFINITION -> "ECS task definition";
            case PARAMETER -> "parameter";
        };
    }

    /** A function's or task definition's name instead of its ARN, as their consoles list them; the rest as found. */
    public static String shortName(Consumer consumer) {
        String resource = consumer.resource();
        String marker = switch (consumer.kind()) {
            case LAMBDA_FUNCTION -> ":function:";
            case ECS_TASK_DEFINITION -> ":task-definition/";
            default -> null;
        };
        int at = marker == null || !resource.startsWith("arn:") ? -1 : resource.indexOf(marker);
        return at < 0 || at + marker.length() >= resource.length() ? resource : resource.substring(at + marker.length());
    }

    private static String count(int n) {
        return n + (n == 1 ? " consumer" : " consumers");
    }
}
