package dev.coffer.usage.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.usage.ConsumerIndex;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Window;

/** What the Where used window needs from the window it is opened from. The main window implements it. */
public interface WhereUsedWindow {

    /** The window Where used belongs to. */
    Window owner();

    /** That window's connection, which the scan reads. */
    ClientFactory clients();

    /**
     * The connection's scan, null until the first: one scan serves every lookup of the window,
     * Refresh replaces it, and opening another connection in the window empties it.
     */
    ObjectProperty<ConsumerIndex> consumerIndex();
}
