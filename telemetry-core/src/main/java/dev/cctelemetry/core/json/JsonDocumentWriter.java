package dev.cctelemetry.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes JSON trees as an object mapper does, with the mapper made on the first write: the stores that hold one
 * are also built by commands that only read (status, doctor, the reports), and a first object mapper is tens of
 * milliseconds of such a command's start. One per store; not for sharing between threads.
 */
public final class JsonDocumentWriter {

    private final boolean indented;
    private ObjectMapper mapper;

    /** A writer; {@code indented} as {@link SerializationFeature#INDENT_OUTPUT}. */
    public JsonDocumentWriter(boolean indented) {
        this.indented = indented;
    }

    /** {@code tree} as UTF-8 bytes. */
    public byte[] bytes(JsonNode tree) throws JsonProcessingException {
        return mapper().writeValueAsBytes(tree);
    }

    /** {@code tree} as text. */
    public String text(JsonNode tree) throws JsonProcessingException {
        return mapper().writeValueAsString(tree);
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = indented ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT) : new ObjectMapper();
        }
        return mapper;
    }
}
