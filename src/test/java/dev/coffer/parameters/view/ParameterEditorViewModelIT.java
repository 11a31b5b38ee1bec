package dev.coffer.parameters.view;

import dev.coffer.testsupport.ClosedPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.audit.SessionClients;
import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.ui.kit.controls.TagRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** The parameter editor's state, rules and save paths, against moto and without a window. */
@WithMoto
class ParameterEditorViewModelIT {

    private static final String KEY_ALIAS = "alias/editor-app";

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ParameterStore parameters;
    private final SameThreadBackground background = new SameThreadBackground();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
        String keyId = clients.kms().createKey(b -> b.description("editor test key")).keyMetadata().keyId();
        clients.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(keyId));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static Parameter put(String name, String value) {
        clients.ssm().putParameter(b -> b.name(name).value(value).type("String").overwrite(true));
        return parameters.describe(name).orElseThrow();
    }

    private static Map<String, String> tags(String name) {
        return clients.ssm().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)).tagList()
                .stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private static String valueOf(String name) {
        return clients.ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
    }

    @Test
    void aNewParameterStartsInTheFolderAndSavesOnlyOnceItIsValid() {
        ParameterEditorViewModel model = ParameterEditorViewModel.create(background, clients, parameters, "/apps/billing/prod");
        assertThat(model.nameProperty().get()).isEqualTo("/apps/billing/prod/");
        assertThat(model.state().isNew()).isTrue();
        assertThat(model.state().dirtyProperty().get()).isTrue();
        assertThat(model.state().problemsOf("name").get()).contains("can't end with '/'");
        assertThat(model.state().problemsOf("value").get()).contains("Enter a value");
        assertThat(model.state().canSave().get()).isFalse();
        assertThat(model.state().keys()).extracting(KmsKey::label).anyMatch(label -> label.contains(KEY_ALIAS));

        model.nameProperty().set("/apps/billing/prod/smtp-password");
        model.descriptionProperty().set("SMTP relay password");
        model.typeProperty().set(ParameterType.SECURE_STRING);
        model.keyIdProperty().set(Optional.of(KEY_ALIAS));
        model.valueProperty().set("s3cr3t-Value!");
        model.tags().add(TagRow.of(new dev.coffer.aws.Tag("Team", "billing")));
        assertThat(model.sizeText().get()).isEqualTo("13 of 4,096 bytes");
        assertThat(model.valueHint().get()).isEqualTo("Encrypted with the KMS key above");
        assertThat(model.state().problems()).isEmpty();
        assertThat(model.state().canSave().get()).isTrue();
        assertThat(model.draft().toString()).doesNotContain("s3cr3t-Value!");

        List<String> saved = new ArrayList<>();
        model.save(saved::add);

        assertThat(saved).containsExactly("/apps/billing/prod/smtp-password");
        assertThat(model.state().dirtyProperty().get()).isFalse();
        assertThat(model.state().messageProperty().get()).isEmpty();
        var p = clients.ssm().getParameter(b -> b.name("/apps/billing/prod/smtp-password").withDecryption(true)).parameter();
        assertThat(p.typeAsString()).isEqualTo("SecureString");
        assertThat(p.value()).isEqualTo("s3cr3t-Value!");
        assertThat(parameters.describe(p.name()).orElseThrow().keyId().orElseThrow()).contains("editor-app");
        assertThat(tags(p.name())).containsEntry("Team", "billing");
    }

    @Test
    void everyProblemShowsAtOnceAndTheTierDecidesTheLimit() {
        ParameterEditorViewModel model = ParameterEditorViewModel.create(background, clients, parameters, "/");
        model.nameProperty().set("/aws/bad name");
        model.valueProperty().set("é".repeat(2049));

        assertThat(model.state().problemsOf("name").get()).contains("aws").contains("space");
        assertThat(model.state().problemsOf("value").get()).contains("4,096");
        assertThat(model.state().problemCount().get()).isEqualTo(model.state().problems().size() + " problems");
        assertThat(model.sizeText().get()).isEqualTo("4,098 of 4,096 bytes");
        assertThat(model.oversize().get()).isTrue();
        assertThat(model.state().canSave().get()).isFalse();
        assertThat(model.policiesAllowed().get()).isFalse();
        assertThat(model.advancedWarning().get()).isFalse();

        model.tierProperty().set(ParameterTier.ADVANCED);
        assertThat(model.advancedWarning().get()).isTrue();
        assertThat(model.policiesAllowed().get()).isTrue();
        assertThat(model.state().problemsOf("value").get()).isEmpty();
        assertThat(model.sizeText().get()).isEqualTo("4,098 of 8,192 bytes");
        assertThat(model.oversize().get()).isFalse();

        // Saving with problems sends nothing.
        model.save(name -> { throw new AssertionError("saved " + name); });
        assertThat(parameters.describe("/aws/bad name")).isEmpty();
    }

    @Test
    void policiesAreCheckedAsTheyAreTyped() {
        ParameterEditorViewModel model = ParameterEditorViewModel.create(background, clients, parameters, "/policies");
        model.nameProperty().set("/policies/expiring");
        model.valueProperty().set("v");
        model.tierProperty().set(ParameterTier.ADVANCED);
        model.expiresProperty().set(true);
        assertThat(model.state().problemsOf("policies").get()).contains("Choose the expiration date");
        model.expiryDateProperty().set(LocalDate.now().plusDays(30));
        model.expiryTimeProperty().set("25:99");
        assertThat(model.state().problemsOf("policies").get()).contains("HH:mm");
        model.expiryTimeProperty().set("21:30");
        model.notifyBeforeExpiryProperty().set(true);
        model.notifyBeforeAmountProperty().set(5);
        assertThat(model.state().problems()).isEmpty();
        assertThat(model.draft().policies().expiration()).isPresent();
        assertThat(model.draft().policies().expirationNotification()).contains(ParameterPolicies.Notice.days(5));

        model.tierProperty().set(ParameterTier.STANDARD);
        assertThat(model.policiesAllowed().get()).isFalse();
        assertThat(model.state().problemsOf("policies").get()).contains("Advanced tier");
    }

    @Test
    void editingLoadsTheValueAndTagsAndIsUnchangedUntilTheUserTypes() {
        Parameter parameter = put("/edit/endpoint", "https://api.example.com");
        clients.ssm().addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/edit/endpoint")
                .tags(t -> t.key("Owner").value("platform")));

        ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, clients, parameters, parameter);

        assertThat(model.state().isNew()).isFalse();
        assertThat(model.valueProperty().get()).isEqualTo("https://api.example.com");
        assertThat(model.tags()).extracting(r -> r.keyProperty().get() + "=" + r.valueProperty().get()).containsExactly("Owner=platform");
        assertThat(model.state().loadedProperty().get()).isTrue();
        assertThat(model.state().dirtyProperty().get()).isFalse();
        assertThat(model.state().canSave().get()).as("nothing to save yet").isFalse();
        assertThat(model.state().messageProperty().get()).isEmpty();

        model.valueProperty().set("https://api2.example.com");
        assertThat(model.state().dirtyProperty().get()).isTrue();
        assertThat(model.state().canSave().get()).isTrue();
        model.save(name -> { });
        assertThat(valueOf("/edit/endpoint")).isEqualTo("https://api2.example.com");
        assertThat(tags("/edit/endpoint")).containsEntry("Owner", "platform");
    }

    @Test
    void aParameterThatChangedMeanwhileIsShownAndNeverOverwrittenSilently() {
        Parameter parameter = put("/edit/retention-days", "30");
        ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, clients, parameters, parameter);
        put("/edit/retention-days", "90"); // someone else saves version 2

        model.valueProperty().set("60");
        model.save(name -> { throw new AssertionError("saved over the other change"); });

        assertThat(model.state().conflictProperty().get()).isNotNull();
        assertThat(model.state().messageProperty().get()).contains("changed since you opened it (now version 2)");
        assertThat(model.conflictText().get()).contains("Someone saved version 2").contains("after you opened version 1");
        assertThat(valueOf("/edit/retention-days")).isEqualTo("90");
        assertThat(model.valueProperty().get()).as("the draft stays").isEqualTo("60");
        assertThat(model.conflictValue().get()).as("their value stays masked").isEqualTo("••••••••");

        model.revealConflictValue();
        assertThat(model.conflictValue().get()).isEqualTo("90");

        List<String> saved = new ArrayList<>();
        model.overwrite(saved::add);
        assertThat(saved).containsExactly("/edit/retention-days");
        assertThat(model.state().conflictProperty().get()).isNull();
        assertThat(valueOf("/edit/retention-days")).isEqualTo("60");
        assertThat(clients.ssm().getParameter(b -> b.name("/edit/retention-days")).parameter().version()).isEqualTo(3L);
    }

    @Test
    void creatingANameThatExistsKeepsTheDraftAndOverwritesNothing() {
        put("/edit/exists/backup-vault", "vault-a");
        ParameterEditorViewModel model = ParameterEditorViewModel.create(background, clients, parameters, "/edit/exists");
        model.nameProperty().set("/edit/exists/backup-vault");
        model.valueProperty().set("vault-b");

        model.save(name -> { throw new AssertionError("overwrote an existing parameter"); });

        assertThat(model.state().messageProperty().get()).contains("already exists (version 1)");
        assertThat(model.state().conflictProperty().get()).isInstanceOf(ParameterConflictException.class);
        assertThat(model.conflictText().get()).startsWith("/edit/exists/backup-vault already exists: version 1");
        assertThat(valueOf("/edit/exists/backup-vault")).isEqualTo("vault-a");
        assertThat(model.valueProperty().get()).isEqualTo("vault-b");
        assertThat(model.nameProperty().get()).isEqualTo("/edit/exists/backup-vault");
    }

    @Test
    void aSaveThatCannotReachAwsKeepsTheDraftAndSaysWhatToDo() throws Exception {
        try (ClosedPort closed = new ClosedPort(); ClientFactory unreachable = SessionClients.open(Sessions.local(
                new Connection("gone", "us-east-1", Optional.of(closed.uri()), false, false), closed.uri()))) {
            ParameterEditorViewModel model = ParameterEditorViewModel.create(background, unreachable, new ParameterStore(unreachable), "/");
            model.nameProperty().set("/app/endpoint");
            model.valueProperty().set("https://api.example.com");

            model.save(name -> { throw new AssertionError("saved nowhere"); });

            assertThat(model.state().messageProperty().get()).contains("Cannot reach the AWS endpoint").contains("Check your network")
                    .endsWith("Your changes are still here.");
            assertThat(model.state().busyProperty().get()).isFalse();
            assertThat(model.state().dirtyProperty().get()).isTrue();
            assertThat(model.nameProperty().get()).isEqualTo("/app/endpoint");
            assertThat(model.valueProperty().get()).isEqualTo("https://api.example.com");
        }
    }

    @Test
    void anExpiredSignInKeepsTheDraftAndTheSameEditorSavesOnceSignedInAgain() {
        Parameter parameter = put("/edit/expiry/db-host", "db.internal");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            ParameterStore store = new ParameterStore(viaProxy);
            ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, viaProxy, store, parameter);
            model.valueProperty().set("db2.internal");
            proxy.inject(FaultRule.of(Fault.EXPIRED_TOKEN));

            model.save(name -> { throw new AssertionError("saved with expired credentials"); });

            assertThat(model.state().messageProperty().get()).contains("expired").contains("Sign in again")
                    .endsWith("Your changes are still here.");
            assertThat(model.valueProperty().get()).isEqualTo("db2.internal");
            assertThat(valueOf("/edit/expiry/db-host")).isEqualTo("db.internal");

            proxy.clearFaults(); // signed in again
            List<String> saved = new ArrayList<>();
            model.save(saved::add);
            assertThat(saved).containsExactly("/edit/expiry/db-host");
            assertThat(valueOf("/edit/expiry/db-host")).isEqualTo("db2.internal");
        }
    }

    @Test
    void aParameterDeletedMeanwhileIsSaidSoAndCanBeSavedAgain() {
        Parameter parameter = put("/edit/deleted", "v");
        ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, clients, parameters, parameter);
        clients.ssm().deleteParameter(b -> b.name("/edit/deleted"));
        model.valueProperty().set("mine");

        model.save(name -> { throw new AssertionError("saved over a deletion without asking"); });

        assertThat(model.state().messageProperty().get()).contains("deleted since you opened it");
        assertThat(model.conflictText().get()).contains("was deleted");
        assertThat(model.valueProperty().get()).isEqualTo("mine");
        assertThat(parameters.describe("/edit/deleted")).isEmpty();

        model.overwrite(name -> { });
        assertThat(valueOf("/edit/deleted")).isEqualTo("mine");
    }

    @Test
    void aParameterThatCannotBeReadSaysWhyAndCannotBeSaved() {
        Parameter parameter = put("/edit/vanished", "v");
        clients.ssm().deleteParameter(b -> b.name("/edit/vanished"));

        ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, clients, parameters, parameter);

        assertThat(model.state().loadedProperty().get()).isFalse();
        assertThat(model.state().busyProperty().get()).isFalse();
        assertThat(model.state().messageProperty().get()).isNotEmpty().doesNotContain("Loading");
        model.valueProperty().set("new value");
        assertThat(model.state().canSave().get()).isFalse();
        model.save(name -> { throw new AssertionError("saved an editor that never loaded"); });
        assertThat(parameters.describe("/edit/vanished")).isEmpty();
    }

    @Test
    void policiesItCannotReadAreSaidOnceTheValueIsLoaded() {
        Parameter listed = put("/edit/odd-policies", "v");
        Parameter odd = new Parameter(listed.name(), listed.type(), listed.tier(), listed.dataType(), listed.version(),
                listed.lastModified(), listed.lastModifiedUser(), listed.keyId(), listed.description(), "[{\"Type\":");

        ParameterEditorViewModel model = ParameterEditorViewModel.edit(background, clients, parameters, odd);

        assertThat(model.valueProperty().get()).isEqualTo("v");
        assertThat(model.state().messageProperty().get()).contains("policies could not be read");
    }
}
