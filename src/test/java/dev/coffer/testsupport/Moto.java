package dev.coffer.testsupport;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.aws.Sessions;
import dev.coffer.sandbox.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Small helpers for tests that talk to the test moto. */
public final class Moto {

    private Moto() {
    }

    /** A client factory for moto, as the app would build it for a custom endpoint. */
    public static ClientFactory clients(MotoServer moto, boolean readOnly) {
        Connection connection = new Connection("moto", "us-east-1", Optional.of(moto.endpoint()), readOnly, false);
        return new ClientFactory(Sessions.local(connection, moto.endpoint()));
    }

    /** Starts moto's request recorder afresh. */
    public static void startRecording(MotoServer moto) {
        moto.post("/moto-api/recorder/reset-recording", "");
        moto.post("/moto-api/recorder/start-recording", "");
    }

    /** Stops the recorder and returns the recorded requests, one JSON object per line. */
    public static List<String> stopRecording(MotoServer moto) {
        moto.post("/moto-api/recorder/stop-recording", "");
        try {
            return Files.exists(MotoExtension.RECORDING) ? Files.readAllLines(MotoExtension.RECORDING) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
