package dev.coffer.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.BiConsumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens an FXML window (editor, history, dialog) owned by the main window, with the app's look. */
public final class Windows {

    private static final String STYLESHEET = Windows.class.getResource("coffer.css").toExternalForm();

    private Windows() {
    }

    /**
     * Loads {@code fxml}, hands its controller and stage to {@code init}, and shows the window.
     * Editors are not modal: several can be open while the main window stays usable.
     */
    public static <C> Stage open(Window owner, URL fxml, String title, boolean modal, BiConsumer<C, Stage> init) {
        FXMLLoader loader = new FXMLLoader(fxml);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        if (modal) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        if (owner instanceof Stage ownerStage) {
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        init.accept(loader.getController(), stage);
        stage.show();
        return stage;
    }
}
