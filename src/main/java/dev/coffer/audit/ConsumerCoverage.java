package dev.coffer.audit;

import java.util.List;

/**
 * How far the consumer scan of one connection got.
 *
 * @param connection the connection's label, as its findings and items name it
 * @param unread     each source (or stack template) that could not be read, a sentence; empty when every one was
 */
public record ConsumerCoverage(String connection, List<String> unread) {

    public ConsumerCoverage {
        unread = List.copyOf(unread);
    }

    /** Whether every source was read: only then can "No consumer found" be said, and the counts are whole. */
    public boolean complete() {
        return unread.isEmpty();
    }
}
