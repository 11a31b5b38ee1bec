package dev.coffer.audit;

import dev.coffer.auth.Profiles;
import dev.coffer.auth.sso.CachedSignIn;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the headless commands ({@code audit}, {@code where-used}, {@code diff}, {@code promote})
 * turn a profile, region and endpoint option into a session, as the AWS CLI v2 does: an endpoint
 * alone needs no AWS file; a profile is the one named or the default one, in the region named or
 * its own; an IAM Identity Center profile's sign-in is checked before the SDK would try.
 */
public final class CommandSessions {

    private final Supplier<Profiles> read;
    private Profiles profilesRead;

    public CommandSessions() {
        this(Profiles::fromEnvironment);
    }

    /** With the AWS files a test gives. */
    public CommandSessions(Supplier<Profiles> read) {
        this.read = read;
    }

    /**
     * A connection from one side's options.
     *
     * @param option    the options' prefix in messages: "" for {@code --profile}, "left-" for {@code --left-profile}
     * @param noProfile what to say when no profile is named and there is no default one
     * @throws IllegalArgumentException for options that make no connection (exit 2)
     */
    public Connection connection(String profile, String region, URI endpoint, boolean readOnly, String option, String noProfile) {
        if (profile == null && endpoint != null) {
            return Connection.endpoint(endpoint, region == null ? "us-east-1" : region, readOnly);
        }
        String name = profile != null ? profile : profiles().defaultProfileName().orElseThrow(() -> new IllegalArgumentException(noProfile));
        return Connection.profile(name, region != null ? region : regionOf(name, option), endpoint, readOnly);
    }

    /** @throws IllegalArgumentException when the AWS config files have no such profile */
    public void requireProfile(String profile) {
        if (profiles().find(profile).isEmpty()) {
            throw new IllegalArgumentException("There is no AWS profile named '" + profile + "' in your AWS config files.");
        }
    }

    /** The region a profile names; the profile must exist. */
    public String regionOf(String profile, String option) {
        requireProfile(profile);
        return profiles().regionFor(profile).orElseThrow(() -> new IllegalArgumentException(
                "The profile '" + profile + "' names no region; add --" + option + "region."));
    }

    /**
     * How to sign in, when the connection is an IAM Identity Center profile whose cached sign-in
     * is missing, expired or no longer refreshes: the SDK's own SSO provider would log its failure
     * with stack traces on the terminal.
     */
    public Optional<List<String>> signInProblem(Connection connection) {
        if (connection.usesLocalCredentials()) {
            return Optional.empty();
        }
        Optional<SsoConfig> sso = SsoConfig.ofProfile(profiles().file(), connection.profile());
        if (sso.isPresent()) {
            CachedSignIn signIn = SsoLogin.standard(sso.get()).cachedSignIn();
            if (signIn.state() != CachedSignIn.State.SIGNED_IN) {
                return Optional.of(signIn.explain(connection.profile()));
            }
        }
        return Optional.empty();
    }

    public AwsSession session(Connection c) {
        if (c.usesLocalCredentials()) {
            // An endpoint alone needs no AWS file, but the SDK's clients would still parse them:
            // reading them sets a damaged one aside for the SDK (Profiles.fromEnvironment).
            readOnce();
            return Sessions.local(c, c.endpoint().orElseThrow());
        }
        return Sessions.forProfile(c, profiles().file(), profiles().endpointsFor(c.profile()));
    }

    /** The AWS files, read once; a config or credentials file that cannot be read stops the command (exit 3), naming it. */
    public Profiles profiles() {
        Profiles read = readOnce();
        if (!read.unreadableFiles().isEmpty()) {
            throw read.unreadableFiles().get(0);
        }
        return read;
    }

    private Profiles readOnce() {
        if (profilesRead == null) {
            profilesRead = read.get();
        }
        return profilesRead;
    }
}
