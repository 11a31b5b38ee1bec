package dev.coffer.ui.kit;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What every wizard's view model shares: the page shown (one constant of {@code P} per page, in
 * order), Back and Next (or the page's own word, such as Apply), a status line, and the
 * background work a page does before the wizard moves on. While that work runs, Back and Next
 * wait; when it fails, the status line says why and every page keeps what the user entered.
 * Once the work is done ({@link #finish}), Back and Cancel go and the last page only closes.
 */
public abstract class WizardViewModel<P extends Enum<P>> {

    private final P[] pages;
    private final ObjectProperty<P> page = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final Map<P, ObservableBooleanValue> ready;
    private final BooleanProperty canGoOn = new SimpleBooleanProperty();
    private final BooleanBinding canGoBack;
    private final BusyWork work;
    private final Background background;
    private final BooleanProperty changing = new SimpleBooleanProperty();
    /** What Cancel aborts: the reads of the pages. */
    private Cancellation reads = new Cancellation();

    protected WizardViewModel(Background background, Class<P> pageType) {
        this.background = background;
        this.pages = pageType.getEnumConstants();
        this.ready = new EnumMap<>(pageType);
        this.work = new BusyWork(background, busy, status::set);
        canGoBack = Bindings.createBooleanBinding(() -> !busy.get() && !finished.get() && page.get() != null && page.get().ordinal() > 0,
                busy, finished, page);
        page.addListener(o -> updateCanGoOn());
        busy.addListener(o -> updateCanGoOn());
    }

    /** Shows the first page; its data is read now. */
    public final void start() {
        show(pages[0]);
    }

    public final ReadOnlyObjectProperty<P> pageProperty() {
        return page;
    }

    /** How many pages the wizard has. */
    public final int pageCount() {
        return pages.length;
    }

    public final boolean onLastPage() {
        return page.get() == pages[pages.length - 1];
    }

    /** True while a page's background work runs; Back and Next wait. */
    public final ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** A line under the page: progress of the background work, or what went wrong. */
    public final ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Once the work is done: Back and Cancel go, the last page only closes. */
    public final ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    /** Whether Next (or the page's own word) may be pressed now. */
    public final ReadOnlyBooleanProperty canGoOnProperty() {
        return canGoOn;
    }

    public final BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    /**
     * Leaves the page as its {@link #leave} step says (checks, background work) and shows the next
     * one, unless the step refused. Does nothing on the last page, or while Next may not be pressed.
     */
    public final void next() {
        if (!canGoOn.get() || onLastPage()) {
            return;
        }
        P from = page.get();
        status.set("");
        leave(from, () -> {
            if (page.get() == from) {
                show(pages[from.ordinal() + 1]);
            }
        });
    }

    /** Shows the page before, as the user left it. */
    public final void back() {
        if (canGoBack.get()) {
            show(pages[page.get().ordinal() - 1]);
        }
    }

    /** Next on {@code page} is enabled only while {@code condition} holds (it always is otherwise). */
    protected final void readyWhen(P page, ObservableBooleanValue condition) {
        ready.put(page, condition);
        condition.addListener(o -> updateCanGoOn());
        updateCanGoOn();
    }

    /** Runs each time {@code page} shows. */
    protected void enter(P page) {
    }

    /** Runs when Next is pressed on {@code page}; calls {@code proceed} to move on, possibly after background work. */
    protected void leave(P page, Runnable proceed) {
        proceed.run();
    }

    /**
     * Runs a page's work in the background: busy with {@code doing} shown, then {@code done} with
     * the result; or the status line says what went wrong (every problem of a refused draft on a
     * line of its own, any other failure as {@link AwsErrors} explains it).
     */
    protected final <T> void work(String doing, Callable<T> call, Consumer<T> done) {
        work(doing, call, done, error -> status.set(error instanceof InvalidDraftException invalid
                ? lines(invalid.problems())
                : AwsErrors.explain(error).text()));
    }

    /** As {@link #work(String, Callable, Consumer)}, with the error handled by {@code failed}. */
    protected final <T> void work(String doing, Callable<T> call, Consumer<T> done, Consumer<Throwable> failed) {
        status.set(doing);
        Cancellation step = reads;
        work.run(() -> step.run(call), result -> {
            status.set("");
            done.accept(result);
        }, failed);
    }

    /**
     * The step that changes AWS (Apply). Cancel waits while it runs: a change stopped half way
     * could leave some of it made and some not, with nobody told which.
     */
    protected final <T> void change(String doing, Callable<T> call, Consumer<T> done, Consumer<Throwable> failed) {
        status.set(doing);
        changing.set(true);
        work.run(call, result -> {
            changing.set(false);
            status.set("");
            done.accept(result);
        }, error -> {
            changing.set(false);
            failed.accept(error);
        });
    }

    /** As {@link #change(String, Callable, Consumer, Consumer)}, the error said as {@link AwsErrors} explains it. */
    protected final <T> void change(String doing, Callable<T> call, Consumer<T> done) {
        change(doing, call, done, error -> status.set(AwsErrors.explain(error).text()));
    }

    /** True while the change runs; Cancel waits for it. */
    public final ReadOnlyBooleanProperty changingProperty() {
        return changing;
    }

    /** Cancel: the read a page waits for is aborted at once, not left to its timeout. */
    public final void cancel() {
        Cancellation cancelled = reads;
        reads = new Cancellation();
        cancelled.cancel();
    }

    /** Says {@code text} from background work, on the UI thread. */
    protected final void sayLater(String text) {
        background.later(() -> status.set(text));
    }

    protected final void say(String text) {
        status.set(text);
    }

    /** Says every problem, one a line. */
    protected final void say(List<Problem> problems) {
        status.set(lines(problems));
    }

    /** The wizard's work is done: only the way out is left. */
    protected final void finish() {
        finished.set(true);
    }

    /** Problems as the wizard shows them: one a line. */
    protected static String lines(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::message).toList());
    }

    private void show(P p) {
        page.set(p);
        enter(p);
    }

    private void updateCanGoOn() {
        ObservableBooleanValue condition = page.get() == null ? null : ready.get(page.get());
        canGoOn.set(!busy.get() && (condition == null || condition.get()));
    }
}
