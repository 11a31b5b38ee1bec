package dev.coffer.audit;

import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of an audit report, on one item's metadata. Pure: no AWS calls, no clock of its own. */
public final class Findings {

    /** The largest value a Standard parameter holds (bytes). */
    public static final int STANDARD_VALUE_MAX = 4096;

    private Findings() {
    }

    public static List<Finding> of(InventoryItem item, AuditSettings settings, Instant now) {
        List<Finding> found = new ArrayList<>();
        if (item.isSecret()) {
            if (item.deletionDate() != null) {
                return found; // scheduled for deletion: listed, nothing more to fix
            }
            rotation(item, now, found);
            Instant since = item.lastAccessed() != null ? item.lastAccessed() : item.created();
            if (since != null && since.isBefore(now.minus(Duration.ofDays(settings.notAccessedDays())))) {
                found.add(Finding.of(FindingKind.NOT_ACCESSED, item, item.lastAccessed() != null
                        ? "Last accessed " + day(item.lastAccessed()) + ", more than " + settings.notAccessedDays() + " days ago."
                        : "Never accessed since it was created on " + day(item.created()) + "."));
            }
        } else {
            if (!ParameterType.SECURE_STRING.awsName().equals(item.type()) && AuditSettings.CREDENTIAL_NAME.matcher(item.name()).matches()) {
                found.add(Finding.of(FindingKind.CREDENTIAL_AS_STRING, item, "Its name looks like a credential but it is a "
                        + item.type() + " parameter, stored unencrypted; make it a SecureString or a secret."));
            }
            if (item.expiration() != null) {
                if (!item.expiration().isAfter(now)) {
                    found.add(Finding.of(FindingKind.EXPIRED, item, "Its Expiration policy passed on " + day(item.expiration()) + "."));
                } else if (item.expiration().isBefore(now.plus(Duration.ofDays(settings.expiringDays())))) {
                    found.add(Finding.of(FindingKind.EXPIRING, item, "Its Expiration policy falls on " + day(item.expiration())
                            + ", within " + settings.expiringDays() + " days."));
                }
            }
            if (ParameterTier.ADVANCED.awsName().equals(item.tier()) && item.valueBytes() != null && item.valueBytes() <= STANDARD_VALUE_MAX
                    && (item.policies() == null || item.policies().isEmpty())) {
                found.add(Finding.of(FindingKind.ADVANCED_FITS_STANDARD, item, "Its value is " + item.valueBytes()
                        + " bytes and it has no policies: a Standard parameter would hold it at no charge."));
            }
        }
        if (InventoryItem.AWS_MANAGED.equals(item.keyManager()) && needsCustomerKey(item, settings)) {
            found.add(Finding.of(FindingKind.AWS_MANAGED_KEY, item, "Encrypted with the AWS managed key " + item.kmsKey()
                    + "; items " + customerKeyRule(settings) + " must use a customer managed key."));
        }
        if (item.tags() != null && !settings.requiredTags().isEmpty()) {
            List<String> missing = settings.requiredTags().stream().filter(k -> !item.tags().containsKey(k)).toList();
            if (!missing.isEmpty()) {
                found.add(Finding.of(FindingKind.MISSING_TAGS, item, "Missing tag" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "."));
            }
        }
        return found;
    }

    private static void rotation(InventoryItem item, Instant now, List<Finding> found) {
        if (!Boolean.TRUE.equals(item.rotationEnabled())) {
            found.add(Finding.of(FindingKind.ROTATION_OFF, item, "Automatic rotation is off"
                    + (item.lastRotated() == null ? "; it was never rotated." : "; last rotated " + day(item.lastRotated()) + ".")));
            return;
        }
        if (item.nextRotation() != null && item.nextRotation().isBefore(now)) {
            found.add(Finding.of(FindingKind.ROTATION_OVERDUE, item, "The next rotation was due on " + day(item.nextRotation()) + "."));
            return;
        }
        Instant since = item.lastRotated() != null ? item.lastRotated() : item.created();
        if (item.rotationEveryDays() != null && since != null
                && since.plus(Duration.ofDays(item.rotationEveryDays())).isBefore(now)) {
            found.add(Finding.of(FindingKind.ROTATION_OVERDUE, item, "Rotates every " + item.rotationEveryDays() + " days but "
                    + (item.lastRotated() == null ? "was never rotated since " + day(since) : "was last rotated on " + day(since)) + "."));
        }
    }

    static boolean needsCustomerKey(InventoryItem item, AuditSettings settings) {
        for (String prefix : settings.customerKeyPrefixes()) {
            if (item.name().startsWith(prefix)) {
                return true;
            }
        }
        String tag = settings.customerKeyTag();
        if (tag.isEmpty() || item.tags() == null) {
            return false;
        }
        int eq = tag.indexOf('=');
        Map<String, String> tags = item.tags();
        return eq < 0 ? tags.containsKey(tag) : tag.substring(eq + 1).equals(tags.get(tag.substring(0, eq)));
    }

    private static String customerKeyRule(AuditSettings settings) {
        List<String> rules = new ArrayList<>();
        if (!settings.customerKeyPrefixes().isEmpty()) {
            rules.add("under " + String.join(", ", settings.customerKeyPrefixes()));
        }
        if (!settings.customerKeyTag().isEmpty()) {
            rules.add("tagged " + settings.customerKeyTag());
        }
        return String.join(" or ", rules);
    }

    private static String day(Instant at) {
        return at == null ? "an unknown date" : at.toString().substring(0, 10);
    }
}
