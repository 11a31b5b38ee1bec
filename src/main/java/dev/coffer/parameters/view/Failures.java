package dev.coffer.parameters.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.parameters.CopyIncompleteException;
import dev.coffer.parameters.CopyTargetsExistException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.NoSuchElementException;

/** What a dialog says when an action failed: Coffer's own refusals as they are, AWS errors explained. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable error) {
        Throwable e = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        if (e instanceof CopyIncompleteException incomplete) {
            return incomplete.getMessage() + " " + describe(incomplete.getCause());
        }
        // These carry messages written for the user, without values.
        if (e instanceof InvalidDraftException || e instanceof CopyTargetsExistException || e instanceof NoSuchElementException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException missing) {
            return "There is no file or folder " + missing.getFile() + ".";
        }
        if (e instanceof AccessDeniedException denied) {
            return "Coffer may not use the file " + denied.getFile() + ".";
        }
        if (e instanceof IOException io) {
            return "The file could not be used: " + io.getMessage();
        }
        return AwsErrors.explain(e).text();
    }
}
