package dev.coffer.parameters.view;

import dev.coffer.parameters.Parameter;
import dev.coffer.ui.Background;
import dev.coffer.ui.MainViewModel;
import dev.coffer.ui.OpenConnection;
import dev.coffer.ui.Windows;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the user can do to parameters from the main window: each action opens its window. */
public final class ParameterActions {

    private final MainViewModel main;
    private final Background background;
    private final Supplier<Window> owner;
    private final Consumer<String> select;

    /**
     * @param select puts the selection on a parameter by name once it is in the tree
     */
    public ParameterActions(MainViewModel main, Background background, Supplier<Window> owner, Consumer<String> select) {
        this.main = main;
        this.background = background;
        this.owner = owner;
        this.select = select;
    }

    private OpenConnection connection() {
        return main.openConnection();
    }

    /** Opens the editor for a new parameter inside {@code folderPath}. */
    public Stage newParameter(String folderPath) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.create(background, connection(), folderPath);
        return openEditor(vm, "New parameter");
    }

    /** Opens the editor on a parameter's current version. */
    public Stage edit(Parameter parameter) {
        ParameterEditorViewModel vm = ParameterEditorViewModel.edit(background, connection(), parameter);
        return openEditor(vm, "Edit " + parameter.name());
    }

    /** Opens the history of a parameter: versions, comparison, labels, restore. */
    public Stage history(Parameter parameter) {
        boolean readOnly = main.connectionProperty().get().readOnly();
        ParameterHistoryViewModel vm = new ParameterHistoryViewModel(background, connection(), parameter,
                () -> main.parameterSaved(parameter.name(), saved -> { }));
        return Windows.open(owner.get(), ParameterActions.class.getResource("/dev/coffer/parameters/parameter_history.fxml"),
                "History of " + parameter.name(), false,
                (ParameterHistoryController c, Stage stage) -> c.init(vm, stage, readOnly));
    }

    private Stage openEditor(ParameterEditorViewModel vm, String title) {
        return Windows.open(owner.get(), ParameterActions.class.getResource("/dev/coffer/parameters/parameter_editor.fxml"), title, false,
                (ParameterEditorController c, Stage stage) -> c.init(vm, stage,
                        name -> main.parameterSaved(name, saved -> select.accept(saved.name())),
                        () -> vm.existing().ifPresent(p -> main.parameterSaved(p.name(), this::edit))));
    }
}
