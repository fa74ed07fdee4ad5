-- Run by bench/dashboard-remote.sh with psql -v schema=S -v records=N -v machines=M, after cc-telemetry's own
-- migration has created the remote schema S: fills usage_events, machines and sessions with generated records as
-- pushes would store them (LedgerFill's shape: sessions of 20 to 400 requests over the year before 2026-12-07,
-- 40 projects, six models, one request in ten from a subagent; each session on one of M machines). Whatever the
-- schema keeps in step with usage_events (the summary) is kept by its own triggers, as in a push. The same
-- arguments give the same rows (setseed). Chunks of ~1M records, each committed, so a failure keeps what is done.
\set ON_ERROR_STOP on
SET search_path = :schema;
SELECT setseed(0.42);

INSERT INTO machines (machine_id, name, os, last_push)
SELECT 'machine-' || m, 'host-' || m, 'linux', timestamptz '2026-12-07 18:00:00Z'
FROM generate_series(1, :machines) m;

CREATE TEMP TABLE fill_sessions AS
SELECT n, 20 + floor(random() * 381)::int AS len, 1 + floor(random() * :machines)::int AS machine,
       floor(random() * 40)::int AS project, floor(random() * 6)::int AS model,
       timestamptz '2026-12-07 18:00:00Z' - floor(random() * 365 * 24 * 60) * interval '1 minute' AS start,
       lpad(to_hex(floor(random() * 281474976710656)::bigint), 12, '0') AS tail
FROM generate_series(1, :records / 100 + 100) n;

CREATE TEMP TABLE fill_plan AS
SELECT *, sum(len) OVER (ORDER BY n) - len AS before FROM fill_sessions;
DELETE FROM fill_plan WHERE before >= :records;

-- Per million tokens: input price of each model; output 5x, 5-minute cache write 1.25x, 1-hour 2x, read 0.1x.
CREATE TEMP TABLE fill_models (i int, name text, input_usd float8);
INSERT INTO fill_models VALUES (0, 'claude-sonnet-4-5-20250929', 3), (1, 'claude-opus-4-1-20250805', 15),
    (2, 'claude-haiku-4-5-20251001', 1), (3, 'claude-sonnet-4-20250514', 3), (4, 'claude-opus-4-5-20251101', 5),
    (5, 'claude-3-5-haiku-20241022', 0.8);

SELECT format($f$
INSERT INTO usage_events (message_id, request_id, machine_id, session_id, project_dir, cwd, ts, model, input, output,
    cache_write_5m, cache_write_1h, cache_read, speed, service_tier, version, sidechain, agent_id, stop_reason_set,
    config_root, source_file, source_offset, cost_usd, cost_source)
SELECT 'msg_' || (r.k + 1), 'req_' || (r.k + 1), 'machine-' || r.machine, r.session, r.project_dir, r.cwd, r.ts,
    m.name, r.input, r.output, r.cw5, r.cw1, r.cr, '', 'standard', '2.1.0', r.sub,
    CASE WHEN r.sub THEN 'agent-' || floor(random() * 5)::int ELSE '' END, true, '/home/dev/.claude',
    '/home/dev/.claude/projects/' || r.project_dir || '/' || r.session || '.jsonl', r.i * 2000,
    m.input_usd * (r.input + 5 * r.output + 1.25 * r.cw5 + 2 * r.cw1 + 0.1 * r.cr) / 1e6, 'price_table'
FROM (
    SELECT p.before + i AS k, i, p.machine, p.model,
        lpad(to_hex(p.n), 8, '0') || '-0000-4000-8000-' || p.tail AS session,
        '-home-dev-code-project-' || p.project AS project_dir, '/home/dev/code/project-' || p.project AS cwd,
        p.start + (i * 65 + floor(random() * 60)) * interval '1 second' AS ts,
        floor(random() * 5000)::bigint AS input, floor(random() * 2000)::bigint AS output,
        floor(random() * 20000)::bigint AS cw5,
        CASE WHEN random() < 0.25 THEN floor(random() * 10000)::bigint ELSE 0 END AS cw1,
        floor(random() * 200000)::bigint AS cr, random() < 0.1 AS sub
    FROM fill_plan p, generate_series(0, p.len - 1) i
    WHERE p.n BETWEEN %s AND %s AND p.before + i < %s) r
JOIN fill_models m ON m.i = r.model
ORDER BY r.k$f$, lo, lo + 4999, :records)
FROM generate_series(1, (SELECT max(n) FROM fill_plan), 5000) lo
\gexec

INSERT INTO sessions (machine_id, session_id, project_dir, cwd, first_activity, last_activity, end_reason)
SELECT machine_id, session_id, min(project_dir), min(cwd), min(ts), max(ts), NULL
FROM usage_events GROUP BY machine_id, session_id;

ANALYZE usage_events, machines, sessions;
SELECT 'ANALYZE usage_hours' WHERE to_regclass('usage_hours') IS NOT NULL
\gexec
