package dev.coffer.ui.kit.controls;

import dev.coffer.aws.Tag;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of a tag table. */
public final class TagRow {

    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public TagRow(String key, String value) {
        this.key.set(key);
        this.value.set(value);
    }

    public static TagRow of(Tag tag) {
        return new TagRow(tag.key(), tag.value());
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public Tag toTag() {
        return new Tag(key.get() == null ? "" : key.get().trim(), value.get() == null ? "" : value.get());
    }
}
