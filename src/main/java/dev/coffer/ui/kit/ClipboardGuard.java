package dev.coffer.ui.kit;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Copies text to the system clipboard. Secret values are wiped from it again after
 * {@link #secretLifetime()}, and when Coffer quits, unless something else was copied since. The
 * clipboard is one for the whole app, and so is the record of the secret Coffer last put there.
 */
public final class ClipboardGuard {

    /** How long a copied secret value stays on the clipboard unless {@value #LIFETIME_PROPERTY} says otherwise. */
    static final int DEFAULT_LIFETIME_SECONDS = 30;
    /** Seconds a copied secret stays on the clipboard: for a site whose policy wants it shorter (or longer). */
    public static final String LIFETIME_PROPERTY = "coffer.clipboardSeconds";

    /** The secret value Coffer last put on the clipboard and the timer that wipes it (FX thread only). */
    private static String lastSecret;
    private static PauseTransition pendingClear;

    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Copies a secret value and clears the clipboard after {@link #secretLifetime()}, unless something else was copied since. */
    public void copySecret(String value) {
        copySecret(value, secretLifetime());
    }

    /** How long a copied secret stays: {@value #LIFETIME_PROPERTY} seconds when that is a positive number, else 30. */
    static Duration secretLifetime() {
        try {
            int seconds = Integer.parseInt(System.getProperty(LIFETIME_PROPERTY, ""));
            return Duration.seconds(seconds > 0 ? seconds : DEFAULT_LIFETIME_SECONDS);
        } catch (NumberFormatException notANumber) {
            return Duration.seconds(DEFAULT_LIFETIME_SECONDS);
        }
    }

    void copySecret(String value, Duration lifetime) {
        copy(value);
        if (pendingClear != null) {
            pendingClear.stop();
        }
        lastSecret = value;
        pendingClear = new PauseTransition(lifetime);
        pendingClear.setOnFinished(e -> clearSecret());
        pendingClear.play();
    }

    /** Clears the clipboard if it still holds the secret value Coffer put there (when its time is up, and when Coffer quits). */
    public static void clearSecret() {
        if (pendingClear != null) {
            pendingClear.stop();
            pendingClear = null;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (lastSecret != null && clipboard.hasString() && lastSecret.equals(clipboard.getString())) {
            clipboard.clear();
        }
        lastSecret = null;
    }
}
