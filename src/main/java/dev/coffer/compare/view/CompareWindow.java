package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import java.util.Collection;
import java.util.List;
import javafx.stage.Window;

/** What the compare, export and import windows need from the window they are opened from. The main window implements it. */
public interface CompareWindow {

    /** The window the compare window belongs to. */
    Window owner();

    /** That window's connection: exports read from it, imports write to it. */
    ClientFactory clients();

    /** Parameters were created or changed in that window's connection (an import): the tree follows. */
    void parametersSaved(Collection<String> names);

    /** Whether that window is read-only (audit mode): the compare window then promotes nothing. */
    boolean readOnly();

    /**
     * The connections a side may use: this window's first, then the other windows' (in an audit
     * window only read-only ones, so that every value read is logged).
     */
    List<ClientFactory> connections();

    /** File → New window…: connects to any profile, region, the sandbox or an endpoint, which then is one of {@link #connections()}. */
    void newWindow();
}
