package dev.coffer.usage;

import java.util.Optional;

/** A secret of the account, as the scan listed it: its rotation function reads it. */
public record KnownSecret(String name, String arn, Optional<String> rotationFunctionArn) {
}
