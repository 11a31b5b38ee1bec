package dev.coffer.secrets.view;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Database;
import dev.coffer.secrets.Replica;
import dev.coffer.secrets.ReplicaTarget;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.CofferRobot;
import dev.coffer.testsupport.CofferUi;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.Screenshots;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.shell.App;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * A secret's replication in the details (Replicate to regions…, Remove from replication) and Pick
 * database in the secret editor, through the real window against moto.
 */
@WithMoto
@ExtendWith(dev.coffer.testsupport.FailureScreenshots.class)
class ReplicationAndDatabaseUiTest {

    private static final Duration UI = Duration.ofSeconds(15);
    private static final String REPLICATED = "replication-ui/payments-db";
    private static App app;
    private static ClientFactory sdk;
    private final FxRobot robot = new CofferRobot();

    @BeforeAll
    static void launch(MotoServer moto) throws Exception {
        sdk = Moto.clients(moto, false);
        SecretStore secrets = new SecretStore(sdk);
        sdk.secretsManager().createSecret(b -> b.name(REPLICATED).description("Payments database, read in three regions")
                .secretString("{\"engine\":\"postgres\",\"host\":\"payments.internal\",\"port\":5432,\"username\":\"payments\","
                        + "\"password\":\"not-a-real-one\",\"dbname\":\"payments\"}"));
        secrets.replicate(REPLICATED, List.of(new ReplicaTarget("eu-west-1", Optional.empty())));
        String key = sdk.inRegion("ap-southeast-1").kms().createKey(b -> b.description("Singapore replicas")).keyMetadata().keyId();
        sdk.inRegion("ap-southeast-1").kms().createAlias(b -> b.aliasName("alias/replicas-singapore").targetKeyId(key));
        DatabasePickerViewModelIT.createDatabases(sdk);
        app = CofferUi.launch(moto, false);
    }

    @AfterAll
    static void close() throws Exception {
        CofferUi.close(app);
        sdk.close();
    }

    @AfterEach
    void closeWindows() {
        CofferUi.closeOtherWindows(app);
    }

    private void selectSecret(String name) {
        robot.clickOn("#secretFilter").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(name);
        await().atMost(UI).until(() -> robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretTable .table-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        await().atMost(UI).until(() -> onFx(() -> name.equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())));
    }

    /** Scrolls the details so that {@code node} is in view, as a user does before clicking it. */
    private static void scrollTo(Node node) {
        onFx(() -> {
            ScrollPane scroll = (ScrollPane) node.getScene().lookup("#detailsScroll");
            Bounds content = scroll.getContent().getLayoutBounds();
            Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double room = content.getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (at.getMinY() - 20) / room)));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ListView<Replica> replicaTable() {
        return robot.lookup("#replicaList").queryAs(javafx.scene.control.ListView.class);
    }

    private List<String> replicaRegions() {
        return onFx(() -> replicaTable().getItems().stream().map(Replica::region).toList());
    }

    @Test
    void replicatesToARegionWithItsOwnKeyAndRemovesAReplicaAfterAsking() {
        selectSecret(REPLICATED);
        await().atMost(UI).until(() -> replicaRegions().equals(List.of("eu-west-1")));
        assertThat(onFx(() -> robot.lookup("#replicationSummary").queryAs(Label.class).getText()))
                .isEqualTo("Primary in us-east-1, replicated to 1 region.");

        Node replicate = robot.lookup("#replicateButton").queryAs(Node.class);
        scrollTo(replicate);
        robot.clickOn(replicate);
        await().atMost(UI).until(() -> robot.lookup("#replicaRegion0").tryQuery().isPresent());
        robot.clickOn("#replicaRegion0").write("ap-southeast-1").press(KeyCode.ENTER).release(KeyCode.ENTER);
        // The key picker lists that region's keys once the region is chosen.
        await().atMost(UI).until(() -> onFx(() -> robot.lookup("#replicaKey0").queryAs(javafx.scene.control.ComboBox.class)
                .getItems().stream().anyMatch(k -> ((dev.coffer.kms.KmsKey) k).aliases().contains("alias/replicas-singapore"))));
        robot.clickOn("#replicaKey0");
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getItem() instanceof dev.coffer.kms.KmsKey k
                && k.aliases().contains("alias/replicas-singapore")).queryAs(Node.class));
        robot.clickOn("#addRowButton");
        robot.clickOn("#replicaRegion1").write("eu-west-1").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(UI).until(() -> onFx(() -> robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .equals("Row 2: the secret is already replicated to eu-west-1."));
        Screenshots.save(robot.lookup("#replicaRegion0").queryAs(Node.class).getScene(), "replicate-secret-dialog");
        robot.clickOn("#removeReplicaRow1");
        await().atMost(UI).until(() -> onFx(() -> robot.lookup("#problemLabel").queryAs(Label.class).getText().isEmpty()));
        robot.clickOn("#sendReplicationButton");

        await().atMost(UI).until(() -> replicaRegions().equals(List.of("ap-southeast-1", "eu-west-1")));
        assertThat(new SecretStore(sdk).replicas(REPLICATED)).extracting(Replica::region).containsExactly("ap-southeast-1", "eu-west-1");
        scrollTo(robot.lookup("#replicationPane").queryAs(Node.class));
        Screenshots.save(robot.lookup("#replicaList").queryAs(Node.class).getScene(), "secret-replication-details");

        robot.clickOn(robot.lookup("#replicaList .label").match(LabeledMatchers.hasText("ap-southeast-1")).queryAs(Node.class));
        robot.clickOn("#removeReplicaButton");
        await().atMost(UI).until(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Remove replica"))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Remove replica")).queryAs(Node.class));

        await().atMost(UI).until(() -> replicaRegions().equals(List.of("eu-west-1")));
        assertThat(new SecretStore(sdk).replicas(REPLICATED)).extracting(Replica::region).containsExactly("eu-west-1");
    }

    @Test
    void pickDatabaseFillsTheDatabaseSecretAndNamesIt() {
        robot.clickOn("#newSecretButton");
        await().atMost(UI).until(() -> robot.lookup("#templateButton").tryQuery().isPresent());
        robot.clickOn("#templateButton").clickOn("Pick database…");
        await().atMost(UI).until(() -> robot.lookup("#databaseTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Database> table = robot.lookup("#databaseTable").queryAs(TableView.class);
        await().atMost(UI).until(() -> onFx(() -> table.getItems().stream().map(Database::identifier).toList()
                .containsAll(List.of("orders", "shop", "warehouse"))));
        robot.clickOn(robot.lookup("#databaseTable .table-cell").match(LabeledMatchers.hasText("orders")).queryAs(Node.class));
        await().atMost(UI).until(() -> onFx(() -> robot.lookup("#proposedNameField").queryAs(TextField.class).getText())
                .equals("rds/orders/orders_admin"));
        Screenshots.save(table.getScene(), "database-picker");
        robot.clickOn("#useButton");

        await().atMost(UI).until(() -> robot.lookup("#databaseTable").tryQuery().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<EntryRow> entries = robot.lookup("#entryTable").queryAs(TableView.class);
        Map<String, String> fields = onFx(() -> {
            Map<String, String> f = new LinkedHashMap<>();
            entries.getItems().forEach(r -> f.put(r.keyProperty().get(), r.valueProperty().get()));
            return f;
        });
        assertThat(fields).containsEntry("engine", "postgres").containsEntry("port", "5432").containsEntry("dbname", "orders");
        assertThat(fields.get("host")).startsWith("orders.");
        assertThat(onFx(() -> robot.lookup("#nameField").queryAs(TextField.class).getText())).isEqualTo("rds/orders/orders_admin");
        Screenshots.save(entries.getScene(), "secret-editor-picked-database");
    }
}
