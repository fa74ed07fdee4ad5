package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Anthropic Messages API on 127.0.0.1 (random port), enough for the real Claude Code CLI to run
 * a whole {@code claude -p} session offline.
 *
 * <p>{@code POST /v1/messages} (Claude Code adds {@code ?beta=true}) is answered from a queue of {@link ScriptedReply}s,
 * in SSE form ({@code message_start}, {@code content_block_start}, {@code content_block_delta},
 * {@code content_block_stop}, {@code message_delta}, {@code message_stop}) when the body asks for {@code "stream":true},
 * else as one JSON message. Each reply carries its own usage, {@code msg_…} id and {@code request-id} header, so a
 * test knows exactly which usage each API call reported. When the queue is empty a fallback text reply with zero
 * usage is sent and counted in {@link #unscriptedCount()}.
 *
 * <p>A reply may be a {@code tool_use} of any named tool ({@link ScriptedReply#toolUse}); the {@code tool_result} Claude
 * Code sends back is read with {@link RecordedRequest#toolResult(String)}. With {@link #sendPlanLimits} every Messages
 * reply carries plan-limit headers, which Claude Code turns into the statusLine's {@code rate_limits} when it runs
 * with {@link ClaudeAuth#GATEWAY_TOKEN} (see {@link PlanLimitWindow}).
 *
 * <p>{@code POST /v1/messages/count_tokens} answers {@code {"input_tokens":0}}. Every other path is logged and
 * answered 404 with an Anthropic-style error body. Claude Code 2.1.328 with
 * {@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1} sends nothing but the Messages calls.
 */
public final class FakeMessagesApi implements AutoCloseable {

    /** Path of the Messages API (query string aside). */
    public static final String MESSAGES_PATH = "/v1/messages";

    private static final Logger log = LoggerFactory.getLogger(FakeMessagesApi.class);
    private static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";
    private static final String FALLBACK_TEXT = "(fake API: no scripted reply left)";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final Deque<ScriptedReply> queue = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int unscripted;
    private volatile PlanLimitHeaders planLimits = PlanLimitHeaders.none();

    private FakeMessagesApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 at a free port. Stop it with {@link #stop()} or try-with-resources. */
    public static FakeMessagesApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4);
            FakeMessagesApi api = new FakeMessagesApi(server, executor);
            server.createContext("/", api::handle);
            server.setExecutor(executor);
            server.start();
            log.debug("fake Messages API listening on {}", api.baseUrl());
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake Messages API", e);
        }
    }

    /** The value for {@code ANTHROPIC_BASE_URL}, e.g. {@code http://127.0.0.1:43817}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds replies to the end of the queue; each answers one Messages call, in order. */
    public FakeMessagesApi enqueue(ScriptedReply... replies) {
        synchronized (lock) {
            queue.addAll(List.of(replies));
        }
        return this;
    }

    /**
     * Sends these plan-limit headers with every Messages reply from now on ({@link PlanLimitHeaders#none()} stops
     * them). A test may change them between turns.
     */
    public FakeMessagesApi sendPlanLimits(PlanLimitHeaders headers) {
        this.planLimits = Objects.requireNonNull(headers, "headers is null");
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** The {@code POST /v1/messages} calls received so far. */
    public List<RecordedRequest> messageRequests() {
        return requests().stream().filter(RecordedRequest::isMessages).toList();
    }

    /** Number of {@code POST /v1/messages} calls received so far. */
    public int messageRequestCount() {
        return messageRequests().size();
    }

    /** Requests to paths this fake does not implement (answered 404). */
    public List<RecordedRequest> unknownRequests() {
        return requests().stream()
                .filter(r -> !r.isMessages() && !COUNT_TOKENS_PATH.equals(r.path()))
                .toList();
    }

    /** Messages calls that found the queue empty and got the zero-usage fallback. */
    public int unscriptedCount() {
        synchronized (lock) {
            return unscripted;
        }
    }

    /** Scripted replies not yet used. */
    public int pendingReplies() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Stops the server at once and its threads. Idempotent. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
            JsonNode body = readBody(ex.getRequestBody());
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
            if ("POST".equals(method) && MESSAGES_PATH.equals(path)) {
                ScriptedReply reply = next(method, path, query, headers, body);
                if (body.path("stream").asBoolean(false)) {
                    sendStream(ex, reply, model(body));
                } else {
                    planLimits.headers().forEach(ex.getResponseHeaders()::set);
                    sendJson(ex, 200, reply.requestId(), message(reply, model(body), false));
                }
            } else if ("POST".equals(method) && COUNT_TOKENS_PATH.equals(path)) {
                record(new RecordedRequest(method, path, query, headers, body, Optional.empty()));
                sendJson(ex, 200, "req_count_tokens", mapper.createObjectNode().put("input_tokens", 0));
            } else {
                log.info("fake Messages API: unknown request {} {}{}", method, path, query.isEmpty() ? "" : "?" + query);
                record(new RecordedRequest(method, path, query, headers, body, Optional.empty()));
                ObjectNode err = mapper.createObjectNode().put("type", "error");
                err.putObject("error").put("type", "not_found_error").put("message", "not implemented by fake: " + path);
                sendJson(ex, 404, "req_not_found", err);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("fake Messages API failed to answer", e);
            throw e;
        } finally {
            ex.close();
        }
    }

    private ScriptedReply next(String method, String path, String query, Map<String, String> headers, JsonNode body) {
        synchronized (lock) {
            ScriptedReply reply = queue.pollFirst();
            if (reply == null) {
                unscripted++;
                log.warn("fake Messages API: no scripted reply left for call #{}", requests.size() + 1);
                reply = ScriptedReply.text(FALLBACK_TEXT, TokenCounts.ZERO);
            }
            requests.add(new RecordedRequest(method, path, query, headers, body, Optional.of(reply)));
            return reply;
        }
    }

    private void record(RecordedRequest r) {
        synchronized (lock) {
            requests.add(r);
        }
    }

    private JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String model(JsonNode body) {
        return body.path("model").asText("claude-fake");
    }

    private void sendJson(HttpExchange ex, int status, String requestId, JsonNode json) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(json);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("request-id", requestId);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendStream(HttpExchange ex, ScriptedReply reply, String model) throws IOException {
        StringBuilder sse = new StringBuilder();
        ObjectNode start = mapper.createObjectNode().put("type", "message_start");
        // Like the real API: message_start holds the input side and a small output count; message_delta the final.
        ObjectNode startMessage = message(reply, model, true);
        start.set("message", startMessage);
        event(sse, "message_start", start);

        ObjectNode blockStart = mapper.createObjectNode().put("type", "content_block_start").put("index", 0);
        ObjectNode delta = mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
        if (reply.toolCall().isPresent()) {
            ScriptedReply.ToolCall call = reply.toolCall().get();
            // Like the real API: the block starts with an empty input, which arrives as JSON text in the delta.
            blockStart.putObject("content_block").put("type", "tool_use").put("id", reply.toolUseId())
                    .put("name", call.name()).putObject("input");
            delta.putObject("delta").put("type", "input_json_delta")
                    .put("partial_json", mapper.writeValueAsString(call.input()));
        } else {
            blockStart.putObject("content_block").put("type", "text").put("text", "");
            delta.putObject("delta").put("type", "text_delta").put("text", reply.text());
        }
        event(sse, "content_block_start", blockStart);
        event(sse, "content_block_delta", delta);
        event(sse, "content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", 0));

        ObjectNode messageDelta = mapper.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(reply)).putNull("stop_sequence");
        messageDelta.set("usage", usage(reply.usage(), reply.usage().output()));
        event(sse, "message_delta", messageDelta);
        event(sse, "message_stop", mapper.createObjectNode().put("type", "message_stop"));

        byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("request-id", reply.requestId());
        planLimits.headers().forEach(ex.getResponseHeaders()::set);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void event(StringBuilder sse, String name, JsonNode data) throws IOException {
        sse.append("event: ").append(name).append('\n')
                .append("data: ").append(mapper.writeValueAsString(data)).append("\n\n");
    }

    /** A Messages API message object; {@code streamingStart} gives the partial form sent in message_start. */
    private ObjectNode message(ScriptedReply reply, String model, boolean streamingStart) {
        ObjectNode m = mapper.createObjectNode()
                .put("id", reply.messageId())
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        ArrayNode content = m.putArray("content");
        if (!streamingStart) {
            if (reply.toolCall().isPresent()) {
                ScriptedReply.ToolCall call = reply.toolCall().get();
                content.addObject().put("type", "tool_use").put("id", reply.toolUseId()).put("name", call.name())
                        .set("input", call.input());
            } else {
                content.addObject().put("type", "text").put("text", reply.text());
            }
        }
        if (streamingStart) {
            m.putNull("stop_reason");
        } else {
            m.put("stop_reason", stopReason(reply));
        }
        m.putNull("stop_sequence");
        m.set("usage", usage(reply.usage(), streamingStart ? Math.min(1, reply.usage().output()) : reply.usage().output()));
        return m;
    }

    private static String stopReason(ScriptedReply reply) {
        return reply.isToolUse() ? "tool_use" : "end_turn";
    }

    private ObjectNode usage(TokenCounts t, long output) {
        ObjectNode u = mapper.createObjectNode()
                .put("input_tokens", t.input())
                .put("cache_creation_input_tokens", t.cacheWrite())
                .put("cache_read_input_tokens", t.cacheRead())
                .put("output_tokens", output);
        u.putObject("cache_creation")
                .put("ephemeral_5m_input_tokens", t.cacheWrite5m())
                .put("ephemeral_1h_input_tokens", t.cacheWrite1h());
        u.put("service_tier", "standard");
        return u;
    }
}
