package dev.coffer.secrets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ListingIncompleteException;
import dev.coffer.aws.ReadBack;
import dev.coffer.aws.ResumableListing;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.aws.TagChange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

/** Secrets Manager, as Coffer uses it. Plain Java over the SDK; no UI types. */
public final class SecretStore {

    /** The largest page ListSecrets allows. */
    public static final int LIST_PAGE_SIZE = 100;
    /** The largest page ListSecretVersionIds allows. */
    public static final int VERSIONS_PAGE_SIZE = 100;
    /** The longest resource policy AWS takes (characters). */
    public static final int POLICY_MAX = 20480;
    /** The most secrets BatchGetSecretValue reads at once. */
    public static final int VALUE_BATCH_SIZE = 20;
    /** What an endpoint without BatchGetSecretValue answers (LocalStack, older emulators). */
    private static final Set<String> BATCH_UNSUPPORTED = Set.of("UnknownOperationException", "InvalidAction", "NotImplemented");

    private final ClientFactory clients;

    public SecretStore(ClientFactory clients) {
        this.clients = clients;
    }

    private SecretsManagerClient sm() {
        return clients.secretsManager();
    }

    /** Lists every secret (not those scheduled for deletion), a page at a time, until cancelled. */
    public int listAll(Consumer<List<Secret>> onPage, BooleanSupplier cancelled) {
        return listAll(onPage, cancelled, false);
    }

    /**
     * Lists every secret, {@value #LIST_PAGE_SIZE} a page, handing each page to {@code onPage} as
     * it arrives; with {@code includePlannedDeletion} also those scheduled for deletion (their
     * {@link Secret#deletedDate()} is set). Stops between pages once {@code cancelled} says so.
     * Returns the number of pages requested.
     */
    public int listAll(Consumer<List<Secret>> onPage, BooleanSupplier cancelled, boolean includePlannedDeletion) {
        return listFrom(null, onPage, cancelled, includePlannedDeletion);
    }

    /**
     * {@link #listAll(Consumer, BooleanSupplier, boolean)} from a page's NextToken (a
     * {@link ListingIncompleteException#resumeToken()}; null: from the start). Throttling only
     * slows it down; any other failure ends it with {@link ListingIncompleteException}.
     */
    public int listFrom(String token, Consumer<List<Secret>> onPage, BooleanSupplier cancelled, boolean includePlannedDeletion) {
        return new ResumableListing<ListSecretsResponse, Secret>("secrets", clients,
                next -> sm().listSecrets(b -> b.maxResults(LIST_PAGE_SIZE).nextToken(next)
                        .includePlannedDeletion(includePlannedDeletion ? Boolean.TRUE : null)),
                page -> page.secretList().stream().map(SecretStore::toSecret).toList(),
                ListSecretsResponse::nextToken)
                .from(token, onPage, cancelled);
    }

    /**
     * Every secret whose name starts with {@code prefix} (ListSecrets with a name filter,
     * {@value #LIST_PAGE_SIZE} a page), not those scheduled for deletion; an empty prefix lists all.
     * Stops between pages once {@code cancelled} says so.
     */
    public List<Secret> listNamed(String prefix, BooleanSupplier cancelled) {
        List<Secret> all = new ArrayList<>();
        new ResumableListing<ListSecretsResponse, Secret>("secrets", clients,
                next -> sm().listSecrets(b -> {
                    b.maxResults(LIST_PAGE_SIZE).nextToken(next);
                    if (!prefix.isEmpty()) {
                        b.filters(f -> f.key(FilterNameStringType.NAME).values(prefix));
                    }
                }),
                page -> page.secretList().stream().map(SecretStore::toSecret).toList(),
                ListSecretsResponse::nextToken)
                .from(null, all::addAll, cancelled);
        // AWS's name filter ignores case; the prefix counts as written.
        return all.stream().filter(secret -> secret.name().startsWith(prefix)).toList();
    }

    /**
     * The current values of secrets by name or ARN, {@value #VALUE_BATCH_SIZE} a call
     * (BatchGetSecretValue), with each one's version id. A secret that could not be read is
     * left out. Where the endpoint has no BatchGetSecretValue, each value is read with GetSecretValue.
     */
    public Map<String, CurrentValue> currentValues(List<String> ids, BooleanSupplier cancelled) {
        Map<String, CurrentValue> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ids.size() && !cancelled.getAsBoolean(); i += VALUE_BATCH_SIZE) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + VALUE_BATCH_SIZE));
            try {
                for (SecretValueEntry e : sm().batchGetSecretValue(b -> b.secretIdList(batch)).secretValues()) {
                    SecretContent content = e.secretString() != null ? SecretContent.parse(e.secretString())
                            : new SecretContent.Binary(e.secretBinary().asByteArray());
                    values.put(e.name(), new CurrentValue(e.versionId(), content));
                }
            } catch (AwsServiceException unsupported) {
                if (!BATCH_UNSUPPORTED.contains(unsupported.awsErrorDetails().errorCode())) {
                    throw unsupported;
                }
                for (String id : batch) {
                    values.put(id, currentValue(id));
                }
            }
        }
        return values;
    }

    public Secret describe(String id) {
        return toSecret(sm().describeSecret(b -> b.secretId(id)));
    }

    /**
     * Where a replicated secret is copied to, with each copy's status, AWS's message on it and its
     * KMS key (DescribeSecret; ListSecrets does not say).
     */
    public List<Replica> replicas(String id) {
        return replicas(sm().describeSecret(b -> b.secretId(id)));
    }

    /** The secret and its replicas from one DescribeSecret, for the details. */
    public Replication replication(String id) {
        DescribeSecretResponse d = sm().describeSecret(b -> b.secretId(id));
        return new Replication(toSecret(d), replicas(d));
    }

    private static List<Replica> replicas(DescribeSecretResponse d) {
        return d.replicationStatus().stream()
                .map(r -> new Replica(r.region(), r.statusAsString(), r.statusMessage() == null ? "" : r.statusMessage(),
                        Optional.ofNullable(r.kmsKeyId())))
                .sorted(Comparator.comparing(Replica::region)).toList();
    }

    /**
     * Replicates the secret to more regions, each copy encrypted with the key chosen for its
     * region (ReplicateSecretToRegions, sent to the primary's region, without overwriting a secret
     * of the same name there). Checked first with {@link ReplicationRules#check} against a fresh
     * DescribeSecret; a problem throws {@link InvalidDraftException} before anything is sent. The
     * call is not idempotent (a region added already is refused), so after a lost answer the
     * replicas are read back: every region listed counts as done.
     */
    public void replicate(String id, List<ReplicaTarget> targets) {
        Replication now = replication(id);
        requireValid(ReplicationRules.check(clients.session().region(), now.secret(), now.replicas(), targets));
        List<ReplicaRegionType> regions = targets.stream().map(t -> ReplicaRegionType.builder().region(t.region().trim())
                .kmsKeyId(t.kmsKeyId().filter(k -> !k.isBlank()).orElse(null)).build()).toList();
        Set<String> wanted = new LinkedHashSet<>(regions.stream().map(ReplicaRegionType::region).toList());
        ReadBack.send("replicating " + id + " to " + String.join(", ", wanted), () -> {
            sm().replicateSecretToRegions(b -> b.secretId(id).addReplicaRegions(regions).forceOverwriteReplicaSecret(false)
                    .overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> replicas(id).stream().map(Replica::region).toList().containsAll(wanted), true);
    }

    /**
     * Removes the replica in one region (RemoveRegionsFromReplication, to the primary's region):
     * AWS deletes the copy there; the primary is untouched. After a lost answer
     * the replicas are read back: the region gone counts as done.
     */
    public void removeReplica(String id, String region) {
        ReadBack.send("removing the replica of " + id + " in " + region, () -> {
            sm().removeRegionsFromReplication(b -> b.secretId(id).removeReplicaRegions(region)
                    .overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> replicas(id).stream().noneMatch(r -> r.region().equals(region)), true);
    }

    /** The current value; binary secrets come back as a short description, not their bytes. */
    public SecretValue value(String id) {
        GetSecretValueResponse r = sm().getSecretValue(b -> b.secretId(id).versionStage(SecretRules.AWSCURRENT));
        if (r.secretString() != null) {
            return SecretValue.text(SecretText.of(r.secretString()), r.versionId());
        }
        return SecretValue.binary(r.secretBinary().asByteArray(), r.versionId());
    }

    // ---------------------------------------------------------------- reading values and versions

    /**
     * The AWSCURRENT value with its version id (GetSecretValue), to start editing from. The stage
     * is named although it is AWS's default: moto keeps answering with the old version after a
     * roll back otherwise.
     */
    public CurrentValue currentValue(String id) {
        GetSecretValueResponse r = sm().getSecretValue(b -> b.secretId(id).versionStage(SecretRules.AWSCURRENT));
        return new CurrentValue(r.versionId(), content(r));
    }

    /** AWSCURRENT's version id, from DescribeSecret (reads no value). */
    public String currentVersionId(String id) {
        return currentVersionId(sm().describeSecret(b -> b.secretId(id))).orElse(null);
    }

    /**
     * Every version, including deprecated ones (ListSecretVersionIds with IncludeDeprecated,
     * {@value #VERSIONS_PAGE_SIZE} a page), newest first. With {@code withValues} each value is
     * fetched by version id (GetSecretValue); a version AWS dropped meanwhile comes without one.
     * Versions created at the same moment are ordered AWSPENDING, AWSCURRENT, AWSPREVIOUS, other
     * labelled ones, then deprecated ones.
     */
    public List<SecretVersion> versions(String id, boolean withValues) {
        List<SecretVersionsListEntry> entries = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSecretVersionIdsResponse page = sm().listSecretVersionIds(b -> b.secretId(id).includeDeprecated(true)
                    .maxResults(VERSIONS_PAGE_SIZE).nextToken(next));
            entries.addAll(page.versions());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        List<SecretVersion> versions = new ArrayList<>();
        for (SecretVersionsListEntry e : entries) {
            Optional<SecretContent> value = withValues ? versionValue(id, e.versionId()) : Optional.empty();
            versions.add(new SecretVersion(e.versionId(), e.versionStages(), Optional.ofNullable(e.createdDate()),
                    Optional.ofNullable(e.lastAccessedDate()), value));
        }
        versions.sort(Comparator.comparing((SecretVersion v) -> v.created().orElse(Instant.EPOCH)).reversed()
                .thenComparingInt(SecretStore::stageRank));
        return versions;
    }

    /**
     * One version's value (GetSecretValue by VersionId), for showing or comparing a single
     * version without fetching all; empty when AWS no longer has that version.
     */
    public Optional<SecretContent> versionValue(String id, String versionId) {
        try {
            return Optional.of(content(sm().getSecretValue(b -> b.secretId(id).versionId(versionId))));
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }

    private static int stageRank(SecretVersion v) {
        if (v.isPending()) {
            return 0;
        }
        if (v.isCurrent()) {
            return 1;
        }
        if (v.isPrevious()) {
            return 2;
        }
        return v.deprecated() ? 4 : 3;
    }

    /** The rotation settings (DescribeSecret). */
    public RotationStatus rotation(String id) {
        DescribeSecretResponse d = sm().describeSecret(b -> b.secretId(id));
        RotationRulesType rules = d.rotationRules();
        OptionalInt days = rules == null || rules.automaticallyAfterDays() == null || rules.automaticallyAfterDays() <= 0
                ? OptionalInt.empty() : OptionalInt.of(rules.automaticallyAfterDays().intValue());
        return new RotationStatus(Boolean.TRUE.equals(d.rotationEnabled()), Optional.ofNullable(d.rotationLambdaARN()), days,
                Optional.ofNullable(rules == null ? null : rules.scheduleExpression()),
                Optional.ofNullable(rules == null ? null : rules.duration()),
                Optional.ofNullable(d.lastRotatedDate()), Optional.ofNullable(d.nextRotationDate()));
    }

    // ---------------------------------------------------------------- creating and saving

    /** A fresh ClientRequestToken (a UUID): one per save, reused only to retry that same save. */
    public static String newRequestToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * Creates a secret (CreateSecret with SecretString or SecretBinary, description, KMS key and
     * tags) and returns its ARN. The draft is checked with {@link SecretRules#check} first; any
     * problem throws {@link InvalidDraftException} before anything is sent. The token becomes the
     * first version's id; retrying with the same token after a lost answer returns the ARN of the
     * secret that first call made instead of failing because the name exists.
     *
     * @param clientRequestToken 32-64 characters (see {@link #newRequestToken()}); null lets the SDK pick one
     */
    public String create(SecretDraft draft, String clientRequestToken) {
        requireValid(SecretRules.check(draft));
        checkToken(clientRequestToken);
        CreateSecretRequest.Builder request = CreateSecretRequest.builder().name(draft.name()).clientRequestToken(clientRequestToken);
        if (!draft.description().isEmpty()) {
            request.description(draft.description());
        }
        draft.kmsKeyId().ifPresent(request::kmsKeyId);
        if (!draft.tags().isEmpty()) {
            request.tags(sdkTags(draft.tags()));
        }
        if (draft.content() instanceof SecretContent.Binary binary) {
            request.secretBinary(SdkBytes.fromByteArray(binary.bytes()));
        } else {
            request.secretString(draft.content().secretString());
        }
        try {
            return sm().createSecret(request.build()).arn();
        } catch (ResourceExistsException exists) {
            if (clientRequestToken != null) {
                DescribeSecretResponse d = sm().describeSecret(b -> b.secretId(draft.name()));
                if (d.versionIdsToStages().containsKey(clientRequestToken)) {
                    return d.arn(); // our own earlier attempt made it
                }
            }
            throw exists;
        }
    }

    /**
     * Saves what changed between {@code original} (the draft the editor opened) and {@code draft},
     * and returns AWSCURRENT's version id afterwards.
     *
     * <p>The draft is checked with {@link SecretRules#check} first (and a changed name is refused:
     * secrets can't be renamed); any problem throws {@link InvalidDraftException} before anything
     * is sent. Then DescribeSecret: when AWSCURRENT is no longer {@code expectedCurrentVersionId}
     * (nor the version this same save made, on a retry) it throws
     * {@link SecretConflictException}; a secret that no longer exists is a conflict too. Then only
     * what differs is sent: description and KMS key with one UpdateSecret (before the value, so
     * a new value is encrypted with the new key); the value with PutSecretValue whose
     * ClientRequestToken is {@code clientRequestToken}, so retrying the same save after a lost
     * answer makes no second version; tags with UntagResource / TagResource (the user's changes
     * only, {@link TagChange#between} original and draft, so tags others changed meanwhile stay).
     *
     * @param clientRequestToken 32-64 characters, made once per save (see {@link #newRequestToken()})
     */
    public String update(String secretId, SecretDraft draft, String expectedCurrentVersionId, SecretDraft original,
                         String clientRequestToken) {
        List<Problem> problems = new ArrayList<>(SecretRules.check(draft));
        if (!draft.name().equals(original.name())) {
            problems.add(new Problem("name", "Secrets Manager can't rename a secret; create a new secret with the new name "
                    + "and delete this one."));
        }
        requireValid(problems);
        Objects.requireNonNull(clientRequestToken, "An update needs a client request token");
        checkToken(clientRequestToken);

        DescribeSecretResponse now;
        try {
            now = sm().describeSecret(b -> b.secretId(secretId));
        } catch (ResourceNotFoundException gone) {
            throw new SecretConflictException(original.name(), expectedCurrentVersionId, null, Optional.empty());
        }
        String current = currentVersionId(now).orElse(null);
        if (!Objects.equals(current, expectedCurrentVersionId) && !clientRequestToken.equals(current)) {
            throw new SecretConflictException(now.name(), expectedCurrentVersionId, current, Optional.ofNullable(now.lastChangedDate()));
        }

        boolean descriptionChanged = !draft.description().equals(original.description());
        boolean keyChanged = !normalKey(draft.kmsKeyId()).equals(normalKey(original.kmsKeyId()));
        if (descriptionChanged || keyChanged) {
            UpdateSecretRequest.Builder request = UpdateSecretRequest.builder().secretId(secretId);
            if (descriptionChanged) {
                request.description(draft.description());
            }
            if (keyChanged) {
                request.kmsKeyId(draft.kmsKeyId().orElse(SecretDraft.DEFAULT_KEY));
            }
            sm().updateSecret(request.build());
        }

        String result = current;
        if (!sameValue(draft.content(), original.content())) {
            PutSecretValueRequest.Builder put = PutSecretValueRequest.builder().secretId(secretId).clientRequestToken(clientRequestToken);
            if (draft.content() instanceof SecretContent.Binary binary) {
                put.secretBinary(SdkBytes.fromByteArray(binary.bytes()));
            } else {
                put.secretString(draft.content().secretString());
            }
            result = sm().putSecretValue(put.build()).versionId();
        }

        TagChange tags = TagChange.between(original.tags(), draft.tags());
        if (!tags.keysToRemove().isEmpty()) {
            sm().untagResource(b -> b.secretId(secretId).tagKeys(tags.keysToRemove()));
        }
        if (!tags.toAdd().isEmpty()) {
            sm().tagResource(b -> b.secretId(secretId).tags(sdkTags(tags.toAdd())));
        }
        return result;
    }

    /** Whether two values would store the same thing: the same bytes, or the same SecretString. */
    static boolean sameValue(SecretContent a, SecretContent b) {
        if (a.isBinary() || b.isBinary()) {
            return a.equals(b);
        }
        return a.secretString().equals(b.secretString());
    }

    private static String normalKey(Optional<String> key) {
        return key.filter(k -> !k.equals(SecretDraft.DEFAULT_KEY)).orElse("");
    }

    // ---------------------------------------------------------------- versions and labels

    /**
     * Makes an earlier version current again: UpdateSecretVersionStage moves AWSCURRENT to
     * {@code toVersionId} from the version that has it now; Secrets Manager itself then moves
     * AWSPREVIOUS to the version AWSCURRENT left. Nothing is sent when it is already current.
     */
    public void rollback(String id, String toVersionId) {
        String current = currentVersionId(sm().describeSecret(b -> b.secretId(id))).orElse(null);
        if (toVersionId.equals(current)) {
            return;
        }
        moveStage(id, SecretRules.AWSCURRENT, toVersionId, current);
    }

    /**
     * UpdateSecretVersionStage, not idempotent (sent again after it was applied, its
     * RemoveFromVersionId no longer holds the label and AWS refuses): after a lost answer the
     * secret is read back, and the move counts as done when {@code label} is on {@code toVersionId}
     * (or, to remove it, on no version).
     */
    private void moveStage(String id, String label, String toVersionId, String fromVersionId) {
        ReadBack.send((toVersionId == null ? "removing " : "moving ") + label + " of " + id, () -> {
            sm().updateSecretVersionStage(b -> b.secretId(id).versionStage(label).moveToVersionId(toVersionId)
                    .removeFromVersionId(fromVersionId).overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> Objects.equals(holderOf(sm().describeSecret(b -> b.secretId(id)).versionIdsToStages(), label), toVersionId), true);
    }

    /**
     * Puts a custom staging label on a version, taking it off the version that has it now (a label
     * is on one version at a time). Checked before any change is sent: the label's own rules
     * ({@link SecretRules#checkLabel}) and, for a label the secret does not carry yet, the limit
     * of {@value SecretRules#MAX_STAGING_LABELS} labels across versions (counted with one
     * DescribeSecret); a problem throws {@link InvalidDraftException}.
     */
    public void moveLabel(String id, String label, String toVersionId) {
        requireValid(SecretRules.checkLabel(label));
        Map<String, List<String>> stages = sm().describeSecret(b -> b.secretId(id)).versionIdsToStages();
        String holder = holderOf(stages, label);
        if (toVersionId.equals(holder)) {
            return;
        }
        requireValid(SecretRules.checkLabelCount(labelsOf(stages), label));
        moveStage(id, label, toVersionId, holder);
    }

    /**
     * Takes a staging label off the version that carries it (nothing is sent when none does).
     * AWSCURRENT can't be removed, only moved ({@link #rollback}): that throws
     * {@link InvalidDraftException} before anything is sent. A version left without labels is
     * deprecated and may be dropped by Secrets Manager.
     */
    public void removeLabel(String id, String label) {
        if (label == null || label.isEmpty()) {
            requireValid(SecretRules.checkLabel(label));
        }
        if (SecretRules.AWSCURRENT.equals(label)) {
            throw new InvalidDraftException(List.of(new Problem("label",
                    "AWSCURRENT can't be removed: a secret always has a current version. Roll back to move it to another version.")));
        }
        String holder = holderOf(sm().describeSecret(b -> b.secretId(id)).versionIdsToStages(), label);
        if (holder == null) {
            return;
        }
        moveStage(id, label, null, holder);
    }

    private static String holderOf(Map<String, List<String>> stages, String label) {
        return stages.entrySet().stream().filter(e -> e.getValue().contains(label)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static Set<String> labelsOf(Map<String, List<String>> stages) {
        Set<String> labels = new LinkedHashSet<>();
        stages.values().forEach(labels::addAll);
        return labels;
    }

    // ---------------------------------------------------------------- passwords

    /**
     * A random password from Secrets Manager (GetRandomPassword), to put into a field. The options
     * are checked first ({@link PasswordOptions#check()}; problems throw
     * {@link InvalidDraftException}). Never log the result.
     */
    public String randomPassword(PasswordOptions options) {
        requireValid(options.check());
        GetRandomPasswordResponse r = sm().getRandomPassword(b -> b.passwordLength((long) options.length())
                .excludeCharacters(options.excludeCharacters().isEmpty() ? null : options.excludeCharacters())
                .excludeNumbers(options.excludeNumbers())
                .excludePunctuation(options.excludePunctuation())
                .excludeUppercase(options.excludeUppercase())
                .excludeLowercase(options.excludeLowercase())
                .includeSpace(options.includeSpace())
                .requireEachIncludedType(options.requireEachIncludedType()));
        return r.randomPassword();
    }

    // ---------------------------------------------------------------- deleting

    /**
     * Schedules the secret for deletion after {@code recoveryWindowDays} (7-30, checked before
     * anything is sent: {@link InvalidDraftException}); until then {@link #restore} brings it
     * back, and its value can't be read.
     */
    public void delete(String id, int recoveryWindowDays) {
        requireValid(SecretRules.checkRecoveryWindow(recoveryWindowDays));
        ReadBack.send("scheduling the deletion of " + id, () -> {
            sm().deleteSecret(b -> b.secretId(id).recoveryWindowInDays((long) recoveryWindowDays)
                    .overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> describe(id).deletedDate() != null, true);
    }

    /** Deletes the secret at once, without any recovery window (ForceDeleteWithoutRecovery). */
    public void forceDelete(String id) {
        ReadBack.send("deleting " + id, () -> {
            sm().deleteSecret(b -> b.secretId(id).forceDeleteWithoutRecovery(true).overrideConfiguration(clients.writeOnce()));
            return true;
        }, () -> {
            try {
                sm().describeSecret(b -> b.secretId(id));
                return false;
            } catch (ResourceNotFoundException gone) {
                return true;
            }
        }, true);
    }

    /** Cancels a scheduled deletion (RestoreSecret). */
    public void restore(String id) {
        sm().restoreSecret(b -> b.secretId(id));
    }

    // ---------------------------------------------------------------- resource policy

    /** The secret's resource policy (GetResourcePolicy), or empty when it has none. */
    public Optional<String> resourcePolicy(String id) {
        return Optional.ofNullable(sm().getResourcePolicy(b -> b.secretId(id)).resourcePolicy()).filter(p -> !p.isBlank());
    }

    /**
     * Checks a policy: first locally that it is one JSON object of at most {@value #POLICY_MAX}
     * characters (a parse error reports its line and column, and nothing is sent), then with
     * ValidateResourcePolicy (a read; allowed in read-only mode).
     */
    public PolicyCheck validatePolicy(String id, String policyJson) {
        List<String> local = policyProblems(policyJson).stream().map(p -> "ERROR: " + p.message()).toList();
        if (!local.isEmpty()) {
            return new PolicyCheck(false, local);
        }
        ValidateResourcePolicyResponse r = sm().validateResourcePolicy(b -> b.secretId(id).resourcePolicy(policyJson));
        List<String> findings = new ArrayList<>();
        for (ValidationErrorsEntry e : r.validationErrors()) {
            String kind = e.checkName() == null || e.checkName().isBlank() ? "ERROR" : e.checkName().trim().toUpperCase(Locale.ROOT);
            findings.add(kind + ": " + (e.errorMessage() == null ? "(no message)" : e.errorMessage()));
        }
        boolean passed = Boolean.TRUE.equals(r.policyValidationPassed());
        return new PolicyCheck(passed && findings.isEmpty(), findings);
    }

    /**
     * Attaches a resource policy (PutResourcePolicy with BlockPublicPolicy, so AWS refuses
     * policies that open the secret broadly). A policy that is not one JSON object throws
     * {@link InvalidDraftException} (field "policy", with line and column) before anything is sent.
     */
    public void putResourcePolicy(String id, String policyJson) {
        requireValid(policyProblems(policyJson));
        sm().putResourcePolicy(b -> b.secretId(id).resourcePolicy(policyJson).blockPublicPolicy(true));
    }

    public void deleteResourcePolicy(String id) {
        sm().deleteResourcePolicy(b -> b.secretId(id));
    }

    /** Problems of a policy text before AWS sees it (field "policy"): empty, too long, not one JSON object. */
    static List<Problem> policyProblems(String policyJson) {
        List<Problem> problems = new ArrayList<>();
        if (policyJson == null || policyJson.isBlank()) {
            problems.add(new Problem("policy", "Enter a policy: a JSON object with Version and Statement."));
            return problems;
        }
        if (policyJson.length() > POLICY_MAX) {
            problems.add(new Problem("policy", "The policy is " + SecretRules.number(policyJson.length())
                    + " characters; Secrets Manager takes at most " + SecretRules.number(POLICY_MAX) + "."));
        }
        try (JsonParser p = SecretJson.FACTORY.createParser(policyJson)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                problems.add(new Problem("policy", "A policy is a JSON object ({ ... }), not " + describe(first) + "."));
                return problems;
            }
            p.skipChildren();
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem("policy", "Not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": more text after the policy's closing brace."));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new Problem("policy", "Not valid JSON" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem("policy", "Not valid JSON: " + e.getMessage()));
        }
        return problems;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "\"" + token.asString() + "\"";
        };
    }

    // ---------------------------------------------------------------- helpers

    private static void requireValid(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
    }

    private static void checkToken(String token) {
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw new IllegalArgumentException("A client request token has 32 to 64 characters (a UUID has 36), not " + token.length());
        }
    }

    private static Optional<String> currentVersionId(DescribeSecretResponse d) {
        return d.versionIdsToStages().entrySet().stream().filter(e -> e.getValue().contains(SecretRules.AWSCURRENT))
                .map(Map.Entry::getKey).findFirst();
    }

    private static SecretContent content(GetSecretValueResponse r) {
        if (r.secretString() != null) {
            return SecretContent.parse(r.secretString());
        }
        return new SecretContent.Binary(r.secretBinary() == null ? new byte[0] : r.secretBinary().asByteArray());
    }

    private static List<software.amazon.awssdk.services.secretsmanager.model.Tag> sdkTags(List<Tag> tags) {
        return tags.stream().map(t -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key(t.key())
                .value(t.value() == null ? "" : t.value()).build()).toList();
    }

    static Secret toSecret(SecretListEntry e) {
        return new Secret(e.name(), e.arn(), Optional.ofNullable(e.description()), Optional.ofNullable(e.kmsKeyId()),
                Optional.ofNullable(e.lastChangedDate()), Optional.ofNullable(e.lastAccessedDate()),
                Optional.ofNullable(e.createdDate()),
                Boolean.TRUE.equals(e.rotationEnabled()), Optional.ofNullable(e.rotationLambdaARN()),
                schedule(e.rotationRules()), everyDays(e.rotationRules()),
                Optional.ofNullable(e.lastRotatedDate()), Optional.ofNullable(e.nextRotationDate()),
                Optional.ofNullable(e.owningService()), Optional.ofNullable(e.deletedDate()),
                e.tags().stream().map(t -> new Tag(t.key(), t.value())).toList(),
                Map.copyOf(e.secretVersionsToStages()), Optional.ofNullable(e.primaryRegion()));
    }

    static Secret toSecret(DescribeSecretResponse e) {
        return new Secret(e.name(), e.arn(), Optional.ofNullable(e.description()), Optional.ofNullable(e.kmsKeyId()),
                Optional.ofNullable(e.lastChangedDate()), Optional.ofNullable(e.lastAccessedDate()),
                Optional.ofNullable(e.createdDate()),
                Boolean.TRUE.equals(e.rotationEnabled()), Optional.ofNullable(e.rotationLambdaARN()),
                schedule(e.rotationRules()), everyDays(e.rotationRules()),
                Optional.ofNullable(e.lastRotatedDate()), Optional.ofNullable(e.nextRotationDate()),
                Optional.ofNullable(e.owningService()), Optional.ofNullable(e.deletedDate()),
                e.tags().stream().map(t -> new Tag(t.key(), t.value())).toList(),
                Map.copyOf(e.versionIdsToStages()), Optional.ofNullable(e.primaryRegion()));
    }

    private static Optional<Integer> everyDays(RotationRulesType rules) {
        return rules == null || rules.automaticallyAfterDays() == null ? Optional.empty()
                : Optional.of(rules.automaticallyAfterDays().intValue());
    }

    private static Optional<String> schedule(RotationRulesType rules) {
        if (rules == null) {
            return Optional.empty();
        }
        if (rules.scheduleExpression() != null) {
            return Optional.of(rules.scheduleExpression());
        }
        if (rules.automaticallyAfterDays() != null) {
            return Optional.of("every " + rules.automaticallyAfterDays() + " days");
        }
        return Optional.empty();
    }
}
