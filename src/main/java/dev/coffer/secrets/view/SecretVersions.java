package dev.coffer.secrets.view;

import dev.coffer.aws.Problem;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.versions.VersionSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A secret's versions for the version browser: every version with its staging labels (values
 * masked until revealed), rolling back by moving AWSCURRENT, and custom staging labels within the
 * limit of {@value SecretRules#MAX_STAGING_LABELS} across all versions.
 */
public final class SecretVersions implements VersionSource<SecretVersion> {

    private final SecretStore secrets;
    private final Secret secret;

    public SecretVersions(SecretStore secrets, Secret secret) {
        this.secrets = secrets;
        this.secret = secret;
    }

    @Override
    public String title() {
        return "Versions of " + secret.name();
    }

    @Override
    public String introduction() {
        return "Every version with its staging labels, newest first. Select two versions to compare them.";
    }

    @Override
    public List<Column<SecretVersion>> columns() {
        return List.of(new Column<>("Version", 300, SecretVersion::versionId),
                new Column<>("Staging labels", 250, SecretVersions::labelText),
                new Column<>("Created", 150, v -> Formats.dateTime(v.created())),
                new Column<>("Last accessed", 140, v -> Formats.date(v.lastAccessed())));
    }

    private static String labelText(SecretVersion v) {
        return v.deprecated() ? "(none: deprecated)" : String.join(", ", v.stages());
    }

    @Override
    public boolean valuesShownAtOnce() {
        return false;
    }

    @Override
    public List<SecretVersion> versions(boolean withValues) {
        return secrets.versions(secret.arn(), withValues);
    }

    /** The first characters of the version id. */
    @Override
    public String name(SecretVersion v) {
        String id = v.versionId();
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    @Override
    public String compared(SecretVersion v, boolean revealed) {
        return "Version: " + v.versionId() + '\n'
                + "Created: " + Formats.dateTime(v.created()) + '\n'
                + "Labels: " + labelText(v) + '\n'
                + "Value:\n" + (revealed ? v.value().map(SecretVersions::text).orElse("(no value: AWS no longer has it)") : MASKED_VALUE);
    }

    private static String text(SecretContent c) {
        if (c instanceof SecretContent.Binary binary) {
            return "(binary, " + Formats.count(binary.bytes().length, "byte", "bytes") + ")";
        }
        return c.secretString();
    }

    @Override
    public String restoreAction() {
        return "Make current (roll back)";
    }

    /** Any version that is not current: rolling back moves AWSCURRENT to it. */
    @Override
    public boolean canRestore(SecretVersion version, List<SecretVersion> versions) {
        return !version.isCurrent();
    }

    @Override
    public Confirmation restoreConfirmation(SecretVersion version) {
        return new Confirmation("Make current", "Make version " + version.versionId() + " of " + secret.name() + " current?",
                "AWSCURRENT moves to this version, so applications read its value from now on. "
                        + "AWSPREVIOUS moves to the version that is current now. No version is deleted.",
                "Make current");
    }

    @Override
    public String restore(SecretVersion version) {
        secrets.rollback(secret.arn(), version.versionId());
        return "Version " + name(version) + " is current now (AWSCURRENT); AWSPREVIOUS is on the version that was current.";
    }

    @Override
    public List<String> labels(SecretVersion version) {
        return version.stages();
    }

    @Override
    public List<Problem> checkLabel(String label, SecretVersion version, List<SecretVersion> versions) {
        List<Problem> problems = new ArrayList<>(SecretRules.checkLabel(label));
        if (problems.isEmpty()) {
            Set<String> all = new LinkedHashSet<>();
            versions.forEach(v -> all.addAll(v.stages()));
            problems.addAll(SecretRules.checkLabelCount(all, label));
        }
        return problems;
    }

    /** AWSCURRENT is only ever moved, by rolling back. */
    @Override
    public boolean canRemoveLabel(String label) {
        return !SecretRules.AWSCURRENT.equals(label);
    }

    @Override
    public String addLabel(SecretVersion version, String label) {
        secrets.moveLabel(secret.arn(), label, version.versionId());
        return "Label \"" + label + "\" is on version " + name(version) + ".";
    }

    @Override
    public String removeLabel(SecretVersion version, String label) {
        secrets.removeLabel(secret.arn(), label);
        return "Label \"" + label + "\" removed.";
    }

    @Override
    public String labelsTitle() {
        return "Staging labels";
    }

    @Override
    public String labelsHeader(SecretVersion version) {
        return "Labels of version " + version.versionId();
    }

    @Override
    public String labelRules() {
        return "Up to " + SecretRules.LABEL_MAX + " characters; at most " + SecretRules.MAX_STAGING_LABELS
                + " labels across all versions. A label is on one version at a time. AWSCURRENT can't be removed: "
                + "make another version current instead.";
    }

    @Override
    public String labelExample() {
        return "e.g. golden, release-2026-11";
    }
}
