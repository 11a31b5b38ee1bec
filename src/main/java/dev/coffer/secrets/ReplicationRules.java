package dev.coffer.secrets;

import dev.coffer.aws.Problem;
import dev.coffer.aws.Regions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Secrets Manager requires of ReplicateSecretToRegions, checked before anything is sent, every
 * problem at once: the call goes to the primary's region, each region is named once, is not the
 * primary's own and does not hold a replica already.
 */
public final class ReplicationRules {

    private ReplicationRules() {
    }

    /** The field key of the target at this (0-based) row: "region[2]". */
    public static String regionField(int index) {
        return "region[" + index + "]";
    }

    /**
     * @param here     the region the connection works in (where the call would go)
     * @param secret   the secret as DescribeSecret says it in that region
     * @param existing its replicas now
     */
    public static List<Problem> check(String here, Secret secret, List<Replica> existing, List<ReplicaTarget> targets) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> primary = secret.replicaOf(here);
        if (primary.isPresent()) {
            problems.add(new Problem("secret", secret.name() + " is a replica of the secret in " + primary.get()
                    + ": replicate it to more regions from there."));
        }
        if (targets.isEmpty()) {
            problems.add(new Problem("regions", "Choose at least one region to replicate to."));
        }
        Set<String> replicated = new HashSet<>();
        existing.forEach(r -> replicated.add(r.region()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String region = targets.get(i).region() == null ? "" : targets.get(i).region().trim();
            String row = "Row " + (i + 1) + ": ";
            if (region.isEmpty()) {
                problems.add(new Problem(regionField(i), row + "choose a region."));
            } else if (!Regions.looksLikeRegion(region)) {
                problems.add(new Problem(regionField(i), row + "\"" + region + "\" is not a region name (such as eu-west-1)."));
            } else if (region.equals(primary.orElse(here))) {
                problems.add(new Problem(regionField(i), row + region + " is where the secret itself is; choose another region."));
            } else if (replicated.contains(region)) {
                problems.add(new Problem(regionField(i), row + "the secret is already replicated to " + region + "."));
            } else if (!seen.add(region)) {
                problems.add(new Problem(regionField(i), row + region + " is chosen twice."));
            }
        }
        return problems;
    }
}
