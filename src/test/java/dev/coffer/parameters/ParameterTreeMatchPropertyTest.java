package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The filter's matches, kept as an index over the tree, are what a plain scan of every name finds:
 * the same names, the same count in every folder, whether a query is searched afresh or within the
 * matches of the one it extends, and after pages add, change and remove parameters under matches
 * already made.
 */
class ParameterTreeMatchPropertyTest {

    private static final List<String> SEGMENTS = List.of("Payments", "prod", "db", "api", "Pay", "cache", "x", "Prod-EU");

    @Property(tries = 300)
    void matchesAreWhatAScanOfEveryNameFinds(@ForAll("names") List<String> first, @ForAll("names") List<String> later,
                                              @ForAll("typing") List<String> typed, @ForAll("names") List<String> removed) {
        ParameterTree tree = new ParameterTree();
        Map<String, Parameter> expected = new LinkedHashMap<>();
        add(tree, expected, first, 1);

        ParameterTree.Matches previous = null;
        String previousQuery = null;
        for (String query : typed) {
            // Typing on (the query extends the previous one) can only narrow: search within the previous matches.
            ParameterTree.Matches within = previousQuery != null && query.startsWith(previousQuery) ? previous : null;
            ParameterTree.Matches matches = tree.match(query, within);
            assertSame(tree, matches, query, expected.values());
            previous = matches;
            previousQuery = query;
        }

        // Matches made earlier follow the tree as the window keeps them: removals first, then pages.
        ParameterTree.Matches kept = tree.match(typed.get(typed.size() - 1));
        List<Parameter> gone = removed.stream().map(tree::find).filter(p -> p != null).toList();
        kept.remove(gone);
        tree.removeAll(removed);
        removed.forEach(expected::remove);
        List<Parameter> page = add(tree, expected, later, 2);
        kept.add(page);
        assertSame(tree, kept, typed.get(typed.size() - 1), expected.values());
        for (String query : typed) {
            assertSame(tree, tree.match(query), query, expected.values());
        }
        assertThat(tree.all()).as("every parameter, in the order it first arrived").containsExactlyElementsOf(expected.values());
        assertThat(tree.size()).isEqualTo(expected.size());
    }

    /** Adds the names (a name seen before gets new metadata: version {@code version}); returns the page. */
    private static List<Parameter> add(ParameterTree tree, Map<String, Parameter> expected, List<String> names, long version) {
        List<Parameter> page = names.stream().distinct().map(name -> parameter(name, version)).toList();
        tree.addAll(page);
        page.forEach(p -> expected.merge(p.name(), p, (old, changed) -> changed));
        return page;
    }

    private static void assertSame(ParameterTree tree, ParameterTree.Matches matches, String query, Collection<Parameter> all) {
        String[] words = query.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<Parameter> scanned = all.stream().filter(p -> {
            String name = p.name().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!name.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(matches.size()).as("matches of '%s'", query).isEqualTo(scanned.size());
        for (Parameter p : all) {
            assertThat(matches.contains(p)).as("'%s' matches %s", query, p.name()).isEqualTo(scanned.contains(p));
        }
        walk(tree.root(), folder -> {
            String prefix = folder.path().equals("/") ? "" : folder.path() + "/";
            long below = scanned.stream().filter(p -> prefix.isEmpty() || p.name().startsWith(prefix)).count();
            assertThat(matches.count(folder)).as("matches of '%s' in %s", query, folder.path()).isEqualTo(below);
        });
    }

    private static void walk(ParameterTree.Folder folder, java.util.function.Consumer<ParameterTree.Folder> visit) {
        visit.accept(folder);
        for (ParameterTree.Folder child : new ArrayList<>(folder.folders())) {
            walk(child, visit);
        }
    }

    private static Parameter parameter(String name, long version) {
        return new Parameter(name, ParameterType.STRING, ParameterTier.STANDARD, ParameterDataType.TEXT, version, Instant.EPOCH, "me",
                Optional.empty(), Optional.empty(), "");
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> segment = Arbitraries.of(SEGMENTS);
        Arbitrary<String> name = segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> "/" + String.join("/", parts));
        return name.list().ofMaxSize(40);
    }

    /** What a user types, key by key: prefixes of a query, some with Backspace in between. */
    @Provide
    Arbitrary<List<String>> typing() {
        Arbitrary<String> query = Arbitraries.of("pay prod", "PROD db", "ap", "x/", "payments d", "eu-", "/pay", "b c");
        return query.list().ofMinSize(1).ofMaxSize(3).map(queries -> {
            List<String> keys = new ArrayList<>();
            for (String q : queries) {
                for (int i = 1; i <= q.length(); i++) {
                    keys.add(q.substring(0, i));
                }
                for (int i = q.length() - 1; i >= 1; i -= 2) {
                    keys.add(q.substring(0, i));
                }
            }
            return keys.stream().filter(k -> !k.isBlank()).toList();
        });
    }
}
