package dev.coffer.secrets;

import dev.coffer.aws.SecretText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a secret version holds: key/value pairs (a flat JSON object, the shape the console's
 * key/value editor and the rotation functions use), free text (any other SecretString), or
 * binary (SecretBinary). No {@code toString} here ever shows a value.
 *
 * <p>JSON types of key/value pairs: each pair keeps the JSON type it was read with (see
 * {@link Field}), so reading <code>{"port":5432,"ssl":true}</code> and writing it back gives the
 * same JSON. Pairs made with {@link Map#entry} are strings. One exception, for the rotation
 * functions: a {@code "port"} whose text is a plain whole number (0 to 65535 fits, any run of
 * up to 9 digits without a leading zero) is always written as a JSON number, also when it was
 * read as a string; the AWS rotation functions accept either, and a number is what the console
 * and the database services write.
 */
public sealed interface SecretContent permits SecretContent.KeyValues, SecretContent.Text, SecretContent.Binary {

    /** What Secrets Manager counts against its 65,536-byte limit: UTF-8 bytes of the string, or the binary's bytes. */
    int sizeInBytes();

    /** Nothing to store: no text, no bytes, no key/value pair. */
    boolean isEmpty();

    default boolean isBinary() {
        return this instanceof Binary;
    }

    /**
     * What a SecretString holds: a non-empty JSON object whose values are all scalars (string,
     * number, boolean, null) and whose keys are all different becomes {@link KeyValues}, in the
     * object's key order; anything else (not JSON, an array, nested objects, duplicate keys,
     * <code>{}</code>) stays {@link Text} exactly as it is.
     */
    static SecretContent parse(String secretString) {
        String text = secretString == null ? "" : secretString;
        List<Field> fields = SecretJson.readFlatObject(text);
        return fields == null || fields.isEmpty() ? new Text(SecretText.of(text)) : new KeyValues(List.copyOf(fields));
    }

    /** Key/value text: the SecretString of this content; for binary content an {@link IllegalStateException}. */
    default String secretString() {
        if (this instanceof KeyValues kv) {
            return kv.toSecretString();
        }
        if (this instanceof Text t) {
            return t.toSecretString();
        }
        throw new IllegalStateException("Binary content has no SecretString; send its bytes as SecretBinary.");
    }

    /** The JSON type a key/value pair was read with, or will be written with. */
    enum JsonKind { STRING, NUMBER, BOOLEAN, NULL }

    /**
     * One key/value pair of a {@link KeyValues} secret, remembering its JSON type. Equal to any
     * {@link Map.Entry} with the same key and value (the type does not take part, as the
     * {@code Map.Entry} contract asks). A number, boolean or null is written back as such only
     * while its text still reads as one ("true"/"false", a JSON number, "" for null); otherwise
     * as a string.
     */
    record Field(String key, SecretText value, JsonKind kind) implements Map.Entry<String, SecretText> {

        public Field {
            key = key == null ? "" : key;
            value = value == null ? SecretText.of("") : value;
            kind = kind == null ? JsonKind.STRING : kind;
        }

        /** A string pair. */
        public static Field of(String key, String value) {
            return new Field(key, SecretText.of(value), JsonKind.STRING);
        }

        /** The same entry as a field: a {@code Field} stays as it is, any other entry becomes a string pair. */
        public static Field from(Map.Entry<String, SecretText> entry) {
            if (entry instanceof Field f) {
                return f;
            }
            return new Field(entry == null ? "" : entry.getKey(), entry == null ? null : entry.getValue(), JsonKind.STRING);
        }

        /** The same key and JSON type with another value (how an editor should change a value). */
        public Field withValue(SecretText newValue) {
            return new Field(key, newValue, kind);
        }

        public Field withKey(String newKey) {
            return new Field(newKey, value, kind);
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public SecretText getValue() {
            return value;
        }

        @Override
        public SecretText setValue(SecretText v) {
            throw new UnsupportedOperationException("Fields are immutable; use withValue");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return "Field[key=" + key + ", value=(hidden, " + value.sizeInBytes() + " bytes), " + kind + "]";
        }
    }

    /**
     * Key/value pairs, written as one flat JSON object in this order. Entries may be any
     * {@link Map.Entry}; {@link Field}s keep their JSON type (see the interface comment).
     */
    record KeyValues(List<Map.Entry<String, SecretText>> entries) implements SecretContent {

        public KeyValues {
            entries = entries == null ? List.of() : entries.stream().<Map.Entry<String, SecretText>>map(Field::from).toList();
        }

        /** String pairs from plain text entries (the shape {@link DatabaseTemplate#fields()} gives). */
        public static KeyValues ofText(List<Map.Entry<String, String>> pairs) {
            List<Map.Entry<String, SecretText>> fields = new ArrayList<>();
            for (Map.Entry<String, String> p : pairs) {
                fields.add(Field.of(p.getKey(), p.getValue()));
            }
            return new KeyValues(fields);
        }

        /** The pairs as {@link Field}s, with their JSON types. */
        public List<Field> fields() {
            return entries.stream().map(Field::from).toList();
        }

        /** The value of the first pair with this key. */
        public java.util.Optional<SecretText> get(String key) {
            return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
        }

        /** The compact JSON object, keys in order. Duplicate keys are written as they are (the rules refuse them). */
        public String toSecretString() {
            return SecretJson.write(fields());
        }

        @Override
        public int sizeInBytes() {
            return toSecretString().getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public String toString() {
            return "KeyValues[" + entries.size() + " keys, values hidden, " + sizeInBytes() + " bytes]";
        }
    }

    /** Any SecretString that is not a flat JSON object, kept exactly as it is. */
    record Text(SecretText text) implements SecretContent {

        public Text {
            text = text == null ? SecretText.of("") : text;
        }

        public static Text of(String value) {
            return new Text(SecretText.of(value));
        }

        public String toSecretString() {
            return text.reveal();
        }

        @Override
        public int sizeInBytes() {
            return text.sizeInBytes();
        }

        @Override
        public boolean isEmpty() {
            return text.reveal().isEmpty();
        }

        @Override
        public String toString() {
            return "Text[hidden, " + sizeInBytes() + " bytes]";
        }
    }

    /** A SecretBinary value. Compared by content; {@code toString} shows its size and SHA-256, never the bytes. */
    record Binary(byte[] bytes) implements SecretContent {

        public Binary {
            bytes = bytes == null ? new byte[0] : bytes.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Lowercase hex SHA-256 of the bytes. */
        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int sizeInBytes() {
            return bytes.length;
        }

        @Override
        public boolean isEmpty() {
            return bytes.length == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.length + " bytes, sha256=" + sha256() + "]";
        }
    }
}
