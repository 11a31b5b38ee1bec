package dev.coffer.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an audit report checks against; set in the report window or with the audit command's options.
 *
 * @param requiredTags        tag keys every parameter and secret must carry (parameter tags are
 *                            only fetched, one ListTagsForResource call each, when this or
 *                            {@code customerKeyTag} is set)
 * @param notAccessedDays     a secret not read for this many days is reported
 * @param expiringDays        a parameter whose Expiration policy falls within this many days is reported
 * @param customerKeyPrefixes names (parameters or secrets) under these prefixes must use a customer KMS key
 * @param customerKeyTag      items carrying this tag ("Key" or "Key=Value") must use a customer KMS key; "" for none
 * @param parameterTags       read every parameter's tags even when no check needs them
 * @param scanConsumers       run the where-used scan of each connection (stacks and their templates, launch
 *                            templates, Lambda functions, ECS task definitions, String parameters' values):
 *                            the consumer counts and the findings that need them; off for a quicker report
 */
public record AuditSettings(List<String> requiredTags, int notAccessedDays, int expiringDays,
                            List<String> customerKeyPrefixes, String customerKeyTag, boolean parameterTags,
                            boolean scanConsumers) {

    /** Names that look like credentials when stored as a plain String parameter. */
    public static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential).*");

    public AuditSettings {
        requiredTags = clean(requiredTags);
        customerKeyPrefixes = clean(customerKeyPrefixes);
        customerKeyTag = customerKeyTag == null ? "" : customerKeyTag.trim();
        if (notAccessedDays < 0 || expiringDays < 0) {
            throw new IllegalArgumentException("Day thresholds cannot be negative.");
        }
    }

    public static AuditSettings defaults() {
        return new AuditSettings(List.of(), 90, 30, List.of(), "", false, true);
    }

    /** Whether the report needs every parameter's tags (one call per parameter). */
    public boolean needsParameterTags() {
        return parameterTags || !requiredTags.isEmpty() || !customerKeyTag.isEmpty();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
