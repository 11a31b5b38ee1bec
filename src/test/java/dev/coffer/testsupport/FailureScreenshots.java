package dev.coffer.testsupport;

import java.util.List;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves every open window as a PNG under target/screenshots/failures/ when a UI test fails. */
public final class FailureScreenshots implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            List<Window> windows = CofferUi.onFx(() -> List.copyOf(Window.getWindows()));
            int i = 0;
            for (Window w : windows) {
                if (w.getScene() != null) {
                    Screenshots.save(w.getScene(), "failures/" + context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + "-" + i++);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("Could not save failure screenshots: " + e.getMessage());
        }
    }
}
