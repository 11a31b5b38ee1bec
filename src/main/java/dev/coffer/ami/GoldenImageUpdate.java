package dev.coffer.ami;

import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.LabelRules;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.parameters.ParameterVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Moves golden AMI id parameters to a new image: plan (everything read and checked, nothing
 * changed), apply (a new version with data type aws:ec2:image, labels moved), verify (AWS checks
 * the image asynchronously) and roll back (the previous image as a new version, labels moved back).
 */
public final class GoldenImageUpdate {

    public static final String DEFAULT_LABEL = "golden";
    public static final String DEFAULT_PREVIOUS_LABEL = "previous";

    private final ParameterStore parameters;

    public GoldenImageUpdate(ParameterStore parameters) {
        this.parameters = parameters;
    }

    /** One parameter to move: its current version and image, or none when it is created. */
    public record Change(String name, OptionalLong fromVersion, Optional<String> fromImage) {
        public boolean creates() {
            return fromVersion.isEmpty();
        }
    }

    /** What {@link #apply} will do. {@code label} and {@code previousLabel} may be empty (no label). */
    public record Plan(String imageId, String note, String label, String previousLabel, List<Change> changes) {
        public Plan {
            changes = List.copyOf(changes);
        }

        /** One line per parameter, as the review page and the summary show it. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Change c : changes) {
                StringBuilder s = new StringBuilder(c.name()).append(": ");
                s.append(c.creates() ? "created with " + imageId : c.fromImage().orElse("?") + " (version " + c.fromVersion().getAsLong() + ") → " + imageId);
                if (!label.isEmpty()) {
                    s.append("; label ").append(label).append(" on the new version");
                }
                if (!previousLabel.isEmpty() && !c.creates()) {
                    s.append("; ").append(previousLabel).append(" on version ").append(c.fromVersion().getAsLong());
                }
                lines.add(s.toString());
            }
            return lines;
        }
    }

    /** What {@link #apply} did to one parameter. */
    public record Applied(String name, long version, OptionalLong previousVersion) {
    }

    /** Whether AWS shows the new version yet. */
    public enum Verification { VISIBLE, NOT_VISIBLE }

    /** Checks names, image id, note and labels, every problem at once; empty when a plan can be made. */
    public static List<Problem> check(List<String> names, String imageId, String note, String label, String previousLabel) {
        List<Problem> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(new Problem("parameters", "Choose at least one parameter."));
        }
        for (String name : names) {
            ParameterRules.checkName(name).forEach(p -> problems.add(new Problem("parameters", name + ": " + p.message())));
        }
        problems.addAll(ImageIds.check("imageId", imageId));
        if (note != null && note.length() > ParameterRules.DESCRIPTION_MAX) {
            problems.add(new Problem("note", "The change note becomes the description: at most " + ParameterRules.DESCRIPTION_MAX + " characters."));
        }
        if (!label.isEmpty()) {
            LabelRules.check(label).forEach(p -> problems.add(new Problem("label", p.message())));
        }
        if (!previousLabel.isEmpty()) {
            LabelRules.check(previousLabel).forEach(p -> problems.add(new Problem("previousLabel", p.message())));
        }
        if (!label.isEmpty() && label.equals(previousLabel)) {
            problems.add(new Problem("previousLabel", "The label for the old version must differ from the one for the new version."));
        }
        return problems;
    }

    /**
     * Reads the parameters and makes the plan. Every problem throws {@link InvalidDraftException}
     * before anything is changed: the checks of {@link #check}, and parameters that are not plain
     * String parameters.
     */
    public Plan plan(List<String> names, String imageId, String note, String label, String previousLabel) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        String l = label == null ? "" : label.trim();
        String pl = previousLabel == null ? "" : previousLabel.trim();
        List<Problem> problems = check(distinct, imageId, note, l, pl);
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        Map<String, Parameter> existing = parameters.describeAll(distinct);
        Map<String, SecretText> values = parameters.values(existing.keySet().stream().toList());
        List<Change> changes = new ArrayList<>();
        for (String name : distinct) {
            Parameter p = existing.get(name);
            if (p == null) {
                changes.add(new Change(name, OptionalLong.empty(), Optional.empty()));
            } else if (p.type() != ParameterType.STRING) {
                problems.add(new Problem("parameters", name + " is a " + p.type() + "; a golden AMI id is a String parameter."));
            } else {
                changes.add(new Change(name, OptionalLong.of(p.version()), Optional.ofNullable(values.get(name)).map(SecretText::reveal)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        return new Plan(imageId.trim(), note == null ? "" : note.trim(), l, pl, changes);
    }

    /**
     * Puts the new image on every parameter of the plan, one after the other, then moves the labels.
     * Each put refuses a parameter that changed since the plan was made
     * ({@link dev.coffer.parameters.ParameterConflictException}); parameters done before stay done.
     */
    public List<Applied> apply(Plan plan, java.util.function.Consumer<String> progress) {
        List<Applied> done = new ArrayList<>();
        for (Change change : plan.changes()) {
            Optional<Parameter> current = change.creates() ? Optional.empty() : parameters.describe(change.name());
            String description = !plan.note().isEmpty() ? plan.note() : current.flatMap(Parameter::description).orElse("");
            ParameterDraft draft = new ParameterDraft(change.name(), ParameterType.STRING, SecretText.of(plan.imageId()), description,
                    ParameterDataType.EC2_IMAGE, current.map(Parameter::tier).orElse(ParameterTier.STANDARD), Optional.empty(),
                    current.isPresent() ? parameters.tags(change.name()) : List.of(),
                    current.map(GoldenImageUpdate::policiesOf).orElse(ParameterPolicies.none()));
            long version = parameters.put(draft, change.fromVersion());
            if (!plan.label().isEmpty()) {
                parameters.label(change.name(), version, List.of(plan.label()));
            }
            if (!plan.previousLabel().isEmpty() && change.fromVersion().isPresent()) {
                parameters.label(change.name(), change.fromVersion().getAsLong(), List.of(plan.previousLabel()));
            }
            done.add(new Applied(change.name(), version, change.fromVersion()));
            progress.accept("Updated " + change.name() + " to version " + version + " (" + done.size() + " of " + plan.changes().size() + ")");
        }
        return done;
    }

    /**
     * Reads the parameter back until {@code version} is visible, for at most {@code wait}. AWS
     * validates aws:ec2:image values after PutParameter answered; a version it rejected never
     * shows, so NOT_VISIBLE after the wait means it was rejected (or is still being checked).
     */
    public Verification verify(String name, long version, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!parameters.hasVersion(name, version)) {
            if (System.nanoTime() > deadline) {
                return Verification.NOT_VISIBLE;
            }
            Thread.sleep(1000);
        }
        return Verification.VISIBLE;
    }

    /** What a roll back would do: the current version and the earlier one whose image comes back. */
    public record Rollback(String name, long currentVersion, String currentImage, long toVersion, String toImage) {
    }

    /**
     * The version a roll back returns to: the one labelled {@code previousLabel}, or else the newest
     * earlier version with another image.
     *
     * @throws NoSuchElementException when there is no earlier image
     */
    public Rollback planRollback(String name, String previousLabel) {
        List<ParameterVersion> history = parameters.history(name, true);
        if (history.isEmpty()) {
            throw new NoSuchElementException(name + " no longer exists.");
        }
        ParameterVersion current = history.get(0);
        String currentImage = current.value().map(SecretText::reveal).orElse("");
        Optional<ParameterVersion> target = history.stream().skip(1)
                .filter(v -> !previousLabel.isEmpty() && v.labels().contains(previousLabel)).findFirst()
                .or(() -> history.stream().skip(1).filter(v -> !v.value().map(SecretText::reveal).orElse("").equals(currentImage)).findFirst());
        ParameterVersion to = target.orElseThrow(() -> new NoSuchElementException(
                name + " has no earlier image to roll back to in the versions AWS keeps."));
        return new Rollback(name, current.version(), currentImage, to.version(), to.value().map(SecretText::reveal).orElse(""));
    }

    /**
     * Rolls back: the earlier image becomes a new version (data type aws:ec2:image), {@code label}
     * moves to it and {@code previousLabel} to the version that was current. Returns the new version.
     */
    public long rollback(Rollback rollback, String label, String previousLabel) {
        long version = parameters.restore(rollback.name(), rollback.toVersion());
        if (!label.isEmpty()) {
            parameters.label(rollback.name(), version, List.of(label));
        }
        if (!previousLabel.isEmpty()) {
            parameters.label(rollback.name(), rollback.currentVersion(), List.of(previousLabel));
        }
        return version;
    }

    private static ParameterPolicies policiesOf(Parameter p) {
        try {
            return ParameterPolicies.parse(p.policiesJson());
        } catch (IllegalArgumentException unreadable) {
            return ParameterPolicies.none();
        }
    }
}
