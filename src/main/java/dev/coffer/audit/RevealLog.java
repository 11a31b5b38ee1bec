package dev.coffer.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.files.CofferHome;
import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The local audit log of value reveals: one JSON object a line in {@code audit-log.jsonl} in the
 * Coffer home folder, only ever appended to. An entry says what was read, when, by whom and
 * through which connection; it never holds the value. Who read which secret is for the owner's
 * eyes only: the file is 0600 and its folder 0700, also when an older Coffer left them open.
 */
public final class RevealLog {

    public static final String FILE_NAME = "audit-log.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file the log; the folder it is in is Coffer's own, kept owner-only */
    public RevealLog(Path file) {
        this.file = file;
    }

    /** The log in the Coffer home folder, beside the settings. */
    public static RevealLog standard() {
        return new RevealLog(CofferHome.folder().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Appends one entry; several threads may record at once. */
    public synchronized void append(Reveal reveal) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", reveal.time().toString())
                .put("action", reveal.action())
                .put("store", reveal.store())
                .put("item", reveal.item())
                .put("version", reveal.version())
                .put("identity", reveal.identityArn())
                .put("account", reveal.account())
                .put("profile", reveal.profile())
                .put("region", reveal.region())
                .put("endpoint", reveal.endpoint());
        try {
            PrivateFiles.ownFolder(file.toAbsolutePath().getParent());
            PrivateFiles.append(file, JSON.writeValueAsString(line) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit log " + file, e);
        }
    }
}
