package dev.coffer.usage.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The consumers part of a confirmation (delete, move or rename): the {@link ConsumerCheck}'s text
 * in a warning bar, with Look for consumers while they are not known and Cancel while looking.
 * Every confirmation's FXML places one ({@code <ConsumerWarningBar fx:id="consumerWarning"/>}) and
 * its controller calls {@link #show}.
 */
public final class ConsumerWarningBar extends HBox {

    private final FontIcon icon = new FontIcon("mdmz-warning");
    private final Label text = new Label();
    private final ProgressIndicator looking = new ProgressIndicator();
    private final Button look = new Button("Look for consumers");
    private final Button stop = new Button("Cancel");

    public ConsumerWarningBar() {
        super(10);
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(USE_PREF_SIZE);
        text.setId("consumerWarningText");
        text.setWrapText(true);
        text.setMinHeight(USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        look.setId("lookForConsumersButton");
        look.setMinWidth(USE_PREF_SIZE);
        stop.setId("stopLookingButton");
        stop.setMinWidth(USE_PREF_SIZE);
        looking.setPrefSize(16, 16);
        HBox actions = new HBox(8, looking, look, stop);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(6, text, actions);
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().setAll(icon, body);
        getStyleClass().add("warning-bar");
        icon.getStyleClass().add("warning-icon");
    }

    /** Binds the bar to {@code check}; closing the confirmation should {@link ConsumerCheck#cancel} it. */
    public void show(ConsumerCheck check) {
        text.textProperty().bind(check.textProperty());
        look.visibleProperty().bind(check.canLookProperty());
        look.setOnAction(e -> check.look());
        stop.visibleProperty().bind(check.scanningProperty());
        stop.setOnAction(e -> check.cancel());
        looking.visibleProperty().bind(check.scanningProperty());
        for (Node node : new Node[] {look, stop, looking}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        // Found nothing: a note, not a warning.
        check.foundProperty().addListener((o, was, n) -> quiet(n.intValue() == 0));
        quiet(check.foundProperty().get() == 0);
    }

    private void quiet(boolean nothingFound) {
        getStyleClass().removeAll("warning-bar", "info-bar");
        icon.getStyleClass().removeAll("warning-icon", "info-icon");
        getStyleClass().add(nothingFound ? "info-bar" : "warning-bar");
        icon.getStyleClass().add(nothingFound ? "info-icon" : "warning-icon");
        icon.setIconLiteral(nothingFound ? "mdal-info" : "mdmz-warning");
    }
}
