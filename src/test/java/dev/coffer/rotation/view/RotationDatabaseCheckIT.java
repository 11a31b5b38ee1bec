package dev.coffer.rotation.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.rotation.RotationFunctions;
import dev.coffer.rotation.RotationSetup;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rotation wizard checks that a database secret's host and port name a database of the
 * account: a warning, never a block. In a region of its own, with one RDS instance.
 */
@WithMoto
class RotationDatabaseCheckIT {

    private static final String REGION = "eu-west-2";

    private static MotoServer moto;
    private static ClientFactory home;
    private static ClientFactory clients;
    private static String ordersHost;

    @BeforeAll
    static void createDatabase(MotoServer server) {
        moto = server;
        home = Moto.clients(moto, false);
        clients = home.inRegion(REGION);
        ordersHost = clients.rds().createDBInstance(b -> b.dbInstanceIdentifier("billing").engine("mysql")
                .dbInstanceClass("db.t3.micro").masterUsername("admin").masterUserPassword("not-a-real-one").allocatedStorage(20))
                .dbInstance().endpoint().address();
    }

    @AfterAll
    static void close() {
        home.close();
    }

    private static Secret secret(ClientFactory from, String name, String host, int port) {
        from.secretsManager().createSecret(b -> b.name(name).secretString("{\"engine\":\"mysql\",\"host\":\"" + host + "\",\"port\":"
                + port + ",\"username\":\"app\",\"password\":\"not-a-real-one\",\"dbname\":\"billing\"}"));
        return new SecretStore(from).describe(name);
    }

    private static RotationWizardViewModel wizard(ClientFactory from, Secret secret) {
        RotationWizardViewModel vm = new RotationWizardViewModel(new SameThreadBackground(), new SecretStore(from),
                new RotationFunctions(from), new RotationSetup(from), new DatabaseCatalog(from), secret, (s, keys) -> { }, () -> { });
        vm.start();
        return vm;
    }

    @Test
    void aSecretPointingAtAnExistingDatabaseGetsNoWarning() {
        RotationWizardViewModel vm = wizard(clients, secret(clients, "rotation-db/billing", ordersHost, 3306));

        assertThat(vm.databaseWarningProperty().get()).isEmpty();
    }

    @Test
    void aHostNoDatabaseHasIsAWarningAndTheWizardGoesOn() {
        RotationWizardViewModel vm = wizard(clients, secret(clients, "rotation-db/typo", "bilKing.example.internal", 3306));

        assertThat(vm.databaseWarningProperty().get()).isEqualTo("No RDS, Aurora, DocumentDB or Redshift database of this account "
                + "in this region has the endpoint bilKing.example.internal:3306. The rotation function connects to that host and "
                + "port: check them, unless the database runs elsewhere (on EC2, on premises or in another account).");
        assertThat(vm.canGoOnProperty().get()).isTrue();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(RotationWizardViewModel.Page.FUNCTION);
    }

    @Test
    void theRightHostOnAnotherPortIsAWarningToo() {
        RotationWizardViewModel vm = wizard(clients, secret(clients, "rotation-db/port", ordersHost, 3307));

        assertThat(vm.databaseWarningProperty().get()).startsWith("No RDS, Aurora, DocumentDB or Redshift database")
                .contains(ordersHost + ":3307");
    }

    @Test
    void whenTheDatabasesCannotBeListedTheWarningSaysSoAndWhichSource() {
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory viaProxy = proxy.clients(false)) {
            ClientFactory there = viaProxy.inRegion(REGION);
            proxy.inject(FaultRule.of(Fault.ACCESS_DENIED).on("DescribeClusters"));
            RotationWizardViewModel vm = wizard(there, secret(there, "rotation-db/unlisted", "warehouse.example.internal", 5439));

            assertThat(vm.databaseWarningProperty().get()).startsWith("Could not check that warehouse.example.internal:5439 is one "
                    + "of this account's databases: Redshift clusters could not be listed (");
            assertThat(vm.canGoOnProperty().get()).isTrue();
        }
    }
}
