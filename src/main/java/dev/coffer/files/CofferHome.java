package dev.coffer.files;

import java.nio.file.Path;

/** Coffer's own folder, where its settings and the audit log live: the system property coffer.home, else ~/.coffer. */
public final class CofferHome {

    private CofferHome() {
    }

    public static Path folder() {
        String configured = System.getProperty("coffer.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".coffer");
    }
}
