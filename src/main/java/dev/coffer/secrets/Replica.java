package dev.coffer.secrets;

/** One region a secret is replicated to, and how the copy stands there (InSync, InProgress, Failed). */
public record Replica(String region, String status) {
}
