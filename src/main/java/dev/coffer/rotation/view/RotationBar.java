package dev.coffer.rotation.view;

import dev.coffer.secrets.Secret;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The rotation buttons under a secret's details: Set up rotation, Rotate now and Turn off rotation
 * (the last two only while rotation is on). Hidden for read-only connections.
 */
public final class RotationBar extends FlowPane {

    public RotationBar(ObjectProperty<Object> selected, ObservableBooleanValue readOnly, RotationActions actions) {
        super(8, 6);
        setId("rotationBar");
        Button setUp = new Button("Set up rotation…", new FontIcon("mdmz-sync_alt"));
        setUp.setId("setUpRotationButton");
        Button now = new Button("Rotate now", new FontIcon("mdmz-refresh"));
        now.setId("rotateNowButton");
        Button off = new Button("Turn off rotation", new FontIcon("mdmz-sync_disabled"));
        off.setId("turnOffRotationButton");
        BooleanBinding secretShown = Bindings.createBooleanBinding(() -> selected.get() instanceof Secret s && s.deletedDate().isEmpty(), selected);
        BooleanBinding rotating = Bindings.createBooleanBinding(() -> selected.get() instanceof Secret s && s.rotationEnabled(), selected);
        visibleProperty().bind(secretShown.and(Bindings.createBooleanBinding(() -> !readOnly.get(), readOnly)));
        managedProperty().bind(visibleProperty());
        for (Button b : new Button[] {now, off}) {
            b.visibleProperty().bind(rotating);
            b.managedProperty().bind(rotating);
        }
        setUp.setOnAction(e -> run(selected, actions::setUpRotation));
        now.setOnAction(e -> run(selected, actions::rotateNow));
        off.setOnAction(e -> run(selected, actions::turnOffRotation));
        for (Button b : new Button[] {setUp, now, off}) {
            b.setMinWidth(USE_PREF_SIZE);
        }
        getChildren().setAll(setUp, now, off);
    }

    private static void run(ObjectProperty<Object> selected, Consumer<Secret> action) {
        if (selected.get() instanceof Secret s) {
            action.accept(s);
        }
    }

}
