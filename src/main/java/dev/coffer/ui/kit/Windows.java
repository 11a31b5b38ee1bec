package dev.coffer.ui.kit;

import java.util.function.BiConsumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * How every Coffer window is made: each screen is FXML named in {@link Screen} and opened with
 * {@link #open}; the main window's stage, which JavaFX hands the app, gets the same plumbing from
 * {@link #window}. JavaFX's own dialogs (alerts, choice and text dialogs) are made by JavaFX.
 */
public final class Windows {

    private static final String STYLESHEET = Windows.class.getResource("coffer.css").toExternalForm();

    private Windows() {
    }

    /**
     * Loads {@code screen}, hands its controller and stage to {@code init}, and shows the window.
     * Editors are not modal: several can be open while the main window stays usable.
     */
    public static <C> Stage open(Window owner, Screen screen, String title, boolean modal, BiConsumer<C, Stage> init) {
        FXMLLoader loader = screen.load();
        Stage stage = window(new Stage(), owner, title, modal, loader.getRoot(), -1, -1);
        init.accept(loader.getController(), stage);
        stage.show();
        return stage;
    }

    /**
     * The one place a window gets its plumbing: {@code root} in a scene of the given size (-1: the
     * root's preferred size) with the app's stylesheet, owned by {@code owner} (null for a main
     * window), modal to it when asked, with its icons and {@code title} (null: the caller binds it).
     */
    public static Stage window(Stage stage, Window owner, String title, boolean modal, Parent root, double width, double height) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        if (modal) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        if (title != null) {
            stage.setTitle(title);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        if (owner instanceof Stage ownerStage) {
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        return stage;
    }
}
