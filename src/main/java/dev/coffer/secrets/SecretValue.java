package dev.coffer.secrets;

import dev.coffer.aws.SecretText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** A secret's value: text (often JSON) or binary, which is shown only by size and hash. */
public record SecretValue(Optional<SecretText> text, int binarySize, String binarySha256, String versionId) {

    public static SecretValue text(SecretText text, String versionId) {
        return new SecretValue(Optional.of(text), 0, "", versionId);
    }

    public static SecretValue binary(byte[] bytes, String versionId) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new SecretValue(Optional.empty(), bytes.length, hash, versionId);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isBinary() {
        return text.isEmpty();
    }
}
