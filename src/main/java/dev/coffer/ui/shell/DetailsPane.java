package dev.coffer.ui.shell;

import dev.coffer.aws.Tag;
import dev.coffer.ui.kit.controls.RevealedValueArea;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The details of the selected parameter or secret: its fields, its tags and its value, masked
 * until the user reveals it.
 */
public final class DetailsPane extends VBox {

    static final String MASK = "••••••••••••••••";

    private final DetailsViewModel model;
    private final Consumer<String> onCopyValue;
    private final GridPane grid = new GridPane();
    private final Button revealButton = new Button();
    private final Button copyValueButton = new Button("Copy");
    private final java.util.List<javafx.scene.Node> actions = new java.util.ArrayList<>();
    /** Built when something is first selected: its tables and text area are a good part of the window's first frame. */
    private VBox content;

    /** @param onCopyValue copies the revealed value, or the part of it selected, as the window does */
    public DetailsPane(DetailsViewModel model, Consumer<String> onCopyValue) {
        this.model = model;
        this.onCopyValue = onCopyValue;
        getStyleClass().add("details");
        setSpacing(10);
        setPadding(new Insets(14));

        Label empty = new Label("Select a parameter or a secret to see its details.");
        empty.getStyleClass().add("details-empty");
        empty.setWrapText(true);
        BooleanBinding nothingShown = Bindings.createBooleanBinding(() -> model.shownProperty().get() instanceof Selection.None,
                model.shownProperty());
        empty.visibleProperty().bind(nothingShown);
        empty.managedProperty().bind(empty.visibleProperty());
        getChildren().setAll(empty);
        model.shownProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable selected) {
                model.shownProperty().removeListener(this);
                getChildren().add(buildContent(nothingShown.not()));
            }
        });
    }

    /** Adds a row of actions under the fields (such as the rotation buttons of a secret). */
    public void addActions(javafx.scene.Node row) {
        actions.add(row);
        if (content != null) {
            // After the title, the fields and the rows added before it.
            content.getChildren().add(1 + actions.size(), row);
        }
    }

    private VBox buildContent(BooleanBinding somethingShown) {
        Label title = new Label();
        title.setId("detailsTitle");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label kind = new Label();
        kind.setId("detailsKind");
        kind.getStyleClass().add("details-kind");
        kind.textProperty().bind(model.kindProperty());

        grid.setId("detailsFields");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        model.fields().addListener((ListChangeListener<DetailsViewModel.Field>) c -> rebuildFields());
        rebuildFields();

        content = new VBox(10, new VBox(2, title, kind), grid);
        content.getChildren().addAll(actions);
        content.getChildren().addAll(valueSection(), tagSection());
        content.visibleProperty().bind(somethingShown);
        content.managedProperty().bind(content.visibleProperty());
        return content;
    }

    private VBox valueSection() {
        Label header = sectionHeader("Value");

        Label masked = new Label(MASK);
        masked.setId("maskedValue");
        masked.getStyleClass().add("masked-value");

        RevealedValueArea text = new RevealedValueArea();
        text.setId("valueText");
        text.setPrefRowCount(4);
        text.textProperty().bind(model.valueProperty());
        text.setOnCopy(onCopyValue);

        TableView<DetailsViewModel.Field> keys = new TableView<>(model.valueFields());
        keys.setId("valueTable");
        TableColumn<DetailsViewModel.Field, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        key.setPrefWidth(120);
        TableColumn<DetailsViewModel.Field, String> val = new TableColumn<>("Value");
        val.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        val.setPrefWidth(240);
        keys.getColumns().setAll(java.util.List.of(key, val));
        keys.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        keys.setFixedCellSize(28);
        keys.prefHeightProperty().bind(Bindings.size(model.valueFields()).multiply(28).add(44));
        keys.minHeightProperty().bind(keys.prefHeightProperty());

        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(22, 22);

        var state = model.valueStateProperty();
        masked.visibleProperty().bind(state.isEqualTo(DetailsViewModel.ValueState.MASKED));
        loading.visibleProperty().bind(state.isEqualTo(DetailsViewModel.ValueState.LOADING));
        var revealed = state.isEqualTo(DetailsViewModel.ValueState.REVEALED);
        keys.visibleProperty().bind(revealed.and(Bindings.isNotEmpty(model.valueFields())));
        text.visibleProperty().bind(revealed.and(Bindings.isEmpty(model.valueFields())));
        for (var n : new javafx.scene.Node[] {masked, loading, keys, text}) {
            n.managedProperty().bind(n.visibleProperty());
        }

        revealButton.setId("revealButton");
        revealButton.textProperty().bind(Bindings.when(revealed).then("Hide").otherwise("Reveal"));
        revealButton.graphicProperty().bind(Bindings.when(revealed)
                .then((javafx.scene.Node) new FontIcon("mdmz-visibility_off"))
                .otherwise((javafx.scene.Node) new FontIcon("mdmz-visibility")));
        revealButton.setTooltip(new Tooltip("Fetch and show the value (Ctrl+E)"));
        revealButton.setOnAction(e -> model.toggleReveal());
        revealButton.disableProperty().bind(state.isEqualTo(DetailsViewModel.ValueState.LOADING));

        copyValueButton.setId("copyValueButton");
        copyValueButton.setGraphic(new FontIcon("mdal-content_copy"));
        copyValueButton.setTooltip(new Tooltip("Copy the value; the clipboard is cleared after 30 seconds (Ctrl+Alt+C)"));
        copyValueButton.disableProperty().bind(revealed.not());
        copyValueButton.setOnAction(e -> onCopyValue.accept(model.valueProperty().get()));

        HBox buttons = new HBox(8, revealButton, copyValueButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        StackPane.setAlignment(loading, Pos.CENTER_LEFT);
        VBox box = new VBox(6, header, new VBox(6, masked, loading, keys, text), buttons);
        return box;
    }

    private VBox tagSection() {
        Label header = sectionHeader("Tags");
        TableView<Tag> table = new TableView<>(model.tags());
        table.setId("tagTable");
        TableColumn<Tag, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().key()));
        TableColumn<Tag, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        table.getColumns().setAll(java.util.List.of(key, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.prefHeightProperty().bind(Bindings.max(1, Bindings.size(model.tags())).multiply(28).add(44));
        table.minHeightProperty().bind(table.prefHeightProperty());
        Label none = new Label();
        none.textProperty().bind(Bindings.when(model.tagsLoadingProperty()).then("Loading tags…").otherwise("No tags"));
        none.getStyleClass().add("subtle");
        table.setPlaceholder(none);
        return new VBox(6, header, table);
    }

    private static Label sectionHeader(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-header");
        return label;
    }

    private void rebuildFields() {
        grid.getChildren().clear();
        int row = 0;
        for (DetailsViewModel.Field f : model.fields()) {
            Label label = new Label(f.label());
            label.getStyleClass().add("field-label");
            // A read-only text field, so values such as ARNs can be selected and copied.
            TextField value = new TextField(f.value());
            value.setEditable(false);
            value.getStyleClass().add("field-value");
            value.setId("field-" + f.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            grid.addRow(row++, label, value);
        }
    }
}
