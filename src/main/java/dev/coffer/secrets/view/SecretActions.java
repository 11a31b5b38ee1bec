package dev.coffer.secrets.view;

import dev.coffer.kms.KeyCatalog;
import dev.coffer.rotation.RotationFunctions;
import dev.coffer.rotation.RotationSetup;
import dev.coffer.rotation.view.RotationActions;
import dev.coffer.rotation.view.RotationWizardController;
import dev.coffer.rotation.view.RotationWizardViewModel;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretVersion;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import dev.coffer.ui.kit.versions.VersionBrowserController;
import dev.coffer.ui.kit.versions.VersionBrowserViewModel;
import dev.coffer.usage.ChangeWarning;
import dev.coffer.usage.view.ConsumerCheck;
import dev.coffer.usage.view.ConsumerScan;
import dev.coffer.usage.view.WhereUsedViewModel;
import java.util.List;
import javafx.stage.Stage;

/** What the user can do to secrets from the main window: each action opens its window. */
public final class SecretActions implements RotationActions {

    private final SecretWindow main;
    private final Background background;

    public SecretActions(SecretWindow main, Background background) {
        this.main = main;
        this.background = background;
    }

    public Stage newSecret() {
        return openEditor(SecretEditorViewModel.create(background, main.clients(), main.secrets()), "New secret");
    }

    public Stage edit(Secret secret) {
        return openEditor(SecretEditorViewModel.edit(background, main.clients(), main.secrets(), secret), "Edit " + secret.name());
    }

    /** Edits a secret with the keys it lacks added, empty, for the user to fill in. */
    public Stage editAddingKeys(Secret secret, List<String> keys) {
        return openEditor(SecretEditorViewModel.edit(background, main.clients(), main.secrets(), secret, keys),
                "Edit " + secret.name() + ": add " + String.join(", ", keys));
    }

    /** The versions window: versions with labels, comparison, roll back and labels (the last two not when read-only). */
    public Stage versions(Secret secret) {
        SecretVersions versions = new SecretVersions(main.secrets(), secret);
        VersionBrowserViewModel<SecretVersion> vm = new VersionBrowserViewModel<>(background, versions, main.readOnly(),
                () -> main.secretSaved(secret.name()));
        return Windows.open(main.owner(), Screen.VERSION_BROWSER, versions.title(), false,
                (VersionBrowserController<SecretVersion> c, Stage stage) -> c.init(vm, stage));
    }

    /** The delete dialog; afterwards the row leaves the list (or shows its deletion date when those are listed). */
    public Stage delete(Secret secret) {
        SecretDeleteViewModel vm = new SecretDeleteViewModel(background, main.secrets(), secret);
        ConsumerCheck consumers = new ConsumerCheck(new ConsumerScan(background, main.clients(), main.consumerIndex()),
                WhereUsedViewModel.Subject.secret(secret.arn(), secret.name()), ChangeWarning.Change.DELETE);
        return Windows.open(main.owner(), Screen.SECRET_DELETE,
                "Delete secret", true, (SecretDeleteController c, Stage stage) -> c.init(vm, consumers, stage, force -> {
                    if (!force && main.showsDeletedSecrets()) {
                        main.secretSaved(secret.name());
                    } else {
                        main.secretRemoved(secret.arn());
                    }
                    main.showStatus(force ? secret.name() + " deleted." : secret.name() + " scheduled for deletion.");
                }));
    }

    /** Cancels a scheduled deletion and re-reads the secret into the list and details. */
    public void restore(Secret secret) {
        background.run(() -> {
            main.secrets().restore(secret.arn());
            return null;
        }, ignored -> {
            main.secretSaved(secret.name());
            main.showStatus(secret.name() + " restored.");
        }, main::report);
    }

    /** The resource policy dialog (read-only connections only view and validate). */
    public Stage policy(Secret secret) {
        SecretPolicyViewModel vm = new SecretPolicyViewModel(background, main.secrets(), secret);
        return Windows.open(main.owner(), Screen.SECRET_POLICY,
                "Resource policy of " + secret.name(), false,
                (SecretPolicyController c, Stage stage) -> c.init(vm, stage, main.readOnly()));
    }

    /**
     * Replicate to regions, for the secret the replication section shows, with the replicas it
     * read; afterwards the section reads them again.
     */
    public Stage replicate(ReplicationViewModel replication) {
        Secret secret = replication.secretProperty().get();
        if (secret == null) {
            return null;
        }
        ReplicateSecretViewModel vm = new ReplicateSecretViewModel(background, main.secrets(),
                region -> new KeyCatalog(main.clients().inRegion(region)), secret, replication.region(), replication.replicas());
        return Windows.open(main.owner(), Screen.REPLICATE_SECRET, "Replicate " + secret.name(), true,
                (ReplicateSecretController c, Stage stage) -> c.init(vm, stage, added -> {
                    replication.refresh();
                    main.showStatus(secret.name() + " replicated to " + String.join(", ", added) + ".");
                }));
    }

    /** Removes the replica in one region after asking; the section reads the replicas again. */
    public void removeReplica(ReplicationViewModel replication, String region) {
        Secret secret = replication.secretProperty().get();
        if (secret == null || !confirm("Remove the replica of " + secret.name() + " in " + region + "?",
                "Secrets Manager deletes the copy in " + region + ". Applications that read the secret in " + region
                        + " can no longer find it there. The primary in " + replication.region() + " is not changed.",
                "Remove replica")) {
            return;
        }
        replication.remove(region, removed -> main.showStatus("The replica of " + secret.name() + " in " + removed + " was removed."));
    }

    /** The rotation wizard; afterwards the list and details re-read the secret. */
    @Override
    public void setUpRotation(Secret secret) {
        RotationWizardViewModel vm = new RotationWizardViewModel(background, main.secrets(), new RotationFunctions(main.clients()),
                new RotationSetup(main.clients()), new DatabaseCatalog(main.clients()), secret, this::editAddingKeys, () -> main.secretSaved(secret.name()));
        Windows.open(main.owner(), Screen.ROTATION_WIZARD, "Set up rotation of " + secret.name(), false,
                (RotationWizardController c, Stage stage) -> c.init(vm, stage));
    }

    /** Rotates now with the secret's settings, after asking. */
    @Override
    public void rotateNow(Secret secret) {
        if (!confirm("Rotate " + secret.name() + " now?", "Secrets Manager runs the rotation function now: it makes a new value "
                + "and the database password changes. Applications must read the secret again.", "Rotate now")) {
            return;
        }
        RotationSetup setup = new RotationSetup(main.clients());
        background.run(() -> setup.rotateNow(secret.arn(), secret.rotationLambdaArn()), ignored -> {
            main.secretSaved(secret.name());
            main.showStatus("Rotation of " + secret.name() + " started.");
        }, main::report);
    }

    /** Turns automatic rotation off (CancelRotateSecret), after asking. */
    @Override
    public void turnOffRotation(Secret secret) {
        if (!confirm("Turn off rotation of " + secret.name() + "?", "Secrets Manager stops rotating it on schedule. "
                + "The function and the schedule can be set again with Set up rotation.", "Turn off")) {
            return;
        }
        RotationSetup setup = new RotationSetup(main.clients());
        background.run(() -> {
            setup.turnOff(secret.arn());
            return null;
        }, ignored -> {
            main.secretSaved(secret.name());
            main.showStatus("Rotation of " + secret.name() + " turned off.");
        }, main::report);
    }

    private boolean confirm(String header, String text, String action) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        alert.initOwner(main.owner());
        alert.setTitle(action);
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL,
                new javafx.scene.control.ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        return alert.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    private Stage openEditor(SecretEditorViewModel vm, String title) {
        return Windows.open(main.owner(), Screen.SECRET_EDITOR, title, false,
                (SecretEditorController c, Stage stage) -> c.init(vm, stage, main::secretSaved,
                        () -> vm.state().existing().ifPresent(this::edit)));
    }
}
