package dev.coffer.secrets;

import dev.coffer.aws.Tag;
import java.util.List;
import java.util.Optional;

/**
 * What the editor wants a secret to become: everything CreateSecret takes, and what an update
 * compares with the draft it started from. {@link #toString()} never shows the value.
 *
 * @param name        the secret's name (a secret can not be renamed once created)
 * @param description "" for none
 * @param content     the value: key/value pairs, text or binary
 * @param kmsKeyId    the KMS key (id, ARN, alias or alias ARN); empty for the AWS managed
 *                    {@value #DEFAULT_KEY}
 * @param tags        the tags, in the order the editor shows them
 */
public record SecretDraft(String name, String description, SecretContent content, Optional<String> kmsKeyId, List<Tag> tags) {

    /** The key Secrets Manager uses when none is chosen. */
    public static final String DEFAULT_KEY = "alias/aws/secretsmanager";

    public SecretDraft {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        content = content == null ? SecretContent.Text.of("") : content;
        kmsKeyId = kmsKeyId == null ? Optional.empty() : kmsKeyId.map(String::trim).filter(k -> !k.isEmpty());
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A new secret with this value, no description, the default key and no tags. */
    public static SecretDraft of(String name, SecretContent content) {
        return new SecretDraft(name, "", content, Optional.empty(), List.of());
    }

    /** The draft of an existing secret as it is now (metadata from DescribeSecret, value from GetSecretValue), to start editing from. */
    public static SecretDraft of(Secret secret, SecretContent content) {
        return new SecretDraft(secret.name(), secret.description().orElse(""), content, secret.kmsKeyId(), secret.tags());
    }

    public SecretDraft withName(String newName) {
        return new SecretDraft(newName, description, content, kmsKeyId, tags);
    }

    public SecretDraft withDescription(String newDescription) {
        return new SecretDraft(name, newDescription, content, kmsKeyId, tags);
    }

    public SecretDraft withContent(SecretContent newContent) {
        return new SecretDraft(name, description, newContent, kmsKeyId, tags);
    }

    public SecretDraft withKmsKeyId(Optional<String> newKeyId) {
        return new SecretDraft(name, description, content, newKeyId, tags);
    }

    public SecretDraft withTags(List<Tag> newTags) {
        return new SecretDraft(name, description, content, kmsKeyId, newTags);
    }

    /** The key to show: the chosen one, or {@value #DEFAULT_KEY}. */
    public String kmsKeyLabel() {
        return kmsKeyId.orElse(DEFAULT_KEY);
    }

    /** Everything but the value, which shows only as its kind and size. */
    @Override
    public String toString() {
        return "SecretDraft[name=" + name + ", description=" + description + ", content=" + content
                + ", kmsKeyId=" + kmsKeyLabel() + ", tags=" + tags + "]";
    }
}
