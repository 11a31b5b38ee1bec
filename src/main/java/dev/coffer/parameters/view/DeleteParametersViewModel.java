package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Deleting one parameter, or a folder with everything below it. A folder lists every parameter
 * that will go (also those the tree has not loaded) and is deleted only after the user typed its
 * path; exactly the listed names are deleted.
 */
public final class DeleteParametersViewModel {

    /** What was deleted: every name asked for, and those AWS no longer had. */
    public record Deleted(List<String> names, List<String> alreadyGone) {
        public String summary() {
            String deleted = "Deleted " + Formats.count(names.size() - alreadyGone.size(), "parameter", "parameters") + ".";
            return alreadyGone.isEmpty() ? deleted : deleted + " " + alreadyGone.size() + " no longer existed.";
        }
    }

    private final Background background;
    private final BusyWork work;
    private final ParameterStore parameters;
    private final Optional<String> folder;
    private final Optional<Parameter> parameter;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canDelete;

    private DeleteParametersViewModel(Background background, ParameterStore parameters, Optional<String> folder,
            Optional<Parameter> parameter) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.parameters = parameters;
        this.folder = folder;
        this.parameter = parameter;
        canDelete = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && !names.isEmpty()
                && folder.map(path -> path.equals(confirmation.get())).orElse(true), loaded, busy, names, confirmation);
    }

    public static DeleteParametersViewModel parameter(Background background, ParameterStore parameters, Parameter parameter) {
        DeleteParametersViewModel vm = new DeleteParametersViewModel(background, parameters, Optional.empty(), Optional.of(parameter));
        vm.names.add(parameter.name());
        vm.loaded.set(true);
        return vm;
    }

    /** A folder: its parameters are listed from AWS first. */
    public static DeleteParametersViewModel folder(Background background, ParameterStore parameters, String path) {
        DeleteParametersViewModel vm = new DeleteParametersViewModel(background, parameters, Optional.of(path), Optional.empty());
        vm.message.set("Listing the parameters in " + path + "…");
        vm.work.run(() -> parameters.describeUnder(path), found -> {
            vm.names.setAll(found.stream().map(Parameter::name).toList());
            vm.loaded.set(true);
            vm.message.set(found.isEmpty() ? "There is nothing in " + path + " to delete." : "");
        });
        return vm;
    }

    /** Deletes the listed names; {@code onDeleted} runs on success, otherwise the message says why. */
    public void delete(Consumer<Deleted> onDeleted) {
        if (!canDelete.get()) {
            return;
        }
        List<String> toDelete = List.copyOf(names);
        message.set("Deleting " + Formats.count(toDelete.size(), "parameter", "parameters") + "…");
        work.run(() -> parameters.delete(toDelete), gone -> {
            message.set("");
            onDeleted.accept(new Deleted(toDelete, List.copyOf(gone)));
        });
    }

    /** The folder being deleted; empty when one parameter is. */
    public Optional<String> folder() {
        return folder;
    }

    /** The parameter being deleted; empty when a folder is. */
    public Optional<Parameter> parameter() {
        return parameter;
    }

    public ObservableList<String> names() {
        return names;
    }

    /** What the user typed to confirm a folder's deletion. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanBinding canDelete() {
        return canDelete;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
