package dev.coffer.secrets;

/**
 * The value a secret's AWSCURRENT version holds, with that version's id (GetSecretValue): what an
 * editor opens and later passes back as the expected version.
 */
public record CurrentValue(String versionId, SecretContent content) {
}
