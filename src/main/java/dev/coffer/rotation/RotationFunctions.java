package dev.coffer.rotation;

import dev.coffer.aws.ClientFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** The account's Lambda functions, as candidates for rotation functions. Plain Java; no UI types. */
public final class RotationFunctions {

    /** The largest page ListFunctions allows. */
    public static final int PAGE_SIZE = 50;

    private final ClientFactory clients;

    public RotationFunctions(ClientFactory clients) {
        this.clients = clients;
    }

    /** Every function in the region (ListFunctions, every page), by name. */
    public List<RotationFunction> list() {
        List<RotationFunction> functions = new ArrayList<>();
        for (FunctionConfiguration f : clients.lambda().listFunctionsPaginator(b -> b.maxItems(PAGE_SIZE)).functions()) {
            functions.add(new RotationFunction(f.functionName(), f.functionArn(), f.runtimeAsString() == null ? "" : f.runtimeAsString(),
                    Optional.ofNullable(f.lastModified()), f.description() == null ? "" : f.description()));
        }
        functions.sort(Comparator.comparing(RotationFunction::name, String.CASE_INSENSITIVE_ORDER));
        return functions;
    }
}
