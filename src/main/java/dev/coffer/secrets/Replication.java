package dev.coffer.secrets;

import java.util.List;

/** A secret and the regions it is replicated to, from one DescribeSecret. */
public record Replication(Secret secret, List<Replica> replicas) {
}
