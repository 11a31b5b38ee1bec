package dev.coffer.parameters;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coffer's parameter export format, version 1:
 * <pre>{"coffer":"parameters","version":1,"path":"/apps/billing","parameters":[
 *   {"name":"/apps/billing/url","type":"String","value":"https://…","description":"","tier":"Standard",
 *    "dataType":"text","tags":[{"key":"Team","value":"billing"}]},
 *   {"name":"/apps/billing/db-password","type":"SecureString","value":null,"secure":true,…}]}</pre>
 * SecureString values are never written: secrets must not end up on disk.
 */
final class ParameterExportFile {

    static final String FORMAT = "parameters";
    static final int VERSION = 1;
    /** Larger files are refused before they are read, so that no file can fill the memory. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One parameter in a file, its type, tier and data type as the file writes them (see
     * {@link ParameterRules#checkNames}). The value is empty for SecureStrings and entries without one.
     */
    record Entry(int index, String name, String type, Optional<SecretText> value, boolean secure, String description, String tier,
                 String dataType, List<Tag> tags) {

        /** "/apps/x" or, without a name, "entry 3". */
        String label() {
            return name.isEmpty() ? "entry " + (index + 1) : name;
        }
    }

    private ParameterExportFile() {
    }

    /** Writes an export document; {@code values} holds the value of every parameter that is not a SecureString. */
    static String write(String path, List<Parameter> parameters, java.util.Map<String, SecretText> values,
                        java.util.function.Function<String, List<Tag>> tags) {
        ObjectNode root = JSON.createObjectNode();
        root.put("coffer", FORMAT);
        root.put("version", VERSION);
        root.put("path", path);
        ArrayNode list = root.putArray("parameters");
        for (Parameter p : parameters) {
            ObjectNode item = list.addObject();
            item.put("name", p.name());
            item.put("type", p.type().awsName());
            SecretText value = p.isSecure() ? null : values.get(p.name());
            if (value == null) {
                item.putNull("value");
            } else {
                item.put("value", value.reveal());
            }
            if (p.isSecure()) {
                item.put("secure", true);
            }
            item.put("description", p.description().orElse(""));
            item.put("tier", p.tier().awsName());
            item.put("dataType", p.dataType().awsName());
            ArrayNode tagList = item.putArray("tags");
            for (Tag t : tags.apply(p.name())) {
                tagList.addObject().put("key", t.key()).put("value", t.value());
            }
        }
        try {
            return JSON.writeValueAsString(root);
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
            throw new IllegalArgumentException(String.format("%s is %,d bytes, larger than 10 MB (%,d bytes), the most an import reads.",
                    file.getFileName(), size, MAX_FILE_BYTES));
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Reads an export document.
     *
     * @throws IllegalArgumentException when it is not JSON, not a Coffer parameter export, or of another version
     */
    static List<Entry> read(String json) {
        JsonNode list = document(json).path("parameters");
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : list) {
            String type = text(item, "type", ParameterType.STRING.awsName());
            JsonNode value = item.path("value");
            boolean secure = item.path("secure").asBoolean(false) || ParameterType.SECURE_STRING.awsName().equals(type);
            Optional<SecretText> v = value.isValueNode() && !value.isNull() ? Optional.of(SecretText.of(value.asText())) : Optional.empty();
            List<Tag> tags = new ArrayList<>();
            for (JsonNode t : item.path("tags")) {
                tags.add(new Tag(t.path("key").asText(""), t.path("value").asText("")));
            }
            entries.add(new Entry(index++, text(item, "name", ""), type, v, secure, text(item, "description", ""),
                    text(item, "tier", ParameterTier.STANDARD.awsName()), text(item, "dataType", ParameterDataType.TEXT.awsName()),
                    List.copyOf(tags)));
        }
        return entries;
    }

    /** The folder a document was exported from; "/" when it does not say. */
    static String folderOf(String json) {
        String prefix = prefix(text(document(json), "path", ""));
        return prefix.isEmpty() ? ParameterPath.ROOT : prefix;
    }

    /**
     * The document with the names under the folder it was exported from moved under {@code folder}:
     * "/apps/billing/url" exported from "/apps/billing" and moved to "/apps/invoicing" becomes
     * "/apps/invoicing/url". A name outside that folder (edited by hand) keeps its name, so an
     * import never guesses where it belongs; the import preview shows it.
     */
    static String moveTo(String json, String folder) {
        ObjectNode root = document(json);
        String from = prefix(text(root, "path", ""));
        String to = prefix(folder);
        if (from.equals(to)) {
            return json;
        }
        for (JsonNode item : root.path("parameters")) {
            String name = text(item, "name", "");
            if (item.isObject() && !name.isEmpty()) {
                movedName(name, from, to).ifPresent(moved -> ((ObjectNode) item).put("name", moved));
            }
        }
        root.put("path", to.isEmpty() ? ParameterPath.ROOT : to);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> movedName(String name, String from, String to) {
        if (from.isEmpty()) {
            // Exported from the root: every name is under it, also those without a leading slash.
            return Optional.of(to + (name.startsWith("/") ? name : "/" + name));
        }
        return name.startsWith(from + "/") ? Optional.of(to + name.substring(from.length())) : Optional.empty();
    }

    /**
     * Why {@code name} may not be imported into {@code folder}, or empty when it may. Parameter
     * Store never resolves "." or "..", but a person or a tool reading "/apps/x/../../prod/db" takes
     * it for a parameter of /prod, so such names are refused wherever they point.
     */
    static Optional<String> outside(String name, String folder) {
        for (String level : name.split("/")) {
            if (level.equals(".") || level.equals("..")) {
                return Optional.of("the name has a \".\" or \"..\" level; an import never names a parameter by a relative path.");
            }
        }
        String prefix = prefix(folder);
        if (!prefix.isEmpty() && !name.startsWith(prefix + "/")) {
            return Optional.of("outside " + prefix + "; an import only creates or changes parameters in the folder it goes into.");
        }
        return Optional.empty();
    }

    /** A folder as a name prefix: "/apps/billing" for "apps/billing/", "" for the root. */
    private static String prefix(String folder) {
        String path = folder == null ? "" : folder.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
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
