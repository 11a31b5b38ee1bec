package dev.coffer.compare;

import java.util.Locale;

/** What a promotion does to one target item. */
public enum Action {
    CREATE,
    UPDATE,
    DELETE,
    SKIP;

    /** As the headless commands' JSON writes it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
