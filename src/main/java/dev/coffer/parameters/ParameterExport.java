package dev.coffer.parameters;

import dev.coffer.aws.SecretText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A folder's parameters written to a Coffer export file, read through {@link ParameterStore}. */
public final class ParameterExport {

    private final ParameterStore store;

    public ParameterExport(ParameterStore store) {
        this.store = store;
    }

    /**
     * The parameters of a folder (and below) as a Coffer export document (see
     * {@link ParameterExportFile}). SecureString values are never read nor written: they are
     * exported with {@code "value": null, "secure": true}. Policies are not exported.
     */
    public String export(String folderPath) {
        List<Parameter> parameters = store.describeUnder(folderPath);
        List<String> plain = parameters.stream().filter(p -> !p.isSecure()).map(Parameter::name).toList();
        Map<String, SecretText> values = store.plainValues(plain);
        return ParameterExportFile.write(folderPath, parameters, values, store::tags);
    }

    /** Writes {@link #export} of a folder to a file only its owner can read. */
    public void exportTo(String folderPath, Path file) throws IOException {
        ParameterExportFile.save(file, export(folderPath));
    }
}
