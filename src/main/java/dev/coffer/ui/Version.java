package dev.coffer.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Coffer was built as (written into version.properties by the build). */
public final class Version {

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/coffer/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
