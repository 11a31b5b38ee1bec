package dev.coffer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each check of the audit report on items built here, including those moto cannot produce (an overdue rotation). */
class FindingsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final AuditSettings SETTINGS = new AuditSettings(List.of("Owner"), 90, 14, List.of("/prod/"), "DataClass=confidential", false, false);

    private static final AuditReport.ConnectionInfo CONNECTION = new AuditReport.ConnectionInfo("c", "c", "r", "", "1", "arn");

    private static InventoryItem.Builder secretBuilder(String name, String keyManager, Map<String, String> tags) {
        return InventoryItem.secret(CONNECTION, name).arn("arn").kmsKey("aws/secretsmanager").keyManager(keyManager)
                .lastModified(NOW).versions(1).labels(Map.of()).tags(tags);
    }

    private static InventoryItem secret(String name, Boolean rotation, Integer everyDays, Instant lastRotated, Instant next,
                                        Instant lastAccessed, String keyManager, Map<String, String> tags) {
        return secretBuilder(name, keyManager, tags).rotationEnabled(rotation).rotationEveryDays(everyDays)
                .lastRotated(lastRotated).nextRotation(next).lastAccessed(lastAccessed).created(NOW.minus(Duration.ofDays(400)))
                .build();
    }

    private static InventoryItem parameter(String name, String type, String tier, String keyManager, Instant expiration,
                                           String policies, Integer bytes, Map<String, String> tags) {
        return InventoryItem.parameter(CONNECTION, name).arn("arn").type(type).tier(tier).dataType("text")
                .kmsKey(keyManager == null ? null : "alias/aws/ssm").keyManager(keyManager).lastModified(NOW).lastModifiedBy("u")
                .versions(3).tags(tags).policies(policies).expiration(expiration).valueBytes(bytes)
                .build();
    }

    private static List<FindingKind> kinds(InventoryItem item) {
        return Findings.of(item, SETTINGS, NOW).stream().map(Finding::kind).toList();
    }

    @Test
    void rotationOffOverdueByDateOrBySchedule() {
        Map<String, String> owned = Map.of("Owner", "x");
        Instant recent = NOW.minus(Duration.ofDays(1));
        assertThat(kinds(secret("a", false, null, null, null, recent, "Customer", owned))).containsExactly(FindingKind.ROTATION_OFF);
        assertThat(kinds(secret("b", true, 30, recent, NOW.minus(Duration.ofDays(2)), recent, "Customer", owned)))
                .containsExactly(FindingKind.ROTATION_OVERDUE);
        assertThat(kinds(secret("c", true, 30, NOW.minus(Duration.ofDays(45)), null, recent, "Customer", owned)))
                .containsExactly(FindingKind.ROTATION_OVERDUE);
        assertThat(kinds(secret("d", true, 30, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)), recent, "Customer", owned)))
                .isEmpty();
        assertThat(Findings.of(secret("b", true, 30, recent, NOW.minus(Duration.ofDays(2)), recent, "Customer", owned), SETTINGS, NOW)
                .get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void notAccessedCustomerKeyAndTagsOnSecrets() {
        InventoryItem stale = secret("/prod/db", true, null, null, null, NOW.minus(Duration.ofDays(91)), "AWS managed", Map.of());
        assertThat(kinds(stale)).containsExactlyInAnyOrder(FindingKind.NOT_ACCESSED, FindingKind.AWS_MANAGED_KEY, FindingKind.MISSING_TAGS);
        InventoryItem tagged = secret("app/db", true, null, null, null, NOW, "AWS managed", Map.of("Owner", "x", "DataClass", "confidential"));
        assertThat(kinds(tagged)).as("the customer-key tag rule").containsExactly(FindingKind.AWS_MANAGED_KEY);
        InventoryItem otherClass = secret("app/db", true, null, null, null, NOW, "AWS managed", Map.of("Owner", "x", "DataClass", "public"));
        assertThat(kinds(otherClass)).isEmpty();
        InventoryItem deleted = secretBuilder("gone", "AWS managed", Map.of()).kmsKey("k").rotationEnabled(false)
                .created(NOW).deletionDate(NOW).build();
        assertThat(kinds(deleted)).as("scheduled for deletion").isEmpty();
    }

    @Test
    void parameterChecks() {
        Map<String, String> owned = Map.of("Owner", "x");
        assertThat(kinds(parameter("/app/db/Password", "String", "Standard", null, null, null, null, owned)))
                .containsExactly(FindingKind.CREDENTIAL_AS_STRING);
        assertThat(kinds(parameter("/app/api_key", "StringList", "Standard", null, null, null, null, owned)))
                .containsExactly(FindingKind.CREDENTIAL_AS_STRING);
        assertThat(kinds(parameter("/app/db/password", "SecureString", "Standard", "Customer", null, null, null, owned))).isEmpty();
        assertThat(kinds(parameter("/prod/token", "SecureString", "Standard", "AWS managed", null, null, null, owned)))
                .containsExactly(FindingKind.AWS_MANAGED_KEY);
        assertThat(kinds(parameter("/app/x", "String", "Advanced", null, NOW.minusSeconds(1), "Expires", 10, owned)))
                .containsExactly(FindingKind.EXPIRED);
        assertThat(kinds(parameter("/app/x", "String", "Advanced", null, NOW.plus(Duration.ofDays(13)), "Expires", 10, owned)))
                .containsExactly(FindingKind.EXPIRING);
        assertThat(kinds(parameter("/app/x", "String", "Advanced", null, NOW.plus(Duration.ofDays(15)), "Expires", 10, owned))).isEmpty();
        assertThat(kinds(parameter("/app/x", "String", "Advanced", null, null, null, 4096, owned)))
                .containsExactly(FindingKind.ADVANCED_FITS_STANDARD);
        assertThat(kinds(parameter("/app/x", "String", "Advanced", null, null, null, 4097, owned))).isEmpty();
        assertThat(kinds(parameter("/app/x", "String", "Standard", null, null, null, null, null)))
                .as("tags not collected: no tag finding").isEmpty();
        assertThat(Findings.of(parameter("/app/x", "String", "Standard", null, null, null, null, Map.of()), SETTINGS, NOW))
                .singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("Missing tag Owner."));
    }

    @Test
    void keysAreToldApartByTheAccountsKeyList() {
        var keys = List.of(new dev.coffer.kms.KmsKey("k1", "arn:aws:kms:r:1:key/k1", List.of("alias/app"), "Enabled", "", false));
        assertThat(ReportCollector.keyManager("alias/aws/ssm", keys)).isEqualTo(InventoryItem.AWS_MANAGED);
        assertThat(ReportCollector.keyManager("k1", keys)).isEqualTo(InventoryItem.CUSTOMER);
        assertThat(ReportCollector.keyManager("alias/app", keys)).isEqualTo(InventoryItem.CUSTOMER);
        assertThat(ReportCollector.keyManager("arn:aws:kms:r:2:key/other", keys)).as("another account's key").isEqualTo(InventoryItem.CUSTOMER);
        assertThat(ReportCollector.keyManager("0000-unknown", keys)).isEqualTo(InventoryItem.UNKNOWN_KEY);
    }

    @Test
    void parameterTagsAreReadOnlyWhenACheckNeedsThemOrWhenAsked() {
        assertThat(AuditSettings.defaults().needsParameterTags()).isFalse();
        assertThat(new AuditSettings(List.of(), 90, 30, List.of(), "", true, false).needsParameterTags()).isTrue();
        assertThat(new AuditSettings(List.of("Owner"), 90, 30, List.of(), "", false, false).needsParameterTags()).isTrue();
        assertThat(new AuditSettings(List.of(), 90, 30, List.of(), "DataClass", false, false).needsParameterTags()).isTrue();
    }

    @Test
    void htmlEscapesEverything() {
        assertThat(HtmlReport.esc("<img src=x onerror='a'>&\"")).isEqualTo("&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }
}
