package dev.coffer.aws;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A listing by NextToken that does not start over. Each page is one SDK call with the client's
 * retries; when a page still fails, the listing keeps the token of the last good page:
 * <ul>
 *   <li>throttling (also a call that timed out while being throttled) is never the end: the same
 *       page is asked again after a pause that grows with jitter, for as long as it takes;</li>
 *   <li>any other failure ends the listing with {@link ListingIncompleteException}, which carries
 *       that token, so the caller keeps what it has and resumes from the page that failed.</li>
 * </ul>
 *
 * @param <R> the SDK's page type (DescribeParametersResponse, ListSecretsResponse)
 * @param <T> what a page holds, as Coffer hands it on
 */
public final class ResumableListing<R, T> {

    private final String items;
    private final ClientFactory clients;
    private final Function<String, R> fetch;
    private final Function<R, List<T>> content;
    private final Function<R, String> nextToken;

    /**
     * @param items     what is listed, plural, for messages ("parameters")
     * @param fetch     one page from a NextToken (null for the first page)
     * @param content   a page's items
     * @param nextToken a page's NextToken (null or empty on the last page)
     */
    public ResumableListing(String items, ClientFactory clients, Function<String, R> fetch, Function<R, List<T>> content,
                            Function<R, String> nextToken) {
        this.items = items;
        this.clients = clients;
        this.fetch = fetch;
        this.content = content;
        this.nextToken = nextToken;
    }

    /**
     * Lists from {@code token} (null: from the start), handing each non-empty page to
     * {@code onPage} as it arrives; stops between pages once {@code cancelled} says so. Returns
     * the number of pages received.
     *
     * @throws ListingIncompleteException when a page failed for a reason other than throttling, and
     *         when the {@link Cancellation} the listing runs in is cancelled, with a
     *         {@link CancelledException} as its cause and the token to go on from
     */
    public int from(String token, Consumer<List<T>> onPage, BooleanSupplier cancelled) {
        String next = token;
        int pages = 0;
        int listed = 0;
        int throttledRounds = 0;
        while (true) {
            if (Cancellation.currentCancelled()) {
                throw new ListingIncompleteException(items, pages, listed, next, new CancelledException("Listing cancelled."));
            }
            // Stopped by its caller (or an interrupted thread): the listing ends quietly.
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                break;
            }
            long throttledBefore = clients.throttles().seen();
            R page;
            try {
                page = fetch.apply(next);
            } catch (RuntimeException e) {
                if (Cancellation.currentCancelled()) {
                    // The call failed because Cancel aborted it.
                    throw new ListingIncompleteException(items, pages, listed, next, new CancelledException("Listing cancelled."));
                }
                boolean throttled = Throttles.isThrottling(e)
                        || clients.throttles().seen() > throttledBefore && AwsErrors.explain(e).kind() == AwsErrors.Kind.SLOW_ENDPOINT;
                if (!throttled) {
                    throw new ListingIncompleteException(items, pages, listed, next, e);
                }
                pause(++throttledRounds, cancelled);
                continue;
            }
            throttledRounds = 0;
            pages++;
            List<T> found = content.apply(page);
            // A page can be empty while NextToken is still set; keep going.
            if (!found.isEmpty() && !cancelled.getAsBoolean()) {
                onPage.accept(found);
                listed += found.size();
            }
            next = nextToken.apply(page);
            if (next == null || next.isEmpty()) {
                break;
            }
        }
        return pages;
    }

    /** Waits before asking a throttled page again: the throttling pauses, doubled each round, with full jitter. */
    private void pause(int round, BooleanSupplier cancelled) {
        RetrySettings settings = clients.retrySettings();
        long longest = settings.longestThrottledPause().toMillis();
        long ceiling = Math.min(longest, settings.throttledPause().toMillis() << Math.min(round, 20));
        long wait = ThreadLocalRandom.current().nextLong(Math.max(1, ceiling) + 1);
        long until = System.nanoTime() + Duration.ofMillis(wait).toNanos();
        try {
            while (!cancelled.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
