package dev.coffer.ui.kit.controls;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.VBox;

/**
 * One page of a wizard as its FXML declares it inside a {@link WizardFrame}: the step's title, a
 * line of help, the word on its Next button ("_Next", "_Apply", "_Close") and its content.
 */
public class WizardPage extends VBox {

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty help = new SimpleStringProperty(this, "help", "");
    private final StringProperty nextText = new SimpleStringProperty(this, "nextText", "_Next");

    public WizardPage() {
        setSpacing(8);
    }

    public final StringProperty titleProperty() {
        return title;
    }

    public final String getTitle() {
        return title.get();
    }

    public final void setTitle(String value) {
        title.set(value);
    }

    public final StringProperty helpProperty() {
        return help;
    }

    public final String getHelp() {
        return help.get();
    }

    public final void setHelp(String value) {
        help.set(value);
    }

    public final StringProperty nextTextProperty() {
        return nextText;
    }

    public final String getNextText() {
        return nextText.get();
    }

    public final void setNextText(String value) {
        nextText.set(value);
    }
}
