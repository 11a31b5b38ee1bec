package dev.coffer.usage.view;

import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import javafx.stage.Stage;

/** Opens Where used on a parameter, a folder or a secret (menus, right-click, Ctrl+U). Reads only, so read-only windows offer it too. */
public final class UsageActions {

    private final WhereUsedWindow window;
    private final Background background;

    public UsageActions(WhereUsedWindow window, Background background) {
        this.window = window;
        this.background = background;
    }

    public Stage whereUsed(WhereUsedViewModel.Subject subject) {
        WhereUsedViewModel model = new WhereUsedViewModel(background, window.clients(), window.consumerIndex(), subject);
        return Windows.open(window.owner(), Screen.WHERE_USED, subject.title(), false,
                (WhereUsedController c, Stage stage) -> c.init(model, stage));
    }
}
