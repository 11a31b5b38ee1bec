package dev.coffer.testsupport;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.audit.SessionClients;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterDraft;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.ui.shell.MainViewModel;
import dev.coffer.ui.shell.OpenConnection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What a window in audit mode must hold to, checked through the window's own session. */
public final class AuditWindows {

    private AuditWindows() {
    }

    /**
     * The window's session refuses a PutParameter before it leaves the machine, says it is
     * read-only, and logs reveals.
     */
    public static void assertAuditSession(MainViewModel window, String after) {
        assertAuditSession(onFx(window::openConnection), onFx(() -> window.connectionProperty().get().readOnly()), after);
    }

    /** The same, for a window's state read on the test's own thread (view-model tests, without the FX toolkit). */
    public static void assertAuditSession(OpenConnection open, boolean readOnly, String after) {
        ParameterDraft draft = new ParameterDraft("/audit-window/written-" + java.util.UUID.randomUUID(), ParameterType.STRING, SecretText.of("x"), "",
                ParameterDataType.TEXT, ParameterTier.STANDARD,
                Optional.empty(), List.of(), ParameterPolicies.none());
        assertThatThrownBy(() -> open.parameters().put(draft, OptionalLong.empty())).as("a write after " + after)
                .isInstanceOf(ReadOnlyRefusedException.class);
        assertThat(readOnly).as("read-only after " + after).isTrue();
        assertThat(SessionClients.reveals(open.clients())).as("reveals logged after " + after).isPresent();
    }
}
