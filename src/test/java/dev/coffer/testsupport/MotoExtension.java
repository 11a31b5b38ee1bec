package dev.coffer.testsupport;

import dev.coffer.sandbox.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one moto_server for the whole test run (on a free loopback port), resets its state
 * before each test class, and stops it when the run ends. A missing moto fails the run: it never
 * skips.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    /** Where moto writes its request recording when a test turns the recorder on (one folder per test JVM). */
    public static final Path RECORDING = Path.of(System.getProperty("coffer.moto.dir", "target/moto"), "recording.jsonl").toAbsolutePath();

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context).reset();
    }

    public static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new RunningServer(startServer()), RunningServer.class).server;
    }

    private static MotoServer startServer() {
        if (!MotoServer.isInstalled()) {
            throw new IllegalStateException("moto_server was not found on the PATH. The tests need it: "
                    + "install it with `pip install 'moto[server]'` (it is preinstalled on CI machines).");
        }
        try {
            Path dir = RECORDING.getParent();
            Files.createDirectories(dir);
            return MotoServer.start(Optional.of(dir.resolve("moto.log")),
                    Map.of("MOTO_RECORDER_FILEPATH", RECORDING.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return server(extension);
    }

    /** Closed by JUnit when the root context closes, i.e. at the end of the run. */
    private record RunningServer(MotoServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
