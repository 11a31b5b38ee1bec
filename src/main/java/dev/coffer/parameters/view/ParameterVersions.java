package dev.coffer.parameters.view;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.aws.Problem;
import dev.coffer.parameters.LabelRules;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterVersion;
import dev.coffer.parameters.VersionLimitWarning;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.versions.VersionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parameter's history for the version browser: the versions Parameter Store keeps (the last
 * 100) with their labels, restore as a new version, labels under Parameter Store's rules (at most
 * 10 a version), the warning when the next save would fail because the oldest version carries a
 * label, and, for a golden AMI parameter, rolling back to the previous image.
 */
public final class ParameterVersions implements VersionSource<ParameterVersion> {

    private final ParameterStore parameters;
    private final Parameter parameter;

    public ParameterVersions(ParameterStore parameters, Parameter parameter) {
        this.parameters = parameters;
        this.parameter = parameter;
    }

    @Override
    public String title() {
        return "History of " + parameter.name();
    }

    @Override
    public String introduction() {
        return "Every version AWS keeps (the last " + VersionLimitWarning.MAX_VERSIONS + "), newest first. "
                + "Select two versions to compare them.";
    }

    @Override
    public List<Column<ParameterVersion>> columns() {
        // Together narrower than the window, so that no column is cut off at its default size.
        return List.of(new Column<>("Version", 80, v -> String.valueOf(v.version())),
                new Column<>("Modified", 150, v -> Formats.dateTime(v.lastModified())),
                new Column<>("By", 150, v -> v.lastModifiedUser() == null ? "" : v.lastModifiedUser()),
                new Column<>("Type", 100, v -> v.type().awsName()),
                new Column<>("Tier", 90, v -> v.tier().awsName()),
                new Column<>("Data type", 100, v -> v.dataType().awsName()),
                new Column<>("Labels", 120, v -> String.join(", ", v.labels())),
                new Column<>("Description", 160, v -> v.description().orElse("")));
    }

    /** SecureString values stay masked until revealed; other values are read with the history. */
    @Override
    public boolean valuesShownAtOnce() {
        return !parameter.isSecure();
    }

    @Override
    public List<ParameterVersion> versions(boolean withValues) {
        return parameters.history(parameter.name(), withValues);
    }

    @Override
    public Optional<String> warning(List<ParameterVersion> versions) {
        return VersionLimitWarning.oldestVersionLabelWarning(versions);
    }

    @Override
    public String name(ParameterVersion version) {
        return String.valueOf(version.version());
    }

    @Override
    public String compared(ParameterVersion v, boolean revealed) {
        StringBuilder text = new StringBuilder();
        text.append("Type: ").append(v.type()).append('\n')
                .append("Tier: ").append(v.tier()).append('\n')
                .append("Data type: ").append(v.dataType()).append('\n')
                .append("Description: ").append(v.description().orElse("")).append('\n');
        v.keyId().ifPresent(k -> text.append("KMS key: ").append(k).append('\n'));
        text.append("Labels: ").append(String.join(", ", v.labels())).append('\n');
        text.append("Value:\n");
        text.append(v.value().map(s -> s.reveal()).orElse(MASKED_VALUE));
        return text.toString();
    }

    @Override
    public String restoreAction() {
        return "Restore as new version";
    }

    /** Any version but the newest: restoring it puts its value back as a new version. */
    @Override
    public boolean canRestore(ParameterVersion version, List<ParameterVersion> versions) {
        return !versions.isEmpty() && versions.get(0) != version;
    }

    @Override
    public Confirmation restoreConfirmation(ParameterVersion version) {
        return new Confirmation("Restore version", "Restore version " + version.version() + " of " + parameter.name() + "?",
                "Its value, type, description and data type become a new version. No version is deleted, and labels stay where they are.",
                "Restore");
    }

    @Override
    public String restore(ParameterVersion version) {
        parameters.restore(parameter.name(), version.version());
        return "Version " + version.version() + " restored as a new version.";
    }

    /** A golden AMI parameter (data type aws:ec2:image) rolls back to its previous image. */
    @Override
    public Optional<PlannedChange<?>> extraChange() {
        return parameter.dataType() == ParameterDataType.EC2_IMAGE ? Optional.of(new ImageRollback()) : Optional.empty();
    }

    @Override
    public List<String> labels(ParameterVersion version) {
        return version.labels();
    }

    /** Parameter Store takes labels without the spaces around them. */
    @Override
    public String label(String typed) {
        return typed.trim();
    }

    @Override
    public List<Problem> checkLabel(String label, ParameterVersion version, List<ParameterVersion> versions) {
        List<Problem> problems = new ArrayList<>(LabelRules.check(label));
        if (version.labels().size() >= LabelRules.MAX_PER_VERSION && !version.labels().contains(label)) {
            problems.add(new Problem("label", "Version " + version.version() + " already has " + LabelRules.MAX_PER_VERSION
                    + " labels, the most AWS allows on one version."));
        }
        return problems;
    }

    @Override
    public String addLabel(ParameterVersion version, String label) {
        List<String> refused = parameters.label(parameter.name(), version.version(), List.of(label));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("AWS refused the label " + String.join(", ", refused) + ".");
        }
        return "Label \"" + label + "\" is on version " + version.version() + ".";
    }

    @Override
    public String removeLabel(ParameterVersion version, String label) {
        parameters.unlabel(parameter.name(), version.version(), List.of(label));
        return "Label \"" + label + "\" removed from version " + version.version() + ".";
    }

    @Override
    public String labelsTitle() {
        return "Labels";
    }

    @Override
    public String labelsHeader(ParameterVersion version) {
        return "Labels of version " + version.version() + " of " + parameter.name();
    }

    @Override
    public String labelRules() {
        return "1-" + LabelRules.MAX_LENGTH + " letters, digits, '.', '-' or '_'; not starting with a digit, \"aws\" or \"ssm\"; "
                + "at most " + LabelRules.MAX_PER_VERSION + " per version. A label is on one version at a time.";
    }

    @Override
    public String labelExample() {
        return "e.g. golden, stable, release-2026-11";
    }

    /**
     * Rolls a golden AMI parameter back: the version labelled "previous" (else the newest earlier
     * version with another image) becomes a new version, and the labels move back.
     */
    private final class ImageRollback implements PlannedChange<GoldenImageUpdate.Rollback> {

        private final GoldenImageUpdate update = new GoldenImageUpdate(parameters);

        @Override
        public String action() {
            return "Roll back to previous image";
        }

        @Override
        public String id() {
            return "rollbackImageButton";
        }

        @Override
        public String icon() {
            return "mdmz-replay";
        }

        @Override
        public GoldenImageUpdate.Rollback plan() {
            return update.planRollback(parameter.name(), GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL);
        }

        @Override
        public Confirmation confirmation(GoldenImageUpdate.Rollback plan) {
            return new Confirmation("Roll back to previous image", "Roll " + plan.name() + " back to " + plan.toImage() + "?",
                    "Version " + plan.toVersion() + "'s image " + plan.toImage() + " becomes a new version in place of "
                            + plan.currentImage() + " (version " + plan.currentVersion() + "). The label " + GoldenImageUpdate.DEFAULT_LABEL
                            + " moves to the new version and " + GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL + " to version "
                            + plan.currentVersion() + ".",
                    "Roll back");
        }

        @Override
        public String apply(GoldenImageUpdate.Rollback plan) {
            update.rollback(plan, GoldenImageUpdate.DEFAULT_LABEL, GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL);
            return "Rolled back to " + plan.toImage() + " (version " + plan.toVersion() + ") as a new version; "
                    + GoldenImageUpdate.DEFAULT_LABEL + " and " + GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL + " moved back.";
        }
    }
}
