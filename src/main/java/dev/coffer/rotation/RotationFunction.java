package dev.coffer.rotation;

import java.util.Optional;

/** A Lambda function that could rotate a secret (ListFunctions), with its runtime and when it last changed. */
public record RotationFunction(String name, String arn, String runtime, Optional<String> lastModified, String description) {
}
