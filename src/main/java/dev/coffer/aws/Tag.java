package dev.coffer.aws;

/** A resource tag, shared by parameters and secrets. */
public record Tag(String key, String value) {
}
