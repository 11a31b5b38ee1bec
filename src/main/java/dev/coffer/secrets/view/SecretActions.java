package dev.coffer.secrets.view;

import dev.coffer.secrets.Secret;
import dev.coffer.ui.Background;
import dev.coffer.ui.MainViewModel;
import dev.coffer.ui.Windows;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the user can do to secrets from the main window: each action opens its window. */
public final class SecretActions {

    private final MainViewModel main;
    private final Background background;
    private final Supplier<Window> owner;

    public SecretActions(MainViewModel main, Background background, Supplier<Window> owner) {
        this.main = main;
        this.background = background;
        this.owner = owner;
    }

    public Stage newSecret() {
        return openEditor(SecretEditorViewModel.create(background, main.openConnection()), "New secret");
    }

    public Stage edit(Secret secret) {
        return openEditor(SecretEditorViewModel.edit(background, main.openConnection(), secret), "Edit " + secret.name());
    }

    private Stage openEditor(SecretEditorViewModel vm, String title) {
        return Windows.open(owner.get(), SecretActions.class.getResource("/dev/coffer/secrets/secret_editor.fxml"), title, false,
                (SecretEditorController c, Stage stage) -> c.init(vm, stage, main::secretSaved,
                        () -> vm.existing().ifPresent(this::edit)));
    }
}
