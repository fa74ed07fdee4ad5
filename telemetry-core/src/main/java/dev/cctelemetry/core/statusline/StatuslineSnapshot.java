package dev.cctelemetry.core.statusline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's figures a status line needs, computed by the last sync and read by every status line run without
 * opening the ledger: cost per local date around the time it was made, the last 5-hour block, and the cost of each
 * session active in the weeks before. It holds exactly what the ledger held when it was made (every commit voids it),
 * so it answers for any later time:
 * <ul>
 *   <li>today: the stored total when today is in {@link #days}' range, 0 when today is after the last date with a
 *       request (nothing in the ledger is that late), else unknown;</li>
 *   <li>the block: the last block, while it is still active at that time (ccusage's rule: before its end and within
 *       its length of its last request);</li>
 *   <li>a session: its stored cost; unknown when it is not listed (nothing in the ledger since {@link
 *       #sessionsSince}, e.g. a session whose first turn is not synced yet).</li>
 * </ul>
 *
 * @param publishedAt when it was computed
 * @param zone the zone whose dates {@link #days} are
 * @param days cost per local date over a range of dates
 * @param lastRequestDate the latest local date of any request, if the ledger holds one
 * @param block the last block, if any
 * @param sessionsSince sessions with a request since then are all in {@link #sessions}
 * @param sessions cost per session id, in picodollars
 */
public record StatuslineSnapshot(Instant publishedAt, LocalZone zone, DayRange days, Optional<LocalDate> lastRequestDate,
        Optional<LastBlock> block, Instant sessionsSince, Map<String, Long> sessions) {

    private static final int FORMAT = 1;

    public StatuslineSnapshot {
        Objects.requireNonNull(publishedAt, "publishedAt is null");
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(days, "days is null");
        Objects.requireNonNull(lastRequestDate, "lastRequestDate is null");
        Objects.requireNonNull(block, "block is null");
        Objects.requireNonNull(sessionsSince, "sessionsSince is null");
        sessions = Map.copyOf(sessions);
    }

    /**
     * Costs per local date from {@code first} to {@code last} (both included); a date of the range without an entry
     * cost nothing.
     *
     * @param first first date covered
     * @param last last date covered
     * @param picos cost per date with requests
     */
    public record DayRange(LocalDate first, LocalDate last, Map<LocalDate, Long> picos) {
        public DayRange {
            Objects.requireNonNull(first, "first is null");
            Objects.requireNonNull(last, "last is null");
            picos = Map.copyOf(picos);
        }

        /** The cost of {@code date} when it is in the range. */
        Optional<Long> of(LocalDate date) {
            if (date.isBefore(first) || date.isAfter(last)) {
                return Optional.empty();
            }
            return Optional.of(picos.getOrDefault(date, 0L));
        }
    }

    /**
     * The ledger's last 5-hour block.
     *
     * @param end when it ends (start + length)
     * @param lastRequest the time of its last request
     * @param length the block length
     * @param costPicos its cost
     * @param costPerHour its burn rate, when it had requests more than an instant apart
     */
    public record LastBlock(Instant end, Instant lastRequest, Duration length, long costPicos,
            Optional<Double> costPerHour) {
        public LastBlock {
            Objects.requireNonNull(end, "end is null");
            Objects.requireNonNull(lastRequest, "lastRequest is null");
            Objects.requireNonNull(length, "length is null");
            Objects.requireNonNull(costPerHour, "costPerHour is null");
        }
    }

    /** What the snapshot says for a status line of {@code sessionId} at {@code now} (all machines left out). */
    public StatuslineFigures figures(Optional<String> sessionId, Instant now) {
        return new StatuslineFigures(sessionId.map(sessions::get), today(now), Optional.empty(), activeBlock(now));
    }

    /** Today's cost at {@code now} in {@link #zone}, when known. */
    public Optional<Long> today(Instant now) {
        LocalDate date = zone.date(now);
        Optional<Long> stored = days.of(date);
        if (stored.isPresent()) {
            return stored;
        }
        return lastRequestDate.isEmpty() || date.isAfter(lastRequestDate.get()) ? Optional.of(0L) : Optional.empty();
    }

    /** The last block, when it is still running at {@code now}. */
    public Optional<ActiveBlock> activeBlock(Instant now) {
        return block.filter(b -> now.isBefore(b.end()) && now.isBefore(b.lastRequest().plus(b.length())))
                .map(b -> new ActiveBlock(b.costPicos(), b.costPerHour(), b.end()));
    }

    /** The snapshot as bytes ({@link #decode} reads them back). */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + sessions.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(publishedAt.toEpochMilli());
            out.writeUTF(zone.id());
            out.writeLong(days.first().toEpochDay());
            out.writeLong(days.last().toEpochDay());
            out.writeInt(days.picos().size());
            for (Map.Entry<LocalDate, Long> e : days.picos().entrySet()) {
                out.writeLong(e.getKey().toEpochDay());
                out.writeLong(e.getValue());
            }
            out.writeBoolean(lastRequestDate.isPresent());
            out.writeLong(lastRequestDate.map(LocalDate::toEpochDay).orElse(0L));
            out.writeBoolean(block.isPresent());
            if (block.isPresent()) {
                LastBlock b = block.get();
                out.writeLong(b.end().toEpochMilli());
                out.writeLong(b.lastRequest().toEpochMilli());
                out.writeLong(b.length().toMillis());
                out.writeLong(b.costPicos());
                out.writeBoolean(b.costPerHour().isPresent());
                out.writeDouble(b.costPerHour().orElse(0.0));
            }
            out.writeLong(sessionsSince.toEpochMilli());
            out.writeInt(sessions.size());
            for (Map.Entry<String, Long> e : sessions.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The snapshot in {@code bytes}; empty when they are not one this format wrote. */
    public static Optional<StatuslineSnapshot> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            Instant published = Instant.ofEpochMilli(in.readLong());
            LocalZone zone = LocalZone.of(in.readUTF());
            LocalDate first = LocalDate.ofEpochDay(in.readLong());
            LocalDate last = LocalDate.ofEpochDay(in.readLong());
            int n = in.readInt();
            Map<LocalDate, Long> picos = new HashMap<>();
            for (int i = 0; i < n; i++) {
                picos.put(LocalDate.ofEpochDay(in.readLong()), in.readLong());
            }
            boolean hasLast = in.readBoolean();
            long lastDay = in.readLong();
            Optional<LastBlock> block = Optional.empty();
            if (in.readBoolean()) {
                Instant end = Instant.ofEpochMilli(in.readLong());
                Instant lastRequest = Instant.ofEpochMilli(in.readLong());
                Duration length = Duration.ofMillis(in.readLong());
                long cost = in.readLong();
                boolean hasRate = in.readBoolean();
                double rate = in.readDouble();
                block = Optional.of(new LastBlock(end, lastRequest, length, cost,
                        hasRate ? Optional.of(rate) : Optional.empty()));
            }
            Instant since = Instant.ofEpochMilli(in.readLong());
            int s = in.readInt();
            Map<String, Long> sessions = new HashMap<>(Math.max(16, s * 2));
            for (int i = 0; i < s; i++) {
                sessions.put(in.readUTF(), in.readLong());
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new StatuslineSnapshot(published, zone, new DayRange(first, last, picos),
                    hasLast ? Optional.of(LocalDate.ofEpochDay(lastDay)) : Optional.empty(), block, since, sessions));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
