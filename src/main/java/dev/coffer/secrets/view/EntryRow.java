package dev.coffer.secrets.view;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One key and value of a JSON secret in the editor's grid. */
public final class EntryRow {

    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public EntryRow(String key, String value) {
        this.key.set(key);
        this.value.set(value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    @Override
    public String toString() {
        return "EntryRow[" + key.get() + "]";
    }
}
