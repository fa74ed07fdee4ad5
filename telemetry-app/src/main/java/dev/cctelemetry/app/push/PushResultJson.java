package dev.cctelemetry.app.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.push.PushResult;
import java.io.IOException;
import java.util.Locale;

/** A push's outcome as the JSON object {@code push --json} prints and {@code sync --json} embeds. */
public final class PushResultJson {

    private PushResultJson() {
    }

    /** {@code {"outcome","pushed","pendingLeft","elapsedMillis","error","retryAfter"}}. */
    public static String toJson(PushResult r) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        n.put("pushed", r.pushed());
        n.put("pendingLeft", r.pendingLeft());
        n.put("elapsedMillis", r.elapsed().toMillis());
        n.put("error", r.error().orElse(null));
        n.put("retryAfter", r.retryAfter().map(Object::toString).orElse(null));
        return m.writeValueAsString(n);
    }
}
