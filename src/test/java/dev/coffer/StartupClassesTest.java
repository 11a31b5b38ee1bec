package dev.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of classes Coffer preloads while JavaFX starts. */
class StartupClassesTest {

    @Test
    void namesTheWindowsOwnClassesAndJavaFxControls() throws IOException {
        assertThat(StartupClasses.names()).contains("dev.coffer.ui.shell.MainWindowController", "dev.coffer.parameters.view.ParameterCell",
                "javafx.scene.control.skin.TableViewSkin", "javafx.scene.control.skin.TreeViewSkin");
    }

    @Test
    void isNotStale() throws IOException {
        // A renamed class is only skipped; a list gone mostly stale (another JavaFX, a reworked window)
        // should be written afresh by the scale benchmark.
        List<String> names = StartupClasses.names();
        long found = names.stream().filter(StartupClassesTest::exists).count();
        assertThat(found).as("classes of the list that still exist, of " + names.size()).isGreaterThanOrEqualTo(names.size() * 95L / 100);
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, StartupClassesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
