package dev.coffer.rotation.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Problem;
import dev.coffer.rotation.RotationFunction;
import dev.coffer.rotation.RotationFunctions;
import dev.coffer.rotation.RotationRequest;
import dev.coffer.rotation.RotationSchedule;
import dev.coffer.rotation.RotationSetup;
import dev.coffer.secrets.DatabaseCatalog;
import dev.coffer.secrets.DatabaseTemplate;
import dev.coffer.secrets.RotationStatus;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretContent;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.WizardViewModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rotation wizard: the secret's rotation now (and, for a database secret, the fields rotation
 * functions need that its value lacks), the rotation function, the schedule with its next five
 * windows, then a review of the exact RotateSecret request. Every input is checked before any
 * call, and the secret's value is never shown nor kept.
 */
public final class RotationWizardViewModel extends WizardViewModel<RotationWizardViewModel.Page> {

    public enum Page { SECRET, FUNCTION, SCHEDULE, REVIEW, DONE }

    /** What rotates the secret. */
    public enum FunctionChoice { FROM_ACCOUNT, BY_ARN, MANAGED }

    /** How the schedule is given. */
    public enum ScheduleKind { EVERY_DAYS, EXPRESSION }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SecretStore secrets;
    private final RotationFunctions functionCatalog;
    private final RotationSetup setup;
    private final Secret secret;
    private final BiConsumer<Secret, List<String>> onEditSecret;
    private final Runnable onChanged;

    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty missingFieldsText = new SimpleStringProperty("");
    private final StringProperty databaseWarning = new SimpleStringProperty("");
    private final DatabaseCatalog databases;
    private List<String> missingFields = List.of();

    private final ObjectProperty<FunctionChoice> functionChoice = new SimpleObjectProperty<>(FunctionChoice.FROM_ACCOUNT);
    private final ObservableList<RotationFunction> functions = FXCollections.observableArrayList();
    private final ObjectProperty<RotationFunction> chosenFunction = new SimpleObjectProperty<>();
    private final StringProperty functionArn = new SimpleStringProperty("");

    private final ObjectProperty<ScheduleKind> scheduleKind = new SimpleObjectProperty<>(ScheduleKind.EVERY_DAYS);
    private final StringProperty days = new SimpleStringProperty("30");
    private final StringProperty expression = new SimpleStringProperty("");
    private final StringProperty window = new SimpleStringProperty("");
    private final StringProperty scheduleProblems = new SimpleStringProperty("");
    private final ObservableList<String> nextTimes = FXCollections.observableArrayList();

    private final BooleanProperty rotateImmediately = new SimpleBooleanProperty(true);
    private final StringProperty requestText = new SimpleStringProperty("");

    private final StringProperty result = new SimpleStringProperty("");

    /**
     * @param onEditSecret opens the secret editor with the missing database fields added
     * @param onChanged    runs once rotation was set, so the list and details re-read the secret
     * @param databases    the account's databases, to check that a database secret's host and port name one
     */
    public RotationWizardViewModel(Background background, SecretStore secrets, RotationFunctions functions, RotationSetup setup,
                                   DatabaseCatalog databases, Secret secret, BiConsumer<Secret, List<String>> onEditSecret,
                                   Runnable onChanged) {
        super(background, Page.class);
        this.secrets = secrets;
        this.databases = databases;
        this.functionCatalog = functions;
        this.setup = setup;
        this.secret = secret;
        this.onEditSecret = onEditSecret;
        this.onChanged = onChanged;
        chosenFunction.addListener((o, was, f) -> {
            if (f != null) {
                functionArn.set(f.arn());
            }
        });
        readyWhen(Page.FUNCTION, Bindings.createBooleanBinding(() -> switch (functionChoice.get()) {
            case MANAGED -> true;
            case FROM_ACCOUNT -> chosenFunction.get() != null;
            case BY_ARN -> !functionArn.get().isBlank();
        }, functionChoice, chosenFunction, functionArn));
        for (Observable input : List.<Observable>of(scheduleKind, days, expression, window)) {
            input.addListener(o -> checkSchedule());
        }
        readyWhen(Page.SCHEDULE, scheduleProblems.isEmpty());
        rotateImmediately.addListener(o -> refreshRequest());
    }

    @Override
    protected void enter(Page page) {
        switch (page) {
            case SECRET -> readSecret();
            case FUNCTION -> listFunctions();
            case SCHEDULE -> checkSchedule();
            case REVIEW -> refreshRequest();
            default -> { }
        }
    }

    @Override
    protected void leave(Page page, Runnable proceed) {
        switch (page) {
            case FUNCTION -> checkFunction(proceed);
            case REVIEW -> turnOn(proceed);
            default -> proceed.run();
        }
    }

    public Secret secret() {
        return secret;
    }

    // ---------------------------------------------------------------- 1: the secret

    /** The secret's rotation as Secrets Manager reports it, and the service that owns it. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** For a database secret, the fields rotation functions need that its value lacks; empty otherwise. */
    public ReadOnlyStringProperty missingFieldsTextProperty() {
        return missingFieldsText;
    }

    /** Opens the secret editor with the missing database fields added, empty, to fill in. */
    public void addMissingFields() {
        onEditSecret.accept(secret, missingFields);
    }

    /**
     * A warning (rotation may still be set up) when a database secret's host and port name no
     * database of the account in this region, or when the databases could not all be listed;
     * empty when one matches or the secret names no host.
     */
    public ReadOnlyStringProperty databaseWarningProperty() {
        return databaseWarning;
    }

    private record SecretCheck(RotationStatus status, List<String> missing, boolean looksLikeDatabase, String databaseWarning) {
    }

    /** What the secret's host and port point at, in words when that is a warning. */
    private String checkEndpoint(Optional<DatabaseTemplate.Endpoint> endpoint) {
        if (endpoint.isEmpty()) {
            return "";
        }
        DatabaseCatalog.Listing listing = databases.list(() -> false, source -> { });
        if (!listing.serving(endpoint.get().host(), endpoint.get().port()).isEmpty()) {
            return "";
        }
        String where = endpoint.get().text();
        if (!listing.failures().isEmpty()) {
            return "Could not check that " + where + " is one of this account's databases: "
                    + String.join("; ", listing.failures().entrySet().stream().map(f -> f.getKey().label() + " could not be listed ("
                    + AwsErrors.explain(f.getValue()).summary() + ")").toList()) + ".";
        }
        return "No RDS, Aurora, DocumentDB or Redshift database of this account in this region has the endpoint " + where
                + ". The rotation function connects to that host and port: check them, unless the database runs elsewhere "
                + "(on EC2, on premises or in another account).";
    }

    private void readSecret() {
        work("Reading " + secret.name() + "…", () -> {
            RotationStatus status = secrets.rotation(secret.arn());
            // Reads the value only to name the fields it lacks; the value itself is never shown nor kept.
            List<String> lacking;
            Optional<DatabaseTemplate.Endpoint> endpoint;
            try {
                SecretContent content = secrets.currentValue(secret.arn()).content();
                lacking = DatabaseTemplate.missingRotationFields(content);
                endpoint = DatabaseTemplate.endpoint(content);
            } catch (RuntimeException unreadable) {
                lacking = DatabaseTemplate.ROTATION_FIELDS; // no value to check (or not allowed to read it)
                endpoint = Optional.empty();
            }
            return new SecretCheck(status, lacking, lacking.size() < DatabaseTemplate.ROTATION_FIELDS.size(), checkEndpoint(endpoint));
        }, check -> {
            state.set(describe(check.status()) + secret.owningService().map(s -> "\nOwned by " + s
                    + ": it can use managed rotation, which that service runs without a Lambda function.").orElse(""));
            missingFields = check.missing();
            missingFieldsText.set(check.looksLikeDatabase() && !check.missing().isEmpty()
                    ? "This database secret lacks " + String.join(", ", check.missing()) + ". The AWS rotation functions for databases "
                    + "need engine, host, port, username, password and dbname in the value."
                    : "");
            databaseWarning.set(check.databaseWarning());
        });
    }

    /** A rotation as the wizard shows it, line by line. */
    private static String describe(RotationStatus s) {
        StringBuilder b = new StringBuilder("Rotation: ").append(s.enabled() ? "on" : "off");
        s.scheduleExpression().ifPresentOrElse(e -> b.append("\nSchedule: ").append(e),
                () -> s.automaticallyAfterDays().ifPresent(d -> b.append("\nSchedule: every ").append(d).append(" days")));
        s.window().ifPresent(w -> b.append("\nWindow: ").append(w));
        b.append("\nLast rotated: ").append(s.lastRotated().map(Formats::dateTime).orElse("never"));
        s.nextRotation().ifPresent(n -> b.append("\nNext rotation: ").append(Formats.dateTime(n)));
        b.append("\nFunction: ").append(s.lambdaArn().filter(a -> !a.isEmpty()).orElse("none"));
        return b.toString();
    }

    // ---------------------------------------------------------------- 2: the function

    public ObjectProperty<FunctionChoice> functionChoiceProperty() {
        return functionChoice;
    }

    /** Only a secret owned by a service may rotate without a function. */
    public boolean managedAllowed() {
        return secret.owningService().isPresent();
    }

    /** What managed rotation means for this secret. */
    public String managedHelp() {
        return secret.owningService()
                .map(s -> "Managed rotation: " + s + " rotates this secret itself; no Lambda function is needed or used.")
                .orElse("Managed rotation is only for secrets owned by a service (such as RDS master passwords); this secret is not.");
    }

    /** The region's Lambda functions (ListFunctions), by name. */
    public ObservableList<RotationFunction> functions() {
        return functions;
    }

    /** The function chosen from the list; choosing one also fills {@link #functionArnProperty}. */
    public ObjectProperty<RotationFunction> chosenFunctionProperty() {
        return chosenFunction;
    }

    /** The function by ARN. */
    public StringProperty functionArnProperty() {
        return functionArn;
    }

    private void listFunctions() {
        if (functions.isEmpty()) {
            work("Listing Lambda functions…", functionCatalog::list, functions::setAll);
        }
    }

    private Optional<String> lambdaArn() {
        return switch (functionChoice.get()) {
            case MANAGED -> Optional.empty();
            case FROM_ACCOUNT -> Optional.ofNullable(chosenFunction.get()).map(RotationFunction::arn);
            case BY_ARN -> Optional.of(functionArn.get().trim());
        };
    }

    private void checkFunction(Runnable proceed) {
        RotationRequest probe = new RotationRequest(secret.arn(), lambdaArn(), RotationSchedule.everyDays(30), "", true);
        List<Problem> problems = probe.problems(managedAllowed());
        if (problems.isEmpty()) {
            proceed.run();
        } else {
            say(problems);
        }
    }

    // ---------------------------------------------------------------- 3: schedule

    public ObjectProperty<ScheduleKind> scheduleKindProperty() {
        return scheduleKind;
    }

    /** Every N days, as typed (1 to 1,000). */
    public StringProperty daysProperty() {
        return days;
    }

    /** rate(N hours|days) or cron(…). */
    public StringProperty expressionProperty() {
        return expression;
    }

    /** The rotation window, such as 3h; empty for AWS's default. */
    public StringProperty windowProperty() {
        return window;
    }

    /** Every problem of the schedule and its window, one a line; Next waits until there are none. */
    public ReadOnlyStringProperty scheduleProblemsProperty() {
        return scheduleProblems;
    }

    /** The next five rotation windows, in UTC. */
    public ObservableList<String> nextTimes() {
        return nextTimes;
    }

    private RotationSchedule schedule() {
        if (scheduleKind.get() == ScheduleKind.EVERY_DAYS) {
            String d = days.get().trim();
            return RotationSchedule.everyDays(d.matches("\\d{1,6}") ? Integer.parseInt(d) : 0);
        }
        return RotationSchedule.expression(expression.get());
    }

    private void checkSchedule() {
        RotationSchedule s = schedule();
        List<Problem> all = new ArrayList<>(s.problems());
        all.addAll(s.windowProblems(window.get()));
        scheduleProblems.set(lines(all));
        nextTimes.setAll(s.next(Instant.now(), 5).stream().map(UTC::format).toList());
    }

    // ---------------------------------------------------------------- 4: review

    /** Rotate now (true), or only test the function with its testSecret step (false). */
    public BooleanProperty rotateImmediatelyProperty() {
        return rotateImmediately;
    }

    /** The exact RotateSecret request, as JSON; it never carries the secret's value. */
    public ReadOnlyStringProperty requestTextProperty() {
        return requestText;
    }

    private RotationRequest request() {
        return new RotationRequest(secret.arn(), lambdaArn(), schedule(), window.get(), rotateImmediately.get());
    }

    private void refreshRequest() {
        try {
            requestText.set("RotateSecret\n" + JSON.writeValueAsString(request().asRequest()));
        } catch (JsonProcessingException e) {
            requestText.set(request().asRequest().toString());
        }
    }

    private void turnOn(Runnable proceed) {
        RotationRequest r = request();
        List<Problem> problems = r.problems(managedAllowed());
        if (!problems.isEmpty()) {
            say(problems);
            return;
        }
        change("Turning rotation on…", () -> {
            setup.apply(r, managedAllowed());
            return secrets.rotation(secret.arn());
        }, status -> {
            result.set("Rotation was set. Secrets Manager now reports:\n\n" + describe(status));
            finish();
            onChanged.run();
            proceed.run();
        });
    }

    // ---------------------------------------------------------------- 5: done

    /** The rotation as DescribeSecret reports it after it was set. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }
}
