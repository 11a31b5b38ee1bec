package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretRules;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting a secret through the view model, against moto, without a window. */
@WithMoto
class SecretDeleteViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static SecretStore secrets;
    private final Background background = new SameThreadBackground();

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        secrets = new SecretStore(clients);
        for (String name : List.of("delete/scheduled", "delete/forced", "delete/audited", "delete/vanished")) {
            clients.secretsManager().createSecret(b -> b.name(name).secretString("{}"));
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static boolean exists(String name) {
        return clients.secretsManager().listSecrets(b -> b.includePlannedDeletion(true)).secretList().stream()
                .anyMatch(s -> s.name().equals(name));
    }

    @Test
    void aDeletionIsScheduledWithARecoveryWindowOfSevenToThirtyDays() {
        SecretDeleteViewModel model = new SecretDeleteViewModel(background, secrets, secrets.describe("delete/scheduled"));
        assertThat(model.recoveryDaysProperty().get()).isEqualTo(SecretRules.DEFAULT_RECOVERY_DAYS);
        assertThat(model.canDeleteProperty().get()).isTrue();
        model.recoveryDaysProperty().set(6);
        assertThat(model.canDeleteProperty().get()).isFalse();
        model.recoveryDaysProperty().set(31);
        assertThat(model.canDeleteProperty().get()).isFalse();
        model.recoveryDaysProperty().set(7);
        assertThat(model.canDeleteProperty().get()).isTrue();

        List<Boolean> forced = new ArrayList<>();
        model.delete(forced::add);

        assertThat(forced).containsExactly(false);
        assertThat(secrets.describe("delete/scheduled").scheduledForDeletion()).isTrue();
    }

    @Test
    void aForceDeleteNeedsTheNameTypedExactlyAndLeavesNothingToRestore() {
        SecretDeleteViewModel model = new SecretDeleteViewModel(background, secrets, secrets.describe("delete/forced"));
        model.forceProperty().set(true);
        assertThat(model.canDeleteProperty().get()).isFalse();
        model.typedNameProperty().set("delete/force");
        assertThat(model.canDeleteProperty().get()).isFalse();
        model.typedNameProperty().set("delete/forced ");
        assertThat(model.canDeleteProperty().get()).as("exactly the name").isFalse();
        model.typedNameProperty().set("delete/forced");
        model.recoveryDaysProperty().set(3);
        assertThat(model.canDeleteProperty().get()).as("no recovery window counts").isTrue();

        List<Boolean> forced = new ArrayList<>();
        model.delete(forced::add);

        assertThat(forced).containsExactly(true);
        assertThat(exists("delete/forced")).isFalse();
    }

    @Test
    void aRefusedDeletionIsExplainedInTheDialog() {
        try (ClientFactory readOnly = Moto.clients(moto, true)) {
            SecretStore audited = new SecretStore(readOnly);
            SecretDeleteViewModel model = new SecretDeleteViewModel(background, audited, audited.describe("delete/audited"));
            List<Boolean> forced = new ArrayList<>();

            model.delete(forced::add);

            assertThat(forced).isEmpty();
            assertThat(model.messageProperty().get()).startsWith("Read-only mode: DeleteSecret was not sent.");
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(model.canDeleteProperty().get()).isTrue();
        }
        assertThat(secrets.describe("delete/audited").scheduledForDeletion()).isFalse();
    }

    @Test
    void aSecretDeletedMeanwhileIsSaidToBeGone() {
        SecretDeleteViewModel model = new SecretDeleteViewModel(background, secrets, secrets.describe("delete/vanished"));
        clients.secretsManager().deleteSecret(b -> b.secretId("delete/vanished").forceDeleteWithoutRecovery(true));
        List<Boolean> forced = new ArrayList<>();

        model.delete(forced::add);

        assertThat(forced).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Not found");
    }
}
