package dev.coffer.audit;

import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.RetrySettings;
import java.util.List;
import java.util.Optional;

/**
 * How Coffer opens a session's clients, so that audit mode's promise holds on every path: a
 * read-only (audit) session's clients refuse every change ({@code aws} installs that guard itself)
 * and record every value revealed in the reveal log. The architecture test allows no other caller
 * of {@link ClientFactory}'s constructor.
 */
public final class SessionClients {

    private SessionClients() {
    }

    public static ClientFactory open(AwsSession session) {
        return open(session, RetrySettings.standard());
    }

    /** {@link #open(AwsSession)} with other timeouts and retries (tests give a short attempt timeout). */
    public static ClientFactory open(AwsSession session, RetrySettings retries) {
        if (!session.readOnly()) {
            return new ClientFactory(session, retries, List.of());
        }
        return new ClientFactory(session, retries, List.of(clients -> new RevealRecorder(RevealLog.standard(), session, clients::identity)));
    }

    /** The reveal recorder of an audit session's clients; empty when the session may change things. */
    public static Optional<RevealRecorder> reveals(ClientFactory clients) {
        return clients.interceptor(RevealRecorder.class);
    }
}
