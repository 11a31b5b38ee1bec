package dev.coffer.secrets.view;

import dev.coffer.aws.Tag;
import dev.coffer.secrets.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The secrets list: every loaded secret, filtered by name, description, tag keys and values. */
public final class SecretListViewModel {

    private final ObservableList<Row> all = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(all);
    private final SortedList<Row> sorted = new SortedList<>(filtered);
    private final StringProperty filter = new SimpleStringProperty("");
    /** Where each ARN's row is in {@link #all}, so a fresh listing replaces rows without a search. */
    private final Map<String, Integer> positions = new HashMap<>();

    /** A secret with its search text computed once, so filtering thousands stays fast. */
    public record Row(Secret secret, String searchText) {
        static Row of(Secret s) {
            StringBuilder text = new StringBuilder(s.name()).append('\n');
            s.description().ifPresent(d -> text.append(d).append('\n'));
            for (Tag t : s.tags()) {
                text.append(t.key()).append('=').append(t.value()).append('\n');
            }
            return new Row(s, text.toString().toLowerCase(Locale.ROOT));
        }
    }

    public SecretListViewModel() {
        filter.addListener((obs, old, text) -> {
            String[] words = words(text);
            filtered.setPredicate(words.length == 0 ? null : row -> matches(row, words));
        });
    }

    private static String[] words(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return q.isEmpty() ? new String[0] : q.split("\\s+");
    }

    private static boolean matches(Row row, String[] words) {
        for (String w : words) {
            if (!row.searchText().contains(w)) {
                return false;
            }
        }
        return true;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Sorted and filtered rows, for the table (bind the table's comparator to this list's). */
    public SortedList<Row> rows() {
        return sorted;
    }

    public int total() {
        return all.size();
    }

    public ObservableList<Row> all() {
        return all;
    }

    public int shown() {
        return filtered.size();
    }

    public void clear() {
        all.clear();
        positions.clear();
    }

    /** Puts a created or changed secret in the list, replacing the row with the same ARN. */
    public void upsert(Secret secret) {
        addPage(List.of(secret));
    }

    /** Takes a deleted secret out of the list. */
    public void remove(String arn) {
        remove(Set.of(arn));
    }

    /** Takes secrets out of the list by ARN (deleted, or gone since a reopened connection's last listing). */
    public void remove(Collection<String> arns) {
        Set<String> gone = new HashSet<>(arns);
        if (all.removeIf(r -> gone.contains(r.secret().arn()))) {
            positions.clear();
            for (int i = 0; i < all.size(); i++) {
                positions.put(all.get(i).secret().arn(), i);
            }
        }
    }

    /** Adds a page from ListSecrets: a secret already listed is replaced in place when it changed, so its row stays selected. */
    public void addPage(List<Secret> page) {
        addRows(rowsOf(page));
    }

    /**
     * The rows of these secrets, their search text made: work that can be done off the FX thread
     * for thousands of secrets at once (a reopened connection's remembered list), then
     * {@link #addRows added}.
     */
    public static List<Row> rowsOf(List<Secret> secrets) {
        List<Row> rows = new ArrayList<>(secrets.size());
        for (Secret s : secrets) {
            rows.add(Row.of(s));
        }
        return rows;
    }

    /** {@link #addPage} for rows already made. */
    public void addRows(List<Row> rows) {
        List<Row> added = new ArrayList<>();
        for (Row row : rows) {
            Secret s = row.secret();
            Integer at = positions.get(s.arn());
            if (at == null) {
                positions.put(s.arn(), all.size() + added.size());
                added.add(row);
            } else if (!all.get(at).secret().equals(s)) {
                all.set(at, row);
            }
        }
        all.addAll(added);
    }
}
