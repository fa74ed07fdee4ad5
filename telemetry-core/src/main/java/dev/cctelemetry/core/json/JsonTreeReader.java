package dev.cctelemetry.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads a JSON document into the tree {@code new ObjectMapper().readTree(...)} gives (same node types, numbers,
 * duplicate keys, empty input and parse errors), from Jackson's streaming parser alone. A first
 * {@code ObjectMapper} and its first tree cost about 47 ms of CPU (its configuration, serializer and deserializer
 * factories and caches), this about 7: what {@code status}, {@code doctor} and the reports read at start (config,
 * state files, the price table) is a few small documents, read once. {@code JsonTreeReaderTest} holds every case
 * equal to the object mapper's.
 */
public final class JsonTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTreeReader() {
    }

    /** The tree of {@code content}; a missing node when it holds no JSON value at all. */
    public static JsonNode read(byte[] content) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(content)) {
            return root(p);
        }
    }

    /** The tree of {@code content}; a missing node when it holds no JSON value at all. */
    public static JsonNode read(String content) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(content)) {
            return root(p);
        }
    }

    /** The tree of what {@code in} holds (read to the end of the first value); closes {@code in}, as the mapper does. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(in)) {
            return root(p);
        }
    }

    /** The tree of {@code file}'s content. */
    public static JsonNode read(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            return root(p);
        }
    }

    private static JsonNode root(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        // The object mapper's default: no value is a missing node, and what follows the first value is not read.
        return t == null ? NODES.missingNode() : value(p, t);
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of JSON input"); // the parser says so first; kept as a guard
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> integer(p);
            // A textual JSON number with a fraction or exponent is a double, as the object mapper reads it
            // without USE_BIG_DECIMAL_FOR_FLOATS.
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected JSON token " + t);
        };
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
        };
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            // A repeated key keeps its first place and takes its last value, as the object mapper's tree does.
            o.replace(name, value(p, p.nextToken()));
        }
        return o;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            a.add(value(p, t));
        }
        return a;
    }
}
