package dev.coffer.usage.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Where used window: the consumers of a parameter, of everything under a folder, or of a
 * secret, from the connection's scan. The window's cache holds that scan, so one scan serves every
 * lookup of the connection until Refresh scans again. Reads only.
 */
public final class WhereUsedViewModel {

    /** What the window looks up. */
    public record Subject(Kind kind, String id, String name) {

        public enum Kind { PARAMETER, FOLDER, SECRET }

        public static Subject parameter(String name) {
            return new Subject(Kind.PARAMETER, name, name);
        }

        /** Everything under the folder. */
        public static Subject folder(String path) {
            return new Subject(Kind.FOLDER, path, path);
        }

        public static Subject secret(String arn, String name) {
            return new Subject(Kind.SECRET, arn, name);
        }

        /** e.g. "Where /apps/web/db-host is used". */
        public String title() {
            return switch (kind) {
                case PARAMETER -> "Where " + name + " is used";
                case FOLDER -> "Where parameters under " + name + " are used";
                case SECRET -> "Where secret " + name + " is used";
            };
        }

        /** As a sentence names it, e.g. "parameters under /apps/web" or "secret db/web". */
        public String phrase() {
            return switch (kind) {
                case PARAMETER -> name;
                case FOLDER -> "parameters under " + name;
                case SECRET -> "secret " + name;
            };
        }

        /** Its consumers in the connection's scan. */
        public List<Consumer> lookUp(ConsumerIndex index) {
            return switch (kind) {
                case PARAMETER -> index.ofParameter(id);
                case FOLDER -> index.underFolder(id);
                case SECRET -> index.ofSecret(id);
            };
        }
    }

    /** One consumer as the table shows it; {@code copyText} is what Copy puts on the clipboard (a name or an ARN, never a value). */
    public record Row(String kind, String resource, String location, String version, String reads) {

        static Row of(Consumer consumer) {
            return new Row(consumer.kind().title(), consumer.resource(), consumer.location(), consumer.versionNote(), consumer.target().id());
        }

        public String copyText() {
            return resource;
        }
    }

    private final ConsumerScan scanner;
    private final Subject subject;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty unread = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    /**
     * @param cache the connection's scan, kept by the window it was opened from; null until the first scan
     */
    public WhereUsedViewModel(Background background, ClientFactory clients, ObjectProperty<ConsumerIndex> cache, Subject subject) {
        this.scanner = new ConsumerScan(background, clients, cache);
        this.subject = subject;
        scanner.progressProperty().addListener((o, was, now) -> {
            if (scanner.scanningProperty().get() && !now.isEmpty()) {
                status.set(now);
            }
        });
        scanner.failureProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                status.set(Character.toUpperCase(now.charAt(0)) + now.substring(1) + " Refresh scans again.");
            }
        });
    }

    /** Shows the connection's scan, scanning first when there is none yet. */
    public void start() {
        if (scanner.indexProperty().get() == null) {
            refresh();
        } else {
            show(scanner.indexProperty().get());
        }
    }

    /** Scans the connection again, for this lookup and every later one. */
    public void refresh() {
        if (scanner.scanningProperty().get()) {
            return;
        }
        status.set("Scanning stacks, launch templates, functions, task definitions, secrets and parameters…");
        scanner.scan(this::show);
    }

    /** Stops the scan (Cancel, Esc); the previous scan, if any, stays shown. */
    public void cancel() {
        scanner.cancel();
    }

    private void show(ConsumerIndex index) {
        List<Consumer> found = subject.lookUp(index);
        rows.setAll(found.stream().map(Row::of).toList());
        count.set(found.isEmpty() ? "No consumer found in the scanned services"
                : "Used by " + Formats.count(found.size(), "consumer", "consumers"));
        unread.set(index.unread().isEmpty() ? ""
                : "Not read, so consumers there are not listed:\n" + String.join("\n", index.unread()));
        status.set("Scanned " + Formats.dateTime(index.scannedAt()) + ". Refresh scans again.");
    }

    public Subject subject() {
        return subject;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** "Used by 3 consumers", or that none was found; empty until a scan answers. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** What the scan could not read, said plainly; empty when it read everything. */
    public ReadOnlyStringProperty unreadProperty() {
        return unread;
    }

    /** The scan's progress, when it was made, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanner.scanningProperty();
    }
}
