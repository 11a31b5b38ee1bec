package dev.coffer.audit;

/** What an audit report looks for, each with its severity. */
public enum FindingKind {
    ROTATION_OFF("Rotation off", Severity.MEDIUM),
    ROTATION_OVERDUE("Rotation overdue", Severity.HIGH),
    NOT_ACCESSED("Not accessed recently", Severity.LOW),
    AWS_MANAGED_KEY("AWS managed key where a customer key is required", Severity.MEDIUM),
    CREDENTIAL_AS_STRING("Credential-like name stored as plain String", Severity.HIGH),
    EXPIRED("Expired (Expiration policy)", Severity.HIGH),
    EXPIRING("Expires soon (Expiration policy)", Severity.MEDIUM),
    MISSING_TAGS("Missing required tags", Severity.LOW),
    ADVANCED_FITS_STANDARD("Advanced tier, value fits Standard", Severity.LOW),
    /** A consumer reads a version that is not the current one: it does not get updates (a new golden AMI, a rotated password). */
    PINNED_OLD_VERSION("Pinned to an old version", Severity.MEDIUM),
    /** Informational: no scanned consumer reads it, which does not prove that nothing does. */
    NO_CONSUMER("No consumer found", Severity.LOW);

    private final String title;
    private final Severity severity;

    FindingKind(String title, Severity severity) {
        this.title = title;
        this.severity = severity;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }
}
