package dev.coffer.rotation.view;

import dev.coffer.rotation.RotationFunction;
import dev.coffer.rotation.view.RotationWizardViewModel.FunctionChoice;
import dev.coffer.rotation.view.RotationWizardViewModel.ScheduleKind;
import dev.coffer.ui.kit.controls.WizardFrame;
import dev.coffer.ui.kit.controls.WizardPage;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The rotation wizard's pages (rotation_wizard.fxml). Thin: state lives in {@link RotationWizardViewModel}. */
public final class RotationWizardController {

    @FXML private WizardFrame frame;
    @FXML private WizardPage secretPage;
    @FXML private Label rotationStateText;
    @FXML private Label missingFieldsText;
    @FXML private Label databaseWarningText;
    @FXML private Button addMissingFieldsButton;

    @FXML private RadioButton fromAccountRadio;
    @FXML private RadioButton byArnRadio;
    @FXML private RadioButton managedRadio;
    @FXML private TableView<RotationFunction> functionTable;
    @FXML private TableColumn<RotationFunction, String> functionNameColumn;
    @FXML private TableColumn<RotationFunction, String> functionRuntimeColumn;
    @FXML private TableColumn<RotationFunction, String> functionModifiedColumn;
    @FXML private TableColumn<RotationFunction, String> functionDescriptionColumn;
    @FXML private TextField functionArnField;
    @FXML private Label managedHelp;

    @FXML private RadioButton everyDaysRadio;
    @FXML private RadioButton expressionRadio;
    @FXML private TextField daysField;
    @FXML private TextField expressionField;
    @FXML private TextField windowField;
    @FXML private Label scheduleProblems;
    @FXML private ListView<String> nextTimesList;

    @FXML private RadioButton rotateImmediatelyRadio;
    @FXML private RadioButton testOnlyRadio;
    @FXML private TextArea requestText;

    @FXML private Label rotationResultText;

    public void init(RotationWizardViewModel model, Stage stage) {
        secretPage.setHelp("The rotation settings of " + model.secret().name() + " now.");
        rotationStateText.textProperty().bind(model.stateProperty());
        missingFieldsText.textProperty().bind(model.missingFieldsTextProperty());
        addMissingFieldsButton.visibleProperty().bind(model.missingFieldsTextProperty().isNotEmpty());
        addMissingFieldsButton.managedProperty().bind(addMissingFieldsButton.visibleProperty());
        addMissingFieldsButton.setOnAction(e -> model.addMissingFields());
        databaseWarningText.textProperty().bind(model.databaseWarningProperty());
        databaseWarningText.visibleProperty().bind(model.databaseWarningProperty().isNotEmpty());
        databaseWarningText.managedProperty().bind(databaseWarningText.visibleProperty());

        choice(fromAccountRadio, model.functionChoiceProperty(), FunctionChoice.FROM_ACCOUNT);
        choice(byArnRadio, model.functionChoiceProperty(), FunctionChoice.BY_ARN);
        choice(managedRadio, model.functionChoiceProperty(), FunctionChoice.MANAGED);
        managedRadio.setDisable(!model.managedAllowed());
        managedHelp.setText(model.managedHelp());
        functionTable.setItems(model.functions());
        column(functionNameColumn, RotationFunction::name);
        column(functionRuntimeColumn, RotationFunction::runtime);
        column(functionModifiedColumn, f -> f.lastModified().orElse(""));
        column(functionDescriptionColumn, RotationFunction::description);
        functionTable.disableProperty().bind(fromAccountRadio.selectedProperty().not());
        functionTable.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> model.chosenFunctionProperty().set(f));
        functionArnField.textProperty().bindBidirectional(model.functionArnProperty());
        functionArnField.disableProperty().bind(byArnRadio.selectedProperty().not());

        choice(everyDaysRadio, model.scheduleKindProperty(), ScheduleKind.EVERY_DAYS);
        choice(expressionRadio, model.scheduleKindProperty(), ScheduleKind.EXPRESSION);
        daysField.textProperty().bindBidirectional(model.daysProperty());
        daysField.disableProperty().bind(everyDaysRadio.selectedProperty().not());
        expressionField.textProperty().bindBidirectional(model.expressionProperty());
        expressionField.disableProperty().bind(expressionRadio.selectedProperty().not());
        windowField.textProperty().bindBidirectional(model.windowProperty());
        scheduleProblems.textProperty().bind(model.scheduleProblemsProperty());
        nextTimesList.setItems(model.nextTimes());

        rotateImmediatelyRadio.setSelected(model.rotateImmediatelyProperty().get());
        testOnlyRadio.setSelected(!model.rotateImmediatelyProperty().get());
        rotateImmediatelyRadio.selectedProperty().bindBidirectional(model.rotateImmediatelyProperty());
        requestText.textProperty().bind(model.requestTextProperty());

        rotationResultText.textProperty().bind(model.resultProperty());

        frame.show(model, stage);
    }

    /** Keeps a radio button and the choice it stands for in step. */
    private static <E> void choice(RadioButton radio, ObjectProperty<E> choice, E value) {
        radio.setSelected(choice.get() == value);
        radio.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                choice.set(value);
            }
        });
        choice.addListener((o, was, now) -> radio.setSelected(now == value));
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }
}
