package dev.coffer.parameters;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Importing a Coffer export file into a folder: a dry run that compares the file with Parameter
 * Store, then the plan applied through {@link ParameterStore}, each save with its conflict check.
 */
public final class ParameterImport {

    private final ParameterStore store;

    public ParameterImport(ParameterStore store) {
        this.store = store;
    }

    /**
     * Reads an export file for {@link #plan}, refusing one larger than 10 MB before reading it.
     *
     * @throws IllegalArgumentException when the file is too large
     */
    public static String readExport(Path file) throws IOException {
        return ParameterExportFile.load(file);
    }

    /**
     * The folder an export document was made from ("/" when it does not say).
     *
     * @throws IllegalArgumentException when the text is not a Coffer parameter export
     */
    public static String exportedFolder(String json) {
        return ParameterExportFile.folderOf(json);
    }

    /**
     * Every entry of an export document, as the file holds it.
     *
     * @throws IllegalArgumentException when the text is not a Coffer parameter export
     */
    public static List<ExportedParameter> readEntries(String json) {
        return ParameterExportFile.read(json).stream().map(e -> new ExportedParameter(e.name(), e.type(), e.value(), e.secure(),
                e.description(), e.tier(), e.dataType(), e.tags())).toList();
    }

    /**
     * The export document with its names moved from the folder it was exported from to
     * {@code folder}, for importing into another folder; names outside that folder stay as they are.
     *
     * @throws IllegalArgumentException when the text is not a Coffer parameter export
     */
    public static String moveExport(String json, String folder) {
        return ParameterExportFile.moveTo(json, folder);
    }

    /**
     * What importing an export document into {@code folder} would do, compared with the parameters
     * as they are now (the names already moved there, see {@link #moveExport}). Skipped (with the
     * reason): entries without a name, names outside {@code folder} or with a "." or ".." level,
     * names listed twice, entries marked secure but not typed SecureString, entries without a value
     * (SecureStrings are exported without one), entries the rules refuse, and any entry that would
     * overwrite a SecureString or turn an existing parameter into one: a file never overwrites a
     * SecureString. An existing Advanced parameter stays Advanced. Updates name what changes.
     *
     * @throws IllegalArgumentException when the text is not a Coffer parameter export
     */
    public ImportPlan plan(String json, String folder) {
        List<ParameterExportFile.Entry> entries = ParameterExportFile.read(json);
        // Coffer's own rules first, so that only names AWS could hold are looked up: a file of
        // invalid names costs no call, and AWS never sees (nor echoes back) a name it would refuse.
        Map<Integer, String> reasons = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ParameterExportFile.Entry entry = entries.get(i);
            Optional<String> reason = localSkipReason(entry, folder, seen);
            if (reason.isPresent()) {
                reasons.put(i, reason.get());
            } else {
                valid.add(entry.name());
            }
        }
        // DescribeParameters with a Name filter: 50 names a call, and the metadata the plan needs
        // (tier, description, key, policies) that GetParameters (10 names a call) does not give.
        Map<String, Parameter> existing = store.describeAll(valid);
        Map<String, SecretText> currentValues = store.plainValues(existing.values().stream().filter(p -> !p.isSecure()).map(Parameter::name).toList());
        List<ImportPlan.ImportItem> creates = new ArrayList<>();
        List<ImportPlan.ImportItem> updates = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ParameterExportFile.Entry entry = entries.get(i);
            Parameter current = existing.get(entry.name());
            Optional<String> reason = Optional.ofNullable(reasons.get(i)).or(() -> existingSkipReason(entry, current));
            if (reason.isPresent()) {
                skipped.add(entry.label() + ": " + reason.get());
                continue;
            }
            List<Problem> unknown = ParameterRules.checkNames(entry.type(), entry.tier(), entry.dataType());
            if (!unknown.isEmpty()) {
                skipped.add(entry.label() + ": " + unknown.stream().map(Problem::message).reduce((a, b) -> a + " " + b).orElse(""));
                continue;
            }
            ParameterDraft draft = importDraft(entry, current);
            List<Problem> problems = ParameterRules.check(draft, Optional.ofNullable(current));
            if (!problems.isEmpty()) {
                skipped.add(entry.label() + ": " + problems.stream().map(Problem::message).reduce((x, y) -> x + " " + y).orElse(""));
                continue;
            }
            List<String> changes = current == null ? List.of() : changes(draft, current, currentValues.get(current.name()));
            ImportPlan.ImportItem item = new ImportPlan.ImportItem(draft.name(), draft.type(), draft.description(), draft.tier(),
                    draft.dataType(), changes);
            if (current == null) {
                creates.add(item);
            } else if (changes.isEmpty()) {
                unchanged.add(draft.name());
            } else {
                updates.add(item);
            }
        }
        return new ImportPlan(creates, updates, unchanged, skipped);
    }

    /** Why an entry is skipped whatever AWS holds: no name, outside the folder, listed twice, no value, a name AWS refuses. */
    private static Optional<String> localSkipReason(ParameterExportFile.Entry entry, String folder, Set<String> seen) {
        if (entry.name().isEmpty()) {
            return Optional.of("no name.");
        }
        Optional<String> outside = ParameterExportFile.outside(entry.name(), folder);
        if (outside.isPresent()) {
            return outside;
        }
        if (!seen.add(entry.name())) {
            return Optional.of("listed more than once in the file; only the first is used.");
        }
        if (entry.secure() && !ParameterType.SECURE_STRING.awsName().equals(entry.type())) {
            return Optional.of("marked secure in the file but typed " + entry.type() + "; a secure entry is never imported as "
                    + entry.type() + ".");
        }
        if (entry.value().isEmpty()) {
            return Optional.of(entry.secure()
                    ? "SecureString values are never exported; set this one in Coffer."
                    : "no value in the file.");
        }
        List<Problem> name = ParameterRules.checkName(entry.name());
        return name.isEmpty() ? Optional.empty() : Optional.of(name.stream().map(Problem::message).collect(Collectors.joining(" ")));
    }

    /** Why an entry is skipped because of the parameter AWS holds under its name: a file never writes a SecureString. */
    private static Optional<String> existingSkipReason(ParameterExportFile.Entry entry, Parameter current) {
        if (current != null && (current.isSecure() || entry.secure())) {
            return Optional.of(current.isSecure()
                    ? "is a SecureString, which is never overwritten from a file."
                    : "a file never turns an existing parameter into a SecureString.");
        }
        return Optional.empty();
    }

    /**
     * The draft an entry (whose names {@link ParameterRules#checkNames} accepts) becomes: an
     * existing Advanced parameter stays Advanced and keeps its policies.
     */
    private ParameterDraft importDraft(ParameterExportFile.Entry entry, Parameter current) {
        ParameterTier tier = current != null && current.tier() == ParameterTier.ADVANCED ? ParameterTier.ADVANCED
                : ParameterStore.tier(entry.tier());
        return new ParameterDraft(entry.name(), ParameterStore.type(entry.type()), entry.value().orElseThrow(), entry.description(),
                ParameterStore.dataType(entry.dataType()), tier,
                Optional.empty(), entry.tags(), current == null ? ParameterPolicies.none() : ParameterStore.policiesOf(current));
    }

    /** What an update changes, in words and without values ("data type text → aws:ec2:image", "value"). */
    private List<String> changes(ParameterDraft draft, Parameter current, SecretText currentValue) {
        List<String> changes = new ArrayList<>();
        if (draft.type() != current.type()) {
            changes.add("type " + current.type() + " → " + draft.type());
        }
        if (draft.dataType() != current.dataType()) {
            changes.add("data type " + current.dataType() + " → " + draft.dataType());
        }
        if (draft.tier() != current.tier() && draft.tier() != ParameterTier.INTELLIGENT_TIERING) {
            changes.add("tier " + current.tier() + " → " + draft.tier());
        }
        if (!Objects.equals(draft.value(), currentValue)) {
            changes.add("value");
        }
        if (!draft.description().equals(current.description().orElse(""))) {
            changes.add("description");
        }
        if (!Set.copyOf(draft.tags()).equals(Set.copyOf(store.tags(current.name())))) {
            changes.add("tags");
        }
        return changes;
    }

    /**
     * Applies an import plan with the values from the same document: creates, then updates
     * (each with the conflict check of {@link ParameterStore#put}), reporting each to {@code progress}. Never
     * overwrites a SecureString, even if the parameter became one after planning. Returns one line
     * per item that failed ("name: reason"); the others are applied all the same.
     */
    public List<String> apply(ImportPlan plan, String json, Consumer<String> progress) {
        Consumer<String> report = progress == null ? message -> { } : progress;
        Map<String, ParameterExportFile.Entry> byName = new LinkedHashMap<>();
        for (ParameterExportFile.Entry e : ParameterExportFile.read(json)) {
            byName.putIfAbsent(e.name(), e);
        }
        List<String> failures = new ArrayList<>();
        int total = plan.creates().size() + plan.updates().size();
        int done = 0;
        for (ImportPlan.ImportItem item : plan.creates()) {
            done++;
            ParameterExportFile.Entry entry = byName.get(item.name());
            if (entry == null || entry.value().isEmpty()) {
                failures.add(item.name() + ": not in the file, or without a value.");
                continue;
            }
            try {
                store.put(importDraft(entry, null), OptionalLong.empty());
                report.accept("Created " + item.name() + " (" + done + " of " + total + ")");
            } catch (RuntimeException e) {
                failures.add(item.name() + ": " + AwsErrors.explain(e).summary());
            }
        }
        for (ImportPlan.ImportItem item : plan.updates()) {
            done++;
            ParameterExportFile.Entry entry = byName.get(item.name());
            if (entry == null || entry.value().isEmpty()) {
                failures.add(item.name() + ": not in the file, or without a value.");
                continue;
            }
            try {
                Optional<Parameter> current = store.describe(item.name());
                if (current.isPresent() && (current.get().isSecure() || entry.secure())) {
                    failures.add(item.name() + ": a SecureString is never overwritten from a file.");
                    continue;
                }
                store.put(importDraft(entry, current.orElse(null)),
                        current.map(p -> OptionalLong.of(p.version())).orElse(OptionalLong.empty()));
                report.accept("Updated " + item.name() + " (" + done + " of " + total + ")");
            } catch (RuntimeException e) {
                failures.add(item.name() + ": " + AwsErrors.explain(e).summary());
            }
        }
        return failures;
    }
}
