package dev.coffer.compare;

/** A part of a parameter or secret that can differ between the sides. */
public enum Field {
    VALUE("value"),
    TYPE("type"),
    TIER("tier"),
    DATA_TYPE("data_type"),
    KMS_KEY("kms_key"),
    DESCRIPTION("description"),
    TAGS("tags"),
    POLICIES("policies"),
    /** A secret's value is key/value JSON on one side, plain text or binary on the other. */
    VALUE_KIND("value_kind"),
    /** A key/value secret has keys the other side's lacks. */
    JSON_KEYS("json_keys"),
    ROTATION("rotation"),
    RESOURCE_POLICY("resource_policy");

    private final String jsonName;

    Field(String jsonName) {
        this.jsonName = jsonName;
    }

    /** As the headless commands' JSON writes it. */
    public String jsonName() {
        return jsonName;
    }

    /** As an administrator names it: "data type", "KMS key", "JSON keys". */
    public String words() {
        return jsonName.replace('_', ' ').replace("kms key", "KMS key").replace("json keys", "JSON keys");
    }

    /** Whether promoting copies it: rotation and resource policies stay as the target has them. */
    public boolean copied() {
        return this != ROTATION && this != RESOURCE_POLICY;
    }
}
