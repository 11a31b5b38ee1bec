package dev.coffer.aws;

import java.util.Optional;

/**
 * A listing that stopped part way: what it had already handed over stays valid, and
 * {@link #resumeToken()} continues it from the page that failed (empty: from the start).
 */
public final class ListingIncompleteException extends RuntimeException {

    private final String items;
    private final int pagesListed;
    private final int itemsListed;
    private final transient String resumeToken;

    /**
     * @param items       what was listed, plural ("parameters", "secrets")
     * @param pagesListed pages received before it stopped
     * @param itemsListed items handed over before it stopped
     * @param resumeToken the NextToken of the last page received; null when no page came
     */
    public ListingIncompleteException(String items, int pagesListed, int itemsListed, String resumeToken, Throwable cause) {
        super("The listing of " + items + " stopped after " + itemsListed + " " + items + " (" + pagesListed + " pages).", cause);
        this.items = items;
        this.pagesListed = pagesListed;
        this.itemsListed = itemsListed;
        this.resumeToken = resumeToken;
    }

    public String items() {
        return items;
    }

    public int pagesListed() {
        return pagesListed;
    }

    public int itemsListed() {
        return itemsListed;
    }

    /** Where to go on: the NextToken of the last good page; empty when the first page failed. */
    public Optional<String> resumeToken() {
        return Optional.ofNullable(resumeToken);
    }
}
