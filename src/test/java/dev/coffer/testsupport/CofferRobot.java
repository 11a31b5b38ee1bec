package dev.coffer.testsupport;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.service.finder.WindowFinder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's robot, typing as a user types: every character is a key typed into the focused window,
 * in order. TestFX waits for the FX thread after each character (some 50 ms each); this robot
 * waits once, after the text, so a 30-character name takes one wait instead of thirty.
 */
public class CofferRobot extends FxRobot {

    @Override
    public FxRobot write(String text) {
        Scene scene = typingWindow().getScene();
        for (char character : text.toCharArray()) {
            KeyCode key = character == '\n' ? KeyCode.ENTER : character == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
            robotContext().getBaseRobot().typeKeyboard(scene, key, Character.toString(character));
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    @Override
    public FxRobot write(char character) {
        return write(Character.toString(character));
    }

    /** The window TestFX types into: the focused one, else its target window. */
    private Window typingWindow() {
        WindowFinder windows = robotContext().getWindowFinder();
        Window focused = windows.listTargetWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        return focused != null ? focused : windows.targetWindow();
    }
}
