package dev.coffer.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.files.PrivateFiles;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Coffer's parameter export format, version 1, the file a {@link Side.ExportFile} is:
 * <pre>{"coffer":"parameters","version":1,"path":"/apps/billing","parameters":[
 *   {"name":"/apps/billing/url","type":"String","value":"https://…","description":"","tier":"Standard",
 *    "dataType":"text","tags":[{"key":"Team","value":"billing"}]},
 *   {"name":"/apps/billing/db-password","type":"SecureString","value":null,"secure":true,…}]}</pre>
 * SecureString values are never written: secrets must not end up on disk. Reading checks every
 * entry at once, before anything is asked of AWS; an entry Coffer cannot use is {@link Rejected}
 * with the reason, the others are read.
 */
final class ExportDocument {

    static final String FORMAT = "parameters";
    static final int VERSION = 1;
    /** Larger files are refused before they are read, so that no file can fill the memory. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a file holds: the folder it was exported from ("/" when it does not say), its usable
     * entries by their names relative to that folder, and the entries it cannot use.
     */
    record Contents(String root, Map<String, ParameterItem> parameters, List<Rejected> rejected) {
    }

    private ExportDocument() {
    }

    /**
     * An export document of {@code items}, exported from {@code root}. A SecureString is written
     * without its value even when the item holds one.
     */
    static String write(String root, Collection<ParameterItem> items) {
        ObjectNode document = JSON.createObjectNode();
        document.put("coffer", FORMAT);
        document.put("version", VERSION);
        document.put("path", root);
        ArrayNode list = document.putArray("parameters");
        for (ParameterItem p : items) {
            ObjectNode item = list.addObject();
            item.put("name", p.name());
            item.put("type", p.type().awsName());
            Optional<SecretText> value = p.isSecure() ? Optional.empty() : p.value();
            if (value.isEmpty()) {
                item.putNull("value");
            } else {
                item.put("value", value.get().reveal());
            }
            if (p.isSecure()) {
                item.put("secure", true);
            }
            item.put("description", p.description());
            item.put("tier", p.tier().awsName());
            item.put("dataType", p.dataType().awsName());
            ArrayNode tagList = item.putArray("tags");
            for (Tag t : p.tags().orElse(List.of())) {
                tagList.addObject().put("key", t.key()).put("value", t.value());
            }
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an export document to a file only its owner can read: it holds parameter values. */
    static void save(Path file, String document) throws IOException {
        PrivateFiles.write(file, document);
    }

    /**
     * Reads an export file, after checking its size: a larger file is refused without being read.
     *
     * @throws IllegalArgumentException when the file is larger than {@link #MAX_FILE_BYTES}
     */
    static String load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(String.format("%s is %,d bytes, larger than 10 MB (%,d bytes), the most Coffer reads.",
                    file.getFileName(), size, MAX_FILE_BYTES));
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Reads an export document, checking every entry: without a name, with a "." or ".." level,
     * outside the folder it was exported from, listed twice, marked secure but typed otherwise, with
     * a type, tier or data type Coffer does not know, or with a name AWS would refuse, an entry is
     * rejected with the reason. Values are kept only when {@code values} says so.
     *
     * @throws IllegalArgumentException when it is not JSON, not a Coffer parameter export, or of another version
     */
    static Contents read(String json, boolean values) {
        ObjectNode document = document(json);
        String root = folderOf(document);
        Map<String, ParameterItem> items = new TreeMap<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : document.path("parameters")) {
            index++;
            String name = text(entry, "name", "");
            String label = name.isEmpty() ? "entry " + index : name;
            Optional<String> reason = reason(entry, name, root, seen);
            if (reason.isPresent()) {
                rejected.add(new Rejected(label, reason.get()));
                continue;
            }
            JsonNode value = entry.path("value");
            Optional<SecretText> v = values && value.isValueNode() && !value.isNull() ? Optional.of(SecretText.of(value.asText()))
                    : Optional.empty();
            List<Tag> tags = new ArrayList<>();
            for (JsonNode t : entry.path("tags")) {
                tags.add(new Tag(t.path("key").asText(""), t.path("value").asText("")));
            }
            items.put(RelativeNames.parameter(name, root), new ParameterItem(name, ParameterType.fromAws(type(entry)).orElseThrow(),
                    ParameterTier.fromAws(tier(entry)).orElseThrow(), ParameterDataType.fromAws(dataType(entry)).orElseThrow(),
                    Optional.empty(), Optional.empty(), text(entry, "description", ""), Optional.of(List.copyOf(tags)), Optional.empty(),
                    v, 0, Optional.empty()));
        }
        return new Contents(root, items, rejected);
    }

    /** Why an entry cannot be used, or empty when it can. */
    private static Optional<String> reason(JsonNode entry, String name, String root, Set<String> seen) {
        if (name.isEmpty()) {
            return Optional.of("no name.");
        }
        for (String level : name.split("/")) {
            // Parameter Store never resolves "." or "..", but a person or a tool reading
            // "/apps/x/../../prod/db" takes it for a parameter of /prod.
            if (level.equals(".") || level.equals("..")) {
                return Optional.of("the name has a \".\" or \"..\" level; Coffer never names a parameter by a relative path.");
            }
        }
        if (!root.equals(ParameterPath.ROOT) && !name.startsWith(root + "/")) {
            return Optional.of("outside " + root + ", the folder the file was exported from, so Coffer cannot tell where it belongs.");
        }
        if (!seen.add(name)) {
            return Optional.of("listed more than once in the file; only the first is used.");
        }
        String type = type(entry);
        if (entry.path("secure").asBoolean(false) && !ParameterType.SECURE_STRING.awsName().equals(type)) {
            return Optional.of("marked secure in the file but typed " + type + "; a secure entry is never used as " + type + ".");
        }
        List<Problem> problems = new ArrayList<>(ParameterRules.checkNames(type, tier(entry), dataType(entry)));
        problems.addAll(ParameterRules.checkName(name));
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
    }

    private static String type(JsonNode entry) {
        return text(entry, "type", ParameterType.STRING.awsName());
    }

    private static String tier(JsonNode entry) {
        return text(entry, "tier", ParameterTier.STANDARD.awsName());
    }

    private static String dataType(JsonNode entry) {
        return text(entry, "dataType", ParameterDataType.TEXT.awsName());
    }

    /** The folder a document was exported from, as a folder name ("/apps/billing"); "/" when it does not say. */
    private static String folderOf(ObjectNode document) {
        String path = text(document, "path", "").trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return ParameterPath.ROOT;
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The document's root object, after checking it is a Coffer parameter export this version reads. */
    private static ObjectNode document(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the text around the error, which may be a value: only say where.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(at == null ? "The file is not valid JSON."
                    : "The file is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ".");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("coffer").asText(null))) {
            throw new IllegalArgumentException("The file is not a Coffer parameter export (\"coffer\": \"parameters\" is missing).");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("The file is a version " + root.path("version").asText("?")
                    + " export; this Coffer reads version " + VERSION + ".");
        }
        if (!root.path("parameters").isArray()) {
            throw new IllegalArgumentException("The file has no \"parameters\" list.");
        }
        return (ObjectNode) root;
    }

    private static String text(JsonNode item, String field, String fallback) {
        JsonNode node = item.path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : fallback;
    }
}
