package dev.coffer.auth.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** The cache file is the AWS CLI v2's, byte for byte: name, fields, their order, time format and permissions. */
class TokenCacheTest {

    @TempDir
    Path dir;

    static final SsoConfig CORP = new SsoConfig(Optional.of("corp"), "https://corp.awsapps.com/start", "eu-west-1",
            Optional.of(List.of("sso:account:access")));
    static final SsoConfig LEGACY = new SsoConfig(Optional.empty(), "https://legacy.awsapps.com/start", "eu-west-1", Optional.empty());

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

    /** The settings of {@code [sso-session NAME]} as the CLI reads them from this config file text. */
    static SsoConfig session(String name, String config) {
        ProfileFile file = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
                .content(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8))).build();
        return SsoConfig.ofSession(file, name).orElseThrow();
    }

    /*
     * The expected names below are botocore's SSOTokenFetcher._registration_cache_key (aws-cli v2,
     * awscli/botocore/utils.py): sha1(json.dumps({"tool": "botocore", "startUrl": START_URL,
     * "region": SSO_REGION, "scopes": SCOPES, "session_name": NAME}, sort_keys=True).encode("utf-8")),
     * computed with python3. `aws sso login` passes scopes=None when the sso-session has no
     * sso_registration_scopes, and the parsed list (which may be empty) when it has the key.
     */

    @Test
    void aSessionWithoutRegistrationScopesSharesTheCliRegistrationWhoseKeyHasScopesNull() {
        // {"region": "eu-west-1", "scopes": null, "session_name": "corp", "startUrl": "https://corp.awsapps.com/start", "tool": "botocore"}
        SsoConfig corp = session("corp", """
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        assertThat(new TokenCache(dir).registrationFile(corp).getFileName()).hasToString("a5ef4a75f83137c047e4ff336d1dade82162017b.json");
    }

    @Test
    void configuredScopesEvenAnEmptyListGoIntoTheKeyAsTheCliParsesThem() {
        TokenCache cache = new TokenCache(dir);
        // "scopes": ["sso:account:access"]
        assertThat(cache.registrationFile(session("corp", """
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """)).getFileName()).hasToString("787ef34d0a944c01385765faa28b5e67d1c08f33.json");
        // "scopes": [] (the key is there with nothing in it)
        assertThat(cache.registrationFile(session("corp", """
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = ,
                """)).getFileName()).hasToString("3185e08e1db2d8f4bd69a5e01ddd491e4ff3d9b9.json");
    }

    @Test
    void aLegacyProfileKeysItsRegistrationWithoutSessionOrScopes() {
        // {"region": "eu-west-1", "scopes": null, "session_name": null, "startUrl": "https://corp.awsapps.com/start", "tool": "botocore"}
        SsoConfig legacy = new SsoConfig(Optional.empty(), "https://corp.awsapps.com/start", "eu-west-1", Optional.empty());
        assertThat(new TokenCache(dir).registrationFile(legacy).getFileName()).hasToString("3a62fc7fd3ab838419eccab5b58d0124a95b510d.json");
    }

    @Test
    void theKeyEscapesNonAsciiAndQuotesAsPythonsJsonDumpsDoes() {
        // "session_name": "\u00e9quipe \"ops\" \u2713" (json.dumps escapes every non-ASCII character, in lower-case hex)
        SsoConfig team = new SsoConfig(Optional.of("équipe \"ops\" ✓"), "https://corp.awsapps.com/start", "eu-west-1", Optional.empty());
        assertThat(new TokenCache(dir).registrationFile(team).getFileName()).hasToString("bf381d5158ff62ecc68e5a55d4bd7fcd5a9d60f5.json");
    }

    @Test
    void aRegistrationTheCliMadeForItsBrowserFlowIsNotReusedForTheDeviceFlow() throws Exception {
        TokenCache cache = new TokenCache(dir);
        // What `aws sso login` (authorization code with PKCE, the CLI's default for sso-sessions) caches under the same key.
        Files.writeString(cache.registrationFile(CORP), "{\"clientId\": \"pkce-id\", \"clientSecret\": \"pkce-secret\", "
                + "\"expiresAt\": \"2027-02-26T12:00:00Z\", \"scopes\": [\"sso:account:access\"], "
                + "\"grantTypes\": [\"authorization_code\", \"refresh_token\"]}");
        assertThat(cache.readRegistration(CORP)).isEmpty();
    }
}
