package dev.coffer.parameters.view;

import dev.coffer.audit.RevealRecorder;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.ClientFactory;
import dev.coffer.files.PrivateFiles;
import dev.coffer.parameters.ConsumerFormat;
import dev.coffer.parameters.ConsumerFormats;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Copy as… / Export as…: a folder's parameters as a .env file, shell exports, a JSON object,
 * CloudFormation dynamic references or Terraform data blocks ({@link ConsumerFormats}). Reference
 * formats read no value. Value formats read them {@value ParameterStore#VALUE_BATCH_SIZE} a call,
 * with progress and Cancel; SecureStrings only when asked for, decrypted (in an audit session
 * every value read is a logged reveal). Files are owner-only; a copy with values leaves the
 * clipboard again after its time.
 */
public final class ConsumerExportViewModel {

    private final Background background;
    private final BusyWork work;
    private final ClientFactory clients;
    private final ParameterStore store;
    private final String folder;
    private final String slug;
    private final ObservableList<Parameter> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<ConsumerFormat> format = new SimpleObjectProperty<>(ConsumerFormat.DOTENV);
    private final BooleanProperty includeSecure = new SimpleBooleanProperty();
    private final StringProperty file = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringBinding contents;
    private final StringBinding fileWarning;
    private final BooleanBinding canCopy;
    private final BooleanBinding hasSecure;
    private final BooleanBinding canExport;
    private final Path directory;
    private Cancellation cancellation = new Cancellation();

    public ConsumerExportViewModel(Background background, ClientFactory clients, ParameterStore store, String folder, Path defaultDirectory) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.store = store;
        this.folder = folder;
        this.directory = defaultDirectory;
        String joined = String.join("-", ParameterPath.folderSegments(folder + "/"));
        this.slug = joined.isEmpty() ? "parameters" : joined;
        file.set(defaultFile(format.get()));
        // A file name the user has not changed follows the format.
        format.addListener((o, before, now) -> {
            if (file.get().equals(defaultFile(before))) {
                file.set(defaultFile(now));
            }
        });
        contents = Bindings.createStringBinding(this::describeContents, parameters, loaded, format, includeSecure);
        fileWarning = Bindings.createStringBinding(() -> path().filter(Files::exists)
                .map(p -> Files.isDirectory(p) ? "This is a folder; type a file name." : "The file exists and will be replaced.")
                .orElse(""), file);
        hasSecure = Bindings.createBooleanBinding(() -> secureCount() > 0, parameters);
        canCopy = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && written() > 0, loaded, busy, parameters, format, includeSecure);
        canExport = Bindings.createBooleanBinding(() -> canCopy.get() && path().isPresent() && !path().map(Files::isDirectory).orElse(false),
                canCopy, file);
        message.set("Listing the parameters in " + folder + "…");
        work.run(() -> cancellation.run(() -> store.describeUnder(folder, cancellation::cancelled)), found -> {
            parameters.setAll(found);
            loaded.set(true);
            message.set(found.isEmpty() ? "There is nothing in " + folder + " to export." : "");
        }, this::failed);
    }

    private String defaultFile(ConsumerFormat f) {
        String name = f == ConsumerFormat.DOTENV ? slug + ".env" : slug + f.extension();
        return directory.resolve(name).toString();
    }

    private long secureCount() {
        return parameters.stream().filter(Parameter::isSecure).count();
    }

    /** How many parameters the text will name: SecureStrings drop out of value formats unless included. */
    private long written() {
        return format.get().hasValues() && !includeSecure.get() ? parameters.size() - secureCount() : parameters.size();
    }

    /** What the chosen format will hold, said before anything is copied or written. */
    private String describeContents() {
        if (!loaded.get()) {
            return "";
        }
        ConsumerFormat f = format.get();
        if (!f.hasValues()) {
            return Formats.count(parameters.size(), "reference", "references") + " by name only: no value is read, copied or written.";
        }
        long secure = secureCount();
        String holds = "Holds the values of " + Formats.count(written(), "parameter", "parameters") + " in plain text";
        if (secure == 0) {
            return holds + ".";
        }
        if (includeSecure.get()) {
            return holds + ", " + Formats.count(secure, "SecureString", "SecureStrings") + " among them, decrypted"
                    + (SessionClients.reveals(clients).isPresent() ? " (each read is logged as a reveal)." : ".");
        }
        return holds + ". " + Formats.count(secure, "SecureString is", "SecureStrings are") + " left out.";
    }

    /** Makes the text and hands it to the clipboard: values through {@code copySecret}, which clears it again. */
    public void copy(Consumer<String> copyPlain, Consumer<String> copySecret) {
        if (!canCopy.get()) {
            return;
        }
        ConsumerFormat f = format.get();
        Optional<RevealRecorder> reveals = f.hasValues() ? SessionClients.reveals(clients) : Optional.empty();
        produce(f, result -> {
            // In audit mode values reach the clipboard only once the copy is logged.
            if (reveals.isPresent()) {
                result.included().forEach(p -> reveals.get().copied(RevealRecorder.PARAMETER_STORE, p.name(), String.valueOf(p.version())));
            }
            return result;
        }, result -> {
            (f.hasValues() ? copySecret : copyPlain).accept(result.text().text());
            message.set("Copied " + Formats.count(result.text().written(), "parameter", "parameters") + " as " + f.label()
                    + (f.hasValues() ? "; the clipboard is cleared in 30 seconds." : ".") + problems(result.text()));
        });
    }

    /** Makes the text and writes it to the file, readable by its owner only. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path target = path().orElseThrow();
        ConsumerFormat f = format.get();
        produce(f, result -> {
            PrivateFiles.write(target, result.text().text());
            return result;
        }, result -> message.set("Wrote " + Formats.count(result.text().written(), "parameter", "parameters") + " as " + f.label()
                + " to " + target + "." + problems(result.text())));
    }

    /** Stops reading values; nothing is copied or written. */
    public void cancel() {
        cancellation.cancel();
    }

    private record Produced(ConsumerFormats.Result text, List<Parameter> included) {
    }

    @FunctionalInterface
    private interface Step {
        Produced apply(Produced produced) throws Exception;
    }

    /** Reads what the format needs in the background, formats it, runs {@code then} there too, and hands the result back. */
    private void produce(ConsumerFormat f, Step then, Consumer<Produced> done) {
        List<Parameter> all = List.copyOf(parameters);
        boolean secure = includeSecure.get();
        List<Parameter> read = f.hasValues() ? all.stream().filter(p -> secure || !p.isSecure()).toList() : List.of();
        cancellation = new Cancellation();
        Cancellation current = cancellation;
        progress.set(read.isEmpty() ? -1 : 0);
        message.set(read.isEmpty() ? "" : "Reading " + Formats.count(read.size(), "value", "values") + "…");
        work.run(() -> current.run(() -> {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < read.size(); i += ParameterStore.VALUE_BATCH_SIZE) {
                if (current.cancelled()) {
                    throw new CancelledByUser();
                }
                List<String> batch = read.subList(i, Math.min(read.size(), i + ParameterStore.VALUE_BATCH_SIZE)).stream()
                        .map(Parameter::name).toList();
                (secure ? store.values(batch) : store.plainValues(batch)).forEach((name, value) -> values.put(name, value.reveal()));
                double share = Math.min(read.size(), i + ParameterStore.VALUE_BATCH_SIZE) / (double) read.size();
                background.later(() -> progress.set(share));
            }
            if (current.cancelled()) {
                throw new CancelledByUser();
            }
            ConsumerFormats.Result result = ConsumerFormats.format(f, folder, all, values);
            return then.apply(new Produced(result, read));
        }), result -> {
            progress.set(-1);
            done.accept(result);
        }, this::failed);
    }

    /** A cancel seen between two batches. */
    private static final class CancelledByUser extends RuntimeException {
        CancelledByUser() {
            super("Cancelled", null, false, false);
        }
    }

    private void failed(Throwable error) {
        progress.set(-1);
        if (cancellation.cancelled()) {
            message.set("Cancelled: nothing was copied or written.");
        } else {
            message.set(AwsErrors.explain(error).text());
        }
    }

    private static String problems(ConsumerFormats.Result result) {
        return result.clashes().isEmpty() ? ""
                : " Left out, their names clash with another's: " + String.join(", ", result.clashes()) + ".";
    }

    private Optional<Path> path() {
        String text = file.get() == null ? "" : file.get().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public String folder() {
        return folder;
    }

    public ObservableList<Parameter> parameters() {
        return parameters;
    }

    public ObjectProperty<ConsumerFormat> formatProperty() {
        return format;
    }

    /** Whether SecureString values go in (decrypted); off until the user ticks it. */
    public BooleanProperty includeSecureProperty() {
        return includeSecure;
    }

    /** Whether the listing has any SecureString, so the choice to include them means anything. */
    public BooleanBinding hasSecure() {
        return hasSecure;
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** What the chosen format holds: values or references, and the SecureStrings left out. */
    public StringBinding contents() {
        return contents;
    }

    public StringBinding fileWarning() {
        return fileWarning;
    }

    public BooleanBinding canCopy() {
        return canCopy;
    }

    public BooleanBinding canExport() {
        return canExport;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Share of the values read, 0 to 1; -1 when nothing is being read. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
