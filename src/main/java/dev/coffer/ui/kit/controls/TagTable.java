package dev.coffer.ui.kit.controls;

import dev.coffer.aws.Tag;
import java.util.List;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Tags as an editable table with Add and Remove, shared by the parameter and secret editors.
 * The rows are observable (key and value changes included), so an editor can validate live.
 */
public final class TagTable extends VBox {

    private final ObservableList<TagRow> rows = FXCollections.observableArrayList(r -> new Observable[] {r.keyProperty(), r.valueProperty()});
    private final TableView<TagRow> table = new TableView<>(rows);
    private final Label count = new Label();

    public TagTable() {
        setSpacing(6);
        getStyleClass().add("tag-table");
        table.setId("tagEditor");
        table.setEditable(true);
        TableColumn<TagRow, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> c.getValue().keyProperty());
        key.setCellFactory(TextFieldTableCell.forTableColumn());
        key.setId("tagKeyColumn");
        TableColumn<TagRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setId("tagValueColumn");
        table.getColumns().setAll(List.of(key, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No tags. Add one to name owners, environments or cost centres.");
        empty.setWrapText(true);
        empty.getStyleClass().add("subtle");
        table.setPlaceholder(empty);
        table.setPrefHeight(150);
        table.setFixedCellSize(30);

        Button add = new Button("Add tag", new FontIcon("mdal-add"));
        add.setId("addTagButton");
        add.setTooltip(new Tooltip("Add a tag (at most 50)"));
        add.setOnAction(e -> addRow("", ""));
        Button remove = new Button("Remove", new FontIcon("mdmz-remove"));
        remove.setId("removeTagButton");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> rows.remove(table.getSelectionModel().getSelectedItem()));
        count.getStyleClass().add("subtle");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(rows).asString("%d of 50 tags"));
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, remove, spacer, count);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** Adds a row and starts editing its key. */
    public void addRow(String key, String value) {
        TagRow row = new TagRow(key, value);
        rows.add(row);
        table.getSelectionModel().select(row);
        table.layout();
        table.edit(rows.size() - 1, table.getColumns().get(0));
    }

    public ObservableList<TagRow> rows() {
        return rows;
    }

    public void setTags(List<Tag> tags) {
        rows.setAll(tags.stream().map(TagRow::of).toList());
    }

    public List<Tag> tags() {
        return rows.stream().map(TagRow::toTag).toList();
    }

    public void setEditable(boolean editable) {
        table.setEditable(editable);
        getChildren().get(1).setVisible(editable);
        getChildren().get(1).setManaged(editable);
    }
}
