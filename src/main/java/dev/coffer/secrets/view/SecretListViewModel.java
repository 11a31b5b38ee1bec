package dev.coffer.secrets.view;

import dev.coffer.aws.Tag;
import dev.coffer.secrets.Secret;
import java.util.List;
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
    }

    /** Puts a created or changed secret in the list, replacing the row with the same ARN. */
    public void upsert(Secret secret) {
        Row row = Row.of(secret);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).secret().arn().equals(secret.arn())) {
                all.set(i, row);
                return;
            }
        }
        all.add(row);
    }

    /** Takes a deleted secret out of the list. */
    public void remove(String arn) {
        all.removeIf(r -> r.secret().arn().equals(arn));
    }

    public void addPage(List<Secret> page) {
        all.addAll(page.stream().map(Row::of).toList());
    }
}
