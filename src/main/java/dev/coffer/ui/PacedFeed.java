package dev.coffer.ui;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Hands a listing's pages to a view on the FX thread, one frame at a time.
 *
 * <p>Why: the first rows a list or tree shows make JavaFX build a cell, a skin and its CSS for
 * every visible row in one layout pass; a first page of 100 secrets filled a screenful of table
 * cells in one pulse and held the FX thread for half a second (measured by the scale benchmark's
 * stall profile). Until a screenful is shown this feed delivers a few rows per frame, so each
 * pulse builds only a few cells; after that, rows land off screen and whole pages go at once.
 * Everything queued is delivered in order, and {@code whenDone} runs after the last row.
 */
final class PacedFeed<T> {

    /** More rows than any window shows at once. */
    static final int SCREENFUL = 80;
    /** Rows per frame while the first screenful fills: a few cells per pulse. */
    static final int FIRST_ROWS_PER_FRAME = 6;

    private final Consumer<List<T>> deliver;
    private final ArrayDeque<List<T>> pages = new ArrayDeque<>();
    private Runnable whenDone;
    private int delivered;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            deliverOneFrame();
        }
    };

    PacedFeed(Consumer<List<T>> deliver) {
        this.deliver = deliver;
    }

    /** FX thread: queue a page. */
    void add(List<T> page) {
        pages.add(page);
        frames.start();
    }

    /** FX thread: run {@code done} once every queued row is delivered. */
    void finish(Runnable done) {
        whenDone = done;
        frames.start();
    }

    private void deliverOneFrame() {
        if (delivered < SCREENFUL && !pages.isEmpty()) {
            List<T> page = pages.poll();
            int n = Math.min(FIRST_ROWS_PER_FRAME, page.size());
            deliver(page.subList(0, n));
            if (n < page.size()) {
                pages.addFirst(page.subList(n, page.size()));
            }
            return;
        }
        while (!pages.isEmpty()) {
            deliver(pages.poll());
        }
        frames.stop();
        if (whenDone != null) {
            Runnable done = whenDone;
            whenDone = null;
            done.run();
        }
    }

    private void deliver(List<T> rows) {
        delivered += rows.size();
        deliver.accept(rows);
    }
}
