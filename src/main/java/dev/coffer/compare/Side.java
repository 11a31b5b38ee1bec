package dev.coffer.compare;

import dev.coffer.aws.ClientFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One side of a comparison: a connection with a Parameter Store path and/or a secret name
 * prefix, or a Coffer export file (parameters only, its root the folder it was exported from).
 */
public sealed interface Side permits Side.Live, Side.ExportFile {

    /** How reports name the side: "/apps/billing/prod and secrets billing/prod/ on prod · eu-west-1". */
    String label();

    /** What a deletion on this side must be confirmed with: the path, else the secrets prefix, else the file. */
    String root();

    /**
     * A connection's parameters under {@code path} and secrets whose names start with {@code secretsPrefix}.
     *
     * @param path          a folder such as "/apps/billing/prod" ("/" for every parameter); empty: no parameters
     * @param secretsPrefix such as "billing/prod/" ("" for every secret); empty: no secrets
     */
    record Live(ClientFactory clients, Optional<String> path, Optional<String> secretsPrefix) implements Side {

        public Live {
            path = path.map(String::trim).filter(p -> !p.isEmpty()).map(Live::folder);
            secretsPrefix = secretsPrefix.map(String::trim);
            if (path.isEmpty() && secretsPrefix.isEmpty()) {
                throw new IllegalArgumentException("Name a Parameter Store path or a secret name prefix for each side.");
            }
            if (path.isPresent() && !path.get().startsWith("/")) {
                throw new IllegalArgumentException("A Parameter Store path starts with '/': '" + path.get() + "'.");
            }
        }

        /** "/apps/billing/" and "/apps/billing" are the same folder. */
        private static String folder(String p) {
            String trimmed = p.replaceAll("/+$", "");
            return trimmed.isEmpty() ? "/" : trimmed;
        }

        @Override
        public String label() {
            String what = path.map(p -> p + secretsPrefix.map(s -> " and secrets " + quoted(s)).orElse(""))
                    .orElseGet(() -> "secrets " + quoted(secretsPrefix.orElseThrow()));
            return what + " on " + clients.session().label();
        }

        private static String quoted(String prefix) {
            return prefix.isEmpty() ? "(all)" : prefix;
        }

        @Override
        public String root() {
            return path.orElseGet(secretsPrefix::orElseThrow);
        }
    }

    /** A Coffer parameter export file. */
    record ExportFile(Path file) implements Side {

        @Override
        public String label() {
            return file.toString();
        }

        @Override
        public String root() {
            return file.toString();
        }
    }
}
