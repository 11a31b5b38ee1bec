package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Database;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.ThreadedBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pick database against moto: an RDS instance, an Aurora cluster with its member, a Redshift
 * cluster, in a region of their own so that no other test's databases are listed.
 */
@WithMoto
class DatabasePickerViewModelIT {

    static final String REGION = "ap-southeast-2";

    private static MotoServer moto;
    private static ClientFactory home;
    private static ClientFactory clients;

    @BeforeAll
    static void createDatabases(MotoServer server) {
        moto = server;
        home = Moto.clients(moto, false);
        clients = home.inRegion(REGION);
        createDatabases(clients);
    }

    /** The three sources' databases, as the UI test shows them too. */
    static void createDatabases(ClientFactory clients) {
        clients.rds().createDBInstance(b -> b.dbInstanceIdentifier("orders").engine("postgres").dbInstanceClass("db.t3.micro")
                .masterUsername("orders_admin").masterUserPassword("not-a-real-one").dbName("orders").allocatedStorage(20));
        clients.rds().createDBCluster(b -> b.dbClusterIdentifier("shop").engine("aurora-postgresql").masterUsername("shop_admin")
                .masterUserPassword("not-a-real-one").databaseName("shop"));
        clients.rds().createDBInstance(b -> b.dbInstanceIdentifier("shop-1").engine("aurora-postgresql")
                .dbInstanceClass("db.r5.large").dbClusterIdentifier("shop"));
        clients.redshift().createCluster(b -> b.clusterIdentifier("warehouse").nodeType("dc2.large").clusterType("single-node")
                .masterUsername("analyst").masterUserPassword("NotARealOne1").dbName("dev"));
    }

    @AfterAll
    static void close() {
        home.close();
    }

    private static DatabasePickerViewModel picker(ClientFactory from) {
        return new DatabasePickerViewModel(new SameThreadBackground(), new DatabaseCatalog(from), () -> "", true);
    }

    @Test
    void listsInstancesClustersAndRedshiftWithEngineEndpointPortAndStatusLeavingClusterMembersOut() {
        DatabasePickerViewModel vm = picker(clients);
        vm.load();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("3 databases.");
        assertThat(vm.databases()).extracting(Database::kind, Database::identifier, Database::engine)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Database.Kind.RDS_INSTANCE, "orders", "postgres"),
                        org.assertj.core.groups.Tuple.tuple(Database.Kind.AURORA_CLUSTER, "shop", "aurora-postgresql"),
                        org.assertj.core.groups.Tuple.tuple(Database.Kind.REDSHIFT_CLUSTER, "warehouse", "redshift"));
        Database orders = vm.databases().get(0);
        assertThat(orders.host()).startsWith("orders.").contains(REGION);
        assertThat(orders.port()).isEqualTo(5432);
        assertThat(orders.status()).isEqualTo("available");
        assertThat(vm.databases().get(1).port()).isEqualTo(5432);
        assertThat(vm.databases().get(2).port()).isEqualTo(5439);
        assertThat(vm.databases().get(2).host()).startsWith("warehouse.");
    }

    @Test
    void theDatabaseChosenFillsEngineHostPortAndDbnameAndNamesANewSecretAfterIt() {
        SecretEditorViewModel editor = SecretEditorViewModel.create(new SameThreadBackground(), clients, new SecretStore(clients));
        editor.entries().get(0).keyProperty().set("username");
        editor.entries().get(0).valueProperty().set("app_user");
        DatabasePickerViewModel vm = editor.databasePicker();
        vm.load();
        Database shop = vm.databases().stream().filter(d -> d.identifier().equals("shop")).findFirst().orElseThrow();
        vm.selectedProperty().set(shop);

        assertThat(vm.namingOffered()).isTrue();
        assertThat(vm.proposedName().get()).isEqualTo("rds/shop/app_user");
        assertThat(vm.canUse().get()).isTrue();
        editor.useDatabase(vm.choice());

        Map<String, String> fields = new LinkedHashMap<>();
        editor.entries().forEach(r -> fields.put(r.keyProperty().get(), r.valueProperty().get()));
        assertThat(fields).containsEntry("engine", "postgres").containsEntry("host", shop.host()).containsEntry("port", "5432")
                .containsEntry("dbname", "shop").containsEntry("username", "app_user").containsEntry("password", "");
        assertThat(editor.nameProperty().get()).isEqualTo("rds/shop/app_user");
        // The port goes to AWS as a JSON number, as the rotation functions read it.
        assertThat(((SecretContent.KeyValues) editor.content()).toSecretString()).contains("\"port\":5432");
    }

    @Test
    void anExistingSecretKeepsItsNameWhateverDatabaseIsChosen() {
        SecretStore store = new SecretStore(clients);
        clients.secretsManager().createSecret(b -> b.name("picker-it/existing").secretString("{\"username\":\"bi\"}"));
        SecretEditorViewModel editor = SecretEditorViewModel.edit(new SameThreadBackground(), clients, store,
                store.describe("picker-it/existing"));
        DatabasePickerViewModel vm = editor.databasePicker();
        vm.load();
        vm.selectedProperty().set(vm.databases().stream().filter(d -> d.identifier().equals("warehouse")).findFirst().orElseThrow());

        assertThat(vm.namingOffered()).isFalse();
        editor.useDatabase(vm.choice());

        assertThat(editor.nameProperty().get()).isEqualTo("picker-it/existing");
        assertThat(editor.entries()).anySatisfy(r -> {
            assertThat(r.keyProperty().get()).isEqualTo("engine");
            assertThat(r.valueProperty().get()).isEqualTo("redshift");
        });
    }

    @Test
    void aSourceAwsRefusesIsSaidInWordsWhileTheOthersAreListed() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            proxy.inject(FaultRule.of(Fault.ACCESS_DENIED).on("DescribeDBInstances"));
            DatabasePickerViewModel vm = picker(viaProxy.inRegion(REGION));
            vm.load();

            assertThat(vm.databases()).extracting(Database::identifier).containsExactly("shop", "warehouse");
            assertThat(vm.problems()).singleElement().satisfies(p -> assertThat(p)
                    .startsWith("RDS DB instances could not be listed: ")
                    .contains("Access denied: AWS does not allow rds:DescribeDBInstances for arn:aws:sts::123456789012:assumed-role/Auditor/alice")
                    .endsWith("(needs rds:DescribeDBInstances)"));
            assertThat(vm.statusProperty().get()).isEqualTo("2 databases; some could not be listed (below).");
        }
    }

    @Test
    void cancelStopsTheListingAtOnceAndSaysSo() {
        ThreadedBackground background = new ThreadedBackground();
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            proxy.inject(FaultRule.of(Fault.SLOW_ANSWER).on("DescribeClusters").delay(Duration.ofSeconds(60)));
            DatabasePickerViewModel vm = background.onUi(() -> new DatabasePickerViewModel(background,
                    new DatabaseCatalog(viaProxy.inRegion(REGION)), () -> "", true));
            background.onUi(vm::load);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> proxy.requests("DescribeClusters") == 1);
            long started = System.nanoTime();
            background.onUi(vm::cancel);

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !background.onUi(() -> vm.loadingProperty().get()));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(background.onUi(() -> vm.statusProperty().get())).startsWith("Cancelled.");
            assertThat(background.onUi(() -> vm.databases().isEmpty())).isTrue();
        } finally {
            background.shutdown();
        }
    }
}
