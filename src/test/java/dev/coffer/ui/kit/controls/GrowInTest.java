package dev.coffer.ui.kit.controls;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A table that first shows rows builds them a few a frame, then stands at its full height. */
class GrowInTest {

    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void theFirstRowsComeAFewAFrameUntilTheTableIsFullHeightAgain() {
        TableView<String> table = onFx(() -> {
            TableView<String> t = new TableView<>();
            TableColumn<String, String> name = new TableColumn<>("Name");
            name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
            t.getColumns().add(name);
            t.setFixedCellSize(30);
            VBox.setVgrow(t, Priority.ALWAYS);
            stage = new Stage();
            stage.setScene(new Scene(new VBox(t), 400, 630));
            stage.show();
            return t;
        });
        double fullHeight = onFx(table::getHeight);
        double maxHeight = onFx(table::getMaxHeight);
        List<Integer> rowsPerLayout = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        Runnable afterLayout = () -> {
            if (!table.getItems().isEmpty()) {
                rowsPerLayout.add(table.lookupAll(".table-row-cell").stream().filter(TableRow.class::isInstance).toList().size());
                heights.add(table.getHeight());
            }
        };
        onFx(() -> {
            GrowIn.onFirstRows(table, Bindings.isNotEmpty(table.getItems()), 30);
            table.getScene().addPostLayoutPulseListener(afterLayout);
            table.getItems().setAll(IntStream.range(0, 100).mapToObj(i -> "row " + i).toList());
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> table.getMaxHeight() == maxHeight && !heights.isEmpty()
                && heights.get(heights.size() - 1) == fullHeight));
        onFx(() -> {
            table.getScene().removePostLayoutPulseListener(afterLayout);
            return null;
        });
        List<Integer> rows = onFx(() -> List.copyOf(rowsPerLayout));
        List<Double> seen = onFx(() -> List.copyOf(heights));
        // The first frame with rows builds the header and a row or two, not the twenty that fit.
        assertThat(rows.get(0)).isBetween(1, 3);
        assertThat(rows.get(rows.size() - 1)).isGreaterThanOrEqualTo(19);
        assertThat(seen).isSorted();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i) - rows.get(i - 1)).as("rows built in frame %d", i).isLessThanOrEqualTo(4);
        }
    }
}
