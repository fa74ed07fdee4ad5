package dev.cctelemetry.core.debounce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test timeline of hook events for one session, in epoch seconds, and its decisions under the core machine.
 * Shared through the test-jar so that the platform modules can hold their scripts to the same decisions.
 */
public final class DebounceTimeline {

    /** The kinds of event a timeline holds. */
    public enum Kind { STOP, SESSION_END, CLOSE }

    /** One event at epoch second {@code at}. */
    public record Event(Kind kind, long at) {
        @Override
        public String toString() {
            return kind + "@" + at;
        }
    }

    private final List<Event> events;

    /**
     * The timelines every hook script is held to (window 120 s): bursts, a SessionEnd inside a window, closes before,
     * at and after the deadline, a Stop exactly at it. For {@code @MethodSource}.
     */
    public static List<String> cases() {
        return List.of(
                "stop@0 stop@10 stop@50 close@120",
                "stop@0 stop@30 end@40 close@120",
                "stop@0 close@120 stop@121",
                "stop@0 stop@5 close@120 stop@130 stop@200 close@250",
                "stop@0 stop@10 stop@500 close@620",
                "stop@0 stop@120",
                "stop@0 stop@10 close@60 close@120",
                "end@0 end@1 stop@2 end@3 stop@4 close@122",
                "stop@0 stop@119 close@119 close@120");
    }

    private DebounceTimeline(List<Event> events) {
        this.events = List.copyOf(events);
    }

    /** Parses {@code "stop@0 stop@10 end@40 close@120"}. */
    public static DebounceTimeline parse(String text) {
        List<Event> out = new ArrayList<>();
        for (String tok : text.trim().split("\\s+")) {
            String[] p = tok.split("@");
            Kind k = switch (p[0]) {
                case "stop" -> Kind.STOP;
                case "end" -> Kind.SESSION_END;
                case "close" -> Kind.CLOSE;
                default -> throw new IllegalArgumentException(tok);
            };
            out.add(new Event(k, Long.parseLong(p[1])));
        }
        return new DebounceTimeline(out);
    }

    /** A random, time-ordered timeline of {@code size} events over a few windows of {@code windowSeconds}. */
    public static DebounceTimeline random(Random rnd, int size, int windowSeconds) {
        List<Event> out = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += rnd.nextInt(windowSeconds);
            int r = rnd.nextInt(10);
            Kind k = r < 6 ? Kind.STOP : r < 8 ? Kind.CLOSE : Kind.SESSION_END;
            out.add(new Event(k, t));
        }
        return new DebounceTimeline(out);
    }

    /** The events, in order. */
    public List<Event> events() {
        return events;
    }

    /** The decisions of the core machine with window {@code windowSeconds}, one per event. */
    public List<DebounceDecision> decide(int windowSeconds) {
        StopDebouncer machine = new StopDebouncer(Duration.ofSeconds(windowSeconds));
        DebounceState state = DebounceState.idle();
        List<DebounceDecision> out = new ArrayList<>();
        for (Event e : events) {
            Instant now = Instant.ofEpochSecond(e.at());
            DebounceStep step = switch (e.kind()) {
                case STOP -> machine.onStop(state, now);
                case SESSION_END -> machine.onSessionEnd(state, now);
                case CLOSE -> machine.onWindowClose(state, now);
            };
            out.add(step.decision());
            state = step.next();
        }
        return out;
    }

    @Override
    public String toString() {
        return events.toString();
    }
}
