package dev.cctelemetry.app.config;

import dev.cctelemetry.core.json.JsonDocumentWriter;
import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads and creates {@code config.json}. Created on first use with a fresh machine id and the host name; the
 * machine id is never changed afterwards. Keys this version does not know are kept. The file is written
 * atomically with mode 0600, since it may hold a database password.
 */
public final class ConfigStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Supplier<String> hostName;
    private final JsonDocumentWriter writer = new JsonDocumentWriter(true);

    /**
     * A store for {@code file}.
     *
     * @param file the config file
     * @param hostName supplies the default machine name
     */
    public ConfigStore(Path file, Supplier<String> hostName) {
        this.file = file;
        this.hostName = hostName;
    }

    /** The config file's path. */
    public Path file() {
        return file;
    }

    /** Loads the config, creating the file on first use. */
    public TelemetryConfig loadOrCreate() throws IOException {
        ObjectNode root = Files.exists(file) ? readObject() : JsonNodeFactory.instance.objectNode();
        boolean dirty = false;
        if (!root.path("machine_id").isTextual() || root.path("machine_id").asText().isBlank()) {
            root.put("machine_id", UUID.randomUUID().toString());
            // Remembered so doctor can tell a config copied from another machine (same id, other host).
            root.put("machine_host", hostName.get());
            dirty = true;
        }
        if (!root.path("machine_name").isTextual() || root.path("machine_name").asText().isBlank()) {
            root.put("machine_name", hostName.get());
            dirty = true;
        }
        if (dirty) {
            write(root);
        }
        return new TelemetryConfig(root.get("machine_id").asText(), root.get("machine_name").asText(),
                store(root.path("store")));
    }

    /**
     * Replaces the {@code store} object, keeping every other key (creating the file, machine id and name first
     * when needed).
     */
    public TelemetryConfig saveStore(StoreConfig store) throws IOException {
        loadOrCreate();
        ObjectNode root = readObject();
        ObjectNode s = root.putObject("store");
        s.put("url", store.url());
        s.put("user", store.user());
        store.password().ifPresent(p -> s.put("password", p));
        store.passwordEnv().ifPresent(e -> s.put("password_env", e));
        store.sslmode().ifPresent(m -> s.put("sslmode", m));
        s.put("transaction_pooler", store.transactionPooler());
        if (!store.schema().isEmpty()) {
            s.put("schema", store.schema());
        }
        write(root);
        return loadOrCreate();
    }

    /**
     * Whether {@link #loadOrCreate} would find {@code json} complete (a machine id and name, so it writes
     * nothing) and with no store to push to, decided with Jackson's streaming parser: the same answer without
     * an object mapper, for a quick sync that has no other use for one. Anything unexpected answers false, and
     * the caller loads the config the usual way.
     */
    public static boolean isCompleteWithoutStore(byte[] json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean id = false;
            boolean name = false;
            boolean store = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "machine_id" -> id = nonBlankText(p, value);
                    case "machine_name" -> name = nonBlankText(p, value);
                    case "store" -> store = value == JsonToken.START_OBJECT && storeHasUrl(p);
                    default -> p.skipChildren();
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT && id && name && !store;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean nonBlankText(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return false;
        }
        return !p.getText().isBlank();
    }

    /** Reads the store object the parser is at; whether its url is a non-blank string (the last one counts). */
    private static boolean storeHasUrl(JsonParser p) throws IOException {
        boolean url = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("url")) {
                url = nonBlankText(p, value);
            } else {
                p.skipChildren();
            }
        }
        return url;
    }

    private static Optional<StoreConfig> store(JsonNode s) {
        if (!s.isObject() || !s.path("url").isTextual() || s.path("url").asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StoreConfig(s.path("url").asText(), s.path("user").asText(""),
                text(s, "password"), text(s, "password_env"), text(s, "sslmode"),
                s.path("transaction_pooler").asBoolean(false), s.path("schema").asText("")));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    /**
     * Loads the config (creating it when absent), applies {@code change} to its JSON and writes it back, 0600.
     * Keys the change does not touch are kept.
     */
    public TelemetryConfig edit(java.util.function.Consumer<ObjectNode> change) throws IOException {
        loadOrCreate();
        ObjectNode root = readObject();
        change.accept(root);
        write(root);
        return loadOrCreate();
    }

    /** The member {@code key} of the config as it is on disk; a missing node when the file or member is absent. */
    public JsonNode member(String key) throws IOException {
        return Files.exists(file) ? readObject().path(key) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private ObjectNode readObject() throws IOException {
        JsonNode n;
        try {
            n = JsonTreeReader.read(file);
        } catch (IOException e) {
            throw new IOException("config " + file + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(n instanceof ObjectNode o)) {
            throw new IOException("config " + file + " must hold a JSON object");
        }
        return o;
    }

    private void write(ObjectNode root) throws IOException {
        AtomicFile.write(file, writer.bytes(root), Optional.of(OWNER_ONLY));
        // The replaced file may have been loosened by hand; the new one is owner-only from birth.
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
