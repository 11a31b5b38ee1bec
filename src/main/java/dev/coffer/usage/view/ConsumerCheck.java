package dev.coffer.usage.view;

import dev.coffer.usage.ChangeWarning;
import dev.coffer.usage.ConsumerIndex;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * The consumers a delete, move or rename would break, as its confirmation shows them before the
 * user accepts: the parameter's, the folder's (everything under it) or the secret's consumers from
 * the connection's scan. With no scan yet it says they are not known and offers to look
 * ({@link #look}: the connection's scan, in the background, with Cancel); a failed or cancelled
 * scan leaves them not known and the change still possible. Reads only.
 */
public final class ConsumerCheck {

    private final ConsumerScan scan;
    private final WhereUsedViewModel.Subject subject;
    private final ChangeWarning.Change change;
    private final StringProperty text = new SimpleStringProperty("");
    private final IntegerProperty found = new SimpleIntegerProperty(-1);
    private final BooleanProperty known = new SimpleBooleanProperty();
    private final BooleanBinding canLook;
    /** Kept so the weak listeners on the window's cache live as long as this check. */
    private final ChangeListener<Object> update = (o, was, now) -> update();

    public ConsumerCheck(ConsumerScan scan, WhereUsedViewModel.Subject subject, ChangeWarning.Change change) {
        this.scan = scan;
        this.subject = subject;
        this.change = change;
        // The window's cache outlives this dialog: a weak listener lets the dialog go when it closes.
        WeakChangeListener<Object> weak = new WeakChangeListener<>(update);
        scan.indexProperty().addListener(weak);
        scan.scanningProperty().addListener(weak);
        scan.progressProperty().addListener(weak);
        scan.failureProperty().addListener(weak);
        canLook = Bindings.createBooleanBinding(() -> !known.get() && !scan.scanningProperty().get(), known, scan.scanningProperty());
        update();
    }

    private void update() {
        ConsumerIndex index = scan.indexProperty().get();
        String what = subject.phrase();
        if (index != null) {
            var consumers = subject.lookUp(index);
            found.set(consumers.size());
            known.set(true);
            text.set(ChangeWarning.of(what, consumers, subject.kind() == WhereUsedViewModel.Subject.Kind.FOLDER, change, index.unread()));
            return;
        }
        found.set(-1);
        known.set(false);
        if (scan.scanningProperty().get()) {
            text.set(ChangeWarning.looking(what, scan.progressProperty().get()));
        } else if (!scan.failureProperty().get().isEmpty()) {
            text.set(ChangeWarning.failed(what, scan.failureProperty().get()));
        } else {
            text.set(ChangeWarning.notKnown(what));
        }
    }

    /** Runs the connection's scan; the text follows it. */
    public void look() {
        scan.scan();
    }

    /** Stops the scan (Cancel, or the confirmation closed): the consumers stay not known. */
    public void cancel() {
        scan.cancel();
    }

    /** What the confirmation says about the consumers. */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** How many consumers the scan found; -1 while not known. */
    public ReadOnlyIntegerProperty foundProperty() {
        return found;
    }

    /** Whether the connection has a scan to answer from. */
    public ReadOnlyBooleanProperty knownProperty() {
        return known;
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scan.scanningProperty();
    }

    /** Look for consumers is offered: not known, and no scan running. */
    public BooleanBinding canLookProperty() {
        return canLook;
    }

    public WhereUsedViewModel.Subject subject() {
        return subject;
    }
}
