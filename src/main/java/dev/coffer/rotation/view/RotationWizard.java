package dev.coffer.rotation.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Problem;
import dev.coffer.rotation.RotationFunction;
import dev.coffer.rotation.RotationFunctions;
import dev.coffer.rotation.RotationRequest;
import dev.coffer.rotation.RotationSchedule;
import dev.coffer.rotation.RotationSetup;
import dev.coffer.secrets.DatabaseTemplate;
import dev.coffer.secrets.RotationStatus;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.WizardWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The rotation wizard: the secret's rotation state (and, for database secrets, the fields rotation
 * functions need), the rotation function, the schedule with its next five times, then a review of
 * the exact RotateSecret request. Every input is checked before any call.
 */
public final class RotationWizard {

    private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
            .ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Background background;
    private final SecretStore secrets;
    private final RotationFunctions functions;
    private final RotationSetup setup;
    private final Secret secret;
    private final BiConsumer<Secret, List<String>> onEditSecret;
    private final Runnable onChanged;
    private final WizardWindow wizard = new WizardWindow();

    private final ObservableList<RotationFunction> functionList = FXCollections.observableArrayList();
    private final ToggleGroup how = new ToggleGroup();
    private final RadioButton fromAccount = new RadioButton("A rotation function from this account");
    private final RadioButton byArn = new RadioButton("A function by ARN");
    private final RadioButton managed = new RadioButton("Managed rotation (no function)");
    private final TableView<RotationFunction> functionTable = new TableView<>(functionList);
    private final TextField arnField = new TextField();
    private final ToggleGroup when = new ToggleGroup();
    private final RadioButton everyDays = new RadioButton("Every");
    private final RadioButton byExpression = new RadioButton("Schedule expression");
    private final TextField daysField = new TextField("30");
    private final TextField expressionField = new TextField();
    private final TextField windowField = new TextField();
    private final ToggleGroup immediately = new ToggleGroup();
    private final RadioButton rotateNow = new RadioButton("Rotate immediately, then on schedule");
    private final RadioButton testOnly = new RadioButton("Only test the function now (its testSecret step); first rotation on schedule");
    private final SimpleStringProperty stateText = new SimpleStringProperty("");
    private final SimpleStringProperty resultText = new SimpleStringProperty("");
    private RotationRequest reviewed;
    /** The database fields the secret's value lacks, as the first page found them. */
    private List<String> lacking = List.of();

    /**
     * @param onEditSecret opens the secret editor with the missing database fields added
     * @param onChanged    runs once rotation was set, so the list and details re-read the secret
     */
    public RotationWizard(Background background, ClientFactory clients, SecretStore secrets, Secret secret, BiConsumer<Secret, List<String>> onEditSecret, Runnable onChanged) {
        this.background = background;
        this.secrets = secrets;
        this.functions = new RotationFunctions(clients);
        this.setup = new RotationSetup(clients);
        this.secret = secret;
        this.onEditSecret = onEditSecret;
        this.onChanged = onChanged;
    }

    public Stage open(Window owner) {
        wizard.add(secretPage()).add(functionPage()).add(schedulePage()).add(reviewPage()).add(resultPage());
        return wizard.open(owner, "Set up rotation of " + secret.name());
    }

    private <T> void work(String doing, java.util.concurrent.Callable<T> call, Consumer<T> done) {
        wizard.work(background, doing, call, done);
    }

    // ---------------------------------------------------------------- 1: the secret

    private record SecretCheck(RotationStatus status, List<String> missing, boolean looksLikeDatabase) {
    }

    private WizardWindow.Page secretPage() {
        Label state = new Label();
        state.setId("rotationStateText");
        state.setWrapText(true);
        state.textProperty().bind(stateText);
        Label missing = new Label();
        missing.setId("missingFieldsText");
        missing.setWrapText(true);
        missing.getStyleClass().add("field-problem");
        Button edit = new Button("Add them in the editor…");
        edit.setId("addMissingFieldsButton");
        edit.setOnAction(e -> onEditSecret.accept(secret, lacking));
        edit.visibleProperty().bind(missing.textProperty().isNotEmpty());
        edit.managedProperty().bind(edit.visibleProperty());
        VBox content = new VBox(10, state, missing, edit);
        return new WizardWindow.Page("Secret", "The rotation settings of " + secret.name() + " now.", content, "_Next", null,
                () -> work("Reading " + secret.name() + "…", () -> {
                    RotationStatus status = secrets.rotation(secret.arn());
                    // Reads the value only to name the fields it lacks; the value itself is never shown nor kept.
                    List<String> lacking;
                    try {
                        lacking = DatabaseTemplate.missingRotationFields(secrets.currentValue(secret.arn()).content());
                    } catch (RuntimeException unreadable) {
                        lacking = DatabaseTemplate.ROTATION_FIELDS; // no value to check (or not allowed to read it)
                    }
                    boolean database = lacking.size() < DatabaseTemplate.ROTATION_FIELDS.size();
                    return new SecretCheck(status, lacking, database);
                }, check -> {
                    stateText.set(describe(check.status()) + secret.owningService().map(s -> "\nOwned by " + s
                            + ": it can use managed rotation, which that service runs without a Lambda function.").orElse(""));
                    lacking = check.missing();
                    missing.setText(check.looksLikeDatabase() && !check.missing().isEmpty()
                            ? "This database secret lacks " + String.join(", ", check.missing()) + ". The AWS rotation functions for databases "
                            + "need engine, host, port, username, password and dbname in the value."
                            : "");
                }), null);
    }

    static String describe(RotationStatus s) {
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

    private WizardWindow.Page functionPage() {
        fromAccount.setId("fromAccountRadio");
        byArn.setId("byArnRadio");
        managed.setId("managedRadio");
        for (RadioButton r : List.of(fromAccount, byArn, managed)) {
            r.setToggleGroup(how);
        }
        fromAccount.setSelected(true);
        managed.setDisable(secret.owningService().isEmpty());
        functionTable.setId("functionTable");
        functionTable.setPlaceholder(new Label("No Lambda functions in this region."));
        functionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        functionTable.getColumns().setAll(List.of(column("Function", RotationFunction::name, 240), column("Runtime", RotationFunction::runtime, 100),
                column("Last modified", f -> f.lastModified().orElse(""), 200), column("Description", RotationFunction::description, 200)));
        functionTable.disableProperty().bind(fromAccount.selectedProperty().not());
        functionTable.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                arnField.setText(f.arn());
            }
        });
        arnField.setId("functionArnField");
        arnField.setPromptText("arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation");
        arnField.disableProperty().bind(byArn.selectedProperty().not());
        Label managedHelp = new Label(secret.owningService().isPresent()
                ? "Managed rotation: " + secret.owningService().get() + " rotates this secret itself; no Lambda function is needed or used."
                : "Managed rotation is only for secrets owned by a service (such as RDS master passwords); this secret is not.");
        managedHelp.setWrapText(true);
        VBox content = new VBox(8, fromAccount, functionTable, byArn, arnField, managed, managedHelp);
        VBox.setVgrow(functionTable, Priority.ALWAYS);
        BooleanBinding chosen = Bindings.createBooleanBinding(() -> managed.isSelected()
                        || fromAccount.isSelected() && functionTable.getSelectionModel().getSelectedItem() != null
                        || byArn.isSelected() && !arnField.getText().isBlank(),
                how.selectedToggleProperty(), functionTable.getSelectionModel().selectedItemProperty(), arnField.textProperty());
        return new WizardWindow.Page("Function", "Choose what rotates the secret: a Lambda rotation function (ListFunctions) or one by ARN; "
                + "secrets owned by a service can use managed rotation.", content, "_Next", chosen, () -> {
            if (functionList.isEmpty()) {
                work("Listing Lambda functions…", functions::list, functionList::setAll);
            }
        }, proceed -> {
            RotationRequest probe = new RotationRequest(secret.arn(), lambdaArn(), RotationSchedule.everyDays(30), "", true);
            List<Problem> problems = probe.problems(secret.owningService().isPresent());
            if (problems.isEmpty()) {
                proceed.run();
            } else {
                wizard.statusProperty().set(String.join("\n", problems.stream().map(Problem::message).toList()));
            }
        });
    }

    private Optional<String> lambdaArn() {
        if (managed.isSelected()) {
            return Optional.empty();
        }
        if (fromAccount.isSelected()) {
            return Optional.ofNullable(functionTable.getSelectionModel().getSelectedItem()).map(RotationFunction::arn);
        }
        return Optional.of(arnField.getText().trim());
    }

    // ---------------------------------------------------------------- 3: schedule

    private RotationSchedule schedule() {
        if (everyDays.isSelected()) {
            String d = daysField.getText().trim();
            return d.matches("\\d{1,6}") ? RotationSchedule.everyDays(Integer.parseInt(d)) : RotationSchedule.everyDays(0);
        }
        return RotationSchedule.expression(expressionField.getText());
    }

    private WizardWindow.Page schedulePage() {
        everyDays.setId("everyDaysRadio");
        byExpression.setId("expressionRadio");
        everyDays.setToggleGroup(when);
        byExpression.setToggleGroup(when);
        everyDays.setSelected(true);
        daysField.setId("daysField");
        daysField.setPrefColumnCount(5);
        daysField.disableProperty().bind(everyDays.selectedProperty().not());
        expressionField.setId("expressionField");
        expressionField.setPromptText("rate(12 hours), rate(10 days) or cron(0 4 ? * SUN *)");
        expressionField.disableProperty().bind(byExpression.selectedProperty().not());
        HBox.setHgrow(expressionField, Priority.ALWAYS);
        windowField.setId("windowField");
        windowField.setPromptText("3h (optional; default: 1 hour for hourly schedules, the rest of the UTC day otherwise)");
        Label problems = new Label();
        problems.setId("scheduleProblems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        ObservableList<String> times = FXCollections.observableArrayList();
        ListView<String> nextTimes = new ListView<>(times);
        nextTimes.setId("nextTimesList");
        nextTimes.setPrefHeight(5 * 40 + 6);
        nextTimes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable check = () -> {
            RotationSchedule s = schedule();
            List<Problem> all = new java.util.ArrayList<>(s.problems());
            all.addAll(s.windowProblems(windowField.getText()));
            problems.setText(String.join("\n", all.stream().map(Problem::message).toList()));
            times.setAll(s.next(Instant.now(), 5).stream().map(UTC::format).toList());
        };
        daysField.textProperty().addListener((o, a, b) -> check.run());
        expressionField.textProperty().addListener((o, a, b) -> check.run());
        windowField.textProperty().addListener((o, a, b) -> check.run());
        when.selectedToggleProperty().addListener((o, a, b) -> check.run());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        HBox days = new HBox(6, daysField, new Label("days (1 to 1,000)"));
        days.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(0, everyDays, days);
        form.addRow(1, byExpression, expressionField);
        form.addRow(2, new Label("Window"), windowField);
        GridPane.setHgrow(expressionField, Priority.ALWAYS);
        GridPane.setHgrow(windowField, Priority.ALWAYS);
        VBox content = new VBox(10, form, problems, new Label("The next five rotation windows open at (UTC; a rate counts from the last rotation):"), nextTimes);
        BooleanBinding valid = Bindings.createBooleanBinding(() -> problems.getText().isEmpty(), problems.textProperty());
        return new WizardWindow.Page("Schedule", "How often Secrets Manager rotates, in UTC and at most every 4 hours, and optionally the "
                + "window (Nh) it rotates in.", content, "_Next", valid, check, null);
    }

    // ---------------------------------------------------------------- 4: review

    private WizardWindow.Page reviewPage() {
        rotateNow.setId("rotateImmediatelyRadio");
        testOnly.setId("testOnlyRadio");
        rotateNow.setToggleGroup(immediately);
        testOnly.setToggleGroup(immediately);
        rotateNow.setSelected(true);
        TextArea request = new TextArea();
        request.setId("requestText");
        request.setEditable(false);
        request.setWrapText(true);
        request.setStyle("-fx-font-family: monospace;");
        Runnable refresh = () -> {
            reviewed = new RotationRequest(secret.arn(), lambdaArn(), schedule(), windowField.getText(), rotateNow.isSelected());
            try {
                request.setText("RotateSecret\n" + JSON.writeValueAsString(reviewed.asRequest()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                request.setText(reviewed.asRequest().toString());
            }
        };
        immediately.selectedToggleProperty().addListener((o, a, b) -> refresh.run());
        VBox content = new VBox(10, rotateNow, testOnly, new Label("The exact request (it never carries the secret's value):"), request);
        VBox.setVgrow(request, Priority.ALWAYS);
        return new WizardWindow.Page("Review", "Turning rotation on sends this request. Rotating immediately makes a new value now; "
                + "testing only runs the function's testSecret step.", content, "_Turn on rotation", null, refresh, proceed -> {
            RotationRequest r = reviewed;
            boolean managedAllowed = secret.owningService().isPresent();
            List<Problem> problems = r.problems(managedAllowed);
            if (!problems.isEmpty()) {
                wizard.statusProperty().set(String.join("\n", problems.stream().map(Problem::message).toList()));
                return;
            }
            work("Turning rotation on…", () -> {
                setup.apply(r, managedAllowed);
                return secrets.rotation(secret.arn());
            }, status -> {
                resultText.set("Rotation was set. Secrets Manager now reports:\n\n" + describe(status));
                wizard.finishedProperty().set(true);
                onChanged.run();
                proceed.run();
            });
        });
    }

    private WizardWindow.Page resultPage() {
        Label result = new Label();
        result.setId("rotationResultText");
        result.setWrapText(true);
        result.textProperty().bind(resultText);
        return new WizardWindow.Page("Done", "The secret's details now show its rotation, with Rotate now and Turn off rotation.",
                new VBox(result), "_Close", null, null, null);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
