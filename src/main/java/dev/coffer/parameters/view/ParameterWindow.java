package dev.coffer.parameters.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.usage.ConsumerIndex;
import java.util.Collection;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Window;

/**
 * What the parameter screens need from the window they are opened from. The main window
 * implements it; the parameter screens know nothing else of it.
 */
public interface ParameterWindow {

    /** The window the parameter screens belong to. */
    Window owner();

    /** The clients of the connection shown. */
    ClientFactory clients();

    /** Parameter Store of the connection shown. */
    ParameterStore parameters();

    /**
     * The connection's where-used scan, null until the first: the golden AMI wizard and the
     * confirmations of delete and move read it, or fill it when they look for consumers.
     */
    ObjectProperty<ConsumerIndex> consumerIndex();

    /** Whether the connection shown may change nothing (audit mode). */
    boolean readOnly();

    /** Re-reads a saved parameter into the tree, then hands it to {@code then}. */
    void parameterSaved(String name, Consumer<Parameter> then);

    /** Re-reads parameters made by a copy, move or import into the tree. */
    void parametersSaved(Collection<String> names);

    /** Takes parameters that no longer exist out of the tree. */
    void parametersRemoved(Collection<String> names);

    /** Puts the selection on a parameter by name once it is in the tree. */
    void selectParameter(String name);

    /** Says in the status bar what was done. */
    void showStatus(String text);
}
