package dev.coffer.ui.shell;

import java.net.URI;

/**
 * What the first window opens, as the command line asked (all null or false: the default profile,
 * else the sandbox when no profile exists).
 */
public record StartOptions(String profile, String region, URI endpoint, boolean readOnly, boolean sandbox) {

    public static final StartOptions DEFAULT = new StartOptions(null, null, null, false, false);
}
