package dev.coffer.compare;

import java.util.Locale;

/** What became of one plan item. */
public enum Outcome {
    /** Carried out. */
    DONE,
    /** AWS or Coffer refused it; the target item is as it was. */
    FAILED,
    /** Not sent: planned as a skip, or the target changed since the comparison. */
    SKIPPED,
    /** Not reached: the promotion was cancelled first. */
    NOT_RUN;

    /** As the headless commands' JSON writes it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
