package dev.coffer.ui.shell;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.secrets.SecretStore;

/** The services of the connection the window is showing, built once per connection. */
public record OpenConnection(ClientFactory clients, ParameterStore parameters, SecretStore secrets, int generation) {

    public static OpenConnection of(ClientFactory clients, int generation) {
        return new OpenConnection(clients, new ParameterStore(clients), new SecretStore(clients), generation);
    }
}
