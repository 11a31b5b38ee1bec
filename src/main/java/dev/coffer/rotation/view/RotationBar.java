package dev.coffer.rotation.view;

import dev.coffer.secrets.Secret;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The rotation buttons under a secret's details: Set up rotation, Rotate now and Turn off rotation
 * (the last two only while rotation is on). Hidden for read-only connections.
 */
public final class RotationBar extends FlowPane {

    /** @param shown the secret the details show, or null when they show something else */
    public RotationBar(ObservableValue<Secret> shown, ObservableBooleanValue readOnly, RotationActions actions) {
        super(8, 6);
        setId("rotationBar");
        Button setUp = new Button("Set up rotation…", new FontIcon("mdmz-sync_alt"));
        setUp.setId("setUpRotationButton");
        Button now = new Button("Rotate now", new FontIcon("mdmz-refresh"));
        now.setId("rotateNowButton");
        Button off = new Button("Turn off rotation", new FontIcon("mdmz-sync_disabled"));
        off.setId("turnOffRotationButton");
        BooleanBinding secretShown = Bindings.createBooleanBinding(() -> shown.getValue() != null && shown.getValue().deletedDate().isEmpty(),
                shown);
        BooleanBinding rotating = Bindings.createBooleanBinding(() -> shown.getValue() != null && shown.getValue().rotationEnabled(), shown);
        visibleProperty().bind(secretShown.and(Bindings.createBooleanBinding(() -> !readOnly.get(), readOnly)));
        managedProperty().bind(visibleProperty());
        for (Button b : new Button[] {now, off}) {
            b.visibleProperty().bind(rotating);
            b.managedProperty().bind(rotating);
        }
        setUp.setOnAction(e -> run(shown, actions::setUpRotation));
        now.setOnAction(e -> run(shown, actions::rotateNow));
        off.setOnAction(e -> run(shown, actions::turnOffRotation));
        for (Button b : new Button[] {setUp, now, off}) {
            b.setMinWidth(USE_PREF_SIZE);
        }
        getChildren().setAll(setUp, now, off);
    }

    private static void run(ObservableValue<Secret> shown, Consumer<Secret> action) {
        if (shown.getValue() != null) {
            action.accept(shown.getValue());
        }
    }

}
