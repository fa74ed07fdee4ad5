package dev.cctelemetry.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path tmp;

    /**
     * The streaming check gives {@link ConfigStore#loadOrCreate}'s answer: a config it leaves as it is (complete)
     * and whose store is absent, on every shape of config these cover.
     */
    @Test
    void theQuickConfigCheckAgreesWithLoadingTheConfig() throws Exception {
        List<String> configs = List.of(
                "{\"machine_id\":\"m\",\"machine_name\":\"n\"}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"machine_host\":\"h\",\"other\":[1,{\"store\":{}}]}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":\"postgres://h/db\"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":\"\"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":\"  \"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"user\":\"u\"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":7}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":null}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":\"postgres://h/db\"}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":\"x\",\"url\":\"\"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"store\":{\"url\":\"\"},\"store\":{\"url\":\"x\"}}",
                "{\"machine_id\":\"m\",\"machine_name\":\"\"}",
                "{\"machine_id\":\" \",\"machine_name\":\"n\"}",
                "{\"machine_id\":1,\"machine_name\":\"n\"}",
                "{\"machine_name\":\"n\"}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\",\"machine_id\":\"\"}",
                "{\"machine_id\":\"m\",\"machine_name\":\"n\"} trailing",
                "{}", "[]", "null", "", "{\"machine_id\":\"m\"", "not json");
        for (String json : configs) {
            Path file = tmp.resolve("config-" + configs.indexOf(json) + ".json");
            Files.writeString(file, json);
            boolean quick = ConfigStore.isCompleteWithoutStore(json.getBytes(StandardCharsets.UTF_8));
            boolean loaded;
            try {
                TelemetryConfig config = new ConfigStore(file, () -> "host").loadOrCreate();
                loaded = Files.readString(file).equals(json) && config.store().isEmpty();
            } catch (java.io.IOException e) {
                loaded = false; // the sync reports it
            }
            assertThat(quick).as(json).isEqualTo(loaded);
        }
    }
}
