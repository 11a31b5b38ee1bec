package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.Connection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing cache's file: one per connection, and a damaged one named. */
class ListingCacheTest {

    @TempDir
    Path home;

    private final Connection prod = Connection.profile("prod", "eu-west-1", null, false);

    @Test
    void eachConnectionHasItsOwnFile() {
        ListingCache cache = new ListingCache(home);
        assertThat(cache.fileOf(prod)).isEqualTo(cache.fileOf(prod.withReadOnly(true)))
                .isNotEqualTo(cache.fileOf(prod.withRegion("us-east-1")))
                .isNotEqualTo(cache.fileOf(Connection.profile("dev", "eu-west-1", null, false)))
                .isNotEqualTo(cache.fileOf(Connection.profile("prod", "eu-west-1", URI.create("http://localhost:4566"), false)));
        assertThat(cache.fileOf(prod).getFileName().toString()).doesNotContain("prod").endsWith(".json");
    }

    @Test
    void aDamagedFileIsNamedWithItsLine() throws Exception {
        ListingCache cache = new ListingCache(home);
        Files.writeString(cache.fileOf(prod), "{\"format\": 1, \"account\": \"123456789012\",\n\"parameters\": [{\"name\": ");

        assertThatThrownBy(() -> cache.read(prod)).isInstanceOf(ListingCache.DamagedListingException.class)
                .hasMessage(cache.fileOf(prod) + " is not a listing Coffer can read (line 2); Coffer ignored it and lists afresh.");
    }
}
