package dev.coffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the classes the window's first frame needs on a thread of its own, from the moment Coffer
 * starts, so that the FX thread finds them loaded. In a fresh JVM a fifth of the FX thread's time
 * to the first frame went into loading classes (reading and defining them; profiled with the scale
 * benchmark's first-window launch), while the other core was mostly idle waiting for JavaFX to
 * start. Classes are only loaded, not initialised: nothing runs ahead of the FX thread.
 *
 * <p>The list ({@value #LIST}) is the classes a start loads from {@code App.start} to the first
 * frame, in order; the scale benchmark writes a fresh one to {@code target/benchmark/} and says how
 * much of a start the committed list covers. A class that no longer exists is skipped.
 * {@code -Dcoffer.preloadClasses=false} turns preloading off.
 */
final class StartupClasses {

    static final String LIST = "startup-classes.txt";

    private StartupClasses() {
    }

    static void preload() {
        // Off for the scale benchmark's start that logs which classes a start loads, in the FX thread's order.
        if (!Boolean.parseBoolean(System.getProperty("coffer.preloadClasses", "true"))) {
            return;
        }
        Thread thread = new Thread(StartupClasses::loadAll, "coffer-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loadAll() {
        ClassLoader loader = StartupClasses.class.getClassLoader();
        try {
            for (String name : names()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // Gone since the list was made (another JavaFX or JDK): the FX thread will not need it either.
                }
            }
        } catch (IOException e) {
            // Only a head start is lost.
        }
    }

    /** The listed class names, in order (none when the list is missing). */
    static List<String> names() throws IOException {
        try (InputStream in = StartupClasses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
        }
    }
}
