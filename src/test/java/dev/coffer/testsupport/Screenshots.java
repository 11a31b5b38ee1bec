package dev.coffer.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves PNG snapshots of real windows under target/screenshots/ (works headless under Monocle). */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("coffer.screenshots", "target/screenshots"));
    }

    /** Saves an image the window shows outside its scene, such as its icon. */
    public static Path save(javafx.scene.image.Image image, String name) {
        return write(image, name);
    }

    public static Path save(Scene scene, String name) {
        try {
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> shot.complete(scene.snapshot(null)));
            return write(shot.get(10, TimeUnit.SECONDS), name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not take a snapshot of " + name, e);
        }
    }

    private static Path write(javafx.scene.image.Image image, String name) {
        try {
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Path file = directory().resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not take a snapshot of " + name, e);
        }
    }
}
