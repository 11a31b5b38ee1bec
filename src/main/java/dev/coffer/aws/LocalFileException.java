package dev.coffer.aws;

import java.nio.file.Path;
import java.util.OptionalInt;

/** A local file Coffer needs that it cannot read or understand: which file, which line, what is wrong. */
public final class LocalFileException extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final String problem;

    /** @param line the 1-based line that is wrong; 0 when not known */
    public LocalFileException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public String problem() {
        return problem;
    }
}
