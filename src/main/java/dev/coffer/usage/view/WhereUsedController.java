package dev.coffer.usage.view;

import dev.coffer.ui.kit.controls.BusyIndicator;
import dev.coffer.usage.view.WhereUsedViewModel.Row;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** The Where used window. Thin: state lives in {@link WhereUsedViewModel}. */
public final class WhereUsedController {

    @FXML private Label whereUsedTitle;
    @FXML private Label whereUsedCount;
    @FXML private TableView<Row> whereUsedRows;
    @FXML private TableColumn<Row, String> kindColumn;
    @FXML private TableColumn<Row, String> resourceColumn;
    @FXML private TableColumn<Row, String> locationColumn;
    @FXML private TableColumn<Row, String> versionColumn;
    @FXML private TableColumn<Row, String> readsColumn;
    @FXML private MenuItem copyResourceItem;
    @FXML private Label whereUsedUnread;
    /** Not JavaFX's ProgressIndicator: that repaints at the frame rate for the whole scan (see BusyIndicator). */
    @FXML private BusyIndicator scanIndicator;
    @FXML private Label whereUsedStatus;
    @FXML private Button copyResourceButton;
    @FXML private Button refreshButton;
    @FXML private Button cancelScanButton;
    @FXML private Button closeButton;

    public void init(WhereUsedViewModel model, Stage stage) {
        whereUsedTitle.setText(model.subject().title());
        whereUsedCount.textProperty().bind(model.countProperty());
        column(kindColumn, Row::kind);
        column(resourceColumn, Row::resource);
        column(locationColumn, Row::location);
        column(versionColumn, Row::version);
        column(readsColumn, Row::reads);
        // Which parameter a consumer reads matters only for a folder; for one item it would repeat the title.
        readsColumn.setVisible(model.subject().kind() == WhereUsedViewModel.Subject.Kind.FOLDER);
        whereUsedRows.setItems(model.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.scanningProperty().map(busy -> busy ? "Scanning…" : "No consumer found"));
        whereUsedRows.setPlaceholder(placeholder);

        var nothingChosen = whereUsedRows.getSelectionModel().selectedItemProperty().isNull();
        copyResourceButton.disableProperty().bind(nothingChosen);
        copyResourceItem.disableProperty().bind(nothingChosen);
        copyResourceButton.setOnAction(e -> copySelected());
        copyResourceItem.setOnAction(e -> copySelected());

        whereUsedUnread.textProperty().bind(model.unreadProperty());
        whereUsedUnread.visibleProperty().bind(model.unreadProperty().isNotEmpty());
        whereUsedUnread.managedProperty().bind(whereUsedUnread.visibleProperty());

        scanIndicator.visibleProperty().bind(model.scanningProperty());
        scanIndicator.managedProperty().bind(scanIndicator.visibleProperty());
        whereUsedStatus.textProperty().bind(model.statusProperty());
        refreshButton.disableProperty().bind(model.scanningProperty());
        refreshButton.setOnAction(e -> model.refresh());
        cancelScanButton.visibleProperty().bind(model.scanningProperty());
        cancelScanButton.managedProperty().bind(cancelScanButton.visibleProperty());
        cancelScanButton.setOnAction(e -> model.cancel());
        closeButton.setOnAction(e -> stage.close());
        // Esc cancels a running scan; otherwise it closes the window.
        stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (model.scanningProperty().get()) {
                    model.cancel();
                } else {
                    stage.close();
                }
            }
        });
        stage.setOnHidden(e -> model.cancel());
        model.start();
    }

    private void copySelected() {
        Row row = whereUsedRows.getSelectionModel().getSelectedItem();
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.copyText());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static void column(TableColumn<Row, String> column, Function<Row, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }
}
