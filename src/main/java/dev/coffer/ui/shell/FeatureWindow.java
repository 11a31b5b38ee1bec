package dev.coffer.ui.shell;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.view.ParameterWindow;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.view.SecretWindow;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/** The main window as the parameter and secret screens see it: the interfaces they declare, implemented on its state. */
final class FeatureWindow implements ParameterWindow, SecretWindow {

    private final MainViewModel model;
    private final Supplier<Window> owner;
    private final Consumer<String> selectParameter;

    FeatureWindow(MainViewModel model, Supplier<Window> owner, Consumer<String> selectParameter) {
        this.model = model;
        this.owner = owner;
        this.selectParameter = selectParameter;
    }

    @Override
    public Window owner() {
        return owner.get();
    }

    @Override
    public ClientFactory clients() {
        return model.openConnection().clients();
    }

    @Override
    public ParameterStore parameters() {
        return model.openConnection().parameters();
    }

    @Override
    public SecretStore secrets() {
        return model.openConnection().secrets();
    }

    @Override
    public boolean readOnly() {
        return !model.actions().canChange().get();
    }

    @Override
    public boolean showsDeletedSecrets() {
        return model.showDeletedSecretsProperty().get();
    }

    @Override
    public void parameterSaved(String name, Consumer<Parameter> then) {
        model.parameterSaved(name, then);
    }

    @Override
    public void parametersSaved(Collection<String> names) {
        model.parametersSaved(names);
    }

    @Override
    public void parametersRemoved(Collection<String> names) {
        model.parametersRemoved(names);
    }

    @Override
    public void selectParameter(String name) {
        selectParameter.accept(name);
    }

    @Override
    public void secretSaved(String name) {
        model.secretSaved(name);
    }

    @Override
    public void secretRemoved(String arn) {
        model.secretRemoved(arn);
    }

    @Override
    public void showStatus(String text) {
        model.statusProperty().set(text);
    }

    @Override
    public void report(Throwable error) {
        model.report(error);
    }
}
