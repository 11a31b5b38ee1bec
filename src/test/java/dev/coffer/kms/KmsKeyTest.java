package dev.coffer.kms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsKeyTest {

    private static final String ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void onlyEnabledKeysAreUsable() {
        assertThat(key("Enabled").usable()).isTrue();
        for (String state : new String[] {"Disabled", "PendingDeletion", "PendingImport", "Unavailable", "Unknown", "Creating"}) {
            assertThat(key(state).usable()).as(state).isFalse();
        }
        assertThat(new KmsKey("k", ARN, List.of(), null, null, false).usable()).isFalse();
    }

    @Test
    void labelIsTheFirstAliasOrTheKeyId() {
        assertThat(key("Enabled").label()).isEqualTo("alias/app");
        assertThat(new KmsKey("1234abcd", ARN, List.of(), "Enabled", "", false).label()).isEqualTo("1234abcd");
    }

    @Test
    void referenceAndMatching() {
        KmsKey customer = key("Enabled");
        assertThat(customer.reference()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        KmsKey ssm = new KmsKey("alias/aws/ssm", "arn:aws:kms:us-east-1:123456789012:alias/aws/ssm", List.of("alias/aws/ssm"), "Enabled", "", true);
        assertThat(ssm.reference()).isEqualTo("alias/aws/ssm");
        assertThat(customer.matches("alias/app")).isTrue();
        assertThat(customer.matches("alias/other")).isTrue();
        assertThat(customer.matches(ARN)).isTrue();
        assertThat(customer.matches("1234abcd-12ab-34cd-56ef-1234567890ab")).isTrue();
        assertThat(customer.matches("arn:aws:kms:us-east-1:123456789012:alias/app")).isTrue();
        assertThat(customer.matches("alias/aws/ssm")).isFalse();
        assertThat(customer.matches("")).isFalse();
        assertThat(ssm.matches("alias/aws/ssm")).isTrue();
    }

    @Test
    void aliasesAreCopied() {
        List<String> aliases = new ArrayList<>(List.of("alias/a"));
        KmsKey k = new KmsKey("k", ARN, aliases, "Enabled", "", false);
        aliases.add("alias/b");
        assertThat(k.aliases()).containsExactly("alias/a");
    }

    @Test
    void awsManagedDefaultsSortFirst() {
        KmsKey ssm = new KmsKey("alias/aws/ssm", "a", List.of("alias/aws/ssm"), "Enabled", "", true);
        KmsKey a = new KmsKey("k1", "b", List.of("alias/Alpha"), "Enabled", "", false);
        KmsKey b = new KmsKey("k2", "c", List.of("alias/beta"), "Disabled", "", false);
        List<KmsKey> sorted = new ArrayList<>(List.of(b, a, ssm));
        sorted.sort(KeyCatalog.ORDER);
        assertThat(sorted).containsExactly(ssm, a, b);
        assertThat(KeyCatalog.forService(sorted, "secretsmanager")).containsExactly(a, b);
        assertThat(KeyCatalog.forService(sorted, "ssm")).containsExactly(ssm, a, b);
    }

    private static KmsKey key(String state) {
        return new KmsKey("1234abcd-12ab-34cd-56ef-1234567890ab", ARN, List.of("alias/app", "alias/other"), state, "App key", false);
    }
}
