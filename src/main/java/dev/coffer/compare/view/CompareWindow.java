package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import java.util.List;
import javafx.stage.Window;

/** What the compare window needs from the window it is opened from. The main window implements it. */
public interface CompareWindow {

    /** The window the compare window belongs to. */
    Window owner();

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
