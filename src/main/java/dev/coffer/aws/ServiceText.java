package dev.coffer.aws;

import java.util.regex.Pattern;

/**
 * Text a service sent (a user code, an error message), made safe to print on a terminal or show in
 * a window: a hostile or broken endpoint could otherwise move the cursor, rewrite lines already
 * printed, retitle the terminal or plant a link.
 */
public final class ServiceText {

    /** ANSI escape sequences (CSI, also as the one-byte C1 form, and OSC), removed whole so nothing of them is left to read. */
    private static final Pattern ESCAPE_SEQUENCES = Pattern.compile(
            "(?s)(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]|(?:\\u001B\\]|\\u009D).*?(?:\\u0007|\\u001B\\\\|\\u009C|$)");
    /** Whatever control or format character is left: CR, LF, BEL, lone ESC, C1 controls, bidi overrides. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private ServiceText() {
    }

    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        return CONTROLS.matcher(ESCAPE_SEQUENCES.matcher(text).replaceAll("")).replaceAll("");
    }
}
