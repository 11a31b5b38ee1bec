package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Problem;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.DiffView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A secret's versions with their staging labels, a comparison of any two (values masked until
 * revealed), roll back and custom labels.
 */
public final class SecretVersionsViewModel {

    static final String MASKED = "•••••••• (masked: Reveal values to compare)";

    private final Background background;
    private final BusyWork work;
    private final SecretStore secrets;
    private final Secret secret;
    private final Runnable onChanged;
    private final ObservableList<SecretVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DiffView.Line> diff = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param onChanged runs after a roll back or label change, so the main window can re-read the secret */
    public SecretVersionsViewModel(Background background, SecretStore secrets, Secret secret, Runnable onChanged) {
        this.background = background;
        this.work = new BusyWork(background, loading, message::set);
        this.secrets = secrets;
        this.secret = secret;
        this.onChanged = onChanged;
    }

    public Secret secret() {
        return secret;
    }

    public void load() {
        boolean values = revealed.get();
        work.run(() -> secrets.versions(secret.arn(), values), list -> {
            versions.setAll(list);
        });
    }

    /** Fetches every version's value (a read) so versions can be compared. */
    public void reveal() {
        revealed.set(true);
        diff.clear();
        load();
    }

    /** Compares two versions, older first. */
    public void compare(SecretVersion a, SecretVersion b) {
        Instant ta = a.created().orElse(Instant.EPOCH);
        Instant tb = b.created().orElse(Instant.EPOCH);
        boolean aOlder = ta.isBefore(tb) || (ta.equals(tb) && versions.indexOf(a) >= versions.indexOf(b));
        SecretVersion older = aOlder ? a : b;
        SecretVersion newer = aOlder ? b : a;
        diff.setAll(DiffView.compare(describe(older), describe(newer)));
        diff.add(0, new DiffView.Line(DiffView.Kind.NOTE, "Version " + shortId(older) + " → version " + shortId(newer)));
    }

    private String describe(SecretVersion v) {
        return "Version: " + v.versionId() + '\n'
                + "Created: " + Formats.dateTime(v.created()) + '\n'
                + "Labels: " + labels(v) + '\n'
                + "Value:\n" + (revealed.get() ? v.value().map(SecretVersionsViewModel::text).orElse("(no value: AWS no longer has it)")
                : MASKED);
    }

    private static String text(SecretContent c) {
        if (c instanceof SecretContent.Binary binary) {
            return "(binary, " + Formats.count(binary.bytes().length, "byte", "bytes") + ")";
        }
        return c.secretString();
    }

    public static String labels(SecretVersion v) {
        return v.deprecated() ? "(none: deprecated)" : String.join(", ", v.stages());
    }

    public static String shortId(SecretVersion v) {
        String id = v.versionId();
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** Every label the secret's versions carry now. */
    private Set<String> allLabels() {
        Set<String> all = new LinkedHashSet<>();
        versions.forEach(v -> all.addAll(v.stages()));
        return all;
    }

    /** Every problem of a label the user typed, before any call. */
    public List<Problem> checkLabel(String label) {
        List<Problem> problems = new ArrayList<>(SecretRules.checkLabel(label));
        if (problems.isEmpty()) {
            problems.addAll(SecretRules.checkLabelCount(allLabels(), label));
        }
        return problems;
    }

    /** The version that carries a label now, if another one does (adding moves it from there). */
    public Optional<SecretVersion> carrier(String label, SecretVersion target) {
        return versions.stream().filter(v -> v != target && v.stages().contains(label)).findFirst();
    }

    public void rollback(SecretVersion version) {
        run(() -> secrets.rollback(secret.arn(), version.versionId()),
                "Version " + shortId(version) + " is current now (AWSCURRENT); AWSPREVIOUS is on the version that was current.");
    }

    public void moveLabel(SecretVersion version, String label) {
        run(() -> secrets.moveLabel(secret.arn(), label, version.versionId()),
                "Label \"" + label + "\" is on version " + shortId(version) + ".");
    }

    public void removeLabel(String label) {
        run(() -> secrets.removeLabel(secret.arn(), label), "Label \"" + label + "\" removed.");
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

    public ObservableList<SecretVersion> versions() {
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
}
