package dev.cctelemetry.web.live;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells open pages that the data changed: while a page listens, one thread asks the store's change counter a few
 * times a second (a read of one value, never the sync lock, so syncs, hooks and the daemon are never held up) and
 * sends a {@code change} server-sent event to every connected page when it moves. Any process's commit moves it,
 * so a page hears of a hook's sync as soon as it commits. A comment line every {@code keepAlive} finds pages that
 * went away without closing.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final LongSupplier counter;
    private final Duration interval;
    private final Duration keepAlive;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-change-feed");
        t.setDaemon(true);
        return t;
    });
    /** Written by the timer thread and by a joining page's request thread. */
    private volatile long last;
    private long sinceKeepAlive;

    /**
     * @param counter the store's change counter
     * @param interval how often to ask it
     * @param keepAlive how often to send a comment to idle pages
     */
    public ChangeFeed(LongSupplier counter, Duration interval, Duration keepAlive) {
        this.counter = Objects.requireNonNull(counter, "counter is null");
        this.interval = Objects.requireNonNull(interval, "interval is null");
        this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive is null");
    }

    /** Starts watching the counter (it is read only while a page listens). */
    public void start() {
        timer.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps {@code client} open and sends it the current counter, then every change. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        try {
            // Not watched while no page listened: the page's first event must carry today's value.
            last = counter.getAsLong();
        } catch (RuntimeException e) {
            log.debug("change counter not readable when a page joined", e);
        }
        clients.add(client);
        client.sendEvent("hello", Long.toString(last));
    }

    /** How many pages are listening. */
    public int listeners() {
        return clients.size();
    }

    private void poll() {
        if (clients.isEmpty()) {
            // Nobody listens: no need to ask the store (a remote one would be asked over the network).
            return;
        }
        try {
            long now = counter.getAsLong();
            if (now != last) {
                last = now;
                broadcast(now);
            } else if ((sinceKeepAlive += interval.toMillis()) >= keepAlive.toMillis()) {
                sinceKeepAlive = 0;
                clients.forEach(c -> c.sendComment("keep-alive"));
            }
        } catch (RuntimeException e) {
            // A busy or briefly unreachable store must not end the feed: the next poll tries again.
            log.debug("change counter not readable this time", e);
        }
    }

    private void broadcast(long value) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent("change", Long.toString(value));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
