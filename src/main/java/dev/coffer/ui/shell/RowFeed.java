package dev.coffer.ui.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Hands a listing's pages to one of the window's lists, on the UI thread. */
public interface RowFeed<T> {

    /** Queues a page. */
    void add(List<T> page);

    /** Runs {@code done} once every queued row is delivered. */
    void finish(Runnable done);

    /** Completes once the first rows are shown (or the listing ended with none). */
    CompletableFuture<Void> firstRowsShown();

    /** Makes the feed of each list: {@link PacedFeed} in the app. */
    interface Factory {
        <T> RowFeed<T> feed(Consumer<List<T>> deliver);
    }
}
