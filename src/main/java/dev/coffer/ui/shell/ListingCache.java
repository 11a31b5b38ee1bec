package dev.coffer.ui.shell;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Tag;
import dev.coffer.files.CofferHome;
import dev.coffer.files.PrivateFiles;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connection listed last time, so that reopening it shows its tree and secrets list at once
 * while the fresh listing runs: one file per connection (profile, region, endpoint; the account it
 * answered for is inside and checked once STS answers) in {@code listings/} under Coffer's home,
 * owner-only and replaced atomically through {@link PrivateFiles}. Only metadata is kept: names,
 * types, tiers, versions, dates, descriptions, key ids, policies, tags and staging labels, never a
 * value. A file of another format version is ignored; a damaged one is reported by
 * {@link DamagedListingException}, naming it.
 */
public final class ListingCache {

    /** The file format; a file of any other version is ignored (and replaced after the next listing). */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;

    public ListingCache(Path folder) {
        this.folder = folder;
    }

    /** The cache under Coffer's home: {@code ~/.coffer/listings}. */
    public static ListingCache inCofferHome() {
        return new ListingCache(CofferHome.folder().resolve("listings"));
    }

    /** What a connection listed: the account it answered for, its parameters and secrets. */
    public record Listing(String account, List<Parameter> parameters, List<Secret> secrets) {
    }

    /** Where the files are. */
    public Path folder() {
        return folder;
    }

    /** A cache file that could not be read; its message names the file. */
    public static final class DamagedListingException extends IOException {
        DamagedListingException(Path file, String why) {
            super(file + " is not a listing Coffer can read (" + why + "); Coffer ignored it and lists afresh.");
        }
    }

    /** The file of a connection: a hash of its profile, region and endpoint, so no name of them reaches the file system. */
    public Path fileOf(Connection connection) {
        String key = connection.profile() + "\n" + connection.region() + "\n" + connection.endpoint().map(Object::toString).orElse("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The last listing of a connection; empty when there is none or it is of another format version. */
    public Optional<Listing> read(Connection connection) throws IOException {
        Path file = fileOf(connection);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            if (format(content, file) != FORMAT) {
                return Optional.empty();
            }
            // Bound straight to the records: through a JsonNode tree first, 50,000 parameters took twice as long.
            CachedListing cached = JSON.readValue(content, CachedListing.class);
            if (cached.parameters() == null || cached.secrets() == null || cached.account() == null) {
                throw new DamagedListingException(file, "parts missing");
            }
            return Optional.of(new Listing(cached.account(), cached.parameters().stream().map(CachedParameter::parameter).toList(),
                    cached.secrets().stream().map(CachedSecret::secret).toList()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DamagedListingException(file, e instanceof JsonProcessingException json && json.getLocation() != null
                    ? "line " + json.getLocation().getLineNr() : "an entry cannot be used");
        }
    }

    /**
     * The file's format version, read without binding the rest (it is written first): a file of
     * another version may have other shapes, and is ignored rather than called damaged.
     */
    private static int format(byte[] content, Path file) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DamagedListingException(file, "no listing object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("format")) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                }
                parser.skipChildren();
            }
            return -1;
        }
    }

    /** Replaces the connection's file with this listing (owner-only, atomically). */
    public void write(Connection connection, Listing listing) throws IOException {
        PrivateFiles.ownFolder(folder);
        CachedListing cached = new CachedListing(FORMAT, listing.account(),
                listing.parameters().stream().map(CachedParameter::of).toList(),
                listing.secrets().stream().map(CachedSecret::of).toList());
        PrivateFiles.write(fileOf(connection), JSON.writeValueAsBytes(cached));
    }

    /** Deletes every remembered listing. */
    public void clear() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    // The file's shapes: every field named, so that nothing else (no value) can end up in it.

    private record CachedListing(int format, String account, List<CachedParameter> parameters, List<CachedSecret> secrets) {
    }

    private record CachedParameter(String name, ParameterType type, ParameterTier tier, ParameterDataType dataType, long version,
                                   Instant lastModified, String lastModifiedUser, String keyId, String description, String policies) {
        static CachedParameter of(Parameter p) {
            return new CachedParameter(p.name(), p.type(), p.tier(), p.dataType(), p.version(), p.lastModified(), p.lastModifiedUser(),
                    p.keyId().orElse(null), p.description().orElse(null), p.policiesJson());
        }

        Parameter parameter() {
            if (name == null || type == null || tier == null || dataType == null) {
                throw new IllegalArgumentException("A parameter without its name, type, tier or data type");
            }
            return new Parameter(name, type, tier, dataType, version, lastModified, lastModifiedUser, Optional.ofNullable(keyId),
                    Optional.ofNullable(description), policies == null ? "" : policies);
        }
    }

    private record CachedSecret(String name, String arn, String description, String kmsKeyId, Instant lastChanged,
                                Instant lastAccessed, Instant created, boolean rotationEnabled, String rotationLambdaArn,
                                String rotationSchedule, Integer rotationEveryDays, Instant lastRotated, Instant nextRotation,
                                String owningService, Instant deletedDate, List<Tag> tags, Map<String, List<String>> versionStages,
                                String primaryRegion) {
        static CachedSecret of(Secret s) {
            return new CachedSecret(s.name(), s.arn(), s.description().orElse(null), s.kmsKeyId().orElse(null),
                    s.lastChanged().orElse(null), s.lastAccessed().orElse(null), s.created().orElse(null), s.rotationEnabled(),
                    s.rotationLambdaArn().orElse(null), s.rotationSchedule().orElse(null), s.rotationEveryDays().orElse(null),
                    s.lastRotated().orElse(null), s.nextRotation().orElse(null), s.owningService().orElse(null),
                    s.deletedDate().orElse(null), s.tags(), s.versionStages(), s.primaryRegion().orElse(null));
        }

        Secret secret() {
            if (name == null || arn == null) {
                throw new IllegalArgumentException("A secret without its name or ARN");
            }
            return new Secret(name, arn, Optional.ofNullable(description), Optional.ofNullable(kmsKeyId), Optional.ofNullable(lastChanged),
                    Optional.ofNullable(lastAccessed), Optional.ofNullable(created), rotationEnabled, Optional.ofNullable(rotationLambdaArn),
                    Optional.ofNullable(rotationSchedule), Optional.ofNullable(rotationEveryDays), Optional.ofNullable(lastRotated),
                    Optional.ofNullable(nextRotation), Optional.ofNullable(owningService), Optional.ofNullable(deletedDate),
                    tags == null ? List.of() : List.copyOf(tags), versionStages == null ? Map.of() : Map.copyOf(versionStages),
                    Optional.ofNullable(primaryRegion));
        }
    }
}
