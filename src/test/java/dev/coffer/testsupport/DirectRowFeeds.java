package dev.coffer.testsupport;

import dev.coffer.ui.shell.RowFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Rows straight to the lists, for view-model tests: the app paces them by the FX pulse, which these tests do not start. */
public final class DirectRowFeeds implements RowFeed.Factory {

    @Override
    public <T> RowFeed<T> feed(Consumer<List<T>> deliver) {
        return new RowFeed<>() {
            @Override
            public void add(List<T> page) {
                deliver.accept(page);
            }

            @Override
            public void finish(Runnable done) {
                done.run();
            }

            @Override
            public CompletableFuture<Void> firstRowsShown() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
