package dev.coffer.secrets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.coffer.aws.SecretText;
import dev.coffer.secrets.SecretContent.Field;
import dev.coffer.secrets.SecretContent.JsonKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading and writing the flat JSON objects of key/value secrets (see {@link SecretContent}). */
final class SecretJson {

    static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** A JSON number, as the JSON grammar has it. */
    static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    /** A port written as a JSON number: a plain whole number without a leading zero. */
    static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,8}");
    static final String PORT_KEY = "port";

    private SecretJson() {
    }

    static String write(List<Field> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (Field f : fields) {
                json.writeFieldName(f.key());
                writeValue(json, f);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator json, Field f) throws IOException {
        String text = f.value().reveal();
        if (PORT_KEY.equals(f.key()) && PORT.matcher(text).matches()) {
            json.writeNumber(text);
            return;
        }
        switch (f.kind()) {
            case NUMBER -> {
                if (NUMBER.matcher(text).matches()) {
                    json.writeNumber(text);
                } else {
                    json.writeString(text);
                }
            }
            case BOOLEAN -> {
                if (text.equals("true") || text.equals("false")) {
                    json.writeBoolean(Boolean.parseBoolean(text));
                } else {
                    json.writeString(text);
                }
            }
            case NULL -> {
                if (text.isEmpty()) {
                    json.writeNull();
                } else {
                    json.writeString(text);
                }
            }
            default -> json.writeString(text);
        }
    }

    /** The pairs of a flat JSON object with unique keys, or null when the text is anything else. */
    static List<Field> readFlatObject(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<Field> fields = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (!keys.add(key)) {
                    return null;
                }
                Field field = switch (p.nextToken()) {
                    case VALUE_STRING -> new Field(key, SecretText.of(p.getText()), JsonKind.STRING);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Field(key, SecretText.of(p.getText()), JsonKind.NUMBER);
                    case VALUE_TRUE, VALUE_FALSE -> new Field(key, SecretText.of(p.getText()), JsonKind.BOOLEAN);
                    case VALUE_NULL -> new Field(key, SecretText.of(""), JsonKind.NULL);
                    default -> null;
                };
                if (field == null) {
                    return null;
                }
                fields.add(field);
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return fields;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The top-level keys of a JSON object whose values are not empty (nested values count as not
     * empty; null and blank strings as empty), or an empty list when the text is no JSON object.
     */
    static List<String> nonBlankTopLevelKeys(String text) {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                boolean empty = v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING && p.getText().isBlank();
                if (!empty) {
                    keys.add(key);
                }
                p.skipChildren();
            }
            return t == JsonToken.END_OBJECT ? keys : List.of();
        } catch (IOException notJson) {
            return List.of();
        }
    }
}
