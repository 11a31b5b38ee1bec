package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Problem;
import dev.coffer.kms.KeyCatalog;
import dev.coffer.kms.KmsKey;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Replica;
import dev.coffer.secrets.ReplicaTarget;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replication section of the details and the Replicate to regions dialog, against moto, without a window. */
@WithMoto
class ReplicationViewModelIT {

    private static ClientFactory admin;
    private static ClientFactory audit;
    private static SecretStore secrets;
    private final SameThreadBackground background = new SameThreadBackground();

    @BeforeAll
    static void connect(MotoServer moto) {
        admin = Moto.clients(moto, false);
        audit = Moto.clients(moto, true);
        secrets = new SecretStore(admin);
    }

    @AfterAll
    static void close() {
        admin.close();
        audit.close();
    }

    private static Secret replicated(String name, String... regions) {
        admin.secretsManager().createSecret(b -> b.name(name).secretString("{\"password\":\"not-a-real-one\"}"));
        Secret secret = secrets.describe(name);
        if (regions.length > 0) {
            secrets.replicate(secret.arn(), List.of(regions).stream().map(r -> new ReplicaTarget(r, Optional.empty())).toList());
        }
        return secret;
    }

    private ReplicationViewModel section(ClientFactory clients, String region, boolean readOnly) {
        SecretStore store = new SecretStore(clients.inRegion(region));
        return new ReplicationViewModel(background, () -> store, () -> region, () -> readOnly);
    }

    @Test
    void aPrimaryShowsEachReplicaWithStatusMessageAndKeyAndMayBeChanged() {
        Secret secret = replicated("replication-vm/primary", "eu-west-1", "us-west-2");
        ReplicationViewModel vm = section(admin, "us-east-1", false);

        vm.show(secret);

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.replicas()).extracting(Replica::region, Replica::status, Replica::statusMessage, Replica::kmsKeyLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eu-west-1", "InSync", "Replication succeeded", "alias/aws/secretsmanager"),
                        org.assertj.core.groups.Tuple.tuple("us-west-2", "InSync", "Replication succeeded", "alias/aws/secretsmanager"));
        assertThat(vm.summaryProperty().get()).isEqualTo("Primary in us-east-1, replicated to 2 regions.");
        assertThat(vm.primaryRegionProperty().get()).isEmpty();
        assertThat(vm.canChange().get()).isTrue();
    }

    @Test
    void aReplicaOpenedInItsOwnRegionSaysWhichPrimaryItCopiesAndOffersNoChange() {
        Secret primary = replicated("replication-vm/replica", "eu-west-3");
        Secret replica = new SecretStore(admin.inRegion("eu-west-3")).describe(primary.name());
        ReplicationViewModel vm = section(admin, "eu-west-3", false);

        vm.show(replica);

        assertThat(vm.primaryRegionProperty().get()).contains("us-east-1");
        assertThat(vm.summaryProperty().get()).isEqualTo("Replica of replication-vm/replica in us-east-1. Secrets Manager changes "
                + "a replica only through its primary: connect to us-east-1 to edit, rotate, replicate or delete it.");
        assertThat(vm.canChange().get()).isFalse();
    }

    @Test
    void auditModeShowsTheReplicasAndOffersNoChange() {
        Secret secret = replicated("replication-vm/audit", "ap-south-1");
        ReplicationViewModel vm = section(audit, "us-east-1", true);

        vm.show(secret);

        assertThat(vm.replicas()).extracting(Replica::region).containsExactly("ap-south-1");
        assertThat(vm.canChange().get()).isFalse();
    }

    @Test
    void removingAReplicaReadsTheSectionAgain() {
        Secret secret = replicated("replication-vm/remove", "eu-north-1", "eu-south-1");
        ReplicationViewModel vm = section(admin, "us-east-1", false);
        vm.show(secret);
        List<String> removed = new ArrayList<>();

        vm.remove("eu-north-1", removed::add);

        assertThat(removed).containsExactly("eu-north-1");
        assertThat(vm.replicas()).extracting(Replica::region).containsExactly("eu-south-1");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void theDialogOffersTheKeysOfEachRegionChosenSaysEveryProblemAndReplicates() {
        Secret secret = replicated("replication-vm/dialog", "sa-east-1");
        String key = admin.inRegion("eu-central-2").kms().createKey(b -> b.description("Zurich replicas")).keyMetadata().keyId();
        admin.inRegion("eu-central-2").kms().createAlias(b -> b.aliasName("alias/replicas-zurich").targetKeyId(key));
        ReplicateSecretViewModel vm = new ReplicateSecretViewModel(background, secrets,
                region -> new KeyCatalog(admin.inRegion(region)), secret, "us-east-1", secrets.replicas(secret.arn()));

        assertThat(vm.offeredRegions()).doesNotContain("us-east-1", "sa-east-1").contains("eu-central-2");
        assertThat(vm.problems()).extracting(Problem::message).containsExactly("Row 1: choose a region.");
        assertThat(vm.canReplicate().get()).isFalse();

        ReplicateSecretViewModel.TargetRow zurich = vm.rows().get(0);
        zurich.regionProperty().set("eu-central-2");
        assertThat(zurich.keys()).extracting(KmsKey::keyId).contains(key);
        zurich.keyIdProperty().set(Optional.of("alias/replicas-zurich"));
        ReplicateSecretViewModel.TargetRow second = vm.addRow();
        second.regionProperty().set("sa-east-1");
        assertThat(vm.problems()).extracting(Problem::message).containsExactly("Row 2: the secret is already replicated to sa-east-1.");
        second.regionProperty().set("eu-central-2");
        assertThat(vm.problems()).extracting(Problem::message).containsExactly("Row 2: eu-central-2 is chosen twice.");
        vm.removeRow(second);
        assertThat(vm.canReplicate().get()).isTrue();

        List<List<String>> done = new ArrayList<>();
        vm.replicate(done::add);

        assertThat(done).containsExactly(List.of("eu-central-2"));
        assertThat(secrets.replicas(secret.arn())).extracting(Replica::region).containsExactly("eu-central-2", "sa-east-1");
    }

    @Test
    void aRefusedReplicationKeepsTheRowsAndSaysWhy() {
        Secret secret = replicated("replication-vm/refused");
        ReplicateSecretViewModel vm = new ReplicateSecretViewModel(background, new SecretStore(audit),
                region -> new KeyCatalog(audit.inRegion(region)), secret, "us-east-1", List.of());
        vm.rows().get(0).regionProperty().set("af-south-1");

        vm.replicate(added -> { throw new AssertionError("nothing was replicated"); });

        assertThat(vm.messageProperty().get()).contains("ReplicateSecretToRegions");
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.regionProperty().get()).isEqualTo("af-south-1"));
        assertThat(secrets.replicas(secret.arn())).isEmpty();
    }
}
