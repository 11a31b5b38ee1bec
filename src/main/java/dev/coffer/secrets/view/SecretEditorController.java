package dev.coffer.secrets.view;

import dev.coffer.kms.KmsKey;
import dev.coffer.secrets.DatabaseTemplate;
import dev.coffer.ui.kit.EditorFrame;
import dev.coffer.ui.kit.controls.KmsKeyPicker;
import dev.coffer.ui.kit.controls.TagTable;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The secret editor window. Thin: state and rules live in {@link SecretEditorViewModel}. */
public final class SecretEditorController {

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private TextField nameField;
    @FXML private Label nameProblems;
    @FXML private TextField descriptionField;
    @FXML private Label descriptionProblems;
    @FXML private KmsKeyPicker keyPicker;
    @FXML private Label keyProblems;
    @FXML private ToggleButton gridMode;
    @FXML private ToggleButton textMode;
    @FXML private ToggleButton binaryMode;
    @FXML private MenuButton templateButton;
    @FXML private ToggleButton showValuesToggle;
    @FXML private VBox gridPane;
    @FXML private TableView<EntryRow> entryTable;
    @FXML private TableColumn<EntryRow, String> keyColumn;
    @FXML private TableColumn<EntryRow, String> valueColumn;
    @FXML private Button addEntryButton;
    @FXML private Button removeEntryButton;
    @FXML private Button generateButton;
    @FXML private VBox textPane;
    @FXML private TextArea textArea;
    @FXML private PasswordField maskedText;
    @FXML private Button generateTextButton;
    @FXML private VBox binaryPane;
    @FXML private TextField binaryPath;
    @FXML private Button browseButton;
    @FXML private Button loadButton;
    @FXML private Label binaryInfo;
    @FXML private Label valueProblems;
    @FXML private Label sizeLabel;
    @FXML private Label warningLabel;
    @FXML private TagTable tagTable;
    @FXML private Label tagProblems;
    @FXML private HBox conflictBar;
    @FXML private Label conflictText;
    @FXML private Button overwriteButton;
    @FXML private Button reloadButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private Label problemCount;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private SecretEditorViewModel model;
    private Stage stage;

    public void init(SecretEditorViewModel model, Stage stage, Consumer<String> onSaved, Runnable onReload) {
        this.model = model;
        this.stage = stage;
        title.setText(model.state().isNew() ? "New secret" : "Edit secret");
        subtitle.setText(model.state().existing().map(s -> s.arn()).orElse("Secrets Manager · "
                + model.state().connectionLabel()));
        nameField.textProperty().bindBidirectional(model.nameProperty());
        nameField.setEditable(model.state().isNew());
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());

        keyPicker.setDefaultAlias("alias/aws/secretsmanager");
        model.state().keys().addListener((ListChangeListener<KmsKey>) c -> keyPicker.setKeys(model.state().keys(), model.keyIdProperty().get()));
        keyPicker.valueProperty().addListener((obs, old, key) -> model.keyIdProperty().set(keyPicker.selectedKeyId()));

        bindModes();
        bindGrid();
        bindText();
        bindBinary();
        for (DatabaseTemplate t : DatabaseTemplate.values()) {
            MenuItem item = new MenuItem(t.displayName());
            item.setOnAction(e -> model.apply(t));
            templateButton.getItems().add(item);
        }
        // First in the template menu: the template and its connection details from a database that exists.
        MenuItem pick = new MenuItem("Pick database…");
        pick.setId("pickDatabaseItem");
        pick.setOnAction(e -> DatabasePickerController.open(stage, model.databasePicker(), model::useDatabase));
        templateButton.getItems().addAll(0, java.util.List.of(pick, new javafx.scene.control.SeparatorMenuItem()));

        sizeLabel.textProperty().bind(model.sizeText());
        sizeLabel.styleProperty().bind(Bindings.when(model.oversize()).then("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;")
                .otherwise(""));
        Bindings.bindContentBidirectional(tagTable.rows(), model.tags());
        warningLabel.textProperty().bind(model.warnings());
        warningLabel.visibleProperty().bind(model.warnings().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());

        Consumer<String> savedAndClosed = name -> {
            onSaved.accept(name);
            stage.close();
        };
        new EditorFrame(model.state(), stage)
                .problems(nameProblems, "name").problems(descriptionProblems, "description").problems(keyProblems, "keyId")
                .problems(tagProblems, "tags")
                .footer(busyIndicator, messageLabel, problemCount, cancelButton, saveButton, () -> model.save(savedAndClosed))
                .conflict(conflictBar, overwriteButton, () -> model.overwrite(savedAndClosed), reloadButton, onReload);
        // The value's problems keep their place below the value, whichever way it is edited.
        valueProblems.textProperty().bind(model.state().problemsOf("value"));
        conflictText.textProperty().bind(model.conflictText());
    }

    private void bindModes() {
        ToggleGroup modes = new ToggleGroup();
        gridMode.setToggleGroup(modes);
        gridMode.setUserData(SecretEditorViewModel.Mode.KEY_VALUE);
        textMode.setToggleGroup(modes);
        textMode.setUserData(SecretEditorViewModel.Mode.TEXT);
        binaryMode.setToggleGroup(modes);
        binaryMode.setUserData(SecretEditorViewModel.Mode.BINARY);
        Runnable sync = () -> modes.getToggles().stream().filter(t -> t.getUserData() == model.modeProperty().get())
                .findFirst().ifPresent(modes::selectToggle);
        sync.run();
        model.modeProperty().addListener((obs, old, m) -> sync.run());
        modes.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                sync.run();
            } else if (t.getUserData() != model.modeProperty().get()) {
                model.switchMode((SecretEditorViewModel.Mode) t.getUserData());
                sync.run();
            }
        });
        gridPane.visibleProperty().bind(model.modeProperty().isEqualTo(SecretEditorViewModel.Mode.KEY_VALUE));
        textPane.visibleProperty().bind(model.modeProperty().isEqualTo(SecretEditorViewModel.Mode.TEXT));
        binaryPane.visibleProperty().bind(model.modeProperty().isEqualTo(SecretEditorViewModel.Mode.BINARY));
        showValuesToggle.textProperty().bind(Bindings.when(showValuesToggle.selectedProperty()).then("Hide values").otherwise("Show values"));
        showValuesToggle.disableProperty().bind(model.modeProperty().isEqualTo(SecretEditorViewModel.Mode.BINARY));
    }

    private void bindGrid() {
        entryTable.setItems(model.entries());
        entryTable.setEditable(true);
        keyColumn.setCellValueFactory(c -> c.getValue().keyProperty());
        keyColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        // Values stay masked in the grid until the user shows them; editing shows the field being typed.
        valueColumn.setCellFactory(column -> new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter()) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item != null && !isEditing() && !showValuesToggle.isSelected() && !item.isEmpty()) {
                    setText("••••••••");
                }
            }
        });
        showValuesToggle.selectedProperty().addListener((obs, old, shown) -> entryTable.refresh());
        entryTable.setPlaceholder(new Label("No keys yet. Add one, or pick a database template."));
        addEntryButton.setOnAction(e -> {
            model.entries().add(new EntryRow("", ""));
            int row = model.entries().size() - 1;
            entryTable.getSelectionModel().select(row);
            entryTable.layout();
            entryTable.edit(row, keyColumn);
        });
        removeEntryButton.disableProperty().bind(entryTable.getSelectionModel().selectedItemProperty().isNull());
        removeEntryButton.setOnAction(e -> model.entries().remove(entryTable.getSelectionModel().getSelectedItem()));
        BooleanBinding noRow = entryTable.getSelectionModel().selectedItemProperty().isNull();
        generateButton.disableProperty().bind(noRow);
        generateButton.setOnAction(e -> {
            EntryRow row = entryTable.getSelectionModel().getSelectedItem();
            PasswordOptionsController.open(stage, options -> model.generatePassword(options, password -> row.valueProperty().set(password)));
        });
    }

    private void bindText() {
        textArea.textProperty().bindBidirectional(model.textProperty());
        maskedText.textProperty().bindBidirectional(model.textProperty());
        maskedText.visibleProperty().bind(showValuesToggle.selectedProperty().not());
        textArea.visibleProperty().bind(showValuesToggle.selectedProperty());
        generateTextButton.setOnAction(e -> PasswordOptionsController.open(stage, options ->
                model.generatePassword(options, model.textProperty()::set)));
    }

    private void bindBinary() {
        binaryInfo.textProperty().bind(model.binaryInfo());
        browseButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Binary secret value");
            java.io.File file = chooser.showOpenDialog(stage);
            if (file != null) {
                binaryPath.setText(file.getAbsolutePath());
                model.loadBinary(file.toPath());
            }
        });
        loadButton.disableProperty().bind(binaryPath.textProperty().isEmpty());
        loadButton.setOnAction(e -> model.loadBinary(Path.of(binaryPath.getText().trim())));
    }

}
