package dev.coffer.parameters.view;

import dev.coffer.kms.KmsKey;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.ui.kit.EditorFrame;
import dev.coffer.ui.kit.controls.KmsKeyPicker;
import dev.coffer.ui.kit.controls.TagTable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The parameter editor window. Thin: all state and rules live in {@link ParameterEditorViewModel}. */
public final class ParameterEditorController {

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private TextField nameField;
    @FXML private Label nameProblems;
    @FXML private TextField descriptionField;
    @FXML private Label descriptionProblems;
    @FXML private ToggleButton typeString;
    @FXML private ToggleButton typeStringList;
    @FXML private ToggleButton typeSecure;
    @FXML private Label typeProblems;
    @FXML private Label keyLabel;
    @FXML private KmsKeyPicker keyPicker;
    @FXML private Label keyProblems;
    @FXML private ComboBox<ParameterDataType> dataTypeBox;
    @FXML private Label dataTypeProblems;
    @FXML private ComboBox<ParameterTier> tierBox;
    @FXML private Label tierWarning;
    @FXML private Label tierProblems;
    @FXML private TextArea valueArea;
    @FXML private PasswordField secureValueField;
    @FXML private ToggleButton showValueToggle;
    @FXML private Label valueHint;
    @FXML private Label sizeLabel;
    @FXML private Label valueProblems;
    @FXML private VBox policiesBox;
    @FXML private CheckBox expiresCheck;
    @FXML private DatePicker expiryDatePicker;
    @FXML private TextField expiryTimeField;
    @FXML private CheckBox notifyBeforeCheck;
    @FXML private Spinner<Integer> notifyBeforeSpinner;
    @FXML private ComboBox<ParameterPolicies.Unit> notifyBeforeUnitBox;
    @FXML private CheckBox notifyUnchangedCheck;
    @FXML private Spinner<Integer> notifyUnchangedSpinner;
    @FXML private ComboBox<ParameterPolicies.Unit> notifyUnchangedUnitBox;
    @FXML private Label policiesHint;
    @FXML private Label policiesProblems;
    @FXML private TagTable tagTable;
    @FXML private Label tagProblems;
    @FXML private HBox conflictBar;
    @FXML private Label conflictText;
    @FXML private Label conflictValue;
    @FXML private Button conflictReveal;
    @FXML private Button overwriteButton;
    @FXML private Button reloadButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Label problemCount;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    /**
     * Binds the window to its view model. {@code onSaved} runs after a successful save with the
     * parameter's name; {@code onReload} opens a fresh editor on the current version.
     */
    public void init(ParameterEditorViewModel model, Stage stage, Consumer<String> onSaved, Runnable onReload) {
        title.setText(model.state().isNew() ? "New parameter" : "Edit parameter");
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> model.state().existing()
                .map(p -> p.name() + " · version " + p.version() + " · " + p.tier()).orElse("Parameter Store · "
                        + model.state().connectionLabel()), model.nameProperty()));
        nameField.textProperty().bindBidirectional(model.nameProperty());
        nameField.setEditable(model.state().isNew());
        if (!model.state().isNew()) {
            nameField.setTooltip(new javafx.scene.control.Tooltip("To rename, use Move/Copy in the tree."));
            nameField.getStyleClass().add("read-only-field");
        }
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());

        ToggleGroup types = new ToggleGroup();
        typeString.setToggleGroup(types);
        typeString.setUserData(ParameterType.STRING);
        typeStringList.setToggleGroup(types);
        typeStringList.setUserData(ParameterType.STRING_LIST);
        typeSecure.setToggleGroup(types);
        typeSecure.setUserData(ParameterType.SECURE_STRING);
        types.getToggles().stream().filter(t -> t.getUserData().equals(model.typeProperty().get())).findFirst().ifPresent(types::selectToggle);
        types.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                types.selectToggle(old);
            } else {
                model.typeProperty().set((ParameterType) t.getUserData());
            }
        });
        BooleanBinding secure = model.typeProperty().isEqualTo(ParameterType.SECURE_STRING);
        keyLabel.visibleProperty().bind(secure);
        keyLabel.managedProperty().bind(secure);
        keyPicker.visibleProperty().bind(secure);
        keyPicker.managedProperty().bind(secure);
        keyPicker.setDefaultAlias("alias/aws/ssm");
        model.state().keys().addListener((ListChangeListener<KmsKey>) c -> keyPicker.setKeys(model.state().keys(), model.keyIdProperty().get()));
        keyPicker.valueProperty().addListener((obs, old, key) -> model.keyIdProperty().set(keyPicker.selectedKeyId()));

        dataTypeBox.getItems().setAll(ParameterEditorViewModel.DATA_TYPES);
        dataTypeBox.valueProperty().bindBidirectional(model.dataTypeProperty());
        tierBox.getItems().setAll(ParameterTier.values());
        tierBox.valueProperty().bindBidirectional(model.tierProperty());
        tierWarning.visibleProperty().bind(model.advancedWarning());

        // SecureString values stay masked until the user asks to see them.
        valueArea.textProperty().bindBidirectional(model.valueProperty());
        secureValueField.textProperty().bindBidirectional(model.valueProperty());
        BooleanBinding masked = secure.and(showValueToggle.selectedProperty().not());
        secureValueField.visibleProperty().bind(masked);
        valueArea.visibleProperty().bind(masked.not());
        // The hidden one takes no room, so the masked field sits level with its label.
        secureValueField.managedProperty().bind(secureValueField.visibleProperty());
        valueArea.managedProperty().bind(valueArea.visibleProperty());
        showValueToggle.visibleProperty().bind(secure);
        showValueToggle.textProperty().bind(Bindings.when(showValueToggle.selectedProperty()).then("Hide").otherwise("Show"));
        valueHint.textProperty().bind(model.valueHint());
        sizeLabel.textProperty().bind(model.sizeText());
        sizeLabel.styleProperty().bind(Bindings.when(model.oversize()).then("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;")
                .otherwise(""));

        policiesBox.disableProperty().bind(model.policiesAllowed().not());
        policiesHint.textProperty().bind(Bindings.when(model.policiesAllowed())
                .then("Policies are sent as a whole and replace the ones the parameter has.")
                .otherwise("Policies need the Advanced tier."));
        expiresCheck.selectedProperty().bindBidirectional(model.expiresProperty());
        expiryDatePicker.valueProperty().bindBidirectional(model.expiryDateProperty());
        expiryDatePicker.disableProperty().bind(expiresCheck.selectedProperty().not());
        expiryTimeField.textProperty().bindBidirectional(model.expiryTimeProperty());
        expiryTimeField.disableProperty().bind(expiresCheck.selectedProperty().not());
        bindNotice(notifyBeforeCheck, notifyBeforeSpinner, notifyBeforeUnitBox, model.notifyBeforeExpiryProperty(),
                model.notifyBeforeAmountProperty(), model.notifyBeforeUnitProperty());
        bindNotice(notifyUnchangedCheck, notifyUnchangedSpinner, notifyUnchangedUnitBox, model.notifyUnchangedProperty(),
                model.notifyUnchangedAmountProperty(), model.notifyUnchangedUnitProperty());

        Bindings.bindContentBidirectional(tagTable.rows(), model.tags());

        Consumer<String> savedAndClosed = name -> {
            onSaved.accept(name);
            stage.close();
        };
        new EditorFrame(model.state(), stage)
                .problems(nameProblems, "name").problems(descriptionProblems, "description").problems(typeProblems, "type")
                .problems(keyProblems, "keyId").problems(dataTypeProblems, "dataType").problems(tierProblems, "tier")
                .problems(valueProblems, "value").problems(policiesProblems, "policies").problems(tagProblems, "tags")
                .footer(busyIndicator, messageLabel, problemCount, cancelButton, saveButton, () -> model.save(savedAndClosed))
                .conflict(conflictBar, overwriteButton, () -> model.overwrite(savedAndClosed), reloadButton, onReload);
        model.state().conflictProperty().addListener((obs, old, c) -> {
            if (c != null) {
                overwriteButton.setText(c.deleted() ? "Create it again" : model.state().isNew() ? "Overwrite it" : "Overwrite theirs");
                conflictReveal.setDisable(c.deleted());
            }
        });
        conflictText.textProperty().bind(model.conflictText());
        conflictValue.textProperty().bind(model.conflictValue());
        conflictReveal.setOnAction(e -> {
            conflictReveal.setDisable(true);
            model.revealConflictValue();
        });
        if (model.state().isNew()) {
            nameField.requestFocus();
            nameField.positionCaret(nameField.getText().length());
        }
    }

    private static void bindNotice(CheckBox check, Spinner<Integer> spinner, ComboBox<ParameterPolicies.Unit> unit,
            javafx.beans.property.BooleanProperty on, javafx.beans.property.IntegerProperty amount,
            javafx.beans.property.ObjectProperty<ParameterPolicies.Unit> unitProperty) {
        check.selectedProperty().bindBidirectional(on);
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 9999, amount.get());
        spinner.setValueFactory(values);
        values.valueProperty().addListener((obs, old, v) -> amount.set(v == null ? 0 : v));
        amount.addListener((obs, old, v) -> values.setValue(v.intValue()));
        spinner.disableProperty().bind(check.selectedProperty().not());
        unit.getItems().setAll(ParameterPolicies.Unit.values());
        unit.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ParameterPolicies.Unit u) {
                return u == null ? "" : u.awsName().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public ParameterPolicies.Unit fromString(String text) {
                return ParameterPolicies.Unit.fromAws(text);
            }
        });
        unit.valueProperty().bindBidirectional(unitProperty);
        unit.disableProperty().bind(check.selectedProperty().not());
    }
}
