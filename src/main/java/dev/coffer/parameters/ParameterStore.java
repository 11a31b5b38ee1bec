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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * Parameter Store, as Coffer uses it: the one gateway to SSM for parameters (list, describe,
 * values, put, history, labels, delete, tags, references). Plain Java over the SDK; no UI types.
 * Workflows over it live apart: {@link ParameterCopy}, and export and import in {@code compare}.
 */
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
        return values(names, true);
    }

    /**
     * GetParameters, {@value #VALUE_BATCH_SIZE} names a call; a call AWS still throttles after the
     * client's retries is asked again (a batch is a one-page listing), so throttling only slows it.
     * Without decryption SecureStrings are left out.
     */
    private Map<String, SecretText> values(List<String> names, boolean decrypt) {
        Map<String, SecretText> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += VALUE_BATCH_SIZE) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + VALUE_BATCH_SIZE));
            resumingAfterThrottling(new ResumableListing<GetParametersResponse, software.amazon.awssdk.services.ssm.model.Parameter>(
                    "parameter values", clients, next -> ssm().getParameters(b -> b.names(batch).withDecryption(decrypt)),
                    GetParametersResponse::parameters, r -> null),
                    page -> page.stream().filter(p -> decrypt || !ParameterType.SECURE_STRING.awsName().equals(p.typeAsString()))
                            .forEach(p -> values.put(p.name(), SecretText.of(p.value()))), () -> false);
        }
        return values;
    }

    /**
     * Runs a listing that throttling only slows down: a page AWS still refuses after the client's
     * retries is asked again from its own token, never the listing from its first page. Any other
     * failure is thrown as the SDK gave it.
     */
    private static <R, T> void resumingAfterThrottling(ResumableListing<R, T> listing, Consumer<List<T>> onPage, BooleanSupplier cancelled) {
        try {
            listing.from(null, onPage, cancelled);
        } catch (ListingIncompleteException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Values of parameters that are not SecureStrings, without asking KMS for anything
     * (GetParameters without decryption, {@value #VALUE_BATCH_SIZE} names a call); SecureStrings are left out.
     */
    public Map<String, SecretText> plainValues(List<String> names) {
        return values(names, false);
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
        return new Parameter(m.name(), type(m.typeAsString()), tier(m.tierAsString()), dataType(m.dataType()),
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
        return new ParameterValue(p.name(), SecretText.of(p.value()), p.version() == null ? 0 : p.version(), type(p.typeAsString()),
                dataType(p.dataType()));
    }

    /**
     * Whether AWS shows this version of the parameter yet (GetParameter on {@code name:version},
     * without decryption): AWS checks some values, such as aws:ec2:image ones, after PutParameter
     * answered, and a version it rejected never shows.
     */
    public boolean hasVersion(String name, long version) {
        try {
            ssm().getParameter(b -> b.name(name + ":" + version));
            return true;
        } catch (ParameterNotFoundException | ParameterVersionNotFoundException notThere) {
            return false;
        }
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
            describePages(filter, page -> page.forEach(p -> found.put(p.name(), p)), () -> false);
        }
        return found;
    }

    /**
     * Every parameter in a folder and below it (DescribeParameters with a Path Recursive filter,
     * largest pages), sorted by name; the root "/" lists every parameter, also those whose names
     * have no leading slash.
     */
    public List<Parameter> describeUnder(String folderPath) {
        return describeUnder(folderPath, () -> false);
    }

    /** {@link #describeUnder(String)}, stopping between pages once {@code cancelled} says so. */
    public List<Parameter> describeUnder(String folderPath, BooleanSupplier cancelled) {
        List<Parameter> all = new ArrayList<>();
        describeUnder(folderPath, all::addAll, cancelled);
        all.sort(Comparator.comparing(Parameter::name));
        return all;
    }

    /**
     * {@link #describeUnder(String)} a page at a time, as AWS answers, so that what needs the
     * names (their values) can start before the last page.
     */
    public void describeUnder(String folderPath, Consumer<List<Parameter>> onPage, BooleanSupplier cancelled) {
        String path = folderPath == null ? "" : folderPath.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        ParameterStringFilter filter = path.isEmpty() ? null
                : ParameterStringFilter.builder().key("Path").option("Recursive").values(path.startsWith("/") ? path : "/" + path).build();
        describePages(filter, onPage, cancelled);
    }

    /** A filtered listing, going on after throttling from the page it refused (see {@link #resumingAfterThrottling}). */
    private void describePages(ParameterStringFilter filter, Consumer<List<Parameter>> onPage, BooleanSupplier cancelled) {
        resumingAfterThrottling(new ResumableListing<DescribeParametersResponse, Parameter>("parameters", clients, next -> {
            DescribeParametersRequest.Builder request = DescribeParametersRequest.builder().maxResults(LIST_PAGE_SIZE).nextToken(next);
            if (filter != null) {
                request.parameterFilters(filter);
            }
            return ssm().describeParameters(request.build());
        }, page -> page.parameters().stream().map(ParameterStore::toParameter).toList(), DescribeParametersResponse::nextToken),
                onPage, cancelled);
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
        return put(draft, expectedVersion, Optional.empty());
    }

    /**
     * {@link #put(ParameterDraft, OptionalLong)} for an update that must also find the parameter
     * last changed at {@code expectedModified}: a parameter deleted and created again (perhaps as a
     * SecureString) starts again at version 1, so the version alone cannot tell it from the one seen.
     */
    public long put(ParameterDraft draft, long expectedVersion, Instant expectedModified) {
        return put(draft, OptionalLong.of(expectedVersion), Optional.of(expectedModified));
    }

    private long put(ParameterDraft draft, OptionalLong expectedVersion, Optional<Instant> expectedModified) {
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
        if (existing.isEmpty() || existing.get().version() != expected
                || expectedModified.filter(m -> !m.equals(existing.get().lastModified())).isPresent()) {
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
            if (draft.type().awsName().equals(p.typeAsString()) && draft.value().equals(SecretText.of(p.value()))) {
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
                .type(draft.type().awsName())
                .value(draft.value().reveal())
                .dataType(draft.dataType().awsName())
                .tier(draft.tier().awsName());
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
        ParameterTier tier = now.tier() == ParameterTier.ADVANCED ? ParameterTier.ADVANCED : old.tier();
        ParameterDraft draft = new ParameterDraft(name, old.type(), old.value().orElseThrow(), old.description().orElse(""),
                old.dataType(), tier, old.isSecure() ? old.keyId() : Optional.empty(), tags(name), policiesOf(now));
        return put(draft, OptionalLong.of(now.version()));
    }

    // ---------------------------------------------------------------- deleting

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

    // ---------------------------------------------------------------- Secrets Manager references

    /**
     * A Secrets Manager secret's current value through Parameter Store
     * ({@value #SECRETS_MANAGER_REFERENCE}{@code <id>}, GetParameter with decryption).
     */
    public SecretText resolveSecretReference(String secretId) {
        return value(SECRETS_MANAGER_REFERENCE + secretId);
    }

    // ---------------------------------------------------------------- mapping

    /** A parameter's policies; none when AWS holds some Coffer cannot read. */
    static ParameterPolicies policiesOf(Parameter p) {
        try {
            return ParameterPolicies.parse(p.policiesJson());
        } catch (IllegalArgumentException unreadable) {
            return ParameterPolicies.none();
        }
    }

    static ParameterVersion toVersion(ParameterHistory h, boolean withValue) {
        return new ParameterVersion(h.version() == null ? 0 : h.version(), h.lastModifiedDate(), h.lastModifiedUser(),
                type(h.typeAsString()), tier(h.tierAsString()), dataType(h.dataType()),
                h.labels(), Optional.ofNullable(h.description()), Optional.ofNullable(h.keyId()), policiesJson(h.policies()),
                withValue && h.value() != null ? Optional.of(SecretText.of(h.value())) : Optional.empty());
    }

    // AWS's names (in its answers, the SDK's enums and export files) to Coffer's enums.

    static ParameterType type(String awsName) {
        return ParameterType.fromAws(awsName).orElseThrow(() -> unknown("type", awsName));
    }

    /** No tier means Standard, AWS's default. */
    static ParameterTier tier(String awsName) {
        return awsName == null ? ParameterTier.STANDARD : ParameterTier.fromAws(awsName).orElseThrow(() -> unknown("tier", awsName));
    }

    /** No data type means text: AWS leaves it out of parameters made before data types existed. */
    static ParameterDataType dataType(String awsName) {
        return awsName == null ? ParameterDataType.TEXT
                : ParameterDataType.fromAws(awsName).orElseThrow(() -> unknown("data type", awsName));
    }

    private static IllegalStateException unknown(String what, String awsName) {
        return new IllegalStateException("Unknown " + what + " \"" + awsName + "\": this version of Coffer does not know it.");
    }
}
