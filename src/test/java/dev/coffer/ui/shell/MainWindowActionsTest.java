package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.secrets.Secret;
import dev.coffer.ui.shell.DetailsViewModel.ValueState;
import dev.coffer.ui.shell.MainWindowActions.Action;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The main window's rules for every action, in every state a window can be in, without a window. */
class MainWindowActionsTest {

    /** What the window shows and has selected. */
    enum State {
        NO_CONNECTION, READ_ONLY, READ_ONLY_SCHEDULED_SECRET, FOLDER, PARAMETER, SECRET, SCHEDULED_SECRET
    }

    private static final Parameter PARAMETER = new Parameter("/apps/billing/db-host", ParameterType.STRING, ParameterTier.STANDARD, ParameterDataType.TEXT, 3,
            Instant.parse("2026-11-01T10:00:00Z"), "alice", Optional.empty(), Optional.empty(), "");
    private static final Secret SECRET = secret(Optional.empty());
    private static final Secret SCHEDULED = secret(Optional.of(Instant.parse("2026-12-01T10:00:00Z")));

    private static Secret secret(Optional<Instant> deleted) {
        return new Secret("billing/db", "arn:aws:secretsmanager:us-east-1:123456789012:secret:billing/db-AbCdEf", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), deleted, List.of(), Map.of(), Optional.empty());
    }

    private static final Set<State> CONNECTED = EnumSet.complementOf(EnumSet.of(State.NO_CONNECTION));
    private static final Set<State> WRITABLE = EnumSet.of(State.FOLDER, State.PARAMETER, State.SECRET, State.SCHEDULED_SECRET);
    private static final Set<State> SHOWN = EnumSet.of(State.READ_ONLY, State.READ_ONLY_SCHEDULED_SECRET, State.PARAMETER, State.SECRET,
            State.SCHEDULED_SECRET);

    /** Where each action can be used. */
    private static final Map<Action, Set<State>> ENABLED = Map.ofEntries(
            Map.entry(Action.REFRESH, CONNECTED),
            Map.entry(Action.NEW_PARAMETER, WRITABLE),
            Map.entry(Action.EDIT_PARAMETER, EnumSet.of(State.PARAMETER)),
            Map.entry(Action.PARAMETER_HISTORY, EnumSet.of(State.READ_ONLY, State.PARAMETER)),
            Map.entry(Action.COPY_MOVE, EnumSet.of(State.FOLDER, State.PARAMETER)),
            Map.entry(Action.DELETE_PARAMETER, EnumSet.of(State.FOLDER, State.PARAMETER)),
            Map.entry(Action.GOLDEN_IMAGE, WRITABLE),
            Map.entry(Action.EXPORT_FOLDER, CONNECTED),
            Map.entry(Action.IMPORT_INTO_FOLDER, WRITABLE),
            Map.entry(Action.RESOLVE_REFERENCE, CONNECTED),
            Map.entry(Action.NEW_SECRET, WRITABLE),
            Map.entry(Action.EDIT_SECRET, EnumSet.of(State.SECRET)),
            Map.entry(Action.SECRET_VERSIONS, EnumSet.of(State.READ_ONLY_SCHEDULED_SECRET, State.SECRET, State.SCHEDULED_SECRET)),
            Map.entry(Action.SECRET_POLICY, EnumSet.of(State.READ_ONLY_SCHEDULED_SECRET, State.SECRET, State.SCHEDULED_SECRET)),
            Map.entry(Action.ROTATION, EnumSet.of(State.SECRET)),
            Map.entry(Action.DELETE_SECRET, EnumSet.of(State.SECRET)),
            Map.entry(Action.RESTORE_SECRET, EnumSet.of(State.SCHEDULED_SECRET)),
            Map.entry(Action.REVEAL, SHOWN),
            Map.entry(Action.COPY_VALUE, EnumSet.of(State.PARAMETER)),
            Map.entry(Action.COPY_NAME, SHOWN),
            Map.entry(Action.COPY_ARN, SHOWN),
            Map.entry(Action.AUDIT_REPORT, CONNECTED),
            Map.entry(Action.COMPARE, CONNECTED),
            // Where used only reads: a read-only window keeps it, for a parameter, a folder and a secret alike.
            Map.entry(Action.WHERE_USED, CONNECTED));

    /** What a read-only window does not offer at all. */
    private static final Set<Action> CHANGES = EnumSet.of(Action.NEW_PARAMETER, Action.EDIT_PARAMETER, Action.COPY_MOVE,
            Action.DELETE_PARAMETER, Action.GOLDEN_IMAGE, Action.IMPORT_INTO_FOLDER, Action.NEW_SECRET, Action.EDIT_SECRET,
            Action.ROTATION, Action.DELETE_SECRET, Action.RESTORE_SECRET);

    private final SimpleBooleanProperty connected = new SimpleBooleanProperty();
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    private final SimpleObjectProperty<Selection> selection = new SimpleObjectProperty<>(Selection.NONE);
    private final SimpleObjectProperty<Selection> shown = new SimpleObjectProperty<>(Selection.NONE);
    private final SimpleObjectProperty<ValueState> value = new SimpleObjectProperty<>(ValueState.NONE);
    private final MainWindowActions rules = new MainWindowActions(connected, readOnly, selection, shown, value);

    private void enter(State state) {
        connected.set(state != State.NO_CONNECTION);
        readOnly.set(state == State.READ_ONLY || state == State.READ_ONLY_SCHEDULED_SECRET);
        Selection selected = switch (state) {
            case NO_CONNECTION -> Selection.NONE;
            case FOLDER -> new Selection.FolderSelection("/apps/billing");
            case READ_ONLY, PARAMETER -> new Selection.ParameterSelection(PARAMETER);
            case SECRET -> new Selection.SecretSelection(SECRET);
            case READ_ONLY_SCHEDULED_SECRET, SCHEDULED_SECRET -> new Selection.SecretSelection(SCHEDULED);
        };
        selection.set(selected);
        shown.set(selected instanceof Selection.FolderSelection ? Selection.NONE : selected);
        value.set(state == State.PARAMETER ? ValueState.REVEALED : selected instanceof Selection.None ? ValueState.NONE : ValueState.MASKED);
    }

    @Test
    void everyActionIsUsableExactlyWhereItsRuleSays() {
        assertThat(ENABLED.keySet()).containsExactlyInAnyOrder(Action.values());
        // One set of rules, its state changed step by step: the bindings follow every change.
        for (State state : State.values()) {
            enter(state);
            for (Action action : Action.values()) {
                assertThat(rules.enabled(action).get()).as("%s in state %s", action, state).isEqualTo(ENABLED.get(action).contains(state));
            }
        }
    }

    @Test
    void aReadOnlyWindowDoesNotOfferWhatCouldChangeAws() {
        for (State state : State.values()) {
            enter(state);
            boolean readOnlyWindow = state == State.READ_ONLY || state == State.READ_ONLY_SCHEDULED_SECRET;
            for (Action action : Action.values()) {
                assertThat(rules.offered(action).get()).as("%s offered in state %s", action, state)
                        .isEqualTo(!(readOnlyWindow && CHANGES.contains(action)));
            }
            assertThat(rules.canChange().get()).as("can change in %s", state).isEqualTo(WRITABLE.contains(state));
        }
    }

    @Test
    void aReplicaReadInItsOwnRegionCanBeReadButNotEditedRotatedOrDeleted() {
        // Secrets Manager changes a replica only through its primary (the replication section says which).
        MainWindowActions replicaRules = new MainWindowActions(connected, readOnly, selection, shown, value,
                secret -> secret.name().equals("billing/db"));
        enter(State.SECRET);

        for (Action action : List.of(Action.EDIT_SECRET, Action.ROTATION, Action.DELETE_SECRET)) {
            assertThat(replicaRules.enabled(action).get()).as(action.name()).isFalse();
            assertThat(rules.enabled(action).get()).as(action + " of a primary").isTrue();
        }
        for (Action action : List.of(Action.SECRET_VERSIONS, Action.SECRET_POLICY, Action.REVEAL, Action.COPY_ARN, Action.NEW_SECRET)) {
            assertThat(replicaRules.enabled(action).get()).as(action.name()).isTrue();
        }
    }

    @Test
    void whereUsedNeedsAParameterAFolderOrASecretSelected() {
        enter(State.FOLDER);
        selection.set(Selection.NONE);

        assertThat(rules.enabled(Action.WHERE_USED).get()).isFalse();
    }

    @Test
    void newParametersGoIntoTheSelectedFolderOrTheSelectedParametersFolder() {
        assertThat(Selection.NONE.folder()).isEqualTo("/");
        assertThat(new Selection.FolderSelection("/apps/billing").folder()).isEqualTo("/apps/billing");
        assertThat(new Selection.ParameterSelection(PARAMETER).folder()).isEqualTo("/apps/billing");
        assertThat(new Selection.SecretSelection(SECRET).folder()).isEqualTo("/");
    }
}
