package dev.coffer.secrets;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A secret's rotation settings as DescribeSecret reports them (never a value).
 *
 * @param enabled                automatic rotation is on
 * @param lambdaArn              the rotation function; empty for managed rotation or none
 * @param automaticallyAfterDays RotationRules.AutomaticallyAfterDays, when set (and not 0)
 * @param scheduleExpression     RotationRules.ScheduleExpression ("rate(10 days)", "cron(...)"), when set
 * @param window                 RotationRules.Duration ("3h"), when set
 * @param lastRotated            when it was last rotated
 * @param nextRotation           when it is due next
 */
public record RotationStatus(boolean enabled, Optional<String> lambdaArn, OptionalInt automaticallyAfterDays,
                             Optional<String> scheduleExpression, Optional<String> window, Optional<Instant> lastRotated,
                             Optional<Instant> nextRotation) {

    /** The window as a duration ("3h" is three hours), when set and readable. */
    public Optional<java.time.Duration> windowDuration() {
        return window.filter(w -> w.matches("[0-9]+h")).map(w -> java.time.Duration.ofHours(Long.parseLong(w.substring(0, w.length() - 1))));
    }
}
