package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Export;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import dev.coffer.ui.kit.Formats;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Exporting a folder (and below) to a Coffer JSON file, which {@link Export} writes as a comparison
 * reads a side. The parameters that go into it are listed first; SecureString values are never
 * read nor written, those entries carry no value.
 */
public final class ExportParametersViewModel {

    private final BusyWork work;
    private final ClientFactory clients;
    private final String folder;
    private final StringProperty file = new SimpleStringProperty("");
    private final ObservableList<Parameter> parameters = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringBinding summary;
    private final StringBinding fileWarning;
    private final BooleanBinding canExport;

    public ExportParametersViewModel(Background background, ClientFactory clients, String folder, Path defaultDirectory) {
        this.work = new BusyWork(background, busy, message::set);
        this.clients = clients;
        this.folder = folder;
        String slug = String.join("-", ParameterPath.folderSegments(folder + "/"));
        file.set(defaultDirectory.resolve((slug.isEmpty() ? "" : slug + "-") + "parameters.json").toString());
        summary = Bindings.createStringBinding(() -> {
            if (!loaded.get()) {
                return "";
            }
            long secure = parameters.stream().filter(Parameter::isSecure).count();
            return Formats.count(parameters.size(), "parameter", "parameters")
                    + (secure == 0 ? "" : " · " + Formats.count(secure, "SecureString", "SecureStrings") + " without a value");
        }, parameters, loaded);
        fileWarning = Bindings.createStringBinding(() -> path().filter(Files::exists)
                .map(p -> Files.isDirectory(p) ? "This is a folder; type a file name." : "The file exists and will be replaced.")
                .orElse(""), file);
        canExport = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && !parameters.isEmpty() && path().isPresent()
                && !path().map(Files::isDirectory).orElse(false), loaded, busy, parameters, file);
        message.set("Listing the parameters in " + folder + "…");
        work.run(() -> new ParameterStore(clients).describeUnder(folder), found -> {
            parameters.setAll(found);
            loaded.set(true);
            message.set(found.isEmpty() ? "There is nothing in " + folder + " to export." : "");
        });
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

    /** Writes the export file; the message says where, or why not. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path target = path().orElseThrow();
        message.set("Exporting " + folder + "…");
        work.run(() -> Export.folder(clients, folder, target, step -> { }, () -> false),
                written -> message.set("Exported " + Formats.count(written, "parameter", "parameters") + " of " + folder + " to " + target + "."));
    }

    public String folder() {
        return folder;
    }

    /** The file to write, as typed or chosen. */
    public StringProperty fileProperty() {
        return file;
    }

    /** What goes into the file (metadata only). */
    public ObservableList<Parameter> parameters() {
        return parameters;
    }

    public StringBinding summary() {
        return summary;
    }

    /** Says when the file would be replaced. */
    public StringBinding fileWarning() {
        return fileWarning;
    }

    public BooleanBinding canExport() {
        return canExport;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
