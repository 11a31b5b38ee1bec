package dev.coffer.ui.kit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How dates and counts read in the window. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final ThreadLocal<java.text.NumberFormat> GROUPED = ThreadLocal.withInitial(java.text.NumberFormat::getIntegerInstance);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    public static String dateTime(Optional<Instant> instant) {
        return instant.map(Formats::dateTime).orElse("—");
    }

    /** Secrets Manager records last access by day only. */
    public static String date(Optional<Instant> instant) {
        return instant.map(DATE::format).orElse("never");
    }

    /** 12,345: grouped as String.format's %,d does, without a Formatter per call (counts change with every page). */
    public static String number(long n) {
        return GROUPED.get().format(n);
    }

    public static String count(long n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }
}
