package dev.coffer.ami.view;

import dev.coffer.ami.CurrentImage;
import dev.coffer.ami.ImageSearch;
import dev.coffer.ami.MachineImage;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.WizardFrame;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.StringConverter;

/** The golden AMI wizard's pages (golden_ami_wizard.fxml). Thin: state lives in {@link GoldenAmiWizardViewModel}. */
public final class GoldenAmiWizardController {

    @FXML private WizardFrame frame;
    @FXML private ListView<String> goldenParameterList;
    @FXML private TextField addParameterField;
    @FXML private Button addParameterButton;
    @FXML private Button removeParameterButton;
    @FXML private TableView<CurrentImage> currentImageTable;
    @FXML private TableColumn<CurrentImage, String> currentParameterColumn;
    @FXML private TableColumn<CurrentImage, String> currentVersionColumn;
    @FXML private TableColumn<CurrentImage, String> currentIdColumn;
    @FXML private TableColumn<CurrentImage, String> currentNameColumn;
    @FXML private TableColumn<CurrentImage, String> currentArchitectureColumn;
    @FXML private TableColumn<CurrentImage, String> currentCreatedColumn;
    @FXML private TableColumn<CurrentImage, String> currentOwnerColumn;
    @FXML private TableColumn<CurrentImage, String> currentStateColumn;
    @FXML private TableColumn<CurrentImage, String> currentDeprecationColumn;
    @FXML private Label currentImageDescription;
    @FXML private Label currentImageWarnings;

    @FXML private ComboBox<String> ownerField;
    @FXML private TextField namePatternField;
    @FXML private ChoiceBox<String> architectureChoice;
    @FXML private ChoiceBox<String> platformChoice;
    @FXML private Button searchImagesButton;
    @FXML private TableView<MachineImage> imageTable;
    @FXML private TableColumn<MachineImage, String> imageIdColumn;
    @FXML private TableColumn<MachineImage, String> imageNameColumn;
    @FXML private TableColumn<MachineImage, String> imageArchitectureColumn;
    @FXML private TableColumn<MachineImage, String> imagePlatformColumn;
    @FXML private TableColumn<MachineImage, String> imageCreatedColumn;
    @FXML private TableColumn<MachineImage, String> imageOwnerColumn;
    @FXML private TableColumn<MachineImage, String> imageStateColumn;
    @FXML private TextField imageIdField;
    @FXML private TextField publicParameterField;
    @FXML private Button resolvePublicButton;

    @FXML private GridPane compareGrid;
    @FXML private Label compareWarning;
    @FXML private CheckBox confirmChangeCheck;

    @FXML private TextArea changeNoteField;
    @FXML private TextField goldenLabelField;
    @FXML private TextField previousLabelField;
    @FXML private ListView<String> planList;
    @FXML private Label reviewProblems;

    @FXML private Label reviewConsumersNote;
    @FXML private ProgressIndicator lookingForConsumers;
    @FXML private Button lookForConsumersButton;
    @FXML private Button stopLookingButton;
    @FXML private ListView<String> reviewFollowList;
    @FXML private ListView<String> reviewActionList;

    @FXML private ListView<String> resultList;
    @FXML private Label doneConsumersNote;
    @FXML private ListView<String> doneFollowList;
    @FXML private ListView<String> doneActionList;

    public void init(GoldenAmiWizardViewModel model, Stage stage) {
        goldenParameterList.setItems(model.names());
        addParameterField.textProperty().bindBidirectional(model.nameToAddProperty());
        addParameterField.setOnAction(e -> model.addParameter());
        addParameterButton.setOnAction(e -> model.addParameter());
        removeParameterButton.disableProperty().bind(goldenParameterList.getSelectionModel().selectedItemProperty().isNull());
        removeParameterButton.setOnAction(e -> model.removeParameter(goldenParameterList.getSelectionModel().getSelectedItem()));
        currentImageTable.setItems(model.currents());
        column(currentParameterColumn, CurrentImage::parameter);
        column(currentVersionColumn, GoldenAmiWizardViewModel::version);
        column(currentIdColumn, GoldenAmiWizardViewModel::value);
        imageColumn(currentNameColumn, MachineImage::name, "");
        imageColumn(currentArchitectureColumn, MachineImage::architecture, "");
        imageColumn(currentCreatedColumn, i -> i.created().map(Formats::dateTime).orElse(""), "");
        imageColumn(currentOwnerColumn, MachineImage::owner, "");
        imageColumn(currentStateColumn, MachineImage::state, "");
        imageColumn(currentDeprecationColumn, i -> i.deprecation().map(Formats::dateTime).orElse("none"), "none");
        currentImageTable.getSelectionModel().selectedItemProperty().addListener((o, old, c) -> currentImageDescription.setText(c == null ? ""
                : c.image().map(i -> i.name() + ": " + (i.description().isEmpty() ? "no description" : i.description())
                + " (platform " + i.platform() + ")").orElse("")));
        currentImageWarnings.textProperty().bind(model.currentWarningsProperty());
        for (Label shownWhenSaid : List.of(currentImageDescription, currentImageWarnings, compareWarning, reviewProblems)) {
            // An empty label would still take a line from the table above it.
            shownWhenSaid.managedProperty().bind(shownWhenSaid.textProperty().isNotEmpty());
        }

        ownerField.getEditor().textProperty().bindBidirectional(model.ownerProperty());
        namePatternField.textProperty().bindBidirectional(model.namePatternProperty());
        namePatternField.setOnAction(e -> model.search());
        choices(architectureChoice, ImageSearch.ARCHITECTURES);
        architectureChoice.valueProperty().bindBidirectional(model.architectureProperty());
        choices(platformChoice, ImageSearch.PLATFORMS);
        platformChoice.valueProperty().bindBidirectional(model.platformProperty());
        searchImagesButton.setOnAction(e -> model.search());
        imageTable.setItems(model.found());
        column(imageIdColumn, MachineImage::id);
        column(imageNameColumn, MachineImage::name);
        column(imageArchitectureColumn, MachineImage::architecture);
        column(imagePlatformColumn, MachineImage::platform);
        column(imageCreatedColumn, i -> i.created().map(Formats::dateTime).orElse(""));
        column(imageOwnerColumn, MachineImage::owner);
        column(imageStateColumn, MachineImage::state);
        imageTable.getSelectionModel().selectedItemProperty().addListener((o, old, image) -> model.choose(image));
        imageIdField.textProperty().bindBidirectional(model.imageIdProperty());
        publicParameterField.textProperty().bindBidirectional(model.publicParameterProperty());
        resolvePublicButton.setOnAction(e -> model.resolvePublicParameter());

        model.comparison().addListener((ListChangeListener<GoldenAmiWizardViewModel.ComparedField>) c -> fillComparison(model));
        compareWarning.textProperty().bind(model.compareWarningsProperty());
        confirmChangeCheck.selectedProperty().bindBidirectional(model.confirmedProperty());
        confirmChangeCheck.visibleProperty().bind(model.needsConfirmationProperty());

        changeNoteField.textProperty().bindBidirectional(model.noteProperty());
        goldenLabelField.textProperty().bindBidirectional(model.labelProperty());
        previousLabelField.textProperty().bindBidirectional(model.previousLabelProperty());
        planList.setItems(model.planLines());
        WizardFrame.wrapLines(planList);
        reviewProblems.textProperty().bind(model.reviewProblemsProperty());

        lookingForConsumers.visibleProperty().bind(model.lookingForConsumersProperty());
        stopLookingButton.visibleProperty().bind(model.lookingForConsumersProperty());
        stopLookingButton.setOnAction(e -> model.stopLookingForConsumers());
        lookForConsumersButton.visibleProperty().bind(model.canLookForConsumersProperty());
        lookForConsumersButton.setOnAction(e -> model.lookForConsumers());
        for (var node : List.of(lookingForConsumers, stopLookingButton, lookForConsumersButton)) {
            node.managedProperty().bind(node.visibleProperty());
        }
        // The Done page repeats the review's list: the same lines, after the update.
        for (Label note : List.of(reviewConsumersNote, doneConsumersNote)) {
            note.textProperty().bind(model.consumersNoteProperty());
        }
        for (ListView<String> follow : List.of(reviewFollowList, doneFollowList)) {
            follow.setItems(model.followers());
            consumerList(follow, model);
        }
        for (ListView<String> act : List.of(reviewActionList, doneActionList)) {
            act.setItems(model.needAction());
            consumerList(act, model);
        }
        // A scan the wizard started stops with it.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.stopLookingForConsumers());

        resultList.setItems(model.results());
        WizardFrame.wrapLines(resultList);

        frame.show(model, stage);
    }

    /** The new image in the first column beside each current one, field by field. */
    private void fillComparison(GoldenAmiWizardViewModel model) {
        compareGrid.getChildren().clear();
        compareGrid.add(bold(""), 0, 0);
        for (int c = 0; c < model.compareHeadings().size(); c++) {
            compareGrid.add(bold(model.compareHeadings().get(c)), c + 1, 0);
        }
        for (int r = 0; r < model.comparison().size(); r++) {
            GoldenAmiWizardViewModel.ComparedField row = model.comparison().get(r);
            Label field = new Label(row.field());
            field.setMinWidth(Region.USE_PREF_SIZE);
            compareGrid.add(field, 0, r + 1);
            for (int c = 0; c < row.values().size(); c++) {
                Label value = new Label(row.values().get(c));
                value.setWrapText(true);
                compareGrid.add(value, c + 1, r + 1);
            }
        }
    }

    /** An empty list of consumers says whether none uses the parameters or nobody knows yet. */
    private static void consumerList(ListView<String> list, GoldenAmiWizardViewModel model) {
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.canLookForConsumersProperty().or(model.lookingForConsumersProperty()))
                .then("Not known").otherwise("None"));
        list.setPlaceholder(empty);
        WizardFrame.wrapLines(list);
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }

    private static void imageColumn(TableColumn<CurrentImage, String> column, Function<MachineImage, String> value, String none) {
        column(column, c -> c.image().map(value).orElse(none));
    }

    private static void choices(ChoiceBox<String> choice, List<String> values) {
        choice.setItems(FXCollections.observableArrayList(values));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "Any" : s;
            }

            @Override
            public String fromString(String s) {
                return "Any".equals(s) ? "" : s;
            }
        });
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }
}
