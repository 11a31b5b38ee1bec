package dev.coffer.ui.shell;

import dev.coffer.secrets.Secret;
import dev.coffer.ui.shell.DetailsViewModel.ValueState;
import dev.coffer.ui.shell.Selection.FolderSelection;
import dev.coffer.ui.shell.Selection.ParameterSelection;
import dev.coffer.ui.shell.Selection.SecretSelection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * When each action of the main window (menus, toolbar, keys, double clicks, the tree's menu) can
 * be used and whether it is offered at all: worked out from the connection, read-only mode, the
 * selection and the shown value, so the controller only binds.
 */
public final class MainWindowActions {

    /** Every action whose availability depends on the window's state. */
    public enum Action {
        REFRESH(false), NEW_PARAMETER(true), EDIT_PARAMETER(true), PARAMETER_HISTORY(false), COPY_MOVE(true),
        DELETE_PARAMETER(true), GOLDEN_IMAGE(true), EXPORT_FOLDER(false), IMPORT_INTO_FOLDER(true), RESOLVE_REFERENCE(false),
        NEW_SECRET(true), EDIT_SECRET(true), SECRET_VERSIONS(false), SECRET_POLICY(false), ROTATION(true),
        DELETE_SECRET(true), RESTORE_SECRET(true), REVEAL(false), COPY_VALUE(false), COPY_NAME(false), COPY_ARN(false),
        AUDIT_REPORT(false), COMPARE(false), WHERE_USED(false);

        /** Whether it could change AWS: then a read-only window does not offer it at all. */
        final boolean changes;

        Action(boolean changes) {
            this.changes = changes;
        }
    }

    private final BooleanBinding canChange;
    private final Map<Action, BooleanBinding> enabled = new EnumMap<>(Action.class);
    private final Map<Action, BooleanBinding> offered = new EnumMap<>(Action.class);

    /**
     * @param connected whether a connection is open
     * @param readOnly  whether the window is read-only (audit mode), the one answer the window has
     * @param selection what is selected in the tree or the list
     * @param shown     what the details show
     * @param value     the state of the shown value
     */
    public MainWindowActions(ObservableBooleanValue connected, ObservableBooleanValue readOnly, ObservableValue<Selection> selection,
            ObservableValue<Selection> shown, ObservableValue<ValueState> value) {
        this(connected, readOnly, selection, shown, value, secret -> false);
    }

    /**
     * @param replica whether a secret is a replica read in its own region, which Secrets Manager
     *                changes only through its primary: editing, rotating and deleting are off for it
     */
    public MainWindowActions(ObservableBooleanValue connected, ObservableBooleanValue readOnly, ObservableValue<Selection> selection,
            ObservableValue<Selection> shown, ObservableValue<ValueState> value, Predicate<Secret> replica) {
        canChange = Bindings.createBooleanBinding(() -> connected.get() && !readOnly.get(), connected, readOnly);
        BooleanBinding parameter = selected(selection, s -> s instanceof ParameterSelection);
        BooleanBinding inTree = selected(selection, s -> s instanceof ParameterSelection || s instanceof FolderSelection);
        BooleanBinding secret = selected(selection, s -> s instanceof SecretSelection);
        // A secret scheduled for deletion cannot be changed until it is restored (AWS refuses).
        BooleanBinding scheduled = selected(selection, s -> s instanceof SecretSelection ss && ss.scheduledForDeletion());
        BooleanBinding replicaSecret = selected(selection, s -> s instanceof SecretSelection ss && replica.test(ss.secret()));
        BooleanBinding liveSecret = secret.and(scheduled.not()).and(replicaSecret.not());
        BooleanBinding itemShown = selected(shown, s -> !(s instanceof Selection.None));
        BooleanBinding connection = Bindings.createBooleanBinding(connected::get, connected);

        enabled.put(Action.REFRESH, connection);
        enabled.put(Action.NEW_PARAMETER, canChange);
        enabled.put(Action.EDIT_PARAMETER, canChange.and(parameter));
        enabled.put(Action.PARAMETER_HISTORY, connection.and(parameter));
        enabled.put(Action.COPY_MOVE, canChange.and(inTree));
        enabled.put(Action.DELETE_PARAMETER, canChange.and(inTree));
        enabled.put(Action.GOLDEN_IMAGE, canChange);
        // Export and references only read, so read-only windows keep them.
        enabled.put(Action.EXPORT_FOLDER, connection);
        enabled.put(Action.IMPORT_INTO_FOLDER, canChange);
        enabled.put(Action.RESOLVE_REFERENCE, connection);
        enabled.put(Action.NEW_SECRET, canChange);
        enabled.put(Action.EDIT_SECRET, canChange.and(liveSecret));
        enabled.put(Action.SECRET_VERSIONS, connection.and(secret));
        enabled.put(Action.SECRET_POLICY, connection.and(secret));
        enabled.put(Action.ROTATION, canChange.and(liveSecret));
        enabled.put(Action.DELETE_SECRET, canChange.and(liveSecret));
        enabled.put(Action.RESTORE_SECRET, canChange.and(scheduled));
        enabled.put(Action.REVEAL, connection.and(itemShown));
        enabled.put(Action.COPY_VALUE, Bindings.createBooleanBinding(() -> value.getValue() == ValueState.REVEALED, value));
        enabled.put(Action.COPY_NAME, itemShown);
        enabled.put(Action.COPY_ARN, connection.and(itemShown));
        enabled.put(Action.AUDIT_REPORT, connection);
        enabled.put(Action.COMPARE, connection);
        // Where used only reads, so read-only windows keep it.
        enabled.put(Action.WHERE_USED, connection.and(inTree.or(secret)));
        BooleanBinding writable = Bindings.createBooleanBinding(() -> !readOnly.get(), readOnly);
        BooleanBinding always = Bindings.createBooleanBinding(() -> true);
        for (Action action : Action.values()) {
            // In read-only mode nothing that could change AWS is offered.
            offered.put(action, action.changes ? writable : always);
        }
    }

    private static BooleanBinding selected(ObservableValue<Selection> selection, Predicate<Selection> test) {
        return Bindings.createBooleanBinding(() -> test.test(selection.getValue()), selection);
    }

    /** Whether {@code action} can be used now. */
    public BooleanBinding enabled(Action action) {
        return enabled.get(action);
    }

    /** Whether {@code action} is shown at all: a read-only window hides what could change AWS. */
    public BooleanBinding offered(Action action) {
        return offered.get(action);
    }

    /** Whether the window may change anything: connected, and not read-only. */
    public BooleanBinding canChange() {
        return canChange;
    }
}
