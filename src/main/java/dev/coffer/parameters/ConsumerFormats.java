package dev.coffer.parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a folder's parameters in a {@link ConsumerFormat}. Pure text work: the caller reads the
 * values (only for formats that hold them). Names are chamber's: the path relative to the folder,
 * upper-cased, with {@code /}, {@code -} and {@code .} turned into {@code _}; the JSON object is
 * keyed by the same names, so all three value formats agree.
 */
public final class ConsumerFormats {

    private ConsumerFormats() {
    }

    /**
     * What the text holds.
     *
     * @param text      the formatted text, one entry a line (JSON: one object)
     * @param written   how many parameters it names
     * @param leftOut   SecureStrings left out because their values were not asked for
     * @param clashes   parameters left out because an earlier one already took their variable name
     */
    public record Result(String text, int written, List<String> leftOut, List<String> clashes) {
    }

    /**
     * @param folder     the folder exported ("/" or "/app/prod"); names are relative to it
     * @param parameters the folder's parameters (and those below it), in the order to write them
     * @param values     values by parameter name; needed only when {@code format.hasValues()}, and
     *                   a SecureString is written only when its value is here
     */
    public static Result format(ConsumerFormat format, String folder, List<Parameter> parameters, Map<String, String> values) {
        List<String> leftOut = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        Map<String, Parameter> byVariable = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (format.hasValues() && !values.containsKey(p.name())) {
                if (p.isSecure()) {
                    leftOut.add(p.name());
                    continue;
                }
                throw new IllegalArgumentException("No value was read for " + p.name() + ".");
            }
            if (byVariable.putIfAbsent(variableName(folder, p.name()), p) != null) {
                clashes.add(p.name());
            }
        }
        StringBuilder text = new StringBuilder();
        if (format == ConsumerFormat.JSON) {
            text.append("{");
        }
        String separator = "\n";
        for (Map.Entry<String, Parameter> e : byVariable.entrySet()) {
            String name = e.getKey();
            Parameter p = e.getValue();
            String value = values.get(p.name());
            switch (format) {
                case DOTENV -> text.append(name).append('=').append(doubleQuoted(value)).append('\n');
                case SHELL -> text.append("export ").append(name).append('=').append(singleQuoted(value)).append('\n');
                case JSON -> {
                    text.append(separator).append("  ").append(jsonString(name)).append(": ").append(jsonString(value));
                    separator = ",\n";
                }
                case CLOUDFORMATION -> text.append(name).append(": '{{resolve:").append(p.isSecure() ? "ssm-secure" : "ssm")
                        .append(':').append(p.name()).append("}}'\n");
                case TERRAFORM -> text.append("data \"aws_ssm_parameter\" \"").append(name.toLowerCase(Locale.ROOT))
                        .append("\" {\n  name = ").append(jsonString(p.name())).append("\n}\n\n");
            }
        }
        if (format == ConsumerFormat.JSON) {
            text.append(byVariable.isEmpty() ? "}\n" : "\n}\n");
        }
        String result = format == ConsumerFormat.TERRAFORM && text.length() > 0 ? text.substring(0, text.length() - 1) : text.toString();
        return new Result(result, byVariable.size(), List.copyOf(leftOut), List.copyOf(clashes));
    }

    /**
     * The variable name of a parameter under a folder, as chamber derives it: /app/prod with
     * /app/prod/db/max-pool.size gives DB_MAX_POOL_SIZE. A name that would start with a digit gets
     * a leading {@code _}, since no shell or Terraform accepts it otherwise.
     */
    public static String variableName(String folder, String parameterName) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        String relative = parameterName.startsWith(prefix) ? parameterName.substring(prefix.length())
                : parameterName.startsWith("/") ? parameterName.substring(1) : parameterName;
        String name = relative.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** A dotenv value: {@code "} {@code \} {@code $} and line breaks escaped, so no loader expands or splits it. */
    static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '$' -> out.append("\\$");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A shell word that nothing expands: single quotes, each {@code '} written as {@code '\''}. */
    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
