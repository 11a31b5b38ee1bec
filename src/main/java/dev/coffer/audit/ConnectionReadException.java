package dev.coffer.audit;

import dev.coffer.aws.CofferException;

/** One connection of an audit could not be read: names it, followed by why. */
public final class ConnectionReadException extends CofferException {

    public ConnectionReadException(String connection, Throwable cause) {
        super("Could not read " + connection + ".", cause);
    }
}
