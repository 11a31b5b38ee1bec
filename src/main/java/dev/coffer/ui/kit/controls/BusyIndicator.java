package dev.coffer.ui.kit.controls;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A small turning icon that says "still loading". It turns in eight steps a second instead of
 * repainting at the display's frame rate as JavaFX's indeterminate ProgressIndicator and
 * ProgressBar do: three of those cost a large share of a core with software rendering, CPU that
 * a long load needs when the endpoint (LocalStack, moto) runs on the same machine. It only runs
 * while it is visible in a window.
 */
public final class BusyIndicator extends StackPane {

    private static final double STEP_DEGREES = 45;

    private final FontIcon icon = new FontIcon(Material2AL.AUTORENEW);
    private final Timeline turn = new Timeline(new KeyFrame(Duration.millis(125),
            e -> icon.setRotate((icon.getRotate() + STEP_DEGREES) % 360)));

    public BusyIndicator() {
        getStyleClass().add("busy-indicator");
        icon.getStyleClass().add("busy-icon");
        getChildren().add(icon);
        turn.setCycleCount(Animation.INDEFINITE);
        InvalidationListener update = o -> {
            if (isVisible() && getScene() != null) {
                turn.play();
            } else {
                turn.stop();
            }
        };
        visibleProperty().addListener(update);
        sceneProperty().addListener(update);
    }
}
