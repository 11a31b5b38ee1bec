package dev.coffer.auth.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * The AWS CLI v2's SSO cache ({@code ~/.aws/sso/cache}), read and written exactly as the CLI does,
 * so a sign-in in Coffer serves the CLI and the SDKs and theirs serves Coffer:
 * <ul>
 *   <li>tokens in {@code <SHA-1 hex of the sso-session name, or of the start URL for a legacy profile>.json}
 *       with the fields startUrl, region, accessToken, expiresAt, clientId, clientSecret,
 *       registrationExpiresAt and refreshToken, times as {@code 2026-11-28T12:00:00Z};</li>
 *   <li>client registrations in {@code <SHA-1 hex of the CLI's registration key>.json} with clientId,
 *       clientSecret, expiresAt and scopes (botocore's {@code SSOTokenFetcher._registration_cache_key}).</li>
 * </ul>
 * Files are readable by their owner only and replaced atomically, so a reader never sees half a token.
 */
public final class TokenCache {

    /** UTC to the second with a Z, as botocore's {@code _sso_json_dumps} writes times. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public TokenCache(Path directory) {
        this.directory = directory;
    }

    /** The cache the AWS CLI and SDKs use: ~/.aws/sso/cache, with the home folder found as the SDK finds it. */
    public static TokenCache standard() {
        return new TokenCache(Path.of(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "sso", "cache"));
    }

    /** The token file of an sso-session name (or legacy start URL). */
    public Path tokenFile(String cacheKey) {
        return directory.resolve(sha1Hex(cacheKey) + ".json");
    }

    /** The registration file the CLI v2 keeps for a sign-in configuration. */
    public Path registrationFile(SsoConfig config) {
        // botocore's json.dumps(args, sort_keys=True): keys sorted, ", " and ": " separators, None as null,
        // so a session without sso_registration_scopes (and a legacy profile) has "scopes": null.
        String scopes = config.registrationScopes()
                .map(list -> list.stream().map(TokenCache::pythonJson).collect(Collectors.joining(", ", "[", "]")))
                .orElse("null");
        String key = "{" + pythonJson("region") + ": " + pythonJson(config.region())
                + ", " + pythonJson("scopes") + ": " + scopes
                + ", " + pythonJson("session_name") + ": " + config.sessionName().map(TokenCache::pythonJson).orElse("null")
                + ", " + pythonJson("startUrl") + ": " + pythonJson(config.startUrl())
                + ", " + pythonJson("tool") + ": " + pythonJson("botocore") + "}";
        return directory.resolve(sha1Hex(key) + ".json");
    }

    /**
     * A JSON string exactly as Python's json.dumps writes it (ensure_ascii): everything outside
     * printable ASCII escaped, in lower-case hex, so that the SHA-1 of the key matches the CLI's.
     */
    static String pythonJson(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        json.append(c);
                    } else {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** The cached token, if there is a readable one. A damaged file counts as none: signing in again rewrites it. */
    public Optional<CachedToken> read(String cacheKey) {
        Optional<JsonNode> json = readJson(tokenFile(cacheKey));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = json.get();
        Optional<String> accessToken = text(n, "accessToken");
        Optional<Instant> expiresAt = text(n, "expiresAt").flatMap(TokenCache::parseTime);
        if (accessToken.isEmpty() || expiresAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CachedToken(text(n, "startUrl").orElse(""), text(n, "region").orElse(""), accessToken.get(),
                expiresAt.get(), text(n, "clientId"), text(n, "clientSecret"),
                text(n, "registrationExpiresAt").flatMap(TokenCache::parseTime), text(n, "refreshToken")));
    }

    /** Writes a token where the CLI and the SDKs look for it. */
    public Path write(String cacheKey, CachedToken token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("startUrl", token.startUrl());
        fields.put("region", token.region());
        fields.put("accessToken", token.accessToken());
        fields.put("expiresAt", TIME.format(token.expiresAt()));
        token.clientId().ifPresent(v -> fields.put("clientId", v));
        token.clientSecret().ifPresent(v -> fields.put("clientSecret", v));
        token.registrationExpiresAt().ifPresent(v -> fields.put("registrationExpiresAt", TIME.format(v)));
        token.refreshToken().ifPresent(v -> fields.put("refreshToken", v));
        StringJoiner json = new StringJoiner(", ", "{", "}");
        fields.forEach((k, v) -> json.add(quote(k) + ": " + quote(v)));
        Path file = tokenFile(cacheKey);
        writeAtomically(file, json.toString());
        return file;
    }

    /**
     * A device-flow registration the CLI or Coffer cached for this configuration, if any. One the CLI
     * made for its browser flow (grantTypes with authorization_code) is left alone, as the CLI's device
     * flow leaves it.
     */
    public Optional<ClientRegistration> readRegistration(SsoConfig config) {
        return readJson(registrationFile(config)).filter(n -> !forAuthorizationCode(n)).flatMap(n -> {
            Optional<String> id = text(n, "clientId");
            Optional<String> secret = text(n, "clientSecret");
            Optional<Instant> expires = text(n, "expiresAt").flatMap(TokenCache::parseTime);
            if (id.isEmpty() || secret.isEmpty() || expires.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClientRegistration(id.get(), secret.get(), expires.get()));
        });
    }

    public Path writeRegistration(SsoConfig config, ClientRegistration registration) {
        StringJoiner json = new StringJoiner(", ", "{", "}");
        json.add(quote("clientId") + ": " + quote(registration.clientId()));
        json.add(quote("clientSecret") + ": " + quote(registration.clientSecret()));
        json.add(quote("expiresAt") + ": " + quote(TIME.format(registration.expiresAt())));
        if (!config.scopes().isEmpty()) {
            StringJoiner scopes = new StringJoiner(", ", "[", "]");
            config.scopes().forEach(s -> scopes.add(quote(s)));
            json.add(quote("scopes") + ": " + scopes);
        }
        Path file = registrationFile(config);
        writeAtomically(file, json.toString());
        return file;
    }

    private static boolean forAuthorizationCode(JsonNode registration) {
        JsonNode grants = registration.path("grantTypes");
        return grants.isArray() && StreamSupport.stream(grants.spliterator(), false).anyMatch(g -> g.asText().equals("authorization_code"));
    }

    private Optional<JsonNode> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeAtomically(Path file, String text) {
        try {
            PrivateFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the SSO cache file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The CLI writes "...Z"; older SDKs wrote "+00:00" or "UTC" suffixes: read them all. */
    static Optional<Instant> parseTime(String text) {
        String t = text.trim().replace("UTC", "Z");
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
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
}
