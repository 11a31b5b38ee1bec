package dev.coffer.ui.shell;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.view.CompareWindow;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.parameters.view.ParameterWindow;
import dev.coffer.secrets.SecretStore;
import dev.coffer.secrets.view.SecretWindow;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.view.WhereUsedWindow;
import javafx.beans.property.ObjectProperty;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.stage.Window;

/** The main window as the feature screens see it: the interfaces they declare, implemented on its state. */
final class FeatureWindow implements ParameterWindow, SecretWindow, CompareWindow, WhereUsedWindow {

    private final MainViewModel model;
    private final Supplier<Window> owner;
    private final Consumer<String> selectParameter;
    private final MainWindowController.WindowActions application;

    FeatureWindow(MainViewModel model, Supplier<Window> owner, Consumer<String> selectParameter,
                  MainWindowController.WindowActions application) {
        this.model = model;
        this.owner = owner;
        this.selectParameter = selectParameter;
        this.application = application;
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
    public ObjectProperty<ConsumerIndex> consumerIndex() {
        return model.consumerIndexProperty();
    }

    @Override
    public boolean readOnly() {
        return !model.actions().canChange().get();
    }

    @Override
    public List<ClientFactory> connections() {
        ClientFactory own = clients();
        Stream<ClientFactory> others = application.openConnections().stream().filter(c -> c != own);
        // An audit window reads only through read-only sessions, which log every value they read.
        return Stream.concat(Stream.of(own), readOnly() ? others.filter(c -> c.session().readOnly()) : others).toList();
    }

    @Override
    public void newWindow() {
        application.newWindow();
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
