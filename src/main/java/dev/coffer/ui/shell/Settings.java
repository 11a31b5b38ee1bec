package dev.coffer.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.Connection;
import dev.coffer.files.CofferHome;
import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What Coffer remembers between runs: window geometry, split positions, theme and recent
 * connections. Never credentials and never values. Stored as JSON in the Coffer home folder
 * (the system property coffer.home, else ~/.coffer).
 *
 * <p>A damaged file never stops Coffer: it is read field by field, a field that cannot be used
 * keeps its default, the file as found is kept as {@code settings.json.bak}, and
 * {@link #problems()} says what was wrong. The remembered audit modes are never dropped silently:
 * when they cannot be read, every connection opens read-only until the user chooses again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {

    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1440;
    public double windowHeight = 880;
    public boolean maximized;
    public double[] dividers = {0.27, 0.66};
    public boolean darkTheme;
    public List<RecentConnection> recentConnections = new ArrayList<>();
    /** Whether each connection's last listing (metadata only) is remembered, for an instant reopen. */
    public boolean rememberListings = true;
    /** The secrets table's shown columns, by title; empty for the first three. */
    public List<String> secretColumns = new ArrayList<>();

    /** A connection as remembered: names only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class RecentConnection {
        public String profile;
        public String region;
        public String endpoint;
        public boolean readOnly;
        public boolean sandbox;
    }

    /**
     * Connections last opened in audit mode, by {@link #auditKey}: they open in audit mode again.
     * Null when they could not be read: then every connection opens in audit mode, and it is saved
     * as null so that the next start does not open read-write what may have been read-only.
     */
    public List<String> auditModeConnections = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();

    /** Whether this connection (profile, region, endpoint) was last opened in audit mode, or may have been. */
    public boolean auditMode(Connection c) {
        return auditModeConnections == null || auditModeConnections.contains(auditKey(c));
    }

    /** Remembers whether this connection was opened in audit mode. */
    public void rememberAuditMode(Connection c) {
        if (auditModeConnections == null) {
            auditModeConnections = new ArrayList<>();
        }
        auditModeConnections.remove(auditKey(c));
        if (c.readOnly()) {
            auditModeConnections.add(auditKey(c));
        }
    }

    /** What was wrong with the settings when they were read, one sentence each naming the file and line; empty when nothing. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static String auditKey(Connection c) {
        return c.sandbox() ? "sandbox" : c.profile() + "|" + c.region() + "|" + c.endpoint().map(Object::toString).orElse("");
    }

    private static final String AUDIT_MODES = "auditModeConnections";
    private static final String RECENT = "recentConnections";
    private static final String READ_ONLY_NOTE = " Until you choose again in File → Connect…, every connection opens read-only (audit mode).";

    /** Null where a list, array or number is expected is a damaged field, not an empty one. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static {
        JSON.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        JSON.configOverride(double[].class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
    }

    private static Path file() {
        return CofferHome.folder().resolve("settings.json");
    }

    public static Settings load() {
        Path folder = CofferHome.folder();
        Path file = file();
        Settings settings = new Settings();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            settings.unknownAuditModes(folder + " is not a folder, so Coffer can neither read nor save its settings there.");
            return settings;
        }
        if (!Files.exists(file)) {
            return settings;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            settings.unknownAuditModes("Coffer cannot read " + file + "; it uses its default settings.");
            return settings;
        }
        try {
            settings = readFieldByField(file, JSON.readTree(content), fieldLines(content));
        } catch (IOException e) {
            settings.unknownAuditModes(file + (e instanceof JsonProcessingException json ? lineOf(json) : "")
                    + " is not a settings file Coffer can read; it uses its default settings and kept the file as settings.json.bak.");
        }
        if (!settings.problems.isEmpty()) {
            keepAsBackup(file, content, settings);
        }
        return settings;
    }

    /** Reads every field that can be read; a field (or one recent connection) that cannot keeps its default. */
    private static Settings readFieldByField(Path file, JsonNode tree, Map<String, Integer> lines) throws JsonProcessingException {
        Settings settings = new Settings();
        if (!(tree instanceof ObjectNode fields)) {
            settings.unknownAuditModes(file + " holds no settings object; Coffer uses its default settings and kept the file as settings.json.bak.");
            return settings;
        }
        List<String> problems = new ArrayList<>();
        boolean auditModesLost = false;
        while (true) {
            try {
                settings = JSON.treeToValue(fields, Settings.class);
                break;
            } catch (JsonMappingException e) {
                List<JsonMappingException.Reference> path = e.getPath();
                if (path.isEmpty() || path.get(0).getFieldName() == null) {
                    throw e;
                }
                String field = path.get(0).getFieldName();
                String where = file + " line " + lines.getOrDefault(field, 1) + ": ";
                if (path.size() > 1 && path.get(1).getIndex() >= 0 && fields.get(field) instanceof ArrayNode list) {
                    list.remove(path.get(1).getIndex());
                    problems.add(where + "a remembered connection in \"" + field + "\" could not be read; Coffer left it out.");
                    continue;
                }
                fields.remove(field);
                auditModesLost |= field.equals(AUDIT_MODES);
                problems.add(where + "the field \"" + field + "\" could not be read; Coffer uses its default for it"
                        + " and kept the file as settings.json.bak." + (field.equals(AUDIT_MODES) ? READ_ONLY_NOTE : ""));
            }
        }
        for (Iterator<RecentConnection> i = settings.recentConnections.iterator(); i.hasNext(); ) {
            RecentConnection r = i.next();
            if (r.endpoint != null && !isEndpoint(r.endpoint)) {
                i.remove();
                // The endpoint is not repeated: a URL can carry a user name and password.
                problems.add(file + " line " + lines.getOrDefault(RECENT, 1) + ": the endpoint of a remembered connection in \""
                        + RECENT + "\" is not an http:// or https:// URL with a host; Coffer left it out.");
            }
        }
        if (auditModesLost) {
            settings.auditModeConnections = null;
        }
        settings.problems.addAll(problems);
        return settings;
    }

    private static boolean isEndpoint(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The line each top-level field starts on, for messages. */
    private static Map<String, Integer> fieldLines(byte[] content) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                lines.putIfAbsent(parser.currentName(), parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return lines;
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " line " + e.getLocation().getLineNr() : "";
    }

    private void unknownAuditModes(String problem) {
        auditModeConnections = null;
        problems.add(problem + READ_ONLY_NOTE);
    }

    /** The file as it was found, before saving replaces it. */
    private static void keepAsBackup(Path file, byte[] content, Settings settings) {
        try {
            PrivateFiles.write(file.resolveSibling("settings.json.bak"), content);
        } catch (IOException e) {
            settings.problems.add("Coffer could not keep the damaged settings as " + file.resolveSibling("settings.json.bak") + ".");
        }
    }

    /** Writes atomically, so a crash never leaves half a file; the file and the Coffer home are the owner's alone. */
    public void save() {
        try {
            PrivateFiles.ownFolder(CofferHome.folder());
            PrivateFiles.write(file(), JSON.writeValueAsString(this));
        } catch (IOException e) {
            System.err.println("Coffer: could not save settings in " + file() + ".");
        }
    }
}
