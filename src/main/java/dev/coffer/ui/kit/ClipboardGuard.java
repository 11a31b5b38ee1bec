package dev.coffer.ui.kit;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Copies text to the system clipboard. Secret values are wiped from it again after
 * {@link #SECRET_LIFETIME}, and when Coffer quits, unless something else was copied since. The
 * clipboard is one for the whole app, and so is the record of the secret Coffer last put there.
 */
public final class ClipboardGuard {

    /** How long a copied secret value stays on the clipboard. */
    public static final Duration SECRET_LIFETIME = Duration.seconds(30);

    /** The secret value Coffer last put on the clipboard and the timer that wipes it (FX thread only). */
    private static String lastSecret;
    private static PauseTransition pendingClear;

    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Copies a secret value and clears the clipboard after {@link #SECRET_LIFETIME}, unless something else was copied since. */
    public void copySecret(String value) {
        copySecret(value, SECRET_LIFETIME);
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
