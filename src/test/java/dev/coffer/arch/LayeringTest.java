package dev.coffer.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of architecture.md, checked on the source: domain and services import no JavaFX; views make no AWS calls. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/dev/coffer");

    private static List<Path> sources(String... packages) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String p : packages) {
            try (Stream<Path> s = Files.list(MAIN.resolve(p))) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }

    private static List<String> offenders(List<Path> files, String forbidden) throws IOException {
        List<String> result = new java.util.ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden)) {
                    result.add(f + ": " + line);
                }
            }
        }
        return result;
    }

    @Test
    void domainAndServicesImportNoJavaFx() throws IOException {
        List<Path> files = sources("aws", "auth", "auth/sso", "files", "kms", "parameters", "secrets", "sandbox", "ami", "rotation", "audit");
        assertThat(files).isNotEmpty();
        assertThat(offenders(files, "javafx.")).isEmpty();
    }

    @Test
    void viewModelsAndViewsMakeNoAwsCalls() throws IOException {
        List<Path> files = sources("ui", "parameters/view", "secrets/view", "ami/view", "rotation/view", "audit/view");
        assertThat(files).isNotEmpty();
        assertThat(offenders(files, "software.amazon.awssdk")).isEmpty();
    }

    @Test
    void onlyTheClientFactoryBuildsSdkClients() throws IOException {
        List<String> builders = new java.util.ArrayList<>();
        try (Stream<Path> all = Files.walk(MAIN)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.matches("(?s).*\\b(Ssm|SecretsManager|Kms|Ec2|Lambda|Sts)Client\\.(builder|create)\\(.*")) {
                    builders.add(MAIN.relativize(f).toString());
                }
            }
        }
        assertThat(builders).containsExactly("aws/ClientFactory.java");
    }
}
