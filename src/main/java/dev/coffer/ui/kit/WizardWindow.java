package dev.coffer.ui.kit;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A multi-page wizard window: a header naming the step, one page at a time, the problems of the
 * page and Back / Next (or the page's own word, such as Apply) / Cancel. A page may do background
 * work before the wizard moves on; the window shows progress meanwhile and keeps every page as it was
 * when that work fails.
 */
public final class WizardWindow {

    /** One page of a wizard. */
    public static final class Page {
        final String title;
        final String help;
        final Node content;
        final String nextText;
        final ObservableBooleanValue canGoOn;
        final Runnable onEnter;
        final Consumer<Runnable> onNext;

        /**
         * @param nextText what the Next button says on this page ("Next", "Apply", "Close")
         * @param canGoOn  whether Next is enabled
         * @param onEnter  runs each time the page shows
         * @param onNext   runs when Next is pressed and calls its argument to move on (possibly later, after background work)
         */
        public Page(String title, String help, Node content, String nextText, ObservableBooleanValue canGoOn, Runnable onEnter,
                    Consumer<Runnable> onNext) {
            this.title = title;
            this.help = help;
            this.content = content;
            this.nextText = nextText;
            this.canGoOn = canGoOn == null ? new SimpleBooleanProperty(true) : canGoOn;
            this.onEnter = onEnter == null ? () -> { } : onEnter;
            this.onNext = onNext == null ? Runnable::run : onNext;
        }
    }

    private final List<Page> pages = new ArrayList<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final Label step = new Label();
    private final Label help = new Label();
    private final BorderPane center = new BorderPane();
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private final Button cancel = new Button("Cancel");
    private int index = -1;
    private Stage stage;

    public WizardWindow add(Page page) {
        pages.add(page);
        return this;
    }

    /** True while a page's background work runs; the buttons wait. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** A line under the page: progress of the background work, or what went wrong. */
    public StringProperty statusProperty() {
        return status;
    }

    /**
     * Runs a page's work in the background: busy with {@code doing} shown, then {@code done} with
     * the result, or the status line says what went wrong (every problem of a refused draft on a
     * line of its own, any other failure as {@link AwsErrors} explains it) and the page stays as
     * the user left it.
     */
    public <T> void work(Background background, String doing, Callable<T> call, Consumer<T> done) {
        status.set(doing);
        new BusyWork(background, busy, status::set).run(call, result -> {
            status.set("");
            done.accept(result);
        }, error -> status.set(error instanceof InvalidDraftException invalid
                ? String.join("\n", invalid.problems().stream().map(Problem::message).toList())
                : AwsErrors.explain(error).text()));
    }

    /** Once the work is done: Back and Cancel go, the last page only closes. */
    public BooleanProperty finishedProperty() {
        return finished;
    }

    public Stage stage() {
        return stage;
    }

    /** Builds the window and shows the first page. */
    public Stage open(Window owner, String title) {
        step.setId("wizardStep");
        step.getStyleClass().add("details-title");
        help.setId("wizardHelp");
        help.setWrapText(true);
        VBox header = new VBox(4, step, help);
        header.setPadding(new Insets(14, 16, 10, 16));

        Label statusLabel = new Label();
        statusLabel.setId("wizardStatus");
        statusLabel.setWrapText(true);
        statusLabel.textProperty().bind(status);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        back.setId("wizardBack");
        next.setId("wizardNext");
        cancel.setId("wizardCancel");
        next.setDefaultButton(true);
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, statusLabel, spacer, cancel, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 14, 16));
        HBox.setHgrow(statusLabel, Priority.SOMETIMES);
        statusLabel.setMaxWidth(520);

        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        center.setPadding(new Insets(4, 16, 8, 16));
        BorderPane root = new BorderPane(scroll, header, null, buttons, null);
        root.setPrefSize(1000, 640);

        back.setOnAction(e -> show(index - 1));
        cancel.setOnAction(e -> stage.close());
        next.setOnAction(e -> {
            if (index == pages.size() - 1) {
                stage.close();
                return;
            }
            int from = index;
            status.set("");
            pages.get(index).onNext.accept(() -> {
                if (index == from) {
                    show(from + 1);
                }
            });
        });
        back.visibleProperty().bind(finished.not());
        cancel.visibleProperty().bind(finished.not());

        stage = Windows.window(new Stage(), owner, title, false, root, -1, -1);
        show(0);
        stage.show();
        return stage;
    }

    /** Makes a list of long lines wrap inside its width instead of scrolling sideways. */
    public static void wrapLines(javafx.scene.control.ListView<String> list) {
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
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

    private void show(int i) {
        index = i;
        Page page = pages.get(i);
        step.setText("Step " + (i + 1) + " of " + pages.size() + ": " + page.title);
        help.setText(page.help);
        center.setCenter(page.content);
        next.setText(page.nextText);
        back.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> index == 0)));
        next.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> !page.canGoOn.get(), page.canGoOn)));
        page.onEnter.run();
    }
}
