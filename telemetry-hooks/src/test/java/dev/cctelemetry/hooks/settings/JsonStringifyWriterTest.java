package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The expected file was produced by Node 20 with
 * {@code JSON.stringify(JSON.parse(fs.readFileSync("stringify-input.json","utf8")), null, 2) + "\n"}, with one
 * deliberate edit: the integer beyond 2^53 is kept exact instead of being rounded to a double.
 */
class JsonStringifyWriterTest {

    private final StrictSettingsParser parser = new StrictSettingsParser();
    private final JsonStringifyWriter writer = new JsonStringifyWriter();

    @Test
    void outputMatchesJavaScriptJsonStringifyWithTwoSpaces() throws Exception {
        SettingsDocument document = parser.parse(resource("stringify-input.json"));

        String written = writer.write(document.root(), "\n");

        assertThat(written).isEqualTo(new String(resource("stringify-expected.json"), "UTF-8"));
    }

    @Test
    void rewritingWrittenOutputIsByteIdentical() throws Exception {
        String once = writer.write(parser.parse(resource("stringify-input.json")).root(), "\n");

        String twice = writer.write(parser.parse(once.getBytes("UTF-8")).root(), "\n");

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void doublesFollowJavaScriptNumberToString() {
        assertThat(JsonStringifyWriter.jsNumber(1.0)).isEqualTo("1");
        assertThat(JsonStringifyWriter.jsNumber(0.1)).isEqualTo("0.1");
        assertThat(JsonStringifyWriter.jsNumber(1e21)).isEqualTo("1e+21");
        assertThat(JsonStringifyWriter.jsNumber(1e-7)).isEqualTo("1e-7");
        assertThat(JsonStringifyWriter.jsNumber(-1.25e-7)).isEqualTo("-1.25e-7");
        assertThat(JsonStringifyWriter.jsNumber(123456789.5)).isEqualTo("123456789.5");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JsonStringifyWriterTest.class.getResourceAsStream("/settings/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
