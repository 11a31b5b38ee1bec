package dev.coffer.kms;

import dev.coffer.aws.ClientFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * The KMS keys a SecureString or a secret can be encrypted with, for the key pickers of both
 * editors. Plain Java over the SDK; no UI types.
 */
public final class KeyCatalog {

    /** The largest page ListKeys allows. */
    public static final int KEYS_PAGE_SIZE = 1000;
    /** The largest page ListAliases allows. */
    public static final int ALIASES_PAGE_SIZE = 100;

    static final String AWS_ALIAS_PREFIX = "alias/aws/";

    /** Sort order: AWS managed defaults first, then by label (case-insensitive). */
    public static final Comparator<KmsKey> ORDER = Comparator.comparing((KmsKey k) -> !k.awsManaged())
            .thenComparing(k -> k.label().toLowerCase(Locale.ROOT))
            .thenComparing(KmsKey::keyId);

    private final ClientFactory clients;

    public KeyCatalog(ClientFactory clients) {
        this.clients = clients;
    }

    private KmsClient kms() {
        return clients.kms();
    }

    /**
     * Every key that can encrypt a parameter or a secret: the customer keys (ListKeys, then
     * DescribeKey for each; disabled keys and keys pending deletion are listed too, with
     * {@link KmsKey#usable()} false) and the AWS managed defaults named by {@code alias/aws/...}
     * aliases, even those whose key AWS has not created yet (no TargetKeyId). Keys that can not
     * encrypt a string (asymmetric, HMAC or signing keys: Parameter Store and Secrets Manager take
     * only symmetric encryption keys) are left out. Sorted AWS managed first, then by label.
     */
    public List<KmsKey> list() {
        List<AliasListEntry> aliases = aliases();
        Map<String, TreeSet<String>> aliasesByKey = new LinkedHashMap<>();
        for (AliasListEntry a : aliases) {
            if (a.targetKeyId() != null) {
                aliasesByKey.computeIfAbsent(a.targetKeyId(), k -> new TreeSet<>()).add(a.aliasName());
            }
        }
        List<KmsKey> result = new ArrayList<>();
        Set<String> listedKeyIds = new HashSet<>();
        for (KeyListEntry entry : keys()) {
            TreeSet<String> names = aliasesByKey.getOrDefault(entry.keyId(), new TreeSet<>());
            listedKeyIds.add(entry.keyId());
            if (names.stream().anyMatch(n -> n.startsWith(AWS_ALIAS_PREFIX))) {
                // An AWS managed default: always enabled and symmetric; no need to describe it.
                result.add(new KmsKey(entry.keyId(), entry.keyArn(), List.copyOf(names), KmsKey.ENABLED,
                        defaultDescription(names.first()), true));
                continue;
            }
            KeyMetadata meta;
            try {
                meta = kms().describeKey(b -> b.keyId(entry.keyId())).keyMetadata();
            } catch (NotFoundException gone) {
                continue; // deleted between ListKeys and DescribeKey
            } catch (AwsServiceException denied) {
                // e.g. a key policy that denies DescribeKey: still show the key, but not as usable.
                result.add(new KmsKey(entry.keyId(), entry.keyArn(), List.copyOf(names), "Unknown", "", false));
                continue;
            }
            if (!encryptsStrings(meta)) {
                continue;
            }
            result.add(new KmsKey(meta.keyId(), meta.arn(), List.copyOf(names), meta.keyStateAsString(),
                    meta.description(), meta.keyManager() == KeyManagerType.AWS));
        }
        for (AliasListEntry a : aliases) {
            if (!a.aliasName().startsWith(AWS_ALIAS_PREFIX)) {
                continue;
            }
            if (a.targetKeyId() != null && listedKeyIds.contains(a.targetKeyId())) {
                continue; // already listed with its key
            }
            String keyId = a.targetKeyId() == null ? a.aliasName() : a.targetKeyId();
            result.add(new KmsKey(keyId, a.aliasArn(), List.of(a.aliasName()), KmsKey.ENABLED,
                    defaultDescription(a.aliasName()), true));
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * {@link #list()}, or no key at all when AWS refuses to list them (no kms:ListKeys or
     * kms:ListAliases): a reader that can do without the list tells keys apart by their names.
     */
    public List<KmsKey> listIfAllowed() {
        try {
            return list();
        } catch (AwsServiceException refused) {
            return List.of();
        }
    }

    /**
     * The keys a picker for one service offers: every customer key, and of the AWS managed
     * defaults only that service's ({@code "ssm"} gives alias/aws/ssm, {@code "secretsmanager"}
     * gives alias/aws/secretsmanager).
     */
    public static List<KmsKey> forService(List<KmsKey> keys, String service) {
        String alias = AWS_ALIAS_PREFIX + service;
        return keys.stream().filter(k -> !k.awsManaged() || k.aliases().contains(alias)).toList();
    }

    private List<AliasListEntry> aliases() {
        List<AliasListEntry> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListAliasesResponse page = kms().listAliases(b -> b.limit(ALIASES_PAGE_SIZE).marker(m));
            all.addAll(page.aliases());
            marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return all;
    }

    private List<KeyListEntry> keys() {
        List<KeyListEntry> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListKeysResponse page = kms().listKeys(b -> b.limit(KEYS_PAGE_SIZE).marker(m));
            all.addAll(page.keys());
            marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return all;
    }

    private static boolean encryptsStrings(KeyMetadata meta) {
        boolean encrypts = meta.keyUsage() == null || meta.keyUsage() == KeyUsageType.ENCRYPT_DECRYPT;
        boolean symmetric = meta.keySpec() == null || meta.keySpec() == KeySpec.SYMMETRIC_DEFAULT;
        return encrypts && symmetric;
    }

    private static String defaultDescription(String alias) {
        String service = alias.startsWith(AWS_ALIAS_PREFIX) ? alias.substring(AWS_ALIAS_PREFIX.length()) : alias;
        return "AWS managed default key for " + service;
    }
}
