package dev.cctelemetry.store.postgres;

import java.util.stream.Collectors;

/** The SQL text of a push. Kept apart so that the winner rule's SQL form can be read next to its Java form. */
final class UsageUpsertSql {

    private static final String COLUMN_LIST = String.join(", ", UsageCsv.COLUMNS);

    /** Staging table for one push; dropped at commit or rollback, so it also works through transaction poolers. */
    static final String CREATE_STAGE = "CREATE TEMP TABLE cct_stage (LIKE usage_events) ON COMMIT DROP";

    static final String COPY_STAGE = "COPY cct_stage (" + COLUMN_LIST + ") FROM STDIN WITH (FORMAT csv)";

    /**
     * {@link dev.cctelemetry.core.usage.WinnerRule#PREFERENCE} as one row comparison: larger token total, then
     * non-sidechain, then speed set, then stop_reason set, then the smaller (source_file, source_offset). Row
     * comparison is lexicographic, so the two "smaller wins" elements simply swap sides. A tie (the same copy
     * pushed again) is not "greater", so a repeated push rewrites nothing.
     */
    static final String INCOMING_WINS = """
            ROW(EXCLUDED.input + EXCLUDED.output + EXCLUDED.cache_write_5m + EXCLUDED.cache_write_1h
                    + EXCLUDED.cache_read,
                NOT EXCLUDED.sidechain, EXCLUDED.speed <> '', EXCLUDED.stop_reason_set,
                cur.source_file COLLATE "C", cur.source_offset)
            > ROW(cur.input + cur.output + cur.cache_write_5m + cur.cache_write_1h + cur.cache_read,
                NOT cur.sidechain, cur.speed <> '', cur.stop_reason_set,
                EXCLUDED.source_file COLLATE "C", EXCLUDED.source_offset)""";

    /** Moves the staged rows in; ordered by key so concurrent pushes lock shared rows in the same order. */
    static final String UPSERT = "INSERT INTO usage_events AS cur (" + COLUMN_LIST + ")\n"
            + "SELECT " + COLUMN_LIST + " FROM cct_stage ORDER BY message_id, request_id\n"
            + "ON CONFLICT (message_id, request_id) DO UPDATE SET\n"
            + UsageCsv.COLUMNS.stream().filter(c -> !c.equals("message_id") && !c.equals("request_id"))
                    .map(c -> "    " + c + " = EXCLUDED." + c).collect(Collectors.joining(",\n"))
            + "\nWHERE " + INCOMING_WINS;

    static final String UPSERT_MACHINE = """
            INSERT INTO machines AS m (machine_id, name, os, last_push) VALUES (?, ?, ?, now())
            ON CONFLICT (machine_id) DO UPDATE SET name = EXCLUDED.name, os = EXCLUDED.os, last_push = now()""";

    /** Widens the stored activity window; keeps known paths; a reported end reason replaces an older one. */
    static final String UPSERT_SESSION = """
            INSERT INTO sessions AS s (machine_id, session_id, project_dir, cwd, first_activity, last_activity,
                end_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (machine_id, session_id) DO UPDATE SET
                project_dir = CASE WHEN s.project_dir = '' THEN EXCLUDED.project_dir ELSE s.project_dir END,
                cwd = CASE WHEN s.cwd = '' THEN EXCLUDED.cwd ELSE s.cwd END,
                first_activity = LEAST(s.first_activity, EXCLUDED.first_activity),
                last_activity = GREATEST(s.last_activity, EXCLUDED.last_activity),
                end_reason = COALESCE(EXCLUDED.end_reason, s.end_reason)
            WHERE (s.project_dir = '' AND EXCLUDED.project_dir <> '')
                OR (s.cwd = '' AND EXCLUDED.cwd <> '')
                OR s.first_activity IS DISTINCT FROM LEAST(s.first_activity, EXCLUDED.first_activity)
                OR s.last_activity IS DISTINCT FROM GREATEST(s.last_activity, EXCLUDED.last_activity)
                OR (EXCLUDED.end_reason IS NOT NULL AND s.end_reason IS DISTINCT FROM EXCLUDED.end_reason)""";

    private UsageUpsertSql() {
    }
}
