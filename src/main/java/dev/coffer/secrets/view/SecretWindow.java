package dev.coffer.secrets.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.secrets.SecretStore;
import dev.coffer.usage.ConsumerIndex;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Window;

/**
 * What the secret screens need from the window they are opened from. The main window implements
 * it; the secret screens know nothing else of it.
 */
public interface SecretWindow {

    /** The window the secret screens belong to. */
    Window owner();

    /** The clients of the connection shown. */
    ClientFactory clients();

    /** Secrets Manager of the connection shown. */
    SecretStore secrets();

    /** The connection's where-used scan, null until the first: the delete confirmation reads it, or fills it when it looks. */
    ObjectProperty<ConsumerIndex> consumerIndex();

    /** Whether the connection shown may change nothing (audit mode). */
    boolean readOnly();

    /** Whether the list shows secrets scheduled for deletion. */
    boolean showsDeletedSecrets();

    /** Re-reads a saved secret and shows it in the list and the details. */
    void secretSaved(String name);

    /** Takes a deleted secret out of the list. */
    void secretRemoved(String arn);

    /** Says in the status bar what was done. */
    void showStatus(String text);

    /** Shows what went wrong in the window's message bar. */
    void report(Throwable error);
}
