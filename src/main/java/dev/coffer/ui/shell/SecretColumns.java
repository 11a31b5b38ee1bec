package dev.coffer.ui.shell;
import dev.coffer.ui.kit.Formats;

import dev.coffer.secrets.Secret;
import dev.coffer.secrets.view.SecretListViewModel;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** The secrets table's columns and how each shows a secret's metadata (never its value). */
final class SecretColumns {

    private SecretColumns() {
    }

    static List<TableColumn<SecretListViewModel.Row, ?>> create() {
        List<TableColumn<SecretListViewModel.Row, ?>> columns = List.of(
                textColumn("Name", 210, Secret::name),
                textColumn("Description", 170, s -> s.description().orElse("")),
                dateColumn("Last changed", 145, s -> s.lastChanged().orElse(null), false),
                dateColumn("Last accessed", 110, s -> s.lastAccessed().orElse(null), true),
                textColumn("Rotation", 80, s -> s.rotationEnabled() ? "On" : "Off"),
                textColumn("KMS key", 150, Secret::kmsKeyLabel),
                textColumn("Managed by", 110, s -> s.owningService().orElse("")),
                textColumn("Tags", 220, s -> s.tags().stream()
                        .map(t -> t.key() + "=" + t.value()).reduce((a, b) -> a + ", " + b).orElse("")));
        // Three columns fit the pane at the window's first size; the table's menu button shows the others.
        columns.subList(3, columns.size()).forEach(c -> c.setVisible(false));
        return columns;
    }

    private static TableColumn<SecretListViewModel.Row, String> textColumn(String title, double width, Function<Secret, String> value) {
        TableColumn<SecretListViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue().secret())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<SecretListViewModel.Row, Instant> dateColumn(String title, double width,
            Function<Secret, Instant> value, boolean dateOnly) {
        TableColumn<SecretListViewModel.Row, Instant> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue().secret())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : dateOnly ? Formats.date(Optional.ofNullable(item)) : Formats.dateTime(item));
            }
        });
        column.setPrefWidth(width);
        // A date cut short says nothing; the text columns give way instead.
        column.setMinWidth(width);
        return column;
    }
}
