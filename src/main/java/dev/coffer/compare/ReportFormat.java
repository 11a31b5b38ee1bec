package dev.coffer.compare;

import java.util.Locale;
import picocli.CommandLine;

/** How {@code coffer diff} and {@code coffer promote} print. */
enum ReportFormat {
    TEXT,
    JSON;

    /** Accepts text or json in any case. */
    static final class Converter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("choose text or json, not '" + value + "'");
            }
        }
    }
}
