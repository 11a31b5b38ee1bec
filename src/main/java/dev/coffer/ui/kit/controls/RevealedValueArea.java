package dev.coffer.ui.kit.controls;

import java.util.function.Consumer;
import javafx.scene.control.TextArea;

/**
 * A read-only text area showing a revealed value. Copying from it (Ctrl+C, the platform's copy
 * keys, the Copy of its right-click menu) hands the selected text to the window's value copy,
 * which logs it in audit mode and clears the clipboard after 30 seconds, instead of putting it on
 * the clipboard directly as a plain TextArea does.
 */
public final class RevealedValueArea extends TextArea {

    private Consumer<String> onCopy = text -> { };

    public RevealedValueArea() {
        setEditable(false);
        setWrapText(true);
    }

    /** Gets the selected text whenever the user copies from the area. */
    public void setOnCopy(Consumer<String> onCopy) {
        this.onCopy = onCopy;
    }

    @Override
    public void copy() {
        String selected = getSelectedText();
        if (!selected.isEmpty()) {
            onCopy.accept(selected);
        }
    }
}
