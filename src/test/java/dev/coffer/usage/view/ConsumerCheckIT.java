package dev.coffer.usage.view;

import static dev.coffer.usage.UsageSeed.DB_HOST;
import static dev.coffer.usage.UsageSeed.GOLDEN_X86;
import static dev.coffer.usage.UsageSeed.OWNED;
import static dev.coffer.usage.UsageSeed.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.HeldBackground;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.usage.ChangeWarning.Change;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.UsageSeed;
import dev.coffer.usage.view.WhereUsedViewModel.Subject;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the confirmations of delete, move and rename say about consumers (parameters.view's and
 * secrets.view's dialogs all show a {@link ConsumerCheck}), against moto with one consumer of
 * every kind: known from the connection's scan, not known before one, looked for on request,
 * cancelled, and a scan that could read nothing.
 */
@WithMoto
class ConsumerCheckIT {

    private static final String DELETED = "They will fail, or keep the old value they already read, once it is deleted.";
    private static final String MOVED = "They still name the old name, so they will fail or keep the old value once it moves: "
            + "point them at the new name.";

    private static MotoServer moto;
    private static ClientFactory clients;
    private static String secretArn;

    /** The window's cache of the connection's scan. */
    private final ObjectProperty<ConsumerIndex> cache = new SimpleObjectProperty<>();

    @BeforeAll
    static void seed(MotoServer server) {
        moto = server;
        // The scan reads only: a read-only session's clients are enough.
        clients = Moto.clients(moto, true);
        try (ClientFactory writer = Moto.clients(moto, false)) {
            secretArn = UsageSeed.seed(moto, writer);
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private ConsumerCheck check(Subject subject, Change change) {
        return new ConsumerCheck(new ConsumerScan(new SameThreadBackground(), clients, cache), subject, change);
    }

    private void scanned() {
        new ConsumerScan(new SameThreadBackground(), clients, cache).scan();
        assertThat(cache.get()).isNotNull();
    }

    @Test
    void withoutAScanTheConsumersAreNotKnownAndLookingRunsTheConnectionsScan() {
        ConsumerCheck check = check(Subject.parameter(GOLDEN_X86), Change.DELETE);
        assertThat(check.textProperty().get()).isEqualTo("Consumers of " + GOLDEN_X86 + " are not known: no where-used scan of this "
                + "connection has run yet. Look for consumers to list the stacks, launch templates, functions and task definitions "
                + "that would break, before you confirm.");
        assertThat(check.knownProperty().get()).isFalse();
        assertThat(check.canLookProperty().get()).isTrue();
        assertThat(check.foundProperty().get()).isEqualTo(-1);

        check.look();

        assertThat(cache.get()).as("the scan fills the connection's cache, for Where used and every later warning").isNotNull();
        assertThat(check.knownProperty().get()).isTrue();
        assertThat(check.canLookProperty().get()).isFalse();
        assertThat(check.foundProperty().get()).isEqualTo(3);
        assertThat(check.textProperty().get()).isEqualTo("3 consumers read " + GOLDEN_X86 + ":\n"
                + "• stack web-json (Parameters.ImageId, follows the latest version)\n"
                + "• launch template batch (version 1 (default and latest) ImageId, pinned to version 1)\n"
                + "• launch template web (version 1 (default) ImageId, follows the latest version)\n" + DELETED);
    }

    @Test
    void movingOrRenamingAParameterNamesItsConsumersAndWhatToDo() {
        scanned();
        ConsumerCheck check = check(Subject.parameter(DB_HOST), Change.MOVE);

        assertThat(check.textProperty().get())
                .startsWith(check.foundProperty().get() + " consumers read " + DB_HOST + ":\n• ")
                .contains("\n• Lambda function " + UsageSeed.FUNCTION + " (environment variable DB_HOST_PARAMETER, follows the latest version)\n")
                .contains("\n• parameter " + UsageSeed.POINTER_PARAMETER + " (value, follows the latest version)\n")
                .endsWith("\n" + MOVED);
    }

    @Test
    void aFolderNamesWhatEachConsumerReadsAndHowManyMoreThereAre() {
        scanned();
        ConsumerCheck deleteFolder = check(Subject.folder("/apps/web"), Change.DELETE);
        assertThat(deleteFolder.foundProperty().get()).isEqualTo(cache.get().underFolder("/apps/web").size());
        assertThat(deleteFolder.textProperty().get())
                .startsWith(deleteFolder.foundProperty().get() + " consumers read parameters under /apps/web:\n• ")
                .contains("\n• stack web-json manages " + OWNED + " (Config (AWS::SSM::Parameter)): change it there\n")
                .contains("\n• Lambda function " + UsageSeed.FUNCTION + " reads " + DB_HOST + " (environment variable DB_HOST_PARAMETER, ")
                .endsWith("\n" + DELETED)
                .doesNotContain(" more ");

        // Everything: more consumers than a confirmation names.
        ConsumerCheck moveRoot = check(Subject.folder("/"), Change.MOVE);
        int found = moveRoot.foundProperty().get();
        assertThat(found).isGreaterThan(5);
        assertThat(moveRoot.textProperty().get()).startsWith(found + " consumers read parameters under /:\n• ")
                .endsWith("\nand " + (found - 5) + " more (Where used… lists them all)\n" + MOVED);
        assertThat(moveRoot.textProperty().get().lines().filter(line -> line.startsWith("• "))).as("five named").hasSize(5);
    }

    @Test
    void aSecretNamesItsConsumersByTheirShortNamesAndNeverAValue() {
        scanned();
        ConsumerCheck check = check(Subject.secret(secretArn, SECRET), Change.DELETE);

        assertThat(check.textProperty().get())
                .startsWith(check.foundProperty().get() + " consumers read secret " + SECRET + ":\n• ")
                .contains("\n• Lambda function " + UsageSeed.ROTATION_FUNCTION + " (rotation function, follows the latest version)\n")
                .endsWith(DELETED)
                .doesNotContain(UsageSeed.MARK)
                .doesNotContain("arn:aws:lambda:");
    }

    @Test
    void nothingFoundIsSaidAsANoteNotAWarning() {
        scanned();
        ConsumerCheck check = check(Subject.parameter("/apps/web/password"), Change.MOVE);

        assertThat(check.foundProperty().get()).isZero();
        assertThat(check.textProperty().get()).isEqualTo("No consumer of /apps/web/password was found in this account and region's "
                + "stacks, launch templates, functions, task definitions and parameters.");
    }

    @Test
    void aScanThatEndsWhileTheConfirmationIsOpenUpdatesIt() {
        ConsumerCheck check = check(Subject.secret(secretArn, SECRET), Change.DELETE);
        assertThat(check.knownProperty().get()).isFalse();

        // Where used, or another confirmation, scans the connection meanwhile.
        scanned();

        assertThat(check.knownProperty().get()).isTrue();
        assertThat(check.textProperty().get()).startsWith(check.foundProperty().get() + " consumers read secret " + SECRET + ":\n• ");
    }

    @Test
    void aCancelledScanLeavesTheConsumersNotKnownAndOffersToLookAgain() {
        HeldBackground held = new HeldBackground();
        ConsumerCheck check = new ConsumerCheck(new ConsumerScan(held, clients, cache), Subject.folder("/golden-ami"), Change.DELETE);
        check.look();
        assertThat(check.scanningProperty().get()).isTrue();
        assertThat(check.canLookProperty().get()).isFalse();
        assertThat(check.textProperty().get()).startsWith("Looking for consumers of parameters under /golden-ami…");

        check.cancel();
        held.runAll();

        assertThat(check.scanningProperty().get()).isFalse();
        assertThat(cache.get()).isNull();
        assertThat(check.textProperty().get()).isEqualTo("Consumers of parameters under /golden-ami are not known: the scan was cancelled. "
                + "Look for consumers to try again.");
        assertThat(check.canLookProperty().get()).isTrue();
    }

    @Test
    void aScanThatCouldReadNothingSaysTheConsumersAreNotKnownNotThatThereAreNone() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory expired = proxy.clients(true)) {
            proxy.inject(FaultRule.of(Fault.EXPIRED_TOKEN));
            ConsumerCheck check = new ConsumerCheck(new ConsumerScan(new SameThreadBackground(), expired, cache),
                    Subject.secret(secretArn, SECRET), Change.DELETE);
            check.look();

            assertThat(check.textProperty().get())
                    .startsWith("Consumers of secret " + SECRET + " are not known where the scan could not read: ")
                    .contains("Secrets Manager secrets could not be read: ")
                    .contains("Lambda functions could not be read: ")
                    .endsWith("No consumer was found in the rest.")
                    .doesNotContain("No consumer of");
        }
    }
}
