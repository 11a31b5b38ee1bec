package dev.coffer.ami.view;

import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.ami.ImageCatalog;
import dev.coffer.ami.ImageIds;
import dev.coffer.ami.ImageSearch;
import dev.coffer.ami.MachineImage;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.WizardWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The golden AMI wizard: the parameters and their current image, the new image (search, id or
 * public parameter), a side-by-side comparison, a review of every change, then apply, verify and a
 * summary. Every input is checked before any call; AWS work runs on {@link Background}.
 */
public final class GoldenAmiWizard {

    /** How long the wizard reads a parameter back before saying AWS has not accepted the new version. */
    static final Duration VERIFY_WAIT = Duration.ofSeconds(30);

    /** A parameter to move and what it holds now. */
    public record Current(String name, String version, String value, Optional<MachineImage> image, String warning) {
    }

    private final Background background;
    private final ImageCatalog catalog;
    private final GoldenImageUpdate update;
    private final ParameterStore parameters;
    private final Consumer<List<String>> onChanged;
    private final WizardWindow wizard = new WizardWindow();

    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<Current> currents = FXCollections.observableArrayList();
    private final ObservableList<MachineImage> found = FXCollections.observableArrayList();
    private final SimpleStringProperty imageId = new SimpleStringProperty("");
    private final ObjectProperty<MachineImage> newImage = new SimpleObjectProperty<>();
    private final BooleanProperty confirmed = new SimpleBooleanProperty();
    private final ObservableList<String> planLines = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final SimpleStringProperty note = new SimpleStringProperty("");
    private final SimpleStringProperty label = new SimpleStringProperty(GoldenImageUpdate.DEFAULT_LABEL);
    private final SimpleStringProperty previousLabel = new SimpleStringProperty(GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL);

    /**
     * @param start     the parameter the wizard starts from, or empty to create one
     * @param onChanged told the names of the parameters that changed
     */
    public GoldenAmiWizard(Background background, ClientFactory clients, ParameterStore parameters, Optional<Parameter> start, Consumer<List<String>> onChanged) {
        this.background = background;
        this.parameters = parameters;
        this.catalog = new ImageCatalog(clients);
        this.update = new GoldenImageUpdate(clients, parameters);
        this.onChanged = onChanged;
        start.ifPresent(p -> names.add(p.name()));
    }

    public Stage open(Window owner) {
        wizard.add(parametersPage()).add(imagePage()).add(comparePage()).add(reviewPage()).add(resultPage());
        return wizard.open(owner, "Update golden AMI");
    }

    private void problems(List<Problem> problems) {
        wizard.statusProperty().set(String.join("\n", problems.stream().map(Problem::message).toList()));
    }

    private <T> void work(String doing, java.util.concurrent.Callable<T> call, Consumer<T> done) {
        wizard.work(background, doing, call, done);
    }

    // ---------------------------------------------------------------- 1: parameters and their current image

    private WizardWindow.Page parametersPage() {
        ListView<String> list = new ListView<>(names);
        list.setId("goldenParameterList");
        list.setPrefHeight(110);
        list.setMinHeight(80);
        TextField add = new TextField();
        add.setId("addParameterField");
        add.setPromptText("/golden/ami/prod (an existing parameter, or a new one to create)");
        HBox.setHgrow(add, Priority.ALWAYS);
        Button addButton = new Button("Add");
        addButton.setId("addParameterButton");
        Runnable addName = () -> {
            String n = add.getText().trim();
            List<Problem> p = ParameterRules.checkName(n);
            if (!p.isEmpty()) {
                problems(p);
            } else if (!names.contains(n)) {
                names.add(n);
                add.clear();
                loadCurrent();
            }
        };
        addButton.setOnAction(e -> addName.run());
        add.setOnAction(e -> addName.run());
        Button remove = new Button("Remove");
        remove.setId("removeParameterButton");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            names.remove(list.getSelectionModel().getSelectedItem());
            loadCurrent();
        });

        TableView<Current> table = new TableView<>(currents);
        table.setId("currentImageTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Parameter", Current::name, 190), column("Version", Current::version, 60), column("Image id", Current::value, 160),
                column("Name", c -> c.image().map(MachineImage::name).orElse(""), 200),
                column("Architecture", c -> c.image().map(MachineImage::architecture).orElse(""), 90),
                column("Created", c -> c.image().flatMap(MachineImage::created).map(Formats::dateTime).orElse(""), 130),
                column("Owner", c -> c.image().map(MachineImage::owner).orElse(""), 100),
                column("State", c -> c.image().map(MachineImage::state).orElse(""), 80),
                column("Deprecation", c -> c.image().flatMap(MachineImage::deprecation).map(Formats::dateTime).orElse("none"), 120)));
        Label warnings = new Label();
        warnings.setId("currentImageWarnings");
        warnings.getStyleClass().add("field-problem");
        warnings.setWrapText(true);
        warnings.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                currents.stream().map(Current::warning).filter(w -> !w.isEmpty()).toList()), currents));
        Label description = new Label();
        description.setId("currentImageDescription");
        description.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, c) -> description.setText(c == null ? ""
                : c.image().map(i -> i.name() + ": " + (i.description().isEmpty() ? "no description" : i.description()) + " (platform " + i.platform() + ")").orElse("")));

        VBox content = new VBox(8, new Label("Parameters to move to the new image (for example one per environment):"), list,
                new HBox(8, add, addButton, remove), new Label("What they hold now:"), table, description, warnings);
        VBox.setVgrow(table, Priority.ALWAYS);
        BooleanBinding some = Bindings.isNotEmpty(names);
        return new WizardWindow.Page("Parameters", "Start from the golden AMI parameters. Coffer shows the image each one names now, "
                + "from DescribeImages.", content, "_Next", some, this::loadCurrent, null);
    }

    private void loadCurrent() {
        List<String> wanted = List.copyOf(names);
        work("Reading the parameters and their images…", () -> {
            Map<String, Parameter> existing = parameters.describeAll(wanted);
            Map<String, SecretText> values = parameters.values(existing.values().stream().filter(p -> !p.isSecure()).map(Parameter::name).toList());
            Map<String, Optional<MachineImage>> images = new LinkedHashMap<>();
            List<Current> rows = new ArrayList<>();
            Instant now = Instant.now();
            for (String name : wanted) {
                Parameter p = existing.get(name);
                if (p == null) {
                    rows.add(new Current(name, "new", "", Optional.empty(), ""));
                    continue;
                }
                String value = Optional.ofNullable(values.get(name)).map(SecretText::reveal).orElse("");
                if (!ImageIds.valid(value)) {
                    rows.add(new Current(name, String.valueOf(p.version()), p.isSecure() ? "(SecureString)" : value, Optional.empty(),
                            name + " does not hold an AMI id" + (p.isSecure() ? " (it is a SecureString)." : ".")));
                    continue;
                }
                Optional<MachineImage> image = images.computeIfAbsent(value, catalog::describe);
                String warning = image.map(i -> i.warning(now).map(w -> name + ": " + w).orElse(""))
                        .orElse(name + ": " + value + " is not an available image in this region (DescribeImages does not know it).");
                rows.add(new Current(name, String.valueOf(p.version()), value, image, warning));
            }
            return rows;
        }, currents::setAll);
    }

    // ---------------------------------------------------------------- 2: the new image

    private WizardWindow.Page imagePage() {
        ComboBox<String> owner = new ComboBox<>(FXCollections.observableArrayList("self", "amazon", "aws-marketplace"));
        owner.setId("ownerField");
        owner.setEditable(true);
        owner.setValue("self");
        TextField name = new TextField();
        name.setId("namePatternField");
        name.setPromptText("al2023-ami-2023.*-x86_64 (* and ? match anything)");
        ChoiceBox<String> arch = new ChoiceBox<>(FXCollections.observableArrayList(ImageSearch.ARCHITECTURES));
        arch.setId("architectureChoice");
        arch.setValue("");
        arch.setConverter(anyConverter());
        ChoiceBox<String> platform = new ChoiceBox<>(FXCollections.observableArrayList(ImageSearch.PLATFORMS));
        platform.setId("platformChoice");
        platform.setValue("");
        platform.setConverter(anyConverter());
        Button search = new Button("_Search");
        search.setId("searchImagesButton");
        search.setOnAction(e -> {
            ImageSearch s = new ImageSearch(owner.getEditor().getText(), name.getText(), arch.getValue(), platform.getValue());
            if (!s.problems().isEmpty()) {
                problems(s.problems());
                return;
            }
            work("Searching images…", () -> catalog.search(s), images -> {
                found.setAll(images);
                wizard.statusProperty().set(images.isEmpty() ? "No image matches." : images.size() + " images, newest first.");
            });
        });
        name.setOnAction(e -> search.fire());

        TableView<MachineImage> table = new TableView<>(found);
        table.setId("imageTable");
        table.setPlaceholder(new Label("Search to list images, newest first."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("Image id", MachineImage::id, 170), column("Name", MachineImage::name, 260),
                column("Architecture", MachineImage::architecture, 90), column("Platform", MachineImage::platform, 90),
                column("Created", i -> i.created().map(Formats::dateTime).orElse(""), 130), column("Owner", MachineImage::owner, 100),
                column("State", MachineImage::state, 80)));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, i) -> {
            if (i != null) {
                imageId.set(i.id());
            }
        });

        TextField id = new TextField();
        id.setId("imageIdField");
        id.setPromptText("ami-0abcdef1234567890");
        id.textProperty().bindBidirectional(imageId);
        TextField publicParameter = new TextField();
        publicParameter.setId("publicParameterField");
        publicParameter.setPromptText("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        HBox.setHgrow(publicParameter, Priority.ALWAYS);
        Button resolve = new Button("_Resolve");
        resolve.setId("resolvePublicButton");
        resolve.setOnAction(e -> {
            String n = publicParameter.getText().trim();
            if (!n.startsWith(ImageCatalog.PUBLIC_PREFIX)) {
                problems(List.of(new Problem("publicParameter", "A public parameter starts with " + ImageCatalog.PUBLIC_PREFIX + ".")));
                return;
            }
            work("Resolving " + n + "…", () -> catalog.resolvePublicParameter(n), imageId::set);
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Owner"), owner, new Label("Name"), name);
        form.addRow(1, new Label("Architecture"), arch, new Label("Platform"), platform, search);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane other = new GridPane();
        other.setHgap(8);
        other.setVgap(6);
        other.addRow(0, new Label("Image id"), id);
        other.addRow(1, new Label("Public parameter"), new HBox(8, publicParameter, resolve));
        GridPane.setHgrow(id, Priority.ALWAYS);
        VBox content = new VBox(8, form, table, new Label("Or paste an id, or resolve a public parameter that names the latest image:"), other);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new WizardWindow.Page("New image", "Find the image to move to: search by owner, name, architecture and platform, "
                + "paste its id, or resolve a public parameter.", content, "_Next", null, null, proceed -> {
            List<Problem> p = ImageIds.check("imageId", imageId.get());
            if (!p.isEmpty()) {
                problems(p);
                return;
            }
            String wanted = imageId.get().trim();
            work("Reading " + wanted + "…", () -> catalog.describe(wanted), image -> {
                if (image.isEmpty()) {
                    wizard.statusProperty().set("AWS knows no image " + wanted + " in this region, or it is not shared with this account.");
                    return;
                }
                newImage.set(image.get());
                confirmed.set(false);
                proceed.run();
            });
        });
    }

    // ---------------------------------------------------------------- 3: compare

    private WizardWindow.Page comparePage() {
        GridPane grid = new GridPane();
        grid.setId("compareGrid");
        grid.setHgap(18);
        grid.setVgap(6);
        Label warning = new Label();
        warning.setId("compareWarning");
        warning.getStyleClass().add("field-problem");
        warning.setWrapText(true);
        CheckBox confirm = new CheckBox("I checked: instances launched from these parameters get the new architecture or platform.");
        confirm.setId("confirmChangeCheck");
        confirm.selectedProperty().bindBidirectional(confirmed);
        BooleanProperty changes = new SimpleBooleanProperty();
        confirm.visibleProperty().bind(changes);
        Runnable fill = () -> {
            grid.getChildren().clear();
            MachineImage n = newImage.get();
            List<MachineImage> olds = currents.stream().map(Current::image).flatMap(Optional::stream).distinct().toList();
            grid.add(bold(""), 0, 0);
            grid.add(bold("New"), 1, 0);
            for (int c = 0; c < olds.size(); c++) {
                grid.add(bold("Current" + (olds.size() > 1 ? " " + (c + 1) : "")), c + 2, 0);
            }
            List<Function<MachineImage, String>> fields = List.of(MachineImage::id, MachineImage::name, MachineImage::description,
                    i -> i.created().map(Formats::dateTime).orElse(""), MachineImage::architecture, MachineImage::platform,
                    MachineImage::owner, MachineImage::state, i -> i.deprecation().map(Formats::dateTime).orElse("none"));
            List<String> labels = List.of("Image id", "Name", "Description", "Created", "Architecture", "Platform", "Owner", "State", "Deprecation");
            for (int r = 0; r < fields.size(); r++) {
                Label field = new Label(labels.get(r));
                field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                grid.add(field, 0, r + 1);
                Label value = new Label(fields.get(r).apply(n));
                value.setWrapText(true);
                grid.add(value, 1, r + 1);
                for (int c = 0; c < olds.size(); c++) {
                    Label old = new Label(fields.get(r).apply(olds.get(c)));
                    old.setWrapText(true);
                    grid.add(old, c + 2, r + 1);
                }
            }
            List<String> differences = new ArrayList<>();
            for (MachineImage old : olds) {
                if (!old.architecture().equals(n.architecture())) {
                    differences.add("The architecture changes from " + old.architecture() + " to " + n.architecture() + ".");
                }
                if (!old.platform().equals(n.platform())) {
                    differences.add("The platform changes from " + old.platform() + " to " + n.platform() + ".");
                }
            }
            n.warning(Instant.now()).ifPresent(differences::add);
            if (olds.isEmpty()) {
                differences.add("No current image to compare with: the parameters are new or do not name an available image.");
            }
            changes.set(olds.stream().anyMatch(o -> !o.architecture().equals(n.architecture()) || !o.platform().equals(n.platform())));
            warning.setText(String.join("\n", differences));
        };
        VBox content = new VBox(12, grid, warning, confirm);
        BooleanBinding canGoOn = Bindings.createBooleanBinding(() -> !changes.get() || confirmed.get(), changes, confirmed);
        return new WizardWindow.Page("Compare", "The new image beside the current one. A change of architecture or platform needs your confirmation.",
                content, "_Next", canGoOn, fill, null);
    }

    // ---------------------------------------------------------------- 4: review and apply

    private WizardWindow.Page reviewPage() {
        TextArea noteArea = new TextArea();
        noteArea.setId("changeNoteField");
        noteArea.setPromptText("Optional change note, saved as the parameters' description (for example the ticket)");
        noteArea.setPrefRowCount(2);
        noteArea.textProperty().bindBidirectional(note);
        TextField labelField = new TextField();
        labelField.setId("goldenLabelField");
        labelField.textProperty().bindBidirectional(label);
        TextField previousField = new TextField();
        previousField.setId("previousLabelField");
        previousField.textProperty().bindBidirectional(previousLabel);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Change note"), noteArea);
        form.addRow(1, new Label("Label for the new version"), labelField);
        form.addRow(2, new Label("Label for the old version"), previousField);
        GridPane.setHgrow(noteArea, Priority.ALWAYS);
        ListView<String> lines = new ListView<>(planLines);
        lines.setId("planList");
        WizardWindow.wrapLines(lines);
        Label problems = new Label();
        problems.setId("reviewProblems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        Runnable refresh = () -> {
            List<Problem> p = GoldenImageUpdate.check(List.copyOf(names), imageId.get(), note.get(), label.get().trim(), previousLabel.get().trim());
            problems.setText(String.join("\n", p.stream().map(Problem::message).toList()));
            List<String> preview = new ArrayList<>();
            for (Current c : currents) {
                StringBuilder s = new StringBuilder(c.name()).append(": ");
                s.append(c.version().equals("new") ? "created with " + imageId.get() : (c.value().isEmpty() ? "?" : c.value()) + " (version " + c.version() + ") → " + imageId.get());
                s.append(", data type aws:ec2:image");
                if (!label.get().isBlank()) {
                    s.append("; label ").append(label.get().trim()).append(" moves to the new version");
                }
                if (!previousLabel.get().isBlank() && !c.version().equals("new")) {
                    s.append("; ").append(previousLabel.get().trim()).append(" to version ").append(c.version());
                }
                preview.add(s.toString());
            }
            planLines.setAll(preview);
        };
        label.addListener((o, a, b) -> refresh.run());
        previousLabel.addListener((o, a, b) -> refresh.run());
        note.addListener((o, a, b) -> refresh.run());
        VBox content = new VBox(10, form, new Label("What will change:"), lines, problems);
        VBox.setVgrow(lines, Priority.ALWAYS);
        BooleanBinding valid = Bindings.createBooleanBinding(() -> problems.getText().isEmpty(), problems.textProperty());
        return new WizardWindow.Page("Review", "Check every change. Apply puts a new version on each parameter and moves the labels; "
                + "Coffer then reads each one back, because AWS checks aws:ec2:image values after it answered.", content, "_Apply", valid, refresh,
                proceed -> apply(proceed));
    }

    private void apply(Runnable proceed) {
        List<String> wanted = List.copyOf(names);
        String id = imageId.get().trim();
        String n = note.get();
        String l = label.get().trim();
        String pl = previousLabel.get().trim();
        wizard.busyProperty().set(true);
        background.run(() -> {
            GoldenImageUpdate.Plan plan = update.plan(wanted, id, n, l, pl);
            List<GoldenImageUpdate.Applied> applied = update.apply(plan, line -> background.later(() -> wizard.statusProperty().set(line)));
            List<String> lines = new ArrayList<>();
            for (GoldenImageUpdate.Applied a : applied) {
                background.later(() -> wizard.statusProperty().set("Reading " + a.name() + " back…"));
                GoldenImageUpdate.Verification v = update.verify(a.name(), a.version(), VERIFY_WAIT);
                StringBuilder s = new StringBuilder(a.name()).append(": version ").append(a.version()).append(" holds ").append(id);
                a.previousVersion().ifPresent(pv -> s.append(" (was version ").append(pv).append(")"));
                if (!l.isEmpty()) {
                    s.append("; ").append(l).append(" → version ").append(a.version());
                }
                if (!pl.isEmpty() && a.previousVersion().isPresent()) {
                    s.append("; ").append(pl).append(" → version ").append(a.previousVersion().getAsLong());
                }
                s.append(v == GoldenImageUpdate.Verification.VISIBLE ? ". Verified: AWS shows the new version."
                        : ". Not visible after " + VERIFY_WAIT.toSeconds() + " s: AWS may have rejected it (it checks that the image exists and is shared with the account).");
                lines.add(s.toString());
            }
            return lines;
        }, lines -> {
            wizard.busyProperty().set(false);
            wizard.statusProperty().set("");
            results.setAll(lines);
            wizard.finishedProperty().set(true);
            onChanged.accept(wanted);
            proceed.run();
        }, error -> {
            wizard.busyProperty().set(false);
            if (error instanceof InvalidDraftException invalid) {
                problems(invalid.problems());
            } else if (error instanceof ParameterConflictException) {
                wizard.statusProperty().set(AwsErrors.explain(error).text() + " Go back to the first page to read the parameters again.");
            } else {
                wizard.statusProperty().set(AwsErrors.explain(error).text() + " Parameters listed before the failure may already be updated.");
            }
            onChanged.accept(wanted);
        });
    }

    // ---------------------------------------------------------------- 5: summary

    private WizardWindow.Page resultPage() {
        ListView<String> list = new ListView<>(results);
        list.setId("resultList");
        WizardWindow.wrapLines(list);
        VBox content = new VBox(8, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setPadding(new Insets(4, 0, 0, 0));
        return new WizardWindow.Page("Done", "What changed. To undo, open a parameter's history and choose Roll back to previous image.",
                content, "_Close", null, null, null);
    }

    // ---------------------------------------------------------------- helpers

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static javafx.util.StringConverter<String> anyConverter() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "Any" : s;
            }

            @Override
            public String fromString(String s) {
                return "Any".equals(s) ? "" : s;
            }
        };
    }

}
