package dev.coffer.ui;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Copies text to the system clipboard; secret values are wiped from it again after a while. */
public final class ClipboardGuard {

    /** How long a copied secret value stays on the clipboard. */
    public static final Duration SECRET_LIFETIME = Duration.seconds(30);

    private PauseTransition pendingClear;

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
        pendingClear = new PauseTransition(lifetime);
        pendingClear.setOnFinished(e -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (clipboard.hasString() && value.equals(clipboard.getString())) {
                clipboard.clear();
            }
            pendingClear = null;
        });
        pendingClear.play();
    }
}
