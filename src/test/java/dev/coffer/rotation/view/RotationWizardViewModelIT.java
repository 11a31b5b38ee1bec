package dev.coffer.rotation.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coffer.aws.ClientFactory;
import dev.coffer.rotation.RotationFunction;
import dev.coffer.rotation.RotationFunctions;
import dev.coffer.rotation.RotationSetup;
import dev.coffer.rotation.view.RotationWizardViewModel.FunctionChoice;
import dev.coffer.rotation.view.RotationWizardViewModel.Page;
import dev.coffer.rotation.view.RotationWizardViewModel.ScheduleKind;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.RotationLambda;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/** The rotation wizard's view model against moto, without a window: every page's state, checks, navigation and the request sent. */
@WithMoto
class RotationWizardViewModelIT {

    private static final String FUNCTION = "SecretsManagerRDSPostgreSQLRotationSingleUser";
    private static final String PASSWORD = "orders-db-password-never-shown";
    private static MotoServer server;
    private static ClientFactory clients;
    private static SecretStore secrets;
    private static String functionArn;

    private final List<Map.Entry<Secret, List<String>>> edits = new ArrayList<>();
    private int changes;

    @BeforeAll
    static void connect(MotoServer moto) {
        server = moto;
        clients = Moto.clients(moto, false);
        secrets = new SecretStore(clients);
        functionArn = RotationLambda.create(moto, clients, FUNCTION);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static Secret database(String name, String value) {
        clients.secretsManager().createSecret(b -> b.name(name).secretString(value));
        return secrets.describe(name);
    }

    private static Secret orders(String name) {
        return database(name, "{\"engine\":\"postgres\",\"host\":\"orders.cluster.example.com\",\"port\":5432,"
                + "\"username\":\"orders_app\",\"password\":\"" + PASSWORD + "\",\"dbname\":\"orders\"}");
    }

    private RotationWizardViewModel wizard(Secret secret) {
        RotationWizardViewModel vm = new RotationWizardViewModel(new SameThreadBackground(), secrets, new RotationFunctions(clients),
                new RotationSetup(clients), new DatabaseCatalog(clients), secret, (s, keys) -> edits.add(Map.entry(s, keys)), () -> changes++);
        vm.start();
        return vm;
    }

    private static void chooseFunction(RotationWizardViewModel vm) {
        vm.chosenFunctionProperty().set(vm.functions().stream().filter(f -> f.name().equals(FUNCTION)).findFirst().orElseThrow());
    }

    private static List<String> scheduleProblems(RotationWizardViewModel vm) {
        return List.of(vm.scheduleProblemsProperty().get().split("\n"));
    }

    @Test
    void theFirstPageShowsTheRotationNowAndNamesTheDatabaseFieldsTheValueLacks() {
        RotationWizardViewModel complete = wizard(orders("vm/first/orders-db"));
        assertThat(complete.pageProperty().get()).isEqualTo(Page.SECRET);
        assertThat(complete.stateProperty().get()).startsWith("Rotation: off").contains("Last rotated: never").contains("Function: none")
                .doesNotContain(PASSWORD);
        assertThat(complete.missingFieldsTextProperty().get()).isEmpty();
        assertThat(complete.canGoOnProperty().get()).isTrue();
        assertThat(complete.canGoBackProperty().get()).isFalse();

        Secret legacy = database("vm/first/legacy-db", "{\"engine\":\"mysql\",\"username\":\"legacy\",\"password\":\"x\"}");
        RotationWizardViewModel lacking = wizard(legacy);
        assertThat(lacking.missingFieldsTextProperty().get()).startsWith("This database secret lacks host, port, dbname.");
        lacking.addMissingFields();
        assertThat(edits).singleElement().satisfies(e -> {
            assertThat(e.getKey().name()).isEqualTo("vm/first/legacy-db");
            assertThat(e.getValue()).containsExactly("host", "port", "dbname");
        });

        RotationWizardViewModel notADatabase = wizard(database("vm/first/api-key", "{\"key\":\"k\"}"));
        assertThat(notADatabase.missingFieldsTextProperty().get()).as("only a database secret is asked for database fields").isEmpty();
    }

    @Test
    void theFunctionIsChosenFromTheAccountOrByArnAndCheckedBeforeTheNextPage() {
        RotationWizardViewModel vm = wizard(orders("vm/function/orders-db"));
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.FUNCTION);
        assertThat(vm.functions()).extracting(RotationFunction::name).contains(FUNCTION);
        assertThat(vm.functions()).filteredOn(f -> f.name().equals(FUNCTION)).singleElement()
                .satisfies(f -> assertThat(f.runtime()).isEqualTo("python3.12"));
        assertThat(vm.functionChoiceProperty().get()).isEqualTo(FunctionChoice.FROM_ACCOUNT);
        assertThat(vm.canGoOnProperty().get()).as("no function chosen yet").isFalse();
        chooseFunction(vm);
        assertThat(vm.canGoOnProperty().get()).isTrue();
        assertThat(vm.functionArnProperty().get()).as("the chosen function's ARN is offered by ARN too").isEqualTo(functionArn);

        vm.functionChoiceProperty().set(FunctionChoice.BY_ARN);
        vm.functionArnProperty().set("");
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.functionArnProperty().set("arn:aws:lambda:us-east-1:123:function:x");
        vm.next();
        assertThat(vm.statusProperty().get()).contains("is not a Lambda function ARN");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.FUNCTION);

        assertThat(vm.managedAllowed()).isFalse();
        assertThat(vm.managedHelp()).contains("only for secrets owned by a service");
        vm.functionChoiceProperty().set(FunctionChoice.MANAGED);
        vm.next();
        assertThat(vm.statusProperty().get()).contains("only secrets owned by a service rotate without one");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.FUNCTION);

        vm.functionChoiceProperty().set(FunctionChoice.BY_ARN);
        vm.functionArnProperty().set(" " + functionArn + " ");
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SCHEDULE);
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void badSchedulesAreRefusedWithEveryProblemBeforeAnyCallAndAGoodCronIsSentAsWritten() {
        Secret secret = orders("vm/schedule/orders-db");
        RotationWizardViewModel vm = wizard(secret);
        vm.next();
        chooseFunction(vm);
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SCHEDULE);
        assertThat(vm.daysProperty().get()).isEqualTo("30");
        assertThat(vm.scheduleProblemsProperty().get()).isEmpty();
        assertThat(vm.nextTimes()).hasSize(5);
        long rotations = clients.calls().count("RotateSecret");

        vm.daysProperty().set("1001");
        assertThat(vm.scheduleProblemsProperty().get()).contains("1 to 1,000 days");
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SCHEDULE);

        vm.scheduleKindProperty().set(ScheduleKind.EXPRESSION);
        vm.expressionProperty().set("rate(2 hours)");
        assertThat(vm.scheduleProblemsProperty().get()).contains("at most every 4 hours");
        vm.expressionProperty().set("cron(0 */2 ? * * *)");
        assertThat(vm.scheduleProblemsProperty().get()).contains("every 2 hours").contains("at most every 4 hours");
        vm.expressionProperty().set("cron(0 4 * * MON *)");
        assertThat(vm.scheduleProblemsProperty().get()).contains("exactly one of day-of-month and day-of-week");
        vm.expressionProperty().set("cron(0 4 ? *)");
        assertThat(vm.scheduleProblemsProperty().get()).contains("6 fields");
        vm.expressionProperty().set("every day");
        assertThat(vm.scheduleProblemsProperty().get()).contains("neither rate(");
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.expressionProperty().set("cron(0 22 ? * SUN *)");
        vm.windowProperty().set("3h");
        assertThat(vm.scheduleProblemsProperty().get()).contains("next UTC day");
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.expressionProperty().set("rate(2 hours)");
        vm.windowProperty().set("30h");
        assertThat(scheduleProblems(vm)).as("the schedule's and the window's problems at once")
                .anyMatch(line -> line.contains("at most every 4 hours")).anyMatch(line -> line.contains("1 to 24 hours"));
        assertThat(clients.calls().count("RotateSecret")).isEqualTo(rotations);

        vm.expressionProperty().set("cron(0 22 ? * SUN *)");
        vm.windowProperty().set("2h");
        assertThat(vm.scheduleProblemsProperty().get()).isEmpty();
        assertThat(vm.nextTimes()).hasSize(5).allMatch(t -> t.startsWith("Sun ") && t.endsWith("22:00 UTC"));
        assertThat(vm.canGoOnProperty().get()).isTrue();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);

        Moto.startRecording(server);
        vm.next();
        List<JsonNode> sent = Moto.requestsFor(Moto.stopRecording(server), "secretsmanager.RotateSecret");
        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.path("RotationRules").path("ScheduleExpression").asText()).isEqualTo("cron(0 22 ? * SUN *)");
            assertThat(request.path("RotationRules").path("Duration").asText()).isEqualTo("2h");
            assertThat(request.path("RotateImmediately").asBoolean()).isTrue();
        });
        assertThat(clients.secretsManager().describeSecret(b -> b.secretId(secret.arn())).rotationLambdaARN()).isEqualTo(functionArn);
    }

    @Test
    void theReviewShowsTheExactRequestAndTurningRotationOnSendsIt() {
        Secret secret = orders("vm/review/orders-db");
        RotationWizardViewModel vm = wizard(secret);
        vm.next();
        chooseFunction(vm);
        vm.next();
        vm.daysProperty().set("14");
        vm.windowProperty().set("4h");
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(vm.rotateImmediatelyProperty().get()).isTrue();
        assertThat(vm.requestTextProperty().get()).contains("\"RotateImmediately\" : true");
        vm.rotateImmediatelyProperty().set(false);
        assertThat(vm.requestTextProperty().get()).startsWith("RotateSecret\n")
                .contains("\"SecretId\" : \"" + secret.arn() + "\"")
                .contains("\"RotationLambdaARN\" : \"" + functionArn + "\"").contains("\"AutomaticallyAfterDays\" : 14")
                .contains("\"Duration\" : \"4h\"").contains("\"RotateImmediately\" : false").doesNotContain(PASSWORD);

        Moto.startRecording(server);
        vm.next();
        List<JsonNode> sent = Moto.requestsFor(Moto.stopRecording(server), "secretsmanager.RotateSecret");
        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.path("RotationLambdaARN").asText()).isEqualTo(functionArn);
            assertThat(request.path("RotationRules").path("AutomaticallyAfterDays").asInt()).isEqualTo(14);
            assertThat(request.path("RotationRules").path("Duration").asText()).isEqualTo("4h");
            assertThat(request.path("RotateImmediately").asBoolean(true)).isFalse();
        });
        assertThat(vm.resultProperty().get()).startsWith("Rotation was set. Secrets Manager now reports:")
                .contains("Rotation: on").contains("Schedule: every 14 days").contains("Function: " + functionArn);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.canGoBackProperty().get()).isFalse();
        assertThat(vm.onLastPage()).isTrue();
        assertThat(changes).as("the list and details re-read the secret").isEqualTo(1);
        DescribeSecretResponse d = clients.secretsManager().describeSecret(b -> b.secretId(secret.arn()));
        assertThat(d.rotationEnabled()).isTrue();
        assertThat(d.rotationRules().automaticallyAfterDays()).isEqualTo(14L);
        assertThat(d.rotationLambdaARN()).isEqualTo(functionArn);
        assertThat(d.nextRotationDate()).isNotNull();
    }

    @Test
    void whenAwsRefusesToTurnRotationOnEveryPageKeepsItsInput() {
        Secret secret = orders("vm/refused/orders-db");
        RotationWizardViewModel vm = wizard(secret);
        vm.next();
        chooseFunction(vm);
        vm.next();
        vm.scheduleKindProperty().set(ScheduleKind.EXPRESSION);
        vm.expressionProperty().set("cron(0 22 ? * SUN *)");
        vm.windowProperty().set("2h");
        vm.next();
        // Someone schedules the secret's deletion meanwhile: Secrets Manager refuses to rotate it.
        clients.secretsManager().deleteSecret(b -> b.secretId(secret.arn()).recoveryWindowInDays(7L));
        vm.next();

        assertThat(vm.statusProperty().get()).contains("AWS rejected the request").contains("marked deleted");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canGoOnProperty().get()).isTrue();
        assertThat(changes).isZero();
        vm.back();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SCHEDULE);
        assertThat(vm.scheduleKindProperty().get()).isEqualTo(ScheduleKind.EXPRESSION);
        assertThat(vm.expressionProperty().get()).isEqualTo("cron(0 22 ? * SUN *)");
        assertThat(vm.windowProperty().get()).isEqualTo("2h");
        vm.back();
        assertThat(vm.chosenFunctionProperty().get().arn()).isEqualTo(functionArn);
        assertThat(clients.secretsManager().describeSecret(b -> b.secretId(secret.arn())).rotationEnabled()).isNotEqualTo(Boolean.TRUE);
    }
}
