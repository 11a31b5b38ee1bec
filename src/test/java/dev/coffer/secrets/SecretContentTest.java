package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.secrets.SecretContent.Binary;
import dev.coffer.secrets.SecretContent.Field;
import dev.coffer.secrets.SecretContent.JsonKind;
import dev.coffer.secrets.SecretContent.KeyValues;
import dev.coffer.secrets.SecretContent.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and writing secret values: key order, JSON types, the port rule, what stays text, and toString hiding values. */
class SecretContentTest {

    private static final String DB = "{\"username\":\"app\",\"password\":\"pa55-Wörd\",\"engine\":\"postgres\",\"host\":\"db.internal\","
            + "\"port\":5432,\"dbname\":\"app\"}";

    @Test
    void aFlatObjectBecomesKeyValuesInItsOrderAndIsWrittenBackTheSame() {
        SecretContent content = SecretContent.parse(DB);
        assertThat(content).isInstanceOf(KeyValues.class);
        KeyValues kv = (KeyValues) content;
        assertThat(kv.entries()).extracting(Map.Entry::getKey).containsExactly("username", "password", "engine", "host", "port", "dbname");
        assertThat(kv.get("password")).contains(SecretText.of("pa55-Wörd"));
        assertThat(kv.fields().get(4).kind()).isEqualTo(JsonKind.NUMBER);
        assertThat(kv.toSecretString()).isEqualTo(DB);
        assertThat(kv.sizeInBytes()).isEqualTo(DB.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void whitespaceIsNotKeptButKeysValuesAndTypesAre() {
        String pretty = "{\n  \"b\": \"2\",\n  \"a\": 1.50,\n  \"ssl\": true,\n  \"note\": null\n}";
        KeyValues kv = (KeyValues) SecretContent.parse(pretty);
        assertThat(kv.toSecretString()).isEqualTo("{\"b\":\"2\",\"a\":1.50,\"ssl\":true,\"note\":null}");
    }

    @Test
    void aPortIsWrittenAsANumberWhenItIsAWholeNumber() {
        KeyValues fromStrings = KeyValues.ofText(List.of(Map.entry("host", "h"), Map.entry("port", "3306")));
        assertThat(fromStrings.toSecretString()).isEqualTo("{\"host\":\"h\",\"port\":3306}");
        // a port read as a string becomes a number too (rotation functions accept both)
        assertThat(((KeyValues) SecretContent.parse("{\"port\":\"5439\"}")).toSecretString()).isEqualTo("{\"port\":5439}");
        // anything else stays a string
        assertThat(KeyValues.ofText(List.of(Map.entry("port", "05432"))).toSecretString()).isEqualTo("{\"port\":\"05432\"}");
        assertThat(KeyValues.ofText(List.of(Map.entry("port", "${PORT}"))).toSecretString()).isEqualTo("{\"port\":\"${PORT}\"}");
        assertThat(KeyValues.ofText(List.of(Map.entry("port", ""))).toSecretString()).isEqualTo("{\"port\":\"\"}");
        // only the key "port": other digits stay strings (a numeric password must stay a string)
        assertThat(KeyValues.ofText(List.of(Map.entry("password", "12345678"))).toSecretString()).isEqualTo("{\"password\":\"12345678\"}");
    }

    @Test
    void anEditedValueKeepsItsTypeOnlyWhileItStillReadsAsOne() {
        KeyValues kv = (KeyValues) SecretContent.parse("{\"retries\":3,\"ssl\":false}");
        Field retries = kv.fields().get(0).withValue(SecretText.of("5"));
        Field ssl = kv.fields().get(1).withValue(SecretText.of("yes"));
        assertThat(new KeyValues(List.of(retries, ssl)).toSecretString()).isEqualTo("{\"retries\":5,\"ssl\":\"yes\"}");
    }

    @Test
    void fieldsEqualPlainEntriesWithTheSameKeyAndValue() {
        Field f = new Field("k", SecretText.of("v"), JsonKind.NUMBER);
        Map.Entry<String, SecretText> e = Map.entry("k", SecretText.of("v"));
        assertThat(f).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(e).isEqualTo(f);
        assertThat(new KeyValues(List.of(e))).isEqualTo(new KeyValues(List.of(f)));
        assertThatThrownBy(() -> f.setValue(SecretText.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everythingElseStaysTextExactlyAsItIs() {
        for (String text : List.of("plain password", "", "[1,2]", "{\"nested\":{\"a\":1}}", "{\"list\":[1]}", "{}",
                "{\"a\":\"1\",\"a\":\"2\"}", "{\"a\":1} trailing", "{\"a\":", "\"just a string\"", "42", "null",
                "{'single':'quotes'}")) {
            SecretContent content = SecretContent.parse(text);
            assertThat(content).as(text).isInstanceOf(Text.class);
            assertThat(content.secretString()).isEqualTo(text);
        }
        assertThat(SecretContent.parse(null)).isEqualTo(Text.of(""));
    }

    @Test
    void binaryIsComparedByContentAndShownBySizeAndHash() throws Exception {
        byte[] bytes = "keystore-bytes".getBytes(StandardCharsets.US_ASCII);
        Binary binary = new Binary(bytes);
        bytes[0] = 'X'; // the record keeps its own copy
        Binary same = new Binary("keystore-bytes".getBytes(StandardCharsets.US_ASCII));
        assertThat(binary).isEqualTo(same).hasSameHashCodeAs(same);
        binary.bytes()[0] = 'Y'; // and hands out copies
        assertThat(binary).isEqualTo(same);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("keystore-bytes".getBytes(StandardCharsets.US_ASCII)));
        assertThat(binary.sha256()).isEqualTo(sha);
        assertThat(binary.toString()).isEqualTo("Binary[14 bytes, sha256=" + sha + "]").doesNotContain("keystore");
        assertThat(binary.isBinary()).isTrue();
        assertThat(binary.sizeInBytes()).isEqualTo(14);
        assertThatThrownBy(binary::secretString).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noToStringShowsAValue() {
        String secret = "hunter2-very-secret";
        List<Object> all = List.of(
                Text.of(secret),
                KeyValues.ofText(List.of(Map.entry("password", secret))),
                Field.of("password", secret),
                new Binary(secret.getBytes(StandardCharsets.UTF_8)),
                new SecretDraft("app/db", "desc", Text.of(secret), Optional.of("alias/k"), List.of(new Tag("t", "v"))),
                new SecretVersion("v1", List.of("AWSCURRENT"), Optional.empty(), Optional.empty(), Optional.of(Text.of(secret))),
                new CurrentValue("v1", KeyValues.ofText(List.of(Map.entry("password", secret)))));
        for (Object o : all) {
            assertThat(o.toString()).as(o.getClass().getSimpleName()).doesNotContain(secret).doesNotContain("hunter2");
        }
        assertThat(new SecretDraft("app/db", "desc", Text.of(secret), Optional.empty(), List.of()).toString())
                .contains("app/db").contains("alias/aws/secretsmanager");
    }
}
