package dev.coffer.ui.kit.controls;

import dev.coffer.ui.kit.WizardViewModel;
import javafx.beans.DefaultProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The frame every wizard's FXML is built on: a header naming the step, one {@link WizardPage} at a
 * time, and under it the progress and status of the page's work with Cancel, Back and Next (or the
 * page's own word). Its pages are the FXML's child elements, one per page of the view model, in
 * order; {@link #show} ties them to the view model, which decides everything else.
 */
@DefaultProperty("pages")
public final class WizardFrame extends BorderPane {

    private final ObservableList<WizardPage> pages = FXCollections.observableArrayList();
    private final Label step = new Label();
    private final Label help = new Label();
    private final BorderPane center = new BorderPane();
    private final Label status = new Label();
    private final BusyIndicator busy = new BusyIndicator();
    private final Button cancel = new Button("Cancel");
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");

    public WizardFrame() {
        step.setId("wizardStep");
        step.getStyleClass().add("details-title");
        help.setId("wizardHelp");
        help.setWrapText(true);
        VBox header = new VBox(4, step, help);
        header.setPadding(new Insets(14, 16, 10, 16));

        status.setId("wizardStatus");
        status.setWrapText(true);
        status.setMaxWidth(520);
        cancel.setId("wizardCancel");
        back.setId("wizardBack");
        next.setId("wizardNext");
        next.setDefaultButton(true);
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox buttons = new HBox(8, busy, status, spacer, cancel, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 14, 16));

        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        center.setPadding(new Insets(4, 16, 8, 16));
        setTop(header);
        setCenter(scroll);
        setBottom(buttons);
        setPrefSize(1180, 680);
    }

    /** The pages, in the order of the view model's pages. */
    public ObservableList<WizardPage> getPages() {
        return pages;
    }

    /** Shows {@code model}'s pages in {@code stage} and starts it on its first page. */
    public void show(WizardViewModel<?> model, Stage stage) {
        if (pages.size() != model.pageCount()) {
            throw new IllegalStateException("The wizard's FXML has " + pages.size() + " pages, its view model " + model.pageCount());
        }
        model.pageProperty().addListener((o, was, page) -> showPage(page.ordinal(), model.pageCount()));
        status.textProperty().bind(model.statusProperty());
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        next.disableProperty().bind(model.canGoOnProperty().not());
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.visibleProperty().bind(model.finishedProperty().not());
        cancel.visibleProperty().bind(model.finishedProperty().not());
        next.setOnAction(e -> {
            if (model.onLastPage()) {
                stage.close();
            } else {
                model.next();
            }
        });
        back.setOnAction(e -> model.back());
        cancel.disableProperty().bind(model.changingProperty());
        cancel.setOnAction(e -> stage.close());
        // However the window closes, the read it waits for is aborted.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.cancel());
        model.start();
    }

    /** Makes a list of long lines wrap inside its width instead of scrolling sideways. */
    public static void wrapLines(ListView<String> list) {
        list.setCellFactory(view -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(view.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    private void showPage(int index, int count) {
        WizardPage page = pages.get(index);
        step.setText("Step " + (index + 1) + " of " + count + ": " + page.getTitle());
        help.setText(page.getHelp());
        center.setCenter(page);
        next.setText(page.getNextText());
    }
}
