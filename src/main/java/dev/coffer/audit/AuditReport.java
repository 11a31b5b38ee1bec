package dev.coffer.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an audit found in one or several connections: every item's metadata and the findings.
 *
 * @param consumerScans how far each connection's consumer scan got; empty when consumers were not scanned
 */
public record AuditReport(Instant generated, AuditSettings settings, List<ConnectionInfo> connections,
                          List<InventoryItem> inventory, List<Finding> findings, List<ConsumerCoverage> consumerScans) {

    /** One audited connection and who audited it. */
    public record ConnectionInfo(String label, String profile, String region, String endpoint, String account, String identity) {
    }

    /**
     * Builds the report: items by connection, store and name; findings for every item, most severe first.
     *
     * @param consumerFindings what the consumer scans proved ({@link ConsumerFindings}), added to the checks of each item
     */
    public static AuditReport of(Instant now, AuditSettings settings, List<ConnectionInfo> connections, List<InventoryItem> inventory,
                                 List<Finding> consumerFindings, List<ConsumerCoverage> consumerScans) {
        List<Finding> findings = new ArrayList<>(consumerFindings);
        inventory.forEach(item -> findings.addAll(Findings.of(item, settings, now)));
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::kind).thenComparing(Finding::connection).thenComparing(Finding::item));
        List<InventoryItem> sorted = new ArrayList<>(inventory);
        sorted.sort(Comparator.comparing(InventoryItem::connection).thenComparing(InventoryItem::store).thenComparing(InventoryItem::name));
        return new AuditReport(now, settings, List.copyOf(connections), List.copyOf(sorted), List.copyOf(findings),
                List.copyOf(consumerScans));
    }

    public long parameterCount() {
        return inventory.stream().filter(i -> !i.isSecret()).count();
    }

    public long secretCount() {
        return inventory.stream().filter(InventoryItem::isSecret).count();
    }

    public Map<Severity, Long> findingsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, findings.stream().filter(f -> f.severity() == s).count());
        }
        return counts;
    }

    public Map<FindingKind, Long> findingsByKind() {
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind k : FindingKind.values()) {
            counts.put(k, findings.stream().filter(f -> f.kind() == k).count());
        }
        return counts;
    }

    /** Whether a finding at or above {@code severity} exists (the audit command's exit code). */
    public boolean hasFindingsAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(severity));
    }

    /** The findings about one item, as "HIGH Rotation overdue; LOW Missing required tags". */
    public String findingsOf(InventoryItem item) {
        return String.join("; ", findings.stream()
                .filter(f -> f.connection().equals(item.connection()) && f.store().equals(item.store()) && f.item().equals(item.name()))
                .map(f -> f.severity() + " " + f.title()).toList());
    }

    /** Uses of parameters and secrets the consumer scans found: the sum of every item's consumer count. */
    public long consumerCount() {
        return inventory.stream().filter(i -> i.consumers() != null).mapToLong(InventoryItem::consumers).sum();
    }

    /** An item's consumer count as a cell says it: "3", "at least 3" where a source was not read, or that it was not scanned. */
    public String consumersOf(InventoryItem item) {
        if (item.consumers() == null) {
            return ReportExport.NOT_COLLECTED;
        }
        boolean complete = consumerScans.stream().filter(c -> c.connection().equals(item.connection())).allMatch(ConsumerCoverage::complete);
        return complete ? String.valueOf(item.consumers()) : "at least " + item.consumers();
    }

    /**
     * What the consumer scan covered and could not read, in words, for every output: the report window, the
     * exports and the command. Never a value: the scan's sentences name services, stacks and AWS's errors.
     */
    public List<String> consumerScanNotes() {
        if (!settings.scanConsumers()) {
            return List.of("Consumers were not scanned: no consumer counts, and neither \"" + FindingKind.PINNED_OLD_VERSION.title()
                    + "\" nor \"" + FindingKind.NO_CONSUMER.title() + "\" was checked.");
        }
        long used = inventory.stream().filter(i -> i.consumers() != null && i.consumers() > 0).count();
        List<String> notes = new ArrayList<>();
        notes.add(String.format("Consumers scanned in %s: %,d found, reading %,d of %,d parameters and secrets. Applications that "
                + "read them at run time are not visible to this scan.", ConsumerFindings.SCANNED, consumerCount(), used, inventory.size()));
        for (ConsumerCoverage c : consumerScans) {
            if (!c.complete()) {
                notes.add("Not every consumer source of " + c.connection() + " could be read, so its counts are lower bounds and \""
                        + FindingKind.NO_CONSUMER.title() + "\" is not reported there: " + String.join(" ", c.unread()));
            }
        }
        return notes;
    }
}
