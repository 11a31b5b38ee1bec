package dev.coffer.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an audit found in one or several connections: every item's metadata and the findings. */
public record AuditReport(Instant generated, AuditSettings settings, List<ConnectionInfo> connections,
                          List<InventoryItem> inventory, List<Finding> findings) {

    /** One audited connection and who audited it. */
    public record ConnectionInfo(String label, String profile, String region, String endpoint, String account, String identity) {
    }

    /** Builds the report: items by connection, store and name; findings for every item, most severe first. */
    public static AuditReport of(Instant now, AuditSettings settings, List<ConnectionInfo> connections, List<InventoryItem> inventory) {
        List<Finding> findings = new ArrayList<>();
        inventory.forEach(item -> findings.addAll(Findings.of(item, settings, now)));
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::kind).thenComparing(Finding::connection).thenComparing(Finding::item));
        List<InventoryItem> sorted = new ArrayList<>(inventory);
        sorted.sort(Comparator.comparing(InventoryItem::connection).thenComparing(InventoryItem::store).thenComparing(InventoryItem::name));
        return new AuditReport(now, settings, List.copyOf(connections), List.copyOf(sorted), List.copyOf(findings));
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
}
