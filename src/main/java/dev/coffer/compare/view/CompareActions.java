package dev.coffer.compare.view;

import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.nio.file.Path;
import javafx.stage.Stage;

/**
 * Opens the compare window (Tools → Compare…, and "Compare with…" on a folder of the parameter
 * tree), and a folder's export and import, which are comparisons with a file.
 */
public final class CompareActions {

    private final CompareWindow window;
    private final Background background;

    public CompareActions(CompareWindow window, Background background) {
        this.window = window;
        this.background = background;
    }

    /** @param leftPath the folder the left side starts on; "" for none */
    public void open(String leftPath) {
        CompareViewModel model = new CompareViewModel(background, window.connections(), window.readOnly(), leftPath);
        Windows.open(window.owner(), Screen.COMPARE, "Compare" + (window.readOnly() ? " (read-only)" : ""), false,
                (CompareController c, Stage stage) -> c.init(model, window, stage));
    }

    /** Exports a folder to a JSON file (a read: also offered in read-only mode). */
    public Stage exportFolder(String folderPath) {
        ExportParametersViewModel vm = new ExportParametersViewModel(background, window.clients(), folderPath,
                Path.of(System.getProperty("user.home")));
        return Windows.open(window.owner(), Screen.EXPORT_PARAMETERS, "Export folder", false,
                (ExportParametersController c, Stage stage) -> c.init(vm, stage));
    }

    /** Imports an export file into a folder, after a preview. */
    public Stage importInto(String folderPath) {
        ImportParametersViewModel vm = new ImportParametersViewModel(background, window.clients(), folderPath);
        return Windows.open(window.owner(), Screen.IMPORT_PARAMETERS, "Import into folder", true,
                (ImportParametersController c, Stage stage) -> c.init(vm, stage, window::parametersSaved));
    }
}
