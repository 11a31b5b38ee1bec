package dev.coffer.ui.shell;

import dev.coffer.aws.Connection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections opened lately, newest first, kept in {@link Settings#recentConnections}: profile,
 * region, endpoint and the read-only flag only, never credentials or values.
 */
public final class RecentConnections {

    static final int MAX = 8;

    private final Settings settings;

    public RecentConnections(Settings settings) {
        this.settings = settings;
    }

    /** Puts a connection first (once) and saves the settings, so a crash does not lose it. */
    public void remember(Connection connection) {
        List<Settings.RecentConnection> list = new ArrayList<>(settings.recentConnections);
        list.removeIf(r -> toConnection(r).equals(connection));
        list.add(0, of(connection));
        settings.recentConnections = new ArrayList<>(list.subList(0, Math.min(MAX, list.size())));
        settings.save();
    }

    public List<Connection> list() {
        return settings.recentConnections.stream().map(RecentConnections::toConnection).toList();
    }

    private static Settings.RecentConnection of(Connection c) {
        Settings.RecentConnection r = new Settings.RecentConnection();
        r.profile = c.profile();
        r.region = c.region();
        r.endpoint = c.endpoint().map(URI::toString).orElse(null);
        r.readOnly = c.readOnly();
        r.sandbox = c.sandbox();
        return r;
    }

    private static Connection toConnection(Settings.RecentConnection r) {
        if (r.sandbox) {
            return Connection.sandbox(r.readOnly);
        }
        return new Connection(r.profile == null ? "" : r.profile, r.region == null ? "us-east-1" : r.region,
                Optional.ofNullable(r.endpoint).map(URI::create), r.readOnly, false);
    }

    /** "prod-admin · eu-west-1 (read-only)", as the File → Recent menu lists it. */
    public static String label(Connection c) {
        return c.label() + (c.readOnly() ? " (read-only)" : "");
    }
}
