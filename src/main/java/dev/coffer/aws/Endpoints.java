package dev.coffer.aws;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a session's calls go, service by service. A service without an entry goes to AWS's own
 * endpoint for the region.
 */
public record Endpoints(Map<AwsService, URI> byService) {

    /** Every service at AWS's own endpoints. */
    public static final Endpoints AWS = new Endpoints(Map.of());

    public Endpoints {
        byService = Map.copyOf(byService);
    }

    /** Every service at one endpoint (the sandbox, moto, LocalStack, or one chosen for the connection). */
    public static Endpoints everywhere(URI endpoint) {
        Map<AwsService, URI> all = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            all.put(service, endpoint);
        }
        return new Endpoints(all);
    }

    public Optional<URI> of(AwsService service) {
        return Optional.ofNullable(byService.get(service));
    }
}
