package dev.coffer.secrets.view;

import dev.coffer.aws.Problem;
import dev.coffer.secrets.PasswordOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Every GetRandomPassword option, starting from AWS's defaults, with what is wrong with them. */
public final class PasswordOptionsViewModel {

    private final ObjectProperty<Integer> length;
    private final StringProperty excludeCharacters;
    private final BooleanProperty excludeNumbers;
    private final BooleanProperty excludePunctuation;
    private final BooleanProperty excludeUppercase;
    private final BooleanProperty excludeLowercase;
    private final BooleanProperty includeSpace;
    private final BooleanProperty requireEachIncludedType;
    private final StringBinding problems;

    public PasswordOptionsViewModel() {
        PasswordOptions d = PasswordOptions.defaults();
        length = new SimpleObjectProperty<>(d.length());
        excludeCharacters = new SimpleStringProperty(d.excludeCharacters());
        excludeNumbers = new SimpleBooleanProperty(d.excludeNumbers());
        excludePunctuation = new SimpleBooleanProperty(d.excludePunctuation());
        excludeUppercase = new SimpleBooleanProperty(d.excludeUppercase());
        excludeLowercase = new SimpleBooleanProperty(d.excludeLowercase());
        includeSpace = new SimpleBooleanProperty(d.includeSpace());
        requireEachIncludedType = new SimpleBooleanProperty(d.requireEachIncludedType());
        problems = Bindings.createStringBinding(() -> String.join("\n", options().check().stream().map(Problem::message).toList()),
                length, excludeCharacters, excludeNumbers, excludePunctuation, excludeUppercase, excludeLowercase, includeSpace,
                requireEachIncludedType);
    }

    /** The options as chosen; a length left empty is AWS's default. */
    public PasswordOptions options() {
        return new PasswordOptions(length.get() == null ? PasswordOptions.DEFAULT_LENGTH : length.get(), excludeCharacters.get(),
                excludeNumbers.get(), excludePunctuation.get(), excludeUppercase.get(), excludeLowercase.get(), includeSpace.get(),
                requireEachIncludedType.get());
    }

    /** Every problem with the options, one a line; empty when AWS can generate a password with them. */
    public StringBinding problemsProperty() {
        return problems;
    }

    public ObjectProperty<Integer> lengthProperty() {
        return length;
    }

    public StringProperty excludeCharactersProperty() {
        return excludeCharacters;
    }

    public BooleanProperty excludeNumbersProperty() {
        return excludeNumbers;
    }

    public BooleanProperty excludePunctuationProperty() {
        return excludePunctuation;
    }

    public BooleanProperty excludeUppercaseProperty() {
        return excludeUppercase;
    }

    public BooleanProperty excludeLowercaseProperty() {
        return excludeLowercase;
    }

    public BooleanProperty includeSpaceProperty() {
        return includeSpace;
    }

    public BooleanProperty requireEachIncludedTypeProperty() {
        return requireEachIncludedType;
    }
}
