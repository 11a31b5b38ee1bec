package dev.coffer.parameters.view;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Problem;
import dev.coffer.parameters.LabelRules;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterVersion;
import dev.coffer.parameters.VersionLimitWarning;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.DiffView;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A parameter's history: every version AWS keeps with its labels, a comparison of any two, and
 * the label and restore actions. SecureString values stay masked until the user reveals them.
 */
public final class ParameterHistoryViewModel {

    private final Background background;
    private final BusyWork work;
    private final ParameterStore parameters;
    private final Parameter parameter;
    private final ObservableList<ParameterVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DiffView.Line> diff = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final Runnable onChanged;

    /**
     * @param onChanged runs after a restore or label change, so the main window can update the parameter
     */
    public ParameterHistoryViewModel(Background background, ParameterStore parameters, Parameter parameter, Runnable onChanged) {
        this.background = background;
        this.work = new BusyWork(background, loading, message::set);
        this.parameters = parameters;
        this.parameter = parameter;
        this.onChanged = onChanged;
    }

    public Parameter parameter() {
        return parameter;
    }

    /** Values are fetched with the history unless they are SecureString and not revealed yet. */
    private boolean withValues() {
        return !parameter.isSecure() || revealed.get();
    }

    public void load() {
        boolean values = withValues();
        work.run(() -> parameters.history(parameter.name(), values), list -> {
            versions.setAll(list);
            warning.set(VersionLimitWarning.oldestVersionLabelWarning(list).orElse(""));
        });
    }

    /** Fetches the decrypted values (a read) so SecureString versions can be compared. */
    public void reveal() {
        revealed.set(true);
        diff.clear();
        load();
    }

    /** Compares two versions, older first. */
    public void compare(ParameterVersion a, ParameterVersion b) {
        ParameterVersion older = a.version() <= b.version() ? a : b;
        ParameterVersion newer = older == a ? b : a;
        diff.setAll(DiffView.compare(describe(older), describe(newer)));
        diff.add(0, new DiffView.Line(DiffView.Kind.NOTE, "Version " + older.version() + " → version " + newer.version()));
    }

    private String describe(ParameterVersion v) {
        StringBuilder text = new StringBuilder();
        text.append("Type: ").append(v.type()).append('\n')
                .append("Tier: ").append(v.tier()).append('\n')
                .append("Data type: ").append(v.dataType()).append('\n')
                .append("Description: ").append(v.description().orElse("")).append('\n');
        v.keyId().ifPresent(k -> text.append("KMS key: ").append(k).append('\n'));
        text.append("Labels: ").append(String.join(", ", v.labels())).append('\n');
        text.append("Value:\n");
        text.append(v.value().map(s -> s.reveal()).orElse("•••••••• (masked: Reveal values to compare)"));
        return text.toString();
    }

    /** Every problem of a label the user typed, before any call. */
    public List<Problem> checkLabel(String label, ParameterVersion version) {
        List<Problem> problems = new java.util.ArrayList<>(LabelRules.check(label == null ? "" : label.trim()));
        if (version.labels().size() >= LabelRules.MAX_PER_VERSION && !version.labels().contains(label)) {
            problems.add(new Problem("label", "Version " + version.version() + " already has " + LabelRules.MAX_PER_VERSION
                    + " labels, the most AWS allows on one version."));
        }
        return problems;
    }

    /** The version that carries a label now, if another one does (attaching moves it from there). */
    public Optional<ParameterVersion> carrier(String label, ParameterVersion target) {
        return versions.stream().filter(v -> v != target && v.labels().contains(label)).findFirst();
    }

    public void attach(ParameterVersion version, String label) {
        run(() -> {
            List<String> refused = parameters.label(parameter.name(), version.version(), List.of(label.trim()));
            if (!refused.isEmpty()) {
                throw new IllegalArgumentException("AWS refused the label " + String.join(", ", refused) + ".");
            }
        }, "Label \"" + label.trim() + "\" is on version " + version.version() + ".");
    }

    public void detach(ParameterVersion version, String label) {
        run(() -> parameters.unlabel(parameter.name(), version.version(), List.of(label)),
                "Label \"" + label + "\" removed from version " + version.version() + ".");
    }

    /** Puts an old version back as a new version. */
    public void restore(ParameterVersion version) {
        run(() -> parameters.restore(parameter.name(), version.version()),
                "Version " + version.version() + " restored as a new version.");
    }

    /**
     * Rolls a golden AMI parameter back: finds the previous image (the version labelled
     * {@value GoldenImageUpdate#DEFAULT_PREVIOUS_LABEL}, else the newest earlier version with another
     * image), asks {@code confirm}, then puts it back as a new version and moves the labels back.
     */
    public void rollbackImage(java.util.function.Predicate<GoldenImageUpdate.Rollback> confirm) {
        GoldenImageUpdate update = new GoldenImageUpdate(parameters);
        message.set("");
        work.run(() -> update.planRollback(parameter.name(), GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL), plan -> {
            if (confirm.test(plan)) {
                run(() -> update.rollback(plan, GoldenImageUpdate.DEFAULT_LABEL, GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL),
                        "Rolled back to " + plan.toImage() + " (version " + plan.toVersion() + ") as a new version; "
                                + GoldenImageUpdate.DEFAULT_LABEL + " and " + GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL + " moved back.");
            }
        });
    }

    private void run(Runnable change, String done) {
        loading.set(true);
        message.set("");
        background.run(() -> {
            change.run();
            return null;
        }, ignored -> {
            message.set(done);
            onChanged.run();
            load();
        }, error -> {
            loading.set(false);
            message.set(AwsErrors.explain(error).text());
        });
    }

    public static String summary(ParameterVersion v) {
        return "Version " + v.version() + " · " + Formats.dateTime(v.lastModified());
    }

    public ObservableList<ParameterVersion> versions() {
        return versions;
    }

    public ObservableList<DiffView.Line> diff() {
        return diff;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty warningProperty() {
        return warning;
    }
}
