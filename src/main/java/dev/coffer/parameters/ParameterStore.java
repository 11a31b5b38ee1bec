package dev.coffer.parameters;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.ListingIncompleteException;
import dev.coffer.aws.ReadBack;
import dev.coffer.aws.ResumableListing;
import dev.coffer.aws.WriteOutcomeUnknownException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.aws.TagChange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** Parameter Store, as Coffer uses it. Plain Java over the SDK; no UI types. */
public final class ParameterStore {

    /** The largest page DescribeParameters allows. */
    public static final int LIST_PAGE_SIZE = 50;
    /** The most names GetParameters takes at once. */
    public static final int VALUE_BATCH_SIZE = 10;
    /** The largest page GetParameterHistory allows. */
    public static final int HISTORY_PAGE_SIZE = 50;
    /** The most names DeleteParameters takes at once. */
    public static final int DELETE_BATCH_SIZE = 10;
    /** The most values one DescribeParameters filter takes. */
    public static final int FILTER_VALUES_MAX = 50;
    /** Where Parameter Store resolves Secrets Manager secrets. */
    public static final String SECRETS_MANAGER_REFERENCE = "/aws/reference/secretsmanager/";
    /** The key AWS uses for a SecureString when no other is chosen. */
    public static final String DEFAULT_KEY = "alias/aws/ssm";

    private final ClientFactory clients;

    public ParameterStore(ClientFactory clients) {
        this.clients = clients;
    }

    private SsmClient ssm() {
        return clients.ssm();
    }

    /**
     * Lists every parameter's metadata, handing each page to {@code onPage} as soon as it arrives.
     * Stops between pages once {@code cancelled} says so. Returns the number of pages requested.
     * Throttling only slows it down; any other failure ends it with
     * {@link ListingIncompleteException}, whose token {@link #listFrom} resumes from.
     */
    public int listAll(Consumer<List<Parameter>> onPage, BooleanSupplier cancelled) {
        return listFrom(null, onPage, cancelled);
    }

    /** {@link #listAll} from a page's NextToken (a {@link ListingIncompleteException#resumeToken()}); null: from the start. */
    public int listFrom(String token, Consumer<List<Parameter>> onPage, BooleanSupplier cancelled) {
        return new ResumableListing<DescribeParametersResponse, Parameter>("parameters", clients,
                next -> ssm().describeParameters(DescribeParametersRequest.builder().maxResults(LIST_PAGE_SIZE).nextToken(next).build()),
                page -> page.parameters().stream().map(ParameterStore::toParameter).toList(),
                DescribeParametersResponse::nextToken)
                .from(token, onPage, cancelled);
    }

    /** Decrypted values of up to any number of names, fetched {@value #VALUE_BATCH_SIZE} at a time. */
    public Map<String, SecretText> values(List<String> names) {
        Map<String, SecretText> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += VALUE_BATCH_SIZE) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + VALUE_BATCH_SIZE));
            GetParametersResponse r = ssm().getParameters(b -> b.names(batch).withDecryption(true));
            r.parameters().forEach(p -> values.put(p.name(), SecretText.of(p.value())));
        }
        return values;
    }

    /** One decrypted value (also resolves /aws/reference/secretsmanager/... names). */
    public SecretText value(String name) {
        return SecretText.of(ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
    }

    public List<Tag> tags(String name) {
        return ssm().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                .tagList().stream().map(t -> new Tag(t.key(), t.value())).toList();
    }

    /** The parameter's ARN, for copying. */
    public String arnOf(String name, String account) {
        String path = name.startsWith("/") ? name : "/" + name;
        return "arn:aws:ssm:" + clients.session().region() + ":" + account + ":parameter" + path;
    }

    static Parameter toParameter(ParameterMetadata m) {
        return new Parameter(m.name(), m.typeAsString(), m.tierAsString(),
                m.dataType() == null ? "text" : m.dataType(),
                m.version() == null ? 0 : m.version(),
                m.lastModifiedDate(), m.lastModifiedUser(),
                Optional.ofNullable(m.keyId()), Optional.ofNullable(m.description()),
                policiesJson(m.policies()));
    }

    private static String policiesJson(List<ParameterInlinePolicy> policies) {
        if (policies == null || policies.isEmpty()) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        policies.forEach(p -> texts.add(p.policyText()));
        return "[" + String.join(",", texts) + "]";
    }

    // ---------------------------------------------------------------- reading one parameter

    /** The current value, decrypted, with its version (GetParameter WithDecryption). */
    public ParameterValue current(String name) {
        software.amazon.awssdk.services.ssm.model.Parameter p = ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter();
        return new ParameterValue(p.name(), SecretText.of(p.value()), p.version() == null ? 0 : p.version(), p.typeAsString(),
                p.dataType() == null ? ParameterDraft.TEXT : p.dataType());
    }

    /** A parameter's metadata (DescribeParameters, Name Equals), or empty when it does not exist. */
    public Optional<Parameter> describe(String name) {
        return Optional.ofNullable(describeAll(List.of(name)).get(name));
    }

    /**
     * The metadata of the named parameters that exist, by name: DescribeParameters with a Name
     * Equals filter of up to {@value #FILTER_VALUES_MAX} names a request, in pages of
     * {@value #LIST_PAGE_SIZE}.
     */
    public Map<String, Parameter> describeAll(Collection<String> names) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        Map<String, Parameter> found = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i += FILTER_VALUES_MAX) {
            List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + FILTER_VALUES_MAX));
            ParameterStringFilter filter = ParameterStringFilter.builder().key("Name").option("Equals").values(batch).build();
            describePages(filter, page -> page.forEach(p -> found.put(p.name(), p)));
        }
        return found;
    }

    /**
     * Every parameter in a folder and below it (DescribeParameters with a Path Recursive filter,
     * largest pages), sorted by name; the root "/" lists every parameter, also those whose names
     * have no leading slash.
     */
    public List<Parameter> describeUnder(String folderPath) {
        String path = folderPath == null ? "" : folderPath.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        ParameterStringFilter filter = path.isEmpty() ? null
                : ParameterStringFilter.builder().key("Path").option("Recursive").values(path.startsWith("/") ? path : "/" + path).build();
        List<Parameter> all = new ArrayList<>();
        describePages(filter, all::addAll);
        all.sort(Comparator.comparing(Parameter::name));
        return all;
    }

    private void describePages(ParameterStringFilter filter, Consumer<List<Parameter>> onPage) {
        String token = null;
        do {
            DescribeParametersRequest.Builder request = DescribeParametersRequest.builder().maxResults(LIST_PAGE_SIZE).nextToken(token);
            if (filter != null) {
                request.parameterFilters(filter);
            }
            DescribeParametersResponse page = ssm().describeParameters(request.build());
            onPage.accept(page.parameters().stream().map(ParameterStore::toParameter).toList());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
    }

    // ---------------------------------------------------------------- saving

    /**
     * Creates or updates a parameter and returns its new version.
     *
     * <p>The draft is checked with {@link ParameterRules} first; any problem throws
     * {@link InvalidDraftException} before anything is sent. Creating ({@code expectedVersion}
     * empty) sends Overwrite=false with the tags; when the name exists meanwhile it throws
     * {@link ParameterConflictException} with expected version 0. Updating first reads the
     * parameter: when its version is no longer {@code expectedVersion} (or it was deleted) it
     * throws {@link ParameterConflictException}; then it checks the rules that depend on the
     * current parameter (Advanced can't become Standard), sends Overwrite=true, and changes the
     * tags with RemoveTagsFromResource / AddTagsToResource (AWS takes no tags with Overwrite).
     * Policies are sent when the draft has some, and {@code [{}]} when the parameter had some and
     * the draft has none; otherwise they are left alone. A SecureString without a key is sent
     * with {@value #DEFAULT_KEY}, so the key is always the one the draft shows.
     */
    public long put(ParameterDraft draft, OptionalLong expectedVersion) {
        Instant now = Instant.now();
        List<Problem> problems = ParameterRules.check(draft, Optional.empty(), now);
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        if (expectedVersion.isEmpty()) {
            return create(draft);
        }
        long expected = expectedVersion.getAsLong();
        Optional<Parameter> existing = describe(draft.name());
        if (existing.isEmpty() || existing.get().version() != expected) {
            throw new ParameterConflictException(draft.name(), expected, existing.orElse(null));
        }
        problems = ParameterRules.check(draft, existing, now);
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        TagChange tagChange = TagChange.between(tags(draft.name()), draft.tags());
        PutParameterRequest.Builder request = request(draft).overwrite(true).description(draft.description());
        policiesToSend(draft.policies(), existing).ifPresent(request::policies);
        long version = putOnce(request.build(), draft, expected);
        applyTags(draft.name(), tagChange);
        return version;
    }

    private long create(ParameterDraft draft) {
        PutParameterRequest.Builder request = request(draft).overwrite(false);
        if (!draft.description().isEmpty()) {
            request.description(draft.description());
        }
        if (!draft.tags().isEmpty()) {
            request.tags(draft.tags().stream()
                    .map(t -> software.amazon.awssdk.services.ssm.model.Tag.builder().key(t.key()).value(t.value()).build()).toList());
        }
        if (!draft.policies().isEmpty()) {
            request.policies(draft.policies().toJson());
        }
        return putOnce(request.build(), draft, 0);
    }

    /**
     * Sends a PutParameter exactly once in effect. The SDK retries it only when AWS certainly did
     * not apply it ({@link ClientFactory#writeOnce()}). When the answer is lost otherwise (the
     * connection broke after sending, no answer in time, a server error), the parameter is read
     * back: version {@code expected + 1} with the draft's value and type is this save (the version
     * is returned); no such version and the parameter still at {@code expected} means it was not
     * applied, and it is sent again; anything else is someone else's change
     * ({@link ParameterConflictException}). When even reading back fails, the outcome is unknown
     * ({@link WriteOutcomeUnknownException}).
     *
     * @param expected the version the save starts from; 0 to create the parameter
     */
    private long putOnce(PutParameterRequest request, ParameterDraft draft, long expected) {
        PutParameterRequest once = request.toBuilder().overrideConfiguration(clients.writeOnce()).build();
        RuntimeException notApplied = null;
        for (int round = 0; round < ReadBack.ROUNDS; round++) {
            try {
                return ssm().putParameter(once).version();
            } catch (ParameterAlreadyExistsException exists) {
                throw new ParameterConflictException(draft.name(), 0, describe(draft.name()).orElse(null));
            } catch (RuntimeException e) {
                if (!AwsErrors.outcomeUnknown(e)) {
                    throw e;
                }
                OptionalLong saved = readBack(draft, expected, e);
                if (saved.isPresent()) {
                    return saved.getAsLong();
                }
                notApplied = e;
            }
        }
        throw notApplied;
    }

    /**
     * What became of a PutParameter whose answer was lost: the version it made, or empty when
     * AWS did not apply it.
     *
     * @throws ParameterConflictException when someone else's change is there instead
     * @throws WriteOutcomeUnknownException when the parameter cannot be read back either
     */
    private OptionalLong readBack(ParameterDraft draft, long expected, RuntimeException lost) {
        long mine = expected + 1;
        try {
            software.amazon.awssdk.services.ssm.model.Parameter p;
            try {
                p = ssm().getParameter(b -> b.name(draft.name() + ":" + mine).withDecryption(true)).parameter();
            } catch (ParameterNotFoundException | ParameterVersionNotFoundException noSuchVersion) {
                Optional<Parameter> now = describe(draft.name());
                long current = now.map(Parameter::version).orElse(0L);
                if (current == expected) {
                    return OptionalLong.empty();
                }
                throw new ParameterConflictException(draft.name(), expected, now.orElse(null));
            }
            if (draft.type().equals(p.typeAsString()) && draft.value().equals(SecretText.of(p.value()))) {
                return OptionalLong.of(mine);
            }
            throw new ParameterConflictException(draft.name(), expected, describe(draft.name()).orElse(null));
        } catch (ParameterConflictException conflict) {
            throw conflict;
        } catch (RuntimeException readFailure) {
            WriteOutcomeUnknownException unknown = new WriteOutcomeUnknownException("saving " + draft.name(), lost);
            unknown.addSuppressed(readFailure);
            throw unknown;
        }
    }

    private static PutParameterRequest.Builder request(ParameterDraft draft) {
        PutParameterRequest.Builder request = PutParameterRequest.builder()
                .name(draft.name())
                .type(draft.type())
                .value(draft.value().reveal())
                .dataType(draft.dataType())
                .tier(draft.tier());
        if (draft.isSecure()) {
            request.keyId(draft.keyId().orElse(DEFAULT_KEY));
        }
        return request;
    }

    /**
     * The Policies to send with an update: the draft's when it has some; {@code [{}]} (remove
     * all) when it has none and the parameter has some; nothing when neither has any.
     */
    static Optional<String> policiesToSend(ParameterPolicies policies, Optional<Parameter> existing) {
        if (!policies.isEmpty()) {
            return Optional.of(policies.toJson());
        }
        boolean hadPolicies = existing.map(p -> {
            try {
                return !ParameterPolicies.parse(p.policiesJson()).isEmpty();
            } catch (IllegalArgumentException unreadable) {
                return !p.policiesJson().isBlank();
            }
        }).orElse(false);
        return hadPolicies ? Optional.of(ParameterPolicies.CLEAR_JSON) : Optional.empty();
    }

    private void applyTags(String name, TagChange change) {
        if (!change.keysToRemove().isEmpty()) {
            ssm().removeTagsFromResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
                    .tagKeys(change.keysToRemove()));
        }
        if (!change.toAdd().isEmpty()) {
            ssm().addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
                    .tags(change.toAdd().stream()
                            .map(t -> software.amazon.awssdk.services.ssm.model.Tag.builder().key(t.key()).value(t.value()).build())
                            .toList()));
        }
    }

    // ---------------------------------------------------------------- history and labels

    /**
     * Every version AWS keeps (GetParameterHistory, {@value #HISTORY_PAGE_SIZE} a page), newest
     * first; with values decrypted when {@code withValues}, otherwise without any value.
     */
    public List<ParameterVersion> history(String name, boolean withValues) {
        List<ParameterVersion> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetParameterHistoryResponse page = ssm().getParameterHistory(b -> b.name(name).withDecryption(withValues)
                    .maxResults(HISTORY_PAGE_SIZE).nextToken(t));
            page.parameters().forEach(h -> all.add(toVersion(h, withValues)));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        all.sort(Comparator.comparingLong(ParameterVersion::version).reversed());
        return all;
    }

    /** {@link VersionLimitWarning#oldestVersionLabelWarning} for a parameter's history. */
    public Optional<String> versionLimitWarning(String name) {
        return VersionLimitWarning.oldestVersionLabelWarning(history(name, false));
    }

    /**
     * Puts labels on a version (LabelParameterVersion; a label moves from any other version).
     * Checks the labels with {@link LabelRules} first. Returns the labels AWS refused (InvalidLabels).
     */
    public List<String> label(String name, long version, List<String> labels) {
        List<Problem> problems = LabelRules.check(labels, List.of());
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        return ReadBack.send("labelling version " + version + " of " + name,
                () -> List.copyOf(ssm().labelParameterVersion(b -> b.name(name).parameterVersion(version).labels(labels)
                        .overrideConfiguration(clients.writeOnce())).invalidLabels()),
                () -> labelsOf(name, version).containsAll(labels), List.of());
    }

    /** Removes labels from a version (UnlabelParameterVersion). */
    public void unlabel(String name, long version, List<String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        ReadBack.send("removing labels from version " + version + " of " + name, () -> {
            ssm().unlabelParameterVersion(b -> b.name(name).parameterVersion(version).labels(labels)
                    .overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> labelsOf(name, version).stream().noneMatch(labels::contains), true);
    }

    private List<String> labelsOf(String name, long version) {
        return history(name, false).stream().filter(v -> v.version() == version).findFirst()
                .map(ParameterVersion::labels).orElse(List.of());
    }

    /**
     * Puts an old version's value, type, description, data type and key back as a new version
     * and returns it. Tags and policies stay as they are now, and so does an Advanced tier.
     *
     * @throws NoSuchElementException when the parameter or that version is gone
     */
    public long restore(String name, long version) {
        ParameterVersion old = history(name, true).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Version " + version + " of " + name
                        + " is not in its history (AWS keeps the last " + VersionLimitWarning.MAX_VERSIONS + " versions)."));
        Parameter now = describe(name).orElseThrow(() -> new NoSuchElementException(name + " no longer exists."));
        String tier = ParameterDraft.ADVANCED.equals(now.tier()) ? ParameterDraft.ADVANCED : old.tier();
        ParameterDraft draft = new ParameterDraft(name, old.type(), old.value().orElseThrow(), old.description().orElse(""),
                old.dataType(), tier, old.isSecure() ? old.keyId() : Optional.empty(), tags(name), policiesOf(now));
        return put(draft, OptionalLong.of(now.version()));
    }

    // ---------------------------------------------------------------- deleting, copying, moving

    /**
     * Deletes parameters ({@value #DELETE_BATCH_SIZE} names a DeleteParameters call) and returns
     * the names AWS reported as invalid (not deleted, usually because they no longer exist).
     */
    public List<String> delete(List<String> names) {
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < names.size(); i += DELETE_BATCH_SIZE) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + DELETE_BATCH_SIZE));
            invalid.addAll(ReadBack.send("deleting " + String.join(", ", batch),
                    () -> ssm().deleteParameters(b -> b.names(batch).overrideConfiguration(clients.writeOnce())).invalidParameters(),
                    () -> describeAll(batch).isEmpty(), List.of()));
        }
        return invalid;
    }

    /**
     * Plans copying parameters to new names by replacing the leading {@code fromPrefix} of each
     * name with {@code toPrefix} ("/apps/billing" to "/apps/invoicing" renames
     * "/apps/billing/url" to "/apps/invoicing/url"). Sends nothing.
     *
     * @throws InvalidDraftException when a name is not under the prefix, a new name breaks the
     *                               name rules, two names would become one, or a new name is also a source
     */
    public CopyPlan planCopy(List<String> names, String fromPrefix, String toPrefix) {
        List<Problem> problems = new ArrayList<>();
        List<CopyPlan.Move> moves = new ArrayList<>();
        Set<String> sources = new HashSet<>(names);
        Set<String> targets = new HashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (!name.startsWith(fromPrefix)) {
                problems.add(new Problem("name", name + " is not under " + fromPrefix + "."));
                continue;
            }
            String target = toPrefix + name.substring(fromPrefix.length());
            for (Problem p : ParameterRules.checkName(target)) {
                problems.add(new Problem("name", target + ": " + p.message()));
            }
            if (target.equals(name)) {
                problems.add(new Problem("name", name + " would be copied onto itself."));
            } else if (sources.contains(target)) {
                problems.add(new Problem("name", target + " is both copied and a copy's new name; copy in two steps."));
            }
            if (!targets.add(target)) {
                problems.add(new Problem("name", "Two parameters would both become " + target + "."));
            }
            moves.add(new CopyPlan.Move(name, target));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        return new CopyPlan(moves);
    }

    /** The planned new names that already exist. */
    public List<String> existingTargets(CopyPlan plan) {
        return describeAll(plan.targets()).keySet().stream().sorted().toList();
    }

    /** {@link #copy(CopyPlan, boolean, boolean, Consumer)} that refuses to overwrite existing parameters. */
    public void copy(CopyPlan plan, boolean deleteSources, Consumer<String> progress) {
        copy(plan, deleteSources, false, progress);
    }

    /**
     * Copies (or, with {@code deleteSources}, moves) parameters as planned: type, value,
     * description, tier, data type, KMS key and tags (not policies). Everything is read and
     * checked first; then every put is sent; the sources are deleted only after every put
     * succeeded.
     *
     * @param overwriteExisting whether new names that already exist may be overwritten (they keep
     *                          their policies, and an Advanced one stays Advanced); without it
     *                          existing targets throw {@link CopyTargetsExistException} before
     *                          anything is written
     * @throws CopyIncompleteException when a put fails part way; nothing is deleted then
     * @throws NoSuchElementException when a source no longer exists (nothing is written)
     */
    public void copy(CopyPlan plan, boolean deleteSources, boolean overwriteExisting, Consumer<String> progress) {
        Consumer<String> report = progress == null ? message -> { } : progress;
        if (plan.isEmpty()) {
            return;
        }
        Map<String, Parameter> sources = describeAll(plan.sources());
        List<String> missing = plan.sources().stream().filter(n -> !sources.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new NoSuchElementException("No longer there: " + String.join(", ", missing) + ". Nothing was copied.");
        }
        Map<String, Parameter> targets = describeAll(plan.targets());
        if (!targets.isEmpty() && !overwriteExisting) {
            throw new CopyTargetsExistException(targets.keySet().stream().sorted().toList());
        }
        Map<String, SecretText> values = values(plan.sources());
        List<ParameterDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (CopyPlan.Move move : plan.moves()) {
            Parameter source = sources.get(move.from());
            Parameter target = targets.get(move.to());
            SecretText value = values.get(move.from());
            if (value == null) {
                throw new NoSuchElementException("No longer there: " + move.from() + ". Nothing was copied.");
            }
            String tier = target != null && ParameterDraft.ADVANCED.equals(target.tier()) ? ParameterDraft.ADVANCED : source.tier();
            ParameterDraft draft = new ParameterDraft(move.to(), source.type(), value, source.description().orElse(""), source.dataType(),
                    tier, source.isSecure() ? source.keyId() : Optional.empty(), tags(move.from()),
                    target == null ? ParameterPolicies.none() : policiesOf(target));
            ParameterRules.check(draft, Optional.ofNullable(target)).forEach(p ->
                    problems.add(new Problem(p.field(), move.to() + ": " + p.message())));
            drafts.add(draft);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        List<CopyPlan.Move> copied = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            CopyPlan.Move move = plan.moves().get(i);
            Parameter target = targets.get(move.to());
            try {
                put(drafts.get(i), target == null ? OptionalLong.empty() : OptionalLong.of(target.version()));
            } catch (RuntimeException e) {
                throw new CopyIncompleteException(copied, move, e);
            }
            copied.add(move);
            report.accept("Copied " + move.from() + " → " + move.to() + " (" + copied.size() + " of " + drafts.size() + ")");
        }
        if (deleteSources) {
            List<String> notDeleted = delete(plan.sources());
            report.accept("Deleted " + (plan.moves().size() - notDeleted.size()) + " of " + plan.moves().size() + " old names");
            if (!notDeleted.isEmpty()) {
                report.accept("Not deleted: " + String.join(", ", notDeleted));
            }
        }
    }

    // ---------------------------------------------------------------- export and import

    /**
     * The parameters of a folder (and below) as a Coffer export document (see
     * {@link ParameterExportFile}). SecureString values are never read nor written: they are
     * exported with {@code "value": null, "secure": true}. Policies are not exported.
     */
    public String export(String folderPath) {
        List<Parameter> parameters = describeUnder(folderPath);
        List<String> plain = parameters.stream().filter(p -> !p.isSecure()).map(Parameter::name).toList();
        Map<String, SecretText> values = plainValues(plain);
        return ParameterExportFile.write(folderPath, parameters, values, this::tags);
    }

    /** Writes {@link #export} of a folder to a file only its owner can read. */
    public void exportTo(String folderPath, Path file) throws IOException {
        ParameterExportFile.save(file, export(folderPath));
    }

    /**
     * Reads an export file for {@link #planImport}, refusing one larger than 10 MB before reading it.
     *
     * @throws IllegalArgumentException when the file is too large
     */
    public static String readExport(Path file) throws IOException {
        return ParameterExportFile.load(file);
    }

    /**
     * Values of parameters that are not SecureStrings, without asking KMS for anything
     * (GetParameters without decryption, {@value #VALUE_BATCH_SIZE} names a call); SecureStrings are left out.
     */
    public Map<String, SecretText> plainValues(List<String> names) {
        Map<String, SecretText> values = new HashMap<>();
        for (int i = 0; i < names.size(); i += VALUE_BATCH_SIZE) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + VALUE_BATCH_SIZE));
            GetParametersResponse r = ssm().getParameters(b -> b.names(batch).withDecryption(false));
            r.parameters().stream().filter(p -> !ParameterDraft.SECURE_STRING.equals(p.typeAsString()))
                    .forEach(p -> values.put(p.name(), SecretText.of(p.value())));
        }
        return values;
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
    public ImportPlan planImport(String json, String folder) {
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
        Map<String, Parameter> existing = describeAll(valid);
        Map<String, SecretText> currentValues = plainValues(existing.values().stream().filter(p -> !p.isSecure()).map(Parameter::name).toList());
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
        if (entry.secure() && !ParameterDraft.SECURE_STRING.equals(entry.type())) {
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

    /** The draft an entry becomes: an existing Advanced parameter stays Advanced and keeps its policies. */
    private ParameterDraft importDraft(ParameterExportFile.Entry entry, Parameter current) {
        String tier = current != null && ParameterDraft.ADVANCED.equals(current.tier()) ? ParameterDraft.ADVANCED : entry.tier();
        return new ParameterDraft(entry.name(), entry.type(), entry.value().orElseThrow(), entry.description(), entry.dataType(), tier,
                Optional.empty(), entry.tags(), current == null ? ParameterPolicies.none() : policiesOf(current));
    }

    /** What an update changes, in words and without values ("data type text → aws:ec2:image", "value"). */
    private List<String> changes(ParameterDraft draft, Parameter current, SecretText currentValue) {
        List<String> changes = new ArrayList<>();
        if (!draft.type().equals(current.type())) {
            changes.add("type " + current.type() + " → " + draft.type());
        }
        if (!draft.dataType().equals(current.dataType())) {
            changes.add("data type " + current.dataType() + " → " + draft.dataType());
        }
        if (!draft.tier().equals(current.tier()) && !ParameterDraft.INTELLIGENT_TIERING.equals(draft.tier())) {
            changes.add("tier " + current.tier() + " → " + draft.tier());
        }
        if (!Objects.equals(draft.value(), currentValue)) {
            changes.add("value");
        }
        if (!draft.description().equals(current.description().orElse(""))) {
            changes.add("description");
        }
        if (!Set.copyOf(draft.tags()).equals(Set.copyOf(tags(current.name())))) {
            changes.add("tags");
        }
        return changes;
    }

    /**
     * Applies an import plan with the values from the same document: creates, then updates
     * (each with the conflict check of {@link #put}), reporting each to {@code progress}. Never
     * overwrites a SecureString, even if the parameter became one after planning. Returns one line
     * per item that failed ("name: reason"); the others are applied all the same.
     */
    public List<String> applyImport(ImportPlan plan, String json, Consumer<String> progress) {
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
                put(importDraft(entry, null), OptionalLong.empty());
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
                Optional<Parameter> current = describe(item.name());
                if (current.isPresent() && (current.get().isSecure() || entry.secure())) {
                    failures.add(item.name() + ": a SecureString is never overwritten from a file.");
                    continue;
                }
                put(importDraft(entry, current.orElse(null)),
                        current.map(p -> OptionalLong.of(p.version())).orElse(OptionalLong.empty()));
                report.accept("Updated " + item.name() + " (" + done + " of " + total + ")");
            } catch (RuntimeException e) {
                failures.add(item.name() + ": " + AwsErrors.explain(e).summary());
            }
        }
        return failures;
    }


    // ---------------------------------------------------------------- Secrets Manager references

    /**
     * A Secrets Manager secret's current value through Parameter Store
     * ({@value #SECRETS_MANAGER_REFERENCE}{@code <id>}, GetParameter with decryption).
     */
    public SecretText resolveSecretReference(String secretId) {
        return value(SECRETS_MANAGER_REFERENCE + secretId);
    }

    // ---------------------------------------------------------------- mapping

    private static ParameterPolicies policiesOf(Parameter p) {
        try {
            return ParameterPolicies.parse(p.policiesJson());
        } catch (IllegalArgumentException unreadable) {
            return ParameterPolicies.none();
        }
    }

    static ParameterVersion toVersion(ParameterHistory h, boolean withValue) {
        return new ParameterVersion(h.version() == null ? 0 : h.version(), h.lastModifiedDate(), h.lastModifiedUser(),
                h.typeAsString(), h.tierAsString(), h.dataType() == null ? ParameterDraft.TEXT : h.dataType(),
                h.labels(), Optional.ofNullable(h.description()), Optional.ofNullable(h.keyId()), policiesJson(h.policies()),
                withValue && h.value() != null ? Optional.of(SecretText.of(h.value())) : Optional.empty());
    }
}
