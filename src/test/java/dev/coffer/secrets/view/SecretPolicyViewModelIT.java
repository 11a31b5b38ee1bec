package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A secret's resource policy: load, validate, save and delete, against moto and without a window. */
@WithMoto
class SecretPolicyViewModelIT {

    private static final String POLICY = String.join("\n", "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [{",
            "    \"Effect\": \"Allow\",", "    \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"},",
            "    \"Action\": \"secretsmanager:GetSecretValue\",", "    \"Resource\": \"*\"", "  }]", "}");

    private static MotoServer moto;
    private static ClientFactory clients;
    private static SecretStore secrets;
    private final SameThreadBackground background = new SameThreadBackground();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        secrets = new SecretStore(clients);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static String policyOf(String name) {
        return clients.secretsManager().getResourcePolicy(b -> b.secretId(name)).resourcePolicy();
    }

    @Test
    void onlyTheTextLastValidatedIsSavedThenTheSavedPolicyIsDeleted() {
        String name = "policy-vm/app";
        clients.secretsManager().createSecret(b -> b.name(name).secretString("v"));
        SecretPolicyViewModel model = new SecretPolicyViewModel(background, secrets, secrets.describe(name));
        model.load();
        assertThat(model.hasPolicyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("This secret has no resource policy.");

        Moto.startRecording(moto);
        model.textProperty().set("{\"Version\": }");
        model.validate();
        assertThat(model.findingsProperty().get()).contains("line 1");
        assertThat(model.canSaveProperty().get()).isFalse();
        model.save();
        assertThat(Moto.stopRecording(moto)).as("nothing is sent for a policy that does not parse").isEmpty();

        model.textProperty().set(POLICY);
        assertThat(model.canSaveProperty().get()).as("not validated yet").isFalse();
        model.validate();
        assertThat(model.findingsProperty().get()).doesNotContain("line 1").isNotEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
        model.textProperty().set(POLICY + " ");
        assertThat(model.canSaveProperty().get()).as("changed since it was validated").isFalse();
        model.textProperty().set(POLICY);

        model.save();
        assertThat(policyOf(name)).contains("GetSecretValue");
        assertThat(model.messageProperty().get()).isEqualTo("Policy saved.");
        assertThat(model.hasPolicyProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();

        SecretPolicyViewModel reopened = new SecretPolicyViewModel(background, secrets, secrets.describe(name));
        reopened.load();
        assertThat(reopened.textProperty().get()).contains("GetSecretValue");
        reopened.deletePolicy();
        assertThat(policyOf(name)).isNullOrEmpty();
        assertThat(reopened.textProperty().get()).isEmpty();
        assertThat(reopened.hasPolicyProperty().get()).isFalse();
        assertThat(reopened.messageProperty().get()).isEqualTo("Policy deleted.");
    }

    @Test
    void aSecretThatIsGoneSaysWhy() {
        String name = "policy-vm/gone";
        clients.secretsManager().createSecret(b -> b.name(name).secretString("v"));
        SecretPolicyViewModel model = new SecretPolicyViewModel(background, secrets, secrets.describe(name));
        clients.secretsManager().deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));

        model.load();

        assertThat(model.messageProperty().get()).isNotEmpty().doesNotContain("Exception");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.hasPolicyProperty().get()).isFalse();
    }
}
