package dev.coffer.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Rotation schedules as Secrets Manager takes them: bounds, rate and cron, at most every 4 hours, windows, next times. */
class RotationScheduleTest {

    private static final Instant FROM = Instant.parse("2026-11-28T10:15:00Z"); // a Saturday

    private static String messages(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::message).toList());
    }

    @Property
    void everyOneToAThousandDaysIsTaken(@ForAll @IntRange(min = 1, max = 1000) int days) {
        RotationSchedule s = RotationSchedule.everyDays(days);
        assertThat(s.problems()).isEmpty();
        assertThat(s.automaticallyAfterDays()).hasValue(days);
        assertThat(s.next(FROM, 2)).containsExactly(Instant.parse("2026-11-28T00:00:00Z").plusSeconds(86400L * days),
                Instant.parse("2026-11-28T00:00:00Z").plusSeconds(86400L * 2 * days));
    }

    @Property
    void fewerThanOneOrMoreThanAThousandDaysAreRefused(@ForAll int days) {
        if (days >= 1 && days <= 1000) {
            return;
        }
        assertThat(messages(RotationSchedule.everyDays(days).problems())).contains("1 to 1,000 days");
    }

    @Property
    void ratesInHoursMustBeAtLeastFour(@ForAll @IntRange(min = 1, max = 200) int hours) {
        RotationSchedule s = RotationSchedule.expression("rate(" + hours + " hours)");
        if (hours < 4) {
            assertThat(messages(s.problems())).contains("at most every 4 hours");
        } else {
            assertThat(s.problems()).isEmpty();
            assertThat(s.scheduleExpression()).hasValue("rate(" + hours + " hours)");
        }
    }

    @Test
    void ratesInDaysAndTheirBounds() {
        assertThat(RotationSchedule.expression("rate(10 days)").problems()).isEmpty();
        assertThat(RotationSchedule.expression("rate(1 day)").problems()).isEmpty();
        assertThat(messages(RotationSchedule.expression("rate(1001 days)").problems())).contains("1,000 days");
        assertThat(messages(RotationSchedule.expression("rate(0 days)").problems())).contains("at least 1");
        assertThat(messages(RotationSchedule.expression("rate(10 minutes)").problems())).contains("neither rate(");
        assertThat(messages(RotationSchedule.expression("").problems())).contains("Enter a schedule expression");
    }

    @Test
    void cronNeedsSixFieldsAndExactlyOneQuestionMark() {
        assertThat(RotationSchedule.expression("cron(0 4 ? * SUN *)").problems()).isEmpty();
        assertThat(RotationSchedule.expression("cron(0 16 1,15 * ? *)").problems()).isEmpty();
        assertThat(RotationSchedule.expression("cron(0 8/4 * * ? *)").problems()).isEmpty();
        assertThat(messages(RotationSchedule.expression("cron(0 4 * *)").problems())).contains("6 fields");
        assertThat(messages(RotationSchedule.expression("cron(0 4 * * MON *)").problems())).contains("exactly one of day-of-month and day-of-week");
        assertThat(messages(RotationSchedule.expression("cron(0 4 ? * ? *)").problems())).contains("exactly one");
        assertThat(messages(RotationSchedule.expression("cron(0 25 ? * SUN *)").problems())).contains("hours").contains("0-23");
        assertThat(messages(RotationSchedule.expression("cron(61 4 ? * SUN *)").problems())).contains("minutes");
        assertThat(messages(RotationSchedule.expression("cron(0 4 ? FOO SUN *)").problems())).contains("month");
    }

    @Test
    void cronMoreOftenThanEveryFourHoursIsRefused() {
        assertThat(messages(RotationSchedule.expression("cron(0 */2 ? * * *)").problems())).contains("every 2 hours").contains("at most every 4 hours");
        assertThat(messages(RotationSchedule.expression("cron(0,30 4 ? * MON *)").problems())).contains("every 30 minutes");
        assertThat(messages(RotationSchedule.expression("cron(0 1,3 ? * MON *)").problems())).contains("every 2 hours");
        assertThat(RotationSchedule.expression("cron(0 */4 * * ? *)").problems()).isEmpty();
    }

    @Test
    void nextFiveTimesOfACronScheduleInUtc() {
        assertThat(RotationSchedule.expression("cron(0 4 ? * SUN *)").next(FROM, 5)).containsExactly(
                Instant.parse("2026-11-29T04:00:00Z"), Instant.parse("2026-12-06T04:00:00Z"), Instant.parse("2026-12-13T04:00:00Z"),
                Instant.parse("2026-12-20T04:00:00Z"), Instant.parse("2026-12-27T04:00:00Z"));
        // Last day of the month, second Tuesday, nearest weekday to the 1st (1 Nov 2026 is a Sunday).
        assertThat(RotationSchedule.expression("cron(30 2 L * ? *)").next(FROM, 2)).containsExactly(
                Instant.parse("2026-11-30T02:30:00Z"), Instant.parse("2026-12-31T02:30:00Z"));
        assertThat(RotationSchedule.expression("cron(0 6 ? * 3#2 *)").next(FROM, 2)).containsExactly(
                Instant.parse("2026-12-08T06:00:00Z"), Instant.parse("2027-01-12T06:00:00Z"));
        assertThat(RotationSchedule.expression("cron(0 6 1W * ? 2027)").next(FROM, 2)).containsExactly(
                Instant.parse("2027-01-01T06:00:00Z"), Instant.parse("2027-02-01T06:00:00Z"));
        assertThat(RotationSchedule.expression("rate(12 hours)").next(FROM, 3)).containsExactly(
                Instant.parse("2026-11-28T12:00:00Z"), Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(messages(RotationSchedule.expression("cron(0 4 ? * SUN 2020)").problems())).contains("never runs");
    }

    @Test
    void windowsAreCheckedAgainstTheSchedule() {
        assertThat(RotationSchedule.expression("cron(0 4 ? * SUN *)").windowProblems("3h")).isEmpty();
        assertThat(RotationSchedule.expression("cron(0 4 ? * SUN *)").windowProblems("")).isEmpty();
        assertThat(messages(RotationSchedule.expression("cron(0 22 ? * SUN *)").windowProblems("3h"))).contains("next UTC day");
        assertThat(messages(RotationSchedule.expression("rate(4 hours)").windowProblems("5h"))).contains("next window");
        assertThat(RotationSchedule.expression("rate(6 hours)").windowProblems("6h")).isEmpty();
        assertThat(RotationSchedule.everyDays(30).windowProblems("24h")).isEmpty();
        assertThat(messages(RotationSchedule.everyDays(30).windowProblems("25h"))).contains("1 to 24 hours");
        assertThat(messages(RotationSchedule.everyDays(30).windowProblems("3 hours"))).contains("such as 3h");
        assertThat(messages(RotationSchedule.everyDays(30).windowProblems("0h"))).contains("1 to 24 hours");
    }

    @Test
    void theRequestCarriesTheRulesAndNeverAValue() {
        RotationRequest r = new RotationRequest("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                java.util.Optional.of("arn:aws:lambda:us-east-1:123456789012:function:rotate"), RotationSchedule.expression("rate(10 days)"), "3h", false);
        assertThat(r.problems(false)).isEmpty();
        assertThat(r.asRequest()).containsOnlyKeys("SecretId", "RotationLambdaARN", "RotationRules", "RotateImmediately");
        assertThat(r.asRequest().get("RotationRules")).isEqualTo(java.util.Map.of("ScheduleExpression", "rate(10 days)", "Duration", "3h"));
        RotationRequest bad = new RotationRequest("db", java.util.Optional.of("arn:aws:lambda:nope"), RotationSchedule.everyDays(0), "x", true);
        assertThat(messages(bad.problems(false))).contains("not a Lambda function ARN").contains("1 to 1,000 days");
        assertThat(messages(new RotationRequest("db", java.util.Optional.empty(), RotationSchedule.everyDays(3), "", true).problems(false)))
                .contains("Choose a rotation function");
        assertThat(new RotationRequest("db", java.util.Optional.empty(), RotationSchedule.everyDays(3), "", true).problems(true)).isEmpty();
    }
}
