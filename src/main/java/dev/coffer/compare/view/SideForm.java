package dev.coffer.compare.view;

import dev.coffer.aws.ClientFactory;
import dev.coffer.compare.Side;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One side of the compare window as the user fills it in: a connection with a Parameter Store
 * path and/or a secret name prefix, or an export file (which, when chosen, wins).
 */
public final class SideForm {

    private final String name;
    private final ObjectProperty<ClientFactory> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty secretsPrefix = new SimpleStringProperty("");

    /** @param name how messages name the side: "Left", "Right" */
    SideForm(String name, ClientFactory connection, String path) {
        this.name = name;
        this.connection.set(connection);
        this.path.set(path);
    }

    public String name() {
        return name;
    }

    public ObjectProperty<ClientFactory> connectionProperty() {
        return connection;
    }

    /** An export file to compare instead of the connection; null for the connection. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Such as /apps/billing/prod; empty compares no parameters. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Such as billing/prod/; empty compares no secrets. */
    public StringProperty secretsPrefixProperty() {
        return secretsPrefix;
    }

    /** The side to compare; a refusal names the side and what to fix. */
    Side side() {
        if (file.get() != null) {
            return new Side.ExportFile(file.get());
        }
        if (connection.get() == null) {
            throw new IllegalArgumentException(name + " side: choose a connection or an export file.");
        }
        try {
            return new Side.Live(connection.get(), given(path.get()), given(secretsPrefix.get()));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(name + " side: " + bad.getMessage(), bad);
        }
    }

    private static Optional<String> given(String text) {
        return Optional.ofNullable(text).map(String::trim).filter(t -> !t.isEmpty());
    }
}
