package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses settings bytes as strictly as Claude Code 2.1.328 does ({@code JSON.parse}): no comments, no trailing
 * commas, no single quotes, nothing after the value. Jackson's defaults already refuse all of these except
 * trailing content, which {@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS} turns on. A leading UTF-8 BOM
 * is accepted (and remembered so it can be written back); an empty or whitespace-only file reads as {@code {}}.
 */
final class StrictSettingsParser {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // ObjectReader is immutable, so one instance is safe to share. Each flag below is Jackson's default except
    // FAIL_ON_TRAILING_TOKENS; they are spelled out so an upgrade that changes a default cannot loosen parsing.
    private final ObjectReader reader = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    /**
     * @throws MalformedSettingsException if the bytes are not UTF-8, not strict JSON, or not a shape
     *                                    {@link SettingsShape} accepts
     */
    SettingsDocument parse(byte[] bytes) throws MalformedSettingsException {
        boolean bom = startsWithBom(bytes);
        String text = decode(bytes, bom ? BOM.length : 0);
        String lineSeparator = text.contains("\r\n") ? "\r\n" : "\n";
        if (isJsonWhitespace(text)) {
            return new SettingsDocument(JsonNodeFactory.instance.objectNode(), text, bom, lineSeparator);
        }
        JsonNode root;
        try {
            root = reader.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedSettingsException("invalid or malformed JSON" + where + ": " + detail(e),
                    at == null ? 0 : at.getLineNr());
        }
        var problem = SettingsShape.problem(root);
        if (problem.isPresent()) {
            throw new MalformedSettingsException(problem.get(), 0);
        }
        return new SettingsDocument((ObjectNode) root, text, bom, lineSeparator);
    }

    /** Jackson's reason, minus its advice to enable parser features, which would only mislead a user. */
    private static String detail(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage());
        int advice = reason.indexOf(": maybe a (non-standard) comment?");
        return advice >= 0 ? reason.substring(0, advice) + ": a comment, which JSON does not allow" : reason;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static String decode(byte[] bytes, int offset) throws MalformedSettingsException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedSettingsException("the file is not valid UTF-8", 0);
        }
    }

    /** JSON whitespace only (space, tab, CR, LF), not Java's wider notion of blank. */
    private static boolean isJsonWhitespace(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }
}
