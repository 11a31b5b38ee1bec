package dev.coffer.compare;

/** Where an item is, and whether both sides agree. */
public enum Status {
    ONLY_LEFT("only_left", "only left"),
    ONLY_RIGHT("only_right", "only right"),
    DIFFERENT("different", "different"),
    SAME("same", "same");

    private final String jsonName;
    private final String words;

    Status(String jsonName, String words) {
        this.jsonName = jsonName;
        this.words = words;
    }

    /** As the headless commands' JSON writes it. */
    public String jsonName() {
        return jsonName;
    }

    /** As text output and the window say it. */
    public String words() {
        return words;
    }
}
