package dev.coffer.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every consumer one scan of a connection found, answering lookups for a parameter, a folder and a
 * secret: one scan serves them all. A secret is looked up by any id AWS takes (name, ARN, partial
 * ARN), and consumers that name a listed secret by its name or partial ARN are counted as reading it.
 */
public final class ConsumerIndex {

    private static final Comparator<Consumer> ORDER = Comparator.comparing((Consumer c) -> c.target().id())
            .thenComparing(c -> c.kind().id()).thenComparing(Consumer::resource).thenComparing(Consumer::location);

    private final List<Consumer> consumers;
    private final SecretIds secretIds;
    private final List<String> unread;
    private final Instant scannedAt;

    /**
     * @param unread what could not be read, each a sentence for the user (the scan went on without it)
     */
    public ConsumerIndex(Collection<Consumer> consumers, Collection<KnownSecret> secrets, List<String> unread, Instant scannedAt) {
        this.secretIds = new SecretIds(secrets);
        this.consumers = consumers.stream().map(this::resolved).distinct().sorted(ORDER).toList();
        this.unread = List.copyOf(unread);
        this.scannedAt = scannedAt;
    }

    /** A consumer of a secret it named by name or partial ARN reads the secret's ARN. */
    private Consumer resolved(Consumer consumer) {
        Target target = consumer.target();
        if (target.isParameter()) {
            return consumer;
        }
        return secretIds.arnOf(target.id()).map(arn -> consumer.withTarget(Target.secret(arn))).orElse(consumer);
    }

    /** Consumers of the parameter with this name (or ARN). */
    public List<Consumer> ofParameter(String nameOrArn) {
        String name = ReferenceForms.isParameterArn(nameOrArn) ? ReferenceForms.parameterName(nameOrArn) : nameOrArn;
        return matching(c -> c.target().isParameter() && c.target().id().equals(name));
    }

    /** Consumers of every parameter under the folder ({@code /} is every hierarchical parameter). */
    public List<Consumer> underFolder(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return matching(c -> c.target().isParameter() && c.target().id().startsWith(prefix));
    }

    /** Consumers of the secret with this name, ARN or partial ARN. */
    public List<Consumer> ofSecret(String id) {
        String arn = secretIds.arnOf(id).orElse(id);
        return matching(c -> !c.target().isParameter() && c.target().id().equals(arn));
    }

    /** Consumers of whatever the id names: a parameter (name or ARN) or a secret (name, ARN or partial ARN). */
    public List<Consumer> lookUp(String id) {
        Set<Consumer> found = new LinkedHashSet<>(ofParameter(id));
        found.addAll(ofSecret(id));
        return found.stream().sorted(ORDER).toList();
    }

    /** Every consumer found, by target. */
    public List<Consumer> all() {
        return consumers;
    }

    /** What the scan could not read, each a sentence; lookups still answer from the rest. */
    public List<String> unread() {
        return unread;
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    private List<Consumer> matching(Predicate<Consumer> test) {
        return consumers.stream().filter(test).toList();
    }
}
