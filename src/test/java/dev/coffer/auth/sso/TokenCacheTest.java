package dev.coffer.auth.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file is the AWS CLI v2's, byte for byte: name, fields, their order, time format and permissions. */
class TokenCacheTest {

    @TempDir
    Path dir;

    static final SsoConfig CORP = new SsoConfig(Optional.of("corp"), "https://corp.awsapps.com/start", "eu-west-1",
            List.of("sso:account:access"));
    static final SsoConfig LEGACY = new SsoConfig(Optional.empty(), "https://legacy.awsapps.com/start", "eu-west-1", List.of());

    static CachedToken token() {
        return new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaAccess", Instant.parse("2026-11-28T20:15:30.789Z"),
                Optional.of("client-id"), Optional.of("client-secret"), Optional.of(Instant.parse("2027-02-26T12:00:00Z")),
                Optional.of("aorRefresh"));
    }

    @Test
    void theFileIsNamedBySha1OfTheSessionNameOrTheLegacyStartUrl() {
        TokenCache cache = new TokenCache(dir);
        // sha1("corp") and sha1("https://legacy.awsapps.com/start"), as `aws sso login` names them.
        assertThat(cache.tokenFile(CORP.cacheKey()).getFileName()).hasToString("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        assertThat(cache.tokenFile(LEGACY.cacheKey()).getFileName()).hasToString("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json");
    }

    @Test
    void writesTheCliFieldsInItsOrderAndFormatReadableByTheOwnerOnly() throws Exception {
        TokenCache cache = new TokenCache(dir.resolve("sso").resolve("cache"));
        Path file = cache.write("corp", token());

        assertThat(Files.readString(file)).isEqualTo("{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"aoaAccess\", \"expiresAt\": \"2026-11-28T20:15:30Z\", \"clientId\": \"client-id\", "
                + "\"clientSecret\": \"client-secret\", \"registrationExpiresAt\": \"2027-02-26T12:00:00Z\", "
                + "\"refreshToken\": \"aorRefresh\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        // Written through a temporary file in the same folder, which is gone afterwards.
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rewritingReplacesTheFileAndKeepsItOwnerOnly() throws Exception {
        TokenCache cache = new TokenCache(dir);
        Path file = cache.write("corp", token());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        cache.write("corp", new CachedToken("https://corp.awsapps.com/start", "eu-west-1", "aoaNew",
                Instant.parse("2026-11-29T04:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(Files.readString(file)).isEqualTo("{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"aoaNew\", \"expiresAt\": \"2026-11-29T04:00:00Z\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void readsWhatTheCliWroteIncludingOlderTimeFormats() throws Exception {
        TokenCache cache = new TokenCache(dir);
        Files.writeString(cache.tokenFile("corp"), "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"aoaCli\", \"expiresAt\": \"2026-11-28T20:15:30UTC\", \"clientId\": \"c\", \"clientSecret\": \"s\", "
                + "\"registrationExpiresAt\": \"2027-02-26T12:00:00+00:00\", \"refreshToken\": \"aorCli\"}");

        CachedToken read = cache.read("corp").orElseThrow();
        assertThat(read.accessToken()).isEqualTo("aoaCli");
        assertThat(read.expiresAt()).isEqualTo(Instant.parse("2026-11-28T20:15:30Z"));
        assertThat(read.registrationExpiresAt()).contains(Instant.parse("2027-02-26T12:00:00Z"));
        assertThat(read.refreshToken()).contains("aorCli");
        assertThat(read.toString()).doesNotContain("aoaCli").doesNotContain("aorCli");
    }

    @Test
    void aDamagedOrMissingFileIsNoToken() throws Exception {
        TokenCache cache = new TokenCache(dir);
        assertThat(cache.read("corp")).isEmpty();
        Files.writeString(cache.tokenFile("corp"), "{\"startUrl\": ");
        assertThat(cache.read("corp")).isEmpty();
    }

    @Test
    void registrationsAreCachedUnderTheCliRegistrationKey() throws Exception {
        TokenCache cache = new TokenCache(dir);
        // sha1 of json.dumps({"tool": "botocore", "startUrl": ..., "region": ..., "scopes": [...], "session_name": "corp"}, sort_keys=True)
        String key = "{\"region\": \"eu-west-1\", \"scopes\": [\"sso:account:access\"], \"session_name\": \"corp\", "
                + "\"startUrl\": \"https://corp.awsapps.com/start\", \"tool\": \"botocore\"}";
        assertThat(cache.registrationFile(CORP).getFileName()).hasToString(TokenCache.sha1Hex(key) + ".json");

        Path file = cache.writeRegistration(CORP, new ClientRegistration("id", "secret", Instant.parse("2027-02-26T12:00:00Z")));
        assertThat(Files.readString(file)).isEqualTo("{\"clientId\": \"id\", \"clientSecret\": \"secret\", "
                + "\"expiresAt\": \"2027-02-26T12:00:00Z\", \"scopes\": [\"sso:account:access\"]}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(cache.readRegistration(CORP)).contains(new ClientRegistration("id", "secret", Instant.parse("2027-02-26T12:00:00Z")));
    }
}
