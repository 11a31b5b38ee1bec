package dev.coffer.compare;

import dev.coffer.aws.ClientFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes a folder's parameters to a Coffer export file, read as a comparison reads a side (the
 * largest pages, values in batches, tags), so that the file compares with the folder as the
 * folder compares with itself. SecureString values are neither read nor written.
 */
public final class Export {

    private Export() {
    }

    /**
     * Writes the parameters of {@code folder} and below to {@code file}, which only its owner can
     * read; returns how many were written. Nothing is written when {@code cancelled} says so first.
     *
     * @throws CancellationException when cancelled before the file was written
     */
    public static int folder(ClientFactory clients, String folder, Path file, Consumer<String> progress, BooleanSupplier cancelled)
            throws IOException {
        Side.Live side = new Side.Live(clients, Optional.of(folder), Optional.empty());
        SideContents contents = Comparer.readForExport(side, progress, cancelled);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("The export was cancelled; no file was written.");
        }
        ExportDocument.save(file, ExportDocument.write(side.path().orElseThrow(), contents.parameters().values()));
        return contents.parameters().size();
    }

    /**
     * The folder an export file was made from ("/" when it does not say): an import moves the
     * file's names from there into the folder it goes into.
     *
     * @throws IllegalArgumentException when the file is too large or not a Coffer parameter export
     */
    public static String exportedFolder(Path file) throws IOException {
        return ExportDocument.read(ExportDocument.load(file), false).root();
    }
}
