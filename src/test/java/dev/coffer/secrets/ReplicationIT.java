package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.ReadOnlyRefusedException;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replicating a secret to other regions and removing a replica, against moto with several regions. */
@WithMoto
class ReplicationIT {

    private static MotoServer moto;
    private static ClientFactory admin;
    private static ClientFactory audit;
    private static SecretStore secrets;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        admin = Moto.clients(moto, false);
        audit = Moto.clients(moto, true);
        secrets = new SecretStore(admin);
    }

    @AfterAll
    static void close() {
        admin.close();
        audit.close();
    }

    private static Secret create(String name) {
        admin.secretsManager().createSecret(b -> b.name(name).secretString("{\"password\":\"not-a-real-one\"}"));
        return secrets.describe(name);
    }

    private static ReplicaTarget to(String region) {
        return new ReplicaTarget(region, Optional.empty());
    }

    @Test
    void replicatesWithAKeyOfTheTargetRegionAndListsEachReplicaWithStatusMessageAndKey() {
        Secret secret = create("replication-it/orders");
        String euKey = admin.inRegion("eu-west-1").kms().createKey(b -> b.description("replicas in Ireland")).keyMetadata().keyId();

        Moto.startRecording(moto);
        secrets.replicate(secret.arn(), List.of(new ReplicaTarget("eu-west-1", Optional.of(euKey)), to("us-west-2")));
        List<String> recorded = Moto.stopRecording(moto);

        Replication replication = secrets.replication(secret.arn());
        assertThat(replication.replicas()).extracting(Replica::region).containsExactly("eu-west-1", "us-west-2");
        assertThat(replication.replicas()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("InSync");
            assertThat(r.statusMessage()).isNotBlank();
            assertThat(r.kmsKeyLabel()).isNotBlank();
        });
        assertThat(replication.secret().replicaOf("us-east-1")).isEmpty();
        // One request, carrying the key chosen for its region and none for the other (moto itself reports every
        // replica under aws/secretsmanager), and never overwriting a secret of the same name there.
        List<com.fasterxml.jackson.databind.JsonNode> sent = Moto.requestsFor(recorded, "secretsmanager.ReplicateSecretToRegions");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("AddReplicaRegions").get(0).path("Region").asText()).isEqualTo("eu-west-1");
        assertThat(sent.get(0).path("AddReplicaRegions").get(0).path("KmsKeyId").asText()).isEqualTo(euKey);
        assertThat(sent.get(0).path("AddReplicaRegions").get(1).has("KmsKeyId")).isFalse();
        assertThat(sent.get(0).path("ForceOverwriteReplicaSecret").asBoolean(true)).isFalse();
    }

    @Test
    void aReplicaReadInItsOwnRegionNamesItsPrimaryAndCannotBeReplicatedFromThere() {
        Secret secret = create("replication-it/replica");
        secrets.replicate(secret.arn(), List.of(to("eu-central-1")));

        SecretStore inFrankfurt = new SecretStore(admin.inRegion("eu-central-1"));
        Secret replica = inFrankfurt.describe(secret.name());
        assertThat(replica.replicaOf("eu-central-1")).contains("us-east-1");
        assertThat(replica.arn()).contains(":eu-central-1:");

        assertThatThrownBy(() -> inFrankfurt.replicate(replica.arn(), List.of(to("ap-south-1"))))
                .isInstanceOfSatisfying(InvalidDraftException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .anySatisfy(m -> assertThat(m).contains("is a replica of the secret in us-east-1")));
        assertThat(secrets.replicas(secret.arn())).extracting(Replica::region).containsExactly("eu-central-1");
    }

    @Test
    void removesOneReplicaAndKeepsTheOthers() {
        Secret secret = create("replication-it/remove");
        secrets.replicate(secret.arn(), List.of(to("eu-west-2"), to("ap-northeast-1")));

        secrets.removeReplica(secret.arn(), "eu-west-2");

        assertThat(secrets.replicas(secret.arn())).extracting(Replica::region).containsExactly("ap-northeast-1");
    }

    @Test
    void everyProblemOfTheRegionsChosenIsSaidBeforeAnythingIsSent() {
        Secret secret = create("replication-it/problems");
        secrets.replicate(secret.arn(), List.of(to("eu-north-1")));
        long sent = admin.calls().count("ReplicateSecretToRegions");

        assertThatThrownBy(() -> secrets.replicate(secret.arn(), List.of(to("us-east-1"), to("eu-north-1"), to("Ireland"),
                to("sa-east-1"), to("sa-east-1"), to(""))))
                .isInstanceOfSatisfying(InvalidDraftException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly(
                                "Row 1: us-east-1 is where the secret itself is; choose another region.",
                                "Row 2: the secret is already replicated to eu-north-1.",
                                "Row 3: \"Ireland\" is not a region name (such as eu-west-1).",
                                "Row 5: sa-east-1 is chosen twice.",
                                "Row 6: choose a region."));
        assertThatThrownBy(() -> secrets.replicate(secret.arn(), List.of()))
                .isInstanceOfSatisfying(InvalidDraftException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("Choose at least one region to replicate to."));
        assertThat(admin.calls().count("ReplicateSecretToRegions")).isEqualTo(sent);
    }

    @Test
    void aReadOnlySessionRefusesToReplicateAndToRemoveAReplicaInEveryRegion() {
        Secret secret = create("replication-it/audit");
        secrets.replicate(secret.arn(), List.of(to("ca-central-1")));
        SecretStore audited = new SecretStore(audit);

        assertThatThrownBy(() -> audited.replicate(secret.arn(), List.of(to("eu-south-1")))).isInstanceOf(ReadOnlyRefusedException.class);
        assertThatThrownBy(() -> audited.removeReplica(secret.arn(), "ca-central-1")).isInstanceOf(ReadOnlyRefusedException.class);
        // The same session in another region is just as read-only.
        assertThatThrownBy(() -> audit.inRegion("ca-central-1").secretsManager().removeRegionsFromReplication(
                b -> b.secretId(secret.name()).removeReplicaRegions("ca-central-1"))).isInstanceOf(ReadOnlyRefusedException.class);

        assertThat(audited.replicas(secret.arn())).extracting(Replica::region).containsExactly("ca-central-1");
    }
}
