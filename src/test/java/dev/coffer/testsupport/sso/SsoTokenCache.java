package dev.coffer.testsupport.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The AWS SDK's SSO token cache ({@code ~/.aws/sso/cache}), moved under {@code target/} for the
 * whole test JVM so that tests never read or write the developer's real sign-in.
 *
 * <p>Why it has to be done this way: the SDK (2.57.8) fixes the cache directory once, in static
 * final fields computed when its classes load ({@code OnDiskTokenManager.DEFAULT_TOKEN_LOCATION}
 * for sso-session profiles, {@code SsoProfileCredentialsProviderFactory.TOKEN_DIRECTORY} for legacy
 * ones), from {@code UserHomeDirectoryUtils.userHomeDirectory()}, which reads the HOME environment
 * variable first and the {@code user.home} system property only when HOME is unset. Setting
 * {@code user.home} therefore changes nothing on Linux or macOS, and the directory can not be
 * changed after those classes have loaded. The build therefore runs the tests with HOME set to
 * target/test-home, and {@link #redirected()} checks that the SDK's fixed directories are there:
 * otherwise it fails instead of touching a real token cache.
 */
public final class SsoTokenCache {

    /** One cache file, field for field as the AWS CLI v2 writes it after {@code aws sso login}. */
    public record CachedToken(String startUrl, String region, String accessToken, Instant expiresAt,
                              String clientId, String clientSecret, Instant registrationExpiresAt, String refreshToken) {

        /** The CLI's JSON: its key order, ", " and ": " separators, and UTC times to the second with a Z. */
        String json() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("startUrl", startUrl);
            fields.put("region", region);
            fields.put("accessToken", accessToken);
            fields.put("expiresAt", expiresAt == null ? null : TIME.format(expiresAt));
            fields.put("clientId", clientId);
            fields.put("clientSecret", clientSecret);
            fields.put("registrationExpiresAt", registrationExpiresAt == null ? null : TIME.format(registrationExpiresAt));
            fields.put("refreshToken", refreshToken);
            StringJoiner json = new StringJoiner(", ", "{", "}");
            fields.forEach((key, value) -> {
                if (value != null) {
                    json.add(quote(key) + ": " + quote(value.toString()));
                }
            });
            return json.toString();
        }
    }

    /** 2026-11-28T12:00:00Z: UTC, whole seconds, as the CLI writes expiry times. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SsoTokenCache instance;

    private final Path directory;

    private SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The SDK's token cache. The build runs tests with HOME set to target/test-home (see the
     * surefire configuration), and the SDK finds ~/.aws/sso/cache through HOME; this checks that
     * the SDK really uses that directory, so no test can touch a real token cache.
     */
    public static synchronized SsoTokenCache redirected() {
        if (instance == null) {
            String home = System.getenv("HOME");
            Path target = Path.of("target").toAbsolutePath();
            if (home == null || !Path.of(home).toAbsolutePath().startsWith(target)) {
                throw new IllegalStateException("SSO tests need HOME under " + target + " (the build sets it); HOME is " + home
                        + ". Refusing to run tests that could touch ~/.aws/sso/cache.");
            }
            Path directory = Path.of(home).toAbsolutePath().resolve(".aws").resolve("sso").resolve("cache");
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            load("software.amazon.awssdk.services.ssooidc.internal.OnDiskTokenManager");
            load("software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory");
            requireSdkUses(directory, "software.amazon.awssdk.services.ssooidc.internal.OnDiskTokenManager", "DEFAULT_TOKEN_LOCATION");
            requireSdkUses(directory, "software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory", "TOKEN_DIRECTORY");
            instance = new SsoTokenCache(directory);
        }
        return instance;
    }

    /** The directory the SDK reads and writes tokens in. */
    public Path directory() {
        return directory;
    }

    /**
     * Where the token of an sso-session (or, for a legacy profile, of a start URL) is cached:
     * the SHA-1 of the name, in lower-case hex, plus ".json".
     */
    public Path file(String sessionNameOrStartUrl) {
        return directory.resolve(sha1Hex(sessionNameOrStartUrl) + ".json");
    }

    /** Writes the cache file as {@code aws sso login} would, readable by the owner only. */
    public Path write(String sessionNameOrStartUrl, CachedToken token) {
        Path file = file(sessionNameOrStartUrl);
        try {
            Files.writeString(file, token.json(), StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cache file's fields as now on disk (the SDK rewrites it after a refresh). */
    public Optional<Map<String, Object>> read(String sessionNameOrStartUrl) {
        Path file = file(sessionNameOrStartUrl);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(file.toFile(), LinkedHashMap.class);
            return Optional.of(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String sessionNameOrStartUrl) {
        try {
            Files.deleteIfExists(file(sessionNameOrStartUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(String className) {
        try {
            Class.forName(className, true, SsoTokenCache.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The AWS SDK's SSO support is missing from the test classpath: " + className, e);
        }
    }

    /** Reads the SDK's fixed cache directory; fails when it is not ours (or can no longer be read). */
    private static void requireSdkUses(Path expected, String className, String fieldName) {
        Object actual;
        try {
            Field field = Class.forName(className).getDeclaredField(fieldName);
            field.setAccessible(true);
            actual = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Could not check where the AWS SDK keeps SSO tokens (" + className + "." + fieldName
                    + "); the SDK may have changed. Refusing to run SSO tests that could touch ~/.aws/sso/cache.", e);
        }
        if (!Path.of(actual.toString()).toAbsolutePath().equals(expected)) {
            throw new IllegalStateException("The AWS SDK keeps SSO tokens in " + actual + " (" + className
                    + "), not in " + expected + ". Refusing to run tests that could touch that directory.");
        }
    }
}
