package dev.coffer.compare;

/** What a compared item is. */
public enum ItemKind {
    PARAMETER("parameter"),
    SECRET("secret");

    private final String jsonName;

    ItemKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** As the headless commands' JSON writes it. */
    public String jsonName() {
        return jsonName;
    }
}
