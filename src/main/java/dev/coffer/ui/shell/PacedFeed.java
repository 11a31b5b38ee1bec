package dev.coffer.ui.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Hands a listing's pages to a view on the FX thread at a pace the window can take.
 *
 * <p>Why, from the scale benchmark's stall profile: the first rows a list or tree shows make
 * JavaFX build a cell, a skin and its CSS for every visible row in one layout pass, and a first
 * page of 100 secrets held the FX thread for half a second. So until a screenful is shown, this
 * feed delivers a few rows per frame, and the tree and the table get their first rows (and
 * build their cells) in different frames. After that, rows mostly land off screen, and what costs is
 * the number of updates (a layout, a repaint and a status line each): pages that arrive
 * meanwhile are gathered and delivered together a few times a second, which leaves the CPU to
 * the listing itself. Rows are delivered in order, and {@code whenDone} runs after the last one;
 * {@link #firstRowsShown} tells the listing when the first rows are on screen.
 */
final class PacedFeed<T> implements RowFeed<T> {

    /** A paced feed for each list of a window. */
    static final RowFeed.Factory FACTORY = new RowFeed.Factory() {
        @Override
        public <T> RowFeed<T> feed(Consumer<List<T>> deliver) {
            return new PacedFeed<>(deliver);
        }
    };

    /** More rows than any window shows at once. */
    static final int SCREENFUL = 80;
    /** Rows per frame while the first screenful fills: a few cells per pulse. */
    static final int FIRST_ROWS_PER_FRAME = 6;
    /** How often the view takes in the rows gathered after the first screenful. */
    static final long GATHER_MILLIS = 250;

    /**
     * The frame in which a list last got its first rows (FX thread only). A list's first rows make
     * it build every visible cell, empty ones included, in one layout: one list per frame.
     */
    private static long firstRowsFrame = -1;

    private final Consumer<List<T>> deliver;
    private final ArrayDeque<List<T>> pages = new ArrayDeque<>();
    private final CompletableFuture<Void> firstRowsShown = new CompletableFuture<>();
    private Runnable whenDone;
    private int delivered;
    private boolean pacing;
    private boolean flushScheduled;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            deliverOneFrame(now);
        }
    };

    PacedFeed(Consumer<List<T>> deliver) {
        this.deliver = deliver;
    }

    /** FX thread: queue a page. */
    @Override
    public void add(List<T> page) {
        pages.add(page);
        if (delivered < SCREENFUL) {
            startPacing();
        } else {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            CompletableFuture.delayedExecutor(GATHER_MILLIS, TimeUnit.MILLISECONDS, Platform::runLater).execute(this::flush);
        }
    }

    /**
     * Completes (on the FX thread) once the first rows are laid out: a screenful, or every row
     * the listing had sent by then; or when the listing ends with nothing left to show.
     */
    @Override
    public CompletableFuture<Void> firstRowsShown() {
        return firstRowsShown;
    }

    /** FX thread: run {@code done} once every queued row is delivered. */
    @Override
    public void finish(Runnable done) {
        whenDone = done;
        if (!pacing) {
            firstRowsShown.complete(null);
            flush();
        }
    }

    private void startPacing() {
        if (!pacing) {
            pacing = true;
            frames.start();
        }
    }

    private void deliverOneFrame(long frame) {
        if (delivered < SCREENFUL && !pages.isEmpty()) {
            if (delivered == 0) {
                if (firstRowsFrame == frame) {
                    return;
                }
                firstRowsFrame = frame;
            }
            List<T> page = pages.poll();
            int n = Math.min(FIRST_ROWS_PER_FRAME, page.size());
            deliver(page.subList(0, n));
            if (n < page.size()) {
                pages.addFirst(page.subList(n, page.size()));
            }
            return;
        }
        pacing = false;
        frames.stop();
        // The rows delivered last frame have been laid out.
        firstRowsShown.complete(null);
        if (whenDone != null || pages.isEmpty()) {
            flush();
        } else {
            scheduleFlush();
        }
    }

    /** Delivers everything queued as one update, then {@code whenDone} if the listing has ended. */
    private void flush() {
        flushScheduled = false;
        if (pacing) {
            return;
        }
        if (!pages.isEmpty()) {
            List<T> rows = new ArrayList<>();
            pages.forEach(rows::addAll);
            pages.clear();
            deliver(rows);
        }
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
