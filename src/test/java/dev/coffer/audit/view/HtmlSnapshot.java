package dev.coffer.audit.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an HTML page to a PNG with headless Chromium, to look at the exported report as a browser shows it. */
final class HtmlSnapshot {

    private HtmlSnapshot() {
    }

    /** Chromium (or Chrome) on the PATH, if installed. */
    static Optional<String> chromium() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    static void render(String chromium, Path html, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1400,1500", "--screenshot=" + png.toAbsolutePath(), html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish rendering " + html);
        }
        if (!Files.exists(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot of " + html);
        }
    }
}
