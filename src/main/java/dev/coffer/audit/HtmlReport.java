package dev.coffer.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit report as one self-contained HTML page: summary figures, bar charts drawn with CSS,
 * the findings and the inventory. No scripts and no external resources; every text from AWS is
 * escaped.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px 32px;color:#1f2328;background:#fff}
            h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            .sub{color:#59636e;margin:0 0 18px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:120px}
            .card b{display:block;font-size:1.7em}.card span{color:#59636e}
            .HIGH{color:#cf222e}.MEDIUM{color:#9a6700}.LOW{color:#59636e}
            .charts{display:flex;gap:32px;flex-wrap:wrap}.chart{min-width:360px;flex:1}
            .bar{display:flex;align-items:center;margin:4px 0;font-size:.92em}.bar .label{width:280px}
            .bar .track{flex:1;background:#f0f2f4;border-radius:4px;height:16px;margin:0 8px}
            .bar .fill{height:16px;border-radius:4px;background:#0969da}.bar .fill.HIGH{background:#cf222e}
            .bar .fill.MEDIUM{background:#d4a72c}.bar .fill.LOW{background:#8c959f}.bar .n{width:48px;text-align:right}
            table{border-collapse:collapse;width:100%;font-size:.86em}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}tr:nth-child(even) td{background:#fbfcfd}
            .sev{font-weight:bold}.wrap{overflow-x:auto}.note{margin:12px 0 0}
            """;

    private HtmlReport() {
    }

    static String render(AuditReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Coffer audit report</title><style>")
                .append(STYLE).append("</style></head><body>");
        h.append("<h1>Coffer audit report</h1><p class=\"sub\">Generated ").append(esc(report.generated().toString()))
                .append(" · ").append(esc(String.join(", ", report.connections().stream()
                        .map(c -> c.label() + " (account " + c.account() + ")").toList())))
                .append(" · read by ").append(esc(String.join(", ", report.connections().stream()
                        .map(AuditReport.ConnectionInfo::identity).distinct().toList())))
                .append("</p>");

        Map<Severity, Long> bySeverity = report.findingsBySeverity();
        h.append("<div class=\"cards\">");
        card(h, report.parameterCount(), "parameters", "");
        card(h, report.secretCount(), "secrets", "");
        for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            card(h, bySeverity.get(s), s.name().toLowerCase() + " findings", s.name());
        }
        h.append("</div>");
        List<String> consumerNotes = report.consumerScanNotes();
        for (int n = 0; n < consumerNotes.size(); n++) {
            // The first note says what was scanned; any further one, what could not be read.
            h.append("<p class=\"").append(n == 0 ? "sub note" : "note MEDIUM").append("\">").append(esc(consumerNotes.get(n))).append("</p>");
        }

        h.append("<h2>Summary</h2><div class=\"charts\">");
        Map<String, Long> kinds = new LinkedHashMap<>();
        Map<String, String> kindClass = new LinkedHashMap<>();
        report.findingsByKind().forEach((k, n) -> {
            kinds.put(k.title(), n);
            kindClass.put(k.title(), k.severity().name());
        });
        chart(h, "Findings by kind", kinds, kindClass::get);
        chart(h, "Parameters by type and tier", count(report, false, i -> i.type() + " · " + i.tier()), k -> "");
        chart(h, "Secrets by rotation", count(report, true, i -> Boolean.TRUE.equals(i.rotationEnabled()) ? "Rotation on" : "Rotation off"), k -> "");
        chart(h, "Encryption keys", countAll(report, i -> i.keyManager() == null ? "Not encrypted (String parameters)" : i.keyManager()), k -> "");
        h.append("</div>");

        h.append("<h2>Findings (").append(report.findings().size()).append(")</h2><div class=\"wrap\"><table><tr>");
        ReportExport.FINDING_COLUMNS.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (Finding f : report.findings()) {
            h.append("<tr><td class=\"sev ").append(f.severity().name()).append("\">").append(f.severity()).append("</td>");
            for (String cell : List.of(f.title(), f.connection(), f.store(), f.item(), f.detail())) {
                h.append("<td>").append(esc(cell)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></div>");

        h.append("<h2>Inventory (").append(report.inventory().size()).append(")</h2><div class=\"wrap\"><table><tr>");
        ReportExport.INVENTORY_COLUMNS.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (InventoryItem i : report.inventory()) {
            h.append("<tr>");
            ReportExport.inventoryRow(i, report).forEach(cell -> h.append("<td>").append(esc(cell)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table></div>");
        h.append("<p class=\"sub\">Settings: required tags ").append(esc(String.join(", ", report.settings().requiredTags())))
                .append("; not accessed for ").append(report.settings().notAccessedDays()).append(" days; expiring within ")
                .append(report.settings().expiringDays()).append(" days; customer key required under ")
                .append(esc(String.join(", ", report.settings().customerKeyPrefixes()))).append(" or tagged ")
                .append(esc(report.settings().customerKeyTag())).append(". Values are never part of this report: value sizes are ")
                .append("measured for Advanced String and StringList parameters only (a SecureString is never decrypted for it), and ")
                .append("parameter labels are not collected.</p>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, long n, String what, String cls) {
        h.append("<div class=\"card ").append(cls).append("\"><b>").append(n).append("</b><span>").append(esc(what)).append("</span></div>");
    }

    private static Map<String, Long> count(AuditReport report, boolean secrets, Function<InventoryItem, String> key) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        report.inventory().stream().filter(i -> i.isSecret() == secrets).forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> countAll(AuditReport report, Function<InventoryItem, String> key) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        report.inventory().forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts;
    }

    private static void chart(StringBuilder h, String title, Map<String, Long> values, Function<String, String> cls) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        h.append("<div class=\"chart\"><h3>").append(esc(title)).append("</h3>");
        values.forEach((label, n) -> h.append("<div class=\"bar\"><span class=\"label\">").append(esc(label))
                .append("</span><span class=\"track\"><span class=\"fill ").append(cls.apply(label)).append("\" style=\"display:block;width:")
                .append(n * 100 / max).append("%\"></span></span><span class=\"n\">").append(n).append("</span></div>"));
        if (values.isEmpty()) {
            h.append("<p class=\"sub\">Nothing to show.</p>");
        }
        h.append("</div>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
