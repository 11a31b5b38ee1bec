package dev.coffer.testsupport;

import dev.coffer.audit.SessionClients;
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
        return SessionClients.open(Sessions.local(connection, moto.endpoint()));
    }

    /** Starts moto's request recorder afresh. */
    public static void startRecording(MotoServer moto) {
        moto.post("/moto-api/recorder/reset-recording", "");
        moto.post("/moto-api/recorder/start-recording", "");
    }

    /** The JSON bodies of the recorded requests to one operation, by its X-Amz-Target (such as secretsmanager.RotateSecret). */
    public static List<com.fasterxml.jackson.databind.JsonNode> requestsFor(List<String> recorded, String target) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> bodies = new java.util.ArrayList<>();
        try {
            for (String line : recorded) {
                com.fasterxml.jackson.databind.JsonNode request = json.readTree(line);
                if (target.equals(request.path("headers").path("X-Amz-Target").asText())) {
                    String body = request.path("body").asText();
                    if (request.path("body_encoded").asBoolean()) {
                        body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    bodies.add(json.readTree(body));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    /** The AWS operation of each recorded request (X-Amz-Target for JSON APIs, Action= for query APIs such as STS). */
    public static List<String> operations(List<String> recorded) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.regex.Pattern action = java.util.regex.Pattern.compile("(?:^|&)Action=(\\w+)");
        List<String> operations = new java.util.ArrayList<>();
        for (String line : recorded) {
            try {
                com.fasterxml.jackson.databind.JsonNode request = json.readTree(line);
                String target = request.path("headers").path("X-Amz-Target").asText("");
                if (!target.isEmpty()) {
                    operations.add(target.substring(target.indexOf('.') + 1));
                    continue;
                }
                String body = request.path("body").asText("");
                if (request.path("body_encoded").asBoolean()) {
                    body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
                }
                java.util.regex.Matcher m = action.matcher(body);
                operations.add(m.find() ? m.group(1) : "unknown " + request.path("method").asText() + " " + request.path("url").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operations;
    }

    /** Whether an operation only reads, by the same names the read-only guard lets through. */
    public static boolean isRead(String operation) {
        return operation.matches("(Get|List|Describe|BatchGet)\\w*|ValidateResourcePolicy");
    }

    /** Stops the recorder and returns the recorded requests, one JSON object per line. */
    public static List<String> stopRecording(MotoServer moto) {
        return stopRecording(moto, MotoExtension.RECORDING);
    }

    /** Stops the recorder of a moto started with its own MOTO_RECORDER_FILEPATH and returns what it recorded. */
    public static List<String> stopRecording(MotoServer moto, java.nio.file.Path recording) {
        moto.post("/moto-api/recorder/stop-recording", "");
        try {
            return Files.exists(recording) ? Files.readAllLines(recording) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
