package dev.coffer.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.Connection;
import dev.coffer.files.CofferHome;
import dev.coffer.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Coffer remembers between runs: window geometry, split positions, theme and recent
 * connections. Never credentials and never values. Stored as JSON in the Coffer home folder
 * (the system property coffer.home, else ~/.coffer).
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

    /** A connection as remembered: names only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class RecentConnection {
        public String profile;
        public String region;
        public String endpoint;
        public boolean readOnly;
        public boolean sandbox;
    }

    /** Connections last opened in audit mode, by {@link #auditKey}: they open in audit mode again. */
    public List<String> auditModeConnections = new ArrayList<>();

    /** Whether this connection (profile, region, endpoint) was last opened in audit mode. */
    public boolean auditMode(Connection c) {
        return auditModeConnections.contains(auditKey(c));
    }

    /** Remembers whether this connection was opened in audit mode. */
    public void rememberAuditMode(Connection c) {
        auditModeConnections.remove(auditKey(c));
        if (c.readOnly()) {
            auditModeConnections.add(auditKey(c));
        }
    }

    private static String auditKey(Connection c) {
        return c.sandbox() ? "sandbox" : c.profile() + "|" + c.region() + "|" + c.endpoint().map(Object::toString).orElse("");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static Path file() {
        return CofferHome.folder().resolve("settings.json");
    }

    public static Settings load() {
        Path file = file();
        if (Files.isRegularFile(file)) {
            try {
                return JSON.readValue(file.toFile(), Settings.class);
            } catch (IOException e) {
                // A damaged settings file must not stop the app; start from defaults.
                return new Settings();
            }
        }
        return new Settings();
    }

    /** Writes atomically, so a crash never leaves half a file; the file and the Coffer home are the owner's alone. */
    public void save() {
        try {
            PrivateFiles.ownFolder(CofferHome.folder());
            PrivateFiles.write(file(), JSON.writeValueAsString(this));
        } catch (IOException e) {
            System.err.println("Coffer: could not save settings: " + e.getMessage());
        }
    }
}
