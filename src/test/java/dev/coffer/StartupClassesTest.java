package dev.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of classes Coffer preloads while JavaFX starts. */
class StartupClassesTest {

    private static List<String> listed() throws IOException {
        try (InputStream in = StartupClasses.class.getResourceAsStream(StartupClasses.LIST)) {
            assertThat(in).as("the list ships in Coffer's jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        }
    }

    @Test
    void namesTheWindowsOwnClassesAndJavaFxControls() throws IOException {
        assertThat(listed()).contains("dev.coffer.ui.MainWindowController", "dev.coffer.parameters.view.ParameterCell",
                "javafx.scene.control.skin.TableViewSkin", "javafx.scene.control.skin.TreeViewSkin");
    }

    @Test
    void isNotStale() throws IOException {
        // A renamed class is only skipped; a list gone mostly stale (another JavaFX, a reworked window)
        // should be written afresh by the scale benchmark.
        List<String> names = listed();
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
