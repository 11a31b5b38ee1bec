package dev.coffer.rotation;

import dev.coffer.aws.Problem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When Secrets Manager rotates a secret, checked as AWS does before anything is sent: every N days
 * (AutomaticallyAfterDays, 1-1000), or a ScheduleExpression, {@code rate(N hours|days)} or a
 * six-field {@code cron(minutes hours day-of-month month day-of-week year)}, in UTC and not more
 * often than every four hours. Also checks a rotation window ({@code Duration}, "3h") against it.
 */
public final class RotationSchedule {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 1000;
    /** Secrets Manager rotates at most this often. */
    public static final Duration MIN_INTERVAL = Duration.ofHours(4);

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d{1,7})\\s+(hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,3})h");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final OptionalInt everyDays;
    private final Optional<String> expression;
    private final List<Problem> problems = new ArrayList<>();
    private Duration rateStep;
    private Cron cron;

    private RotationSchedule(OptionalInt everyDays, Optional<String> expression) {
        this.everyDays = everyDays;
        this.expression = expression;
    }

    /** AutomaticallyAfterDays. */
    public static RotationSchedule everyDays(int days) {
        RotationSchedule s = new RotationSchedule(OptionalInt.of(days), Optional.empty());
        if (days < MIN_DAYS || days > MAX_DAYS) {
            s.problems.add(new Problem("schedule", "Rotate every 1 to 1,000 days (AutomaticallyAfterDays); " + days + " is outside that."));
        } else {
            s.rateStep = Duration.ofDays(days);
        }
        return s;
    }

    /** A ScheduleExpression: rate(...) or cron(...). */
    public static RotationSchedule expression(String text) {
        String e = text == null ? "" : text.trim();
        RotationSchedule s = new RotationSchedule(OptionalInt.empty(), Optional.of(e));
        s.parse(e);
        return s;
    }

    public OptionalInt automaticallyAfterDays() {
        return everyDays;
    }

    public Optional<String> scheduleExpression() {
        return expression;
    }

    /** Every problem with the schedule; empty when AWS would take it. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    private void parse(String e) {
        if (e.isEmpty()) {
            problems.add(new Problem("schedule", "Enter a schedule expression, such as rate(10 days), rate(12 hours) or cron(0 4 ? * SUN *)."));
            return;
        }
        Matcher rate = RATE.matcher(e);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            boolean hours = rate.group(2).startsWith("hour");
            if (n < 1) {
                problems.add(new Problem("schedule", "A rate must be at least 1."));
            } else if (hours && n < MIN_INTERVAL.toHours()) {
                problems.add(new Problem("schedule", "rate(" + n + " hours) is too often: Secrets Manager rotates at most every 4 hours."));
            } else if (!hours && n > MAX_DAYS || hours && n > MAX_DAYS * 24L) {
                problems.add(new Problem("schedule", "A rate can be at most 1,000 days."));
            } else {
                rateStep = hours ? Duration.ofHours(n) : Duration.ofDays(n);
            }
            return;
        }
        Matcher c = CRON.matcher(e);
        if (!c.matches()) {
            problems.add(new Problem("schedule", "\"" + e + "\" is neither rate(N hours|days) nor cron(minutes hours day-of-month month day-of-week year)."));
            return;
        }
        String[] fields = c.group(1).trim().split("\\s+");
        if (fields.length != 6) {
            problems.add(new Problem("schedule", "A cron expression has 6 fields (minutes hours day-of-month month day-of-week year); this one has "
                    + (c.group(1).isBlank() ? 0 : fields.length) + "."));
            return;
        }
        Cron parsed = Cron.parse(fields, problems);
        if (parsed == null) {
            return;
        }
        cron = parsed;
        List<Instant> sample = cron.next(Instant.now(), 200);
        if (sample.isEmpty()) {
            problems.add(new Problem("schedule", "This cron expression never runs in the coming years."));
            return;
        }
        Duration smallest = smallestGap(sample);
        if (smallest != null && smallest.compareTo(MIN_INTERVAL) < 0) {
            problems.add(new Problem("schedule", "This schedule rotates every " + describe(smallest)
                    + " at times: Secrets Manager rotates at most every 4 hours."));
        }
    }

    /**
     * The next {@code count} times a rotation window opens after {@code from}, in UTC. Rates and
     * every-N-days start at midnight UTC, as AWS does; AWS counts a rate from the last rotation,
     * so these are the earliest times.
     */
    public List<Instant> next(Instant from, int count) {
        if (!valid()) {
            return List.of();
        }
        if (cron != null) {
            return cron.next(from, count);
        }
        List<Instant> times = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.DAYS);
        while (times.size() < count) {
            if (t.isAfter(from)) {
                times.add(t);
            }
            t = t.plus(rateStep);
        }
        return times;
    }

    /** Whether the schedule counts in hours (its windows close after one hour by default) rather than days. */
    public boolean inHours() {
        if (rateStep != null) {
            return rateStep.compareTo(Duration.ofDays(1)) < 0;
        }
        return cron != null && cron.hours.size() > 1;
    }

    /**
     * Problems with a rotation window ("3h"; empty for the default window) against this schedule:
     * it must not reach into the next UTC day nor into the next window.
     */
    public List<Problem> windowProblems(String window) {
        String w = window == null ? "" : window.trim();
        if (w.isEmpty()) {
            return List.of();
        }
        Matcher m = WINDOW.matcher(w);
        if (!m.matches()) {
            return List.of(new Problem("window", "A window is a number of hours such as 3h (digits and h)."));
        }
        int hours = Integer.parseInt(m.group(1));
        if (hours < 1 || hours > 24) {
            return List.of(new Problem("window", "A window lasts 1 to 24 hours."));
        }
        if (!valid()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        List<Instant> starts = next(Instant.now(), 50);
        Duration length = Duration.ofHours(hours);
        for (Instant start : starts) {
            Instant endOfDay = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            if (start.plus(length).isAfter(endOfDay)) {
                LocalDateTime s = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
                problems.add(new Problem("window", "A " + w + " window opening at " + String.format(Locale.ROOT, "%02d:%02d", s.getHour(), s.getMinute())
                        + " UTC would reach into the next UTC day."));
                break;
            }
        }
        Duration gap = smallestGap(starts);
        if (gap != null && length.compareTo(gap) > 0) {
            problems.add(new Problem("window", "A " + w + " window is longer than the " + describe(gap) + " between rotations: it would reach into the next window."));
        }
        return problems;
    }

    private static Duration smallestGap(List<Instant> times) {
        Duration smallest = null;
        for (int i = 1; i < times.size(); i++) {
            Duration d = Duration.between(times.get(i - 1), times.get(i));
            if (smallest == null || d.compareTo(smallest) < 0) {
                smallest = d;
            }
        }
        return smallest;
    }

    private static String describe(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + " minutes";
    }

    @Override
    public String toString() {
        return expression.orElseGet(() -> "every " + everyDays.getAsInt() + " days");
    }

    /** A parsed AWS cron expression (6 fields, UTC; 1 = Sunday in day-of-week). */
    private static final class Cron {
        private List<Integer> minutes;
        private List<Integer> hours;
        private String dayOfMonth;
        private List<Integer> months;
        private String dayOfWeek;
        private List<Integer> years;

        static Cron parse(String[] f, List<Problem> problems) {
            int before = problems.size();
            Cron c = new Cron();
            c.minutes = values(f[0], 0, 59, List.of(), "minutes", problems);
            c.hours = values(f[1], 0, 23, List.of(), "hours", problems);
            c.months = values(f[3], 1, 12, MONTHS, "month", problems);
            c.years = values(f[5], 1970, 2199, List.of(), "year", problems);
            c.dayOfMonth = f[2].toUpperCase(Locale.ROOT);
            c.dayOfWeek = f[4].toUpperCase(Locale.ROOT);
            boolean domAny = c.dayOfMonth.equals("?");
            boolean dowAny = c.dayOfWeek.equals("?");
            if (domAny == dowAny) {
                problems.add(new Problem("schedule", "Put ? in exactly one of day-of-month and day-of-week (AWS does not take both, nor neither)."));
            }
            if (!domAny) {
                for (String part : c.dayOfMonth.split(",")) {
                    if (!part.equals("L") && !part.matches("\\d{1,2}W")) {
                        values(part, 1, 31, List.of(), "day-of-month", problems);
                    } else if (part.endsWith("W") && (Integer.parseInt(part.substring(0, part.length() - 1)) < 1
                            || Integer.parseInt(part.substring(0, part.length() - 1)) > 31)) {
                        problems.add(new Problem("schedule", "day-of-month " + part + ": the day must be 1-31."));
                    }
                }
            }
            if (!dowAny) {
                for (String part : c.dayOfWeek.split(",")) {
                    if (part.matches("[1-7A-Z]{1,3}#[1-5]")) {
                        values(part.substring(0, part.indexOf('#')), 1, 7, DAYS, "day-of-week", problems);
                    } else if (part.matches("[1-7A-Z]{1,3}L")) {
                        values(part.substring(0, part.length() - 1), 1, 7, DAYS, "day-of-week", problems);
                    } else if (!part.equals("L")) {
                        values(part, 1, 7, DAYS, "day-of-week", problems);
                    }
                }
            }
            return problems.size() == before ? c : null;
        }

        /** The values a field allows: *, n, a-b, a/b, a-b/c, *\/c and lists of these. */
        private static List<Integer> values(String field, int min, int max, List<String> names, String what, List<Problem> problems) {
            java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
            for (String part : field.toUpperCase(Locale.ROOT).split(",", -1)) {
                Matcher m = Pattern.compile("(\\*|[0-9A-Z]+)(?:-([0-9A-Z]+))?(?:/(\\d+))?").matcher(part);
                if (!m.matches()) {
                    problems.add(new Problem("schedule", what + " \"" + field + "\" is not valid: use numbers, *, -, / and commas."));
                    return List.of();
                }
                Integer from = m.group(1).equals("*") ? Integer.valueOf(min) : number(m.group(1), names, min);
                Integer to = m.group(2) != null ? number(m.group(2), names, min) : m.group(1).equals("*") || m.group(3) != null ? Integer.valueOf(max) : from;
                int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                if (from == null || to == null || from < min || to > max || from > to || step < 1) {
                    problems.add(new Problem("schedule", what + " \"" + field + "\" is outside " + min + "-" + max + "."));
                    return List.of();
                }
                for (int v = from; v <= to; v += step) {
                    out.add(v);
                }
            }
            return List.copyOf(out);
        }

        private static Integer number(String text, List<String> names, int min) {
            if (text.matches("\\d+")) {
                return Integer.valueOf(text);
            }
            int i = names.indexOf(text);
            return i < 0 ? null : i + min;
        }

        List<Instant> next(Instant from, int count) {
            List<Instant> times = new ArrayList<>();
            LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
            LocalDate last = LocalDate.of(Math.min(years.get(years.size() - 1), day.getYear() + 5), 12, 31);
            while (!day.isAfter(last) && times.size() < count) {
                if (years.contains(day.getYear()) && months.contains(day.getMonthValue()) && dayMatches(day)) {
                    for (int h : hours) {
                        for (int m : minutes) {
                            Instant t = day.atTime(h, m).toInstant(ZoneOffset.UTC);
                            if (t.isAfter(from) && times.size() < count) {
                                times.add(t);
                            }
                        }
                    }
                }
                day = day.plusDays(1);
            }
            return times;
        }

        private boolean dayMatches(LocalDate day) {
            if (!dayOfMonth.equals("?")) {
                for (String part : dayOfMonth.split(",")) {
                    if (part.equals("L") ? day.equals(day.with(TemporalAdjusters.lastDayOfMonth()))
                            : part.endsWith("W") ? day.equals(nearestWeekday(day, Integer.parseInt(part.substring(0, part.length() - 1))))
                            : values(part, 1, 31, List.of(), "", new ArrayList<>()).contains(day.getDayOfMonth())) {
                        return true;
                    }
                }
                return false;
            }
            int dow = day.getDayOfWeek().getValue() % 7 + 1; // AWS: 1 = Sunday
            for (String part : dayOfWeek.split(",")) {
                if (part.equals("L")) {
                    if (dow == 7) {
                        return true;
                    }
                } else if (part.contains("#")) {
                    int wanted = values(part.substring(0, part.indexOf('#')), 1, 7, DAYS, "", new ArrayList<>()).get(0);
                    int nth = Integer.parseInt(part.substring(part.indexOf('#') + 1));
                    if (dow == wanted && (day.getDayOfMonth() - 1) / 7 + 1 == nth) {
                        return true;
                    }
                } else if (part.endsWith("L")) {
                    int wanted = values(part.substring(0, part.length() - 1), 1, 7, DAYS, "", new ArrayList<>()).get(0);
                    if (dow == wanted && day.plusDays(7).getMonthValue() != day.getMonthValue()) {
                        return true;
                    }
                } else if (values(part, 1, 7, DAYS, "", new ArrayList<>()).contains(dow)) {
                    return true;
                }
            }
            return false;
        }

        /** The weekday nearest to day {@code n} of the month, staying in the month (the W form). */
        private static LocalDate nearestWeekday(LocalDate inMonth, int n) {
            int length = inMonth.lengthOfMonth();
            if (n > length) {
                return null;
            }
            LocalDate d = inMonth.withDayOfMonth(n);
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                return n == 1 ? d.plusDays(2) : d.minusDays(1);
            }
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return n == length ? d.minusDays(2) : d.plusDays(1);
            }
            return d;
        }
    }
}
