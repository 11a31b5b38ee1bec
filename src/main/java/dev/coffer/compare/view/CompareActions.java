package dev.coffer.compare.view;

import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import javafx.stage.Stage;

/** Opens the compare window (Tools → Compare…, and "Compare with…" on a folder of the parameter tree). */
public final class CompareActions {

    private final CompareWindow window;
    private final Background background;

    public CompareActions(CompareWindow window, Background background) {
        this.window = window;
        this.background = background;
    }

    /** @param leftPath the folder the left side starts on; "" for none */
    public void open(String leftPath) {
        CompareViewModel model = new CompareViewModel(background, window.connections(), window.readOnly(), leftPath);
        Windows.open(window.owner(), Screen.COMPARE, "Compare" + (window.readOnly() ? " (read-only)" : ""), false,
                (CompareController c, Stage stage) -> c.init(model, window, stage));
    }
}
