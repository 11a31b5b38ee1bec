package dev.coffer.audit.view;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an HTML page to a PNG with headless Chromium, to look at the exported report as a browser shows it. */
final class HtmlSnapshot {

    private HtmlSnapshot() {
    }

    static void render(Path html, Path png) throws Exception {
        String chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
        assumeTrue(chromium != null, "Chromium is not installed: no PNG of the HTML report (apt-get install chromium)");
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
