package dev.coffer.audit;

/**
 * One thing an auditor should look at.
 *
 * @param item   the parameter name or secret name
 * @param detail what was found, in words (never a value)
 */
public record Finding(Severity severity, FindingKind kind, String connection, String store, String item, String detail) {

    public static Finding of(FindingKind kind, InventoryItem on, String detail) {
        return new Finding(kind.severity(), kind, on.connection(), on.store(), on.name(), detail);
    }

    public String title() {
        return kind.title();
    }
}
