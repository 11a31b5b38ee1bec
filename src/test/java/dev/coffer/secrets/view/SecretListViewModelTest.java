package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Tag;
import dev.coffer.secrets.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The secrets list without a window: the search, and rows replaced or taken out as secrets change. */
class SecretListViewModelTest {

    private static Secret secret(String name, String description, Optional<Instant> deleted, Tag... tags) {
        return new Secret(name, "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf",
                Optional.ofNullable(description), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), deleted, List.of(tags), Map.of(), Optional.empty());
    }

    private final SecretListViewModel list = new SecretListViewModel();

    private List<String> shown() {
        return list.rows().stream().map(r -> r.secret().name()).toList();
    }

    @Test
    void everyWordOfTheSearchMustMatchTheNameDescriptionOrATag() {
        list.addPage(List.of(
                secret("billing/prod/postgres", "Billing database", Optional.empty(), new Tag("Team", "Payments")),
                secret("orders/prod/mysql", "Orders database", Optional.empty(), new Tag("Team", "Fulfilment")),
                secret("shipping/api-key", null, Optional.empty())));

        list.filterProperty().set("database");
        assertThat(shown()).containsExactlyInAnyOrder("billing/prod/postgres", "orders/prod/mysql");
        list.filterProperty().set("  PROD   payments ");
        assertThat(shown()).containsExactly("billing/prod/postgres");
        list.filterProperty().set("team=fulfilment");
        assertThat(shown()).containsExactly("orders/prod/mysql");
        list.filterProperty().set("nothing-like-it");
        assertThat(shown()).isEmpty();
        assertThat(list.total()).isEqualTo(3);
        assertThat(list.shown()).isZero();

        list.filterProperty().set("");
        assertThat(shown()).hasSize(3);
    }

    @Test
    void aSavedSecretReplacesItsRowAndARemovedOneGoes() {
        Secret scheduled = secret("billing/old", "Old billing", Optional.of(Instant.parse("2026-12-01T10:00:00Z")));
        list.addPage(List.of(scheduled, secret("billing/new", null, Optional.empty())));
        list.filterProperty().set("billing");

        // Restored: the same ARN, no longer scheduled for deletion; the row is replaced, not added.
        list.upsert(secret("billing/old", "Old billing", Optional.empty()));
        assertThat(list.total()).isEqualTo(2);
        assertThat(list.all()).filteredOn(r -> r.secret().name().equals("billing/old"))
                .singleElement().satisfies(r -> assertThat(r.secret().deletedDate()).isEmpty());

        list.upsert(secret("billing/created", "A new one", Optional.empty()));
        assertThat(shown()).containsExactlyInAnyOrder("billing/old", "billing/new", "billing/created");

        list.remove(scheduled.arn());
        assertThat(shown()).containsExactlyInAnyOrder("billing/new", "billing/created");
        list.clear();
        assertThat(list.total()).isZero();
    }
}
