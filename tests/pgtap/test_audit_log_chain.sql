-- The audit log's hash chain (change audit_log_chain): rows are queued with their hash in
-- their own transaction, seal_audit_log_chain() links them per UTC month, and
-- verify_audit_log_chain() names what was altered, removed, added outside the chain,
-- detached or dropped, and whether the chain still passes through heads stored outside.
-- Expected hashes are computed here from the canonical text, with sha256() itself.
-- The chain's tables and the sealer are in schema private; verify_audit_log_chain() and
-- audit_log_chain_heads(), the backend's RPCs, in public.
BEGIN;
SELECT plan(34);

-- Structure.
SELECT col_is_pk('private', 'audit_log_chain', ARRAY['month', 'seq'], 'a link is (month, seq)');
SELECT col_is_pk(
    'private', 'audit_log_chain_queue', ARRAY['audit_created_at', 'audit_id'],
    'a queued row is (created_at, id)'
);
SELECT table_privs_are('private', 'audit_log_chain', 'service_role', ARRAY[]::text[]);
SELECT table_privs_are('private', 'audit_log_chain_queue', 'authenticated', ARRAY[]::text[]);
SELECT hasnt_table('public', 'audit_log_chain', 'the chain is not in public');
SELECT hasnt_table('public', 'audit_log_chain_queue', 'nor its queue');
SELECT results_eq(
    $$SELECT tgrelid::regclass::text, (tgtype & 1) = 0, tgenabled::text
      FROM pg_catalog.pg_trigger WHERE tgname = 'audit_logs_chain'$$,
    $$VALUES ('audit_logs', TRUE, 'A')$$,
    'audit_logs_chain is one statement trigger on audit_logs, enabled ALWAYS'
);

-- Three rows of May 2025, written with known content.
INSERT INTO public.audit_logs (
    id, actor_id, actor_kind, entity_type, entity_id, action, before_state, after_state,
    created_at
) VALUES
(
    '6c000000-0000-4000-8000-000000000001', NULL, 'system', 'orders', 'o-1', 'INSERT', NULL,
    '{"status": "PENDING"}', '2025-05-06 07:08:09.123456+00'
),
(
    '6c000000-0000-4000-8000-000000000002', 'a6c00000-0000-4000-8000-000000000001', 'user',
    'orders', 'o-1', 'UPDATE', '{"status": "PENDING"}', '{"status": "CONFIRMED", "n": 1.50}',
    '2025-05-06 13:08:10+05:30'
),
(
    '6c000000-0000-4000-8000-000000000003', NULL, 'service', 'orders', 'o-1', 'ACCESS', NULL,
    NULL, '2025-05-31 23:59:59.999999+00'
);
CREATE TEMPORARY TABLE t_expected ON COMMIT DROP AS
SELECT
    e.n,
    e.id::uuid AS id,
    sha256(convert_to(e.canonical, 'UTF8')) AS row_hash
FROM (
    VALUES
    (
        1, '6c000000-0000-4000-8000-000000000001',
        '["6c000000-0000-4000-8000-000000000001", null, "system", "orders", "o-1", "INSERT", '
        || 'null, {"status": "PENDING"}, "2025-05-06T07:08:09.123456Z"]'
    ),
    (
        2, '6c000000-0000-4000-8000-000000000002',
        '["6c000000-0000-4000-8000-000000000002", "a6c00000-0000-4000-8000-000000000001", '
        || '"user", "orders", "o-1", "UPDATE", {"status": "PENDING"}, '
        || '{"n": 1.50, "status": "CONFIRMED"}, "2025-05-06T07:38:10.000000Z"]'
    ),
    (
        3, '6c000000-0000-4000-8000-000000000003',
        '["6c000000-0000-4000-8000-000000000003", null, "service", "orders", "o-1", "ACCESS", '
        || 'null, null, "2025-05-31T23:59:59.999999Z"]'
    )
) AS e (n, id, canonical);

SELECT set_eq(
    $$SELECT q.audit_id, q.row_hash FROM private.audit_log_chain_queue AS q
      WHERE q.audit_id::text LIKE '6c000000-%'$$,
    $$SELECT id, row_hash FROM t_expected$$,
    'each row is queued with the SHA-256 of its canonical text, in its own transaction'
);
SET LOCAL timezone = 'America/Los_Angeles';
SELECT is(
    (
        SELECT
            private.audit_log_row_hash(
                l.id, l.actor_id, l.actor_kind, l.entity_type, l.entity_id, l.action,
                l.before_state, l.after_state, l.created_at
            )
        FROM public.audit_logs AS l WHERE l.id = '6c000000-0000-4000-8000-000000000002'
    ),
    (SELECT row_hash FROM t_expected WHERE n = 2),
    'the row hash does not depend on the session''s time zone'
);
RESET timezone;

SELECT is(private.seal_audit_log_chain(), 3::bigint, 'seal_audit_log_chain() links the three rows');
SELECT is_empty(
    $$SELECT 1 FROM private.audit_log_chain_queue$$, 'and empties the queue'
);
SELECT results_eq(
    $$SELECT l.seq, l.audit_id, l.chain_hash FROM private.audit_log_chain AS l
      WHERE l.month = '2025-05-01' ORDER BY l.seq$$,
    $$SELECT e.n::bigint, e.id, CASE e.n
          WHEN 1 THEN sha256(e.row_hash)
          WHEN 2 THEN sha256(sha256(e1.row_hash) || e.row_hash)
          ELSE sha256(sha256(sha256(e1.row_hash) || e2.row_hash) || e.row_hash)
      END
      FROM t_expected AS e, t_expected AS e1, t_expected AS e2
      WHERE e1.n = 1 AND e2.n = 2 ORDER BY e.n$$,
    'May''s chain: seq 1, 2, 3 in time order, each hash = sha256(previous hash || row hash)'
);
SELECT is(private.seal_audit_log_chain(), 0::bigint, 'a second seal finds nothing to link');
SELECT is_empty(
    $$SELECT * FROM public.verify_audit_log_chain()$$,
    'verify_audit_log_chain() finds nothing wrong'
);
SELECT results_eq(
    $$SELECT h.seq, h.chain_hash FROM public.audit_log_chain_heads() AS h
      WHERE h.month = '2025-05-01'$$,
    $$SELECT 3::bigint, encode(chain_hash, 'hex') FROM private.audit_log_chain
      WHERE month = '2025-05-01' AND seq = 3$$,
    'audit_log_chain_heads() gives the latest link of the month, in hex'
);
CREATE TEMPORARY TABLE t_heads ON COMMIT DROP AS
SELECT
    h.month,
    h.seq,
    h.chain_hash
FROM public.audit_log_chain_heads() AS h;

-- June 2025 and July 2025, for the scenarios below.
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
VALUES
(
    '6d000000-0000-4000-8000-000000000001', 'orders', 'o-2', 'INSERT', '{"status": "PENDING"}',
    '2025-06-10 10:00:00+00'
),
(
    '6d000000-0000-4000-8000-000000000002', 'orders', 'o-2', 'INSERT', '{"status": "PENDING"}',
    '2025-06-11 10:00:00+00'
),
(
    '6e000000-0000-4000-8000-000000000001', 'orders', 'o-3', 'INSERT', '{"status": "PENDING"}',
    '2025-07-10 10:00:00+00'
);
SELECT is(private.seal_audit_log_chain(), 3::bigint, 'June''s and July''s rows are linked');
INSERT INTO t_heads
SELECT
    h.month,
    h.seq,
    h.chain_hash
FROM public.audit_log_chain_heads() AS h
WHERE h.month IN ('2025-06-01', '2025-07-01');

-- What an owner without the DDL guard could do, and what verification then says.
-- (The guard's event triggers go first, as their superuser owner: tests.drop_audit_ddl_guard.)
DO $$ BEGIN PERFORM tests.drop_audit_ddl_guard(); END $$;
ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_refuse_change;
UPDATE public.audit_logs SET after_state = '{"status": "PAID"}'
WHERE id = '6c000000-0000-4000-8000-000000000002';
DELETE FROM public.audit_logs WHERE id = '6c000000-0000-4000-8000-000000000003';
ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_chain;
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
VALUES (
    '6c000000-0000-4000-8000-000000000009', 'orders', 'o-1', 'INSERT', '{"status": "FORGED"}',
    '2025-05-20 10:00:00+00'
);
ALTER TABLE public.audit_logs ENABLE ALWAYS TRIGGER audit_logs_chain;
SELECT results_eq(
    $$SELECT problem, seq, audit_id, rows_affected
      FROM public.verify_audit_log_chain('2025-05-17')$$,
    $$VALUES
      ('row_altered', 2::bigint, '6c000000-0000-4000-8000-000000000002'::uuid, 1::bigint),
      ('row_missing', 3::bigint, '6c000000-0000-4000-8000-000000000003'::uuid, 1::bigint),
      ('row_outside_chain', NULL, '6c000000-0000-4000-8000-000000000009'::uuid, 1::bigint)$$,
    'an edited row, a deleted row and a row added outside the chain are each named'
);

-- Edited links.
ALTER TABLE private.audit_log_chain DISABLE TRIGGER audit_log_chain_refuse_change;
UPDATE private.audit_log_chain SET chain_hash = sha256('\x00'::bytea)
WHERE month = '2025-06-01' AND seq = 1;
SELECT results_eq(
    $$SELECT problem, seq, audit_id FROM public.verify_audit_log_chain('2025-06-01')$$,
    $$VALUES ('link_broken', 1::bigint, '6d000000-0000-4000-8000-000000000001'::uuid)$$,
    'an edited link is named as the first broken one'
);
DELETE FROM private.audit_log_chain WHERE month = '2025-06-01' AND seq = 1;
SELECT results_eq(
    $$SELECT problem, seq FROM public.verify_audit_log_chain('2025-06-01')$$,
    $$VALUES ('link_broken', 2::bigint),
             ('row_outside_chain', NULL::bigint)$$,
    'a removed link breaks the next one and leaves its row outside the chain'
);

-- A chain rebuilt from scratch is consistent again: only the stored heads tell.
DELETE FROM private.audit_log_chain WHERE month = '2025-06-01';
UPDATE public.audit_logs SET after_state = '{"status": "REWRITTEN"}'
WHERE id = '6d000000-0000-4000-8000-000000000002';
INSERT INTO private.audit_log_chain_queue (audit_id, audit_created_at, row_hash)
SELECT
    l.id,
    l.created_at,
    private.audit_log_row_hash(
        l.id, l.actor_id, l.actor_kind, l.entity_type, l.entity_id, l.action,
        l.before_state, l.after_state, l.created_at
    ) AS row_hash
FROM public.audit_logs AS l WHERE l.created_at >= '2025-06-01' AND l.created_at < '2025-07-01';
SELECT is_empty(
    $$SELECT * FROM public.verify_audit_log_chain('2025-06-01')$$,
    'a rebuilt chain verifies clean inside the database'
);
SELECT results_eq(
    $$SELECT month, problem, seq FROM public.verify_audit_log_chain(p_anchors => (
        SELECT jsonb_agg(to_jsonb(h)) FROM t_heads AS h))
      WHERE problem = 'anchor_mismatch'$$,
    $$VALUES ('2025-06-01'::date, 'anchor_mismatch', 2::bigint)$$,
    'but it no longer passes through the head stored outside (May and July still do)'
);
SELECT throws_ok(
    $$SELECT * FROM public.verify_audit_log_chain(p_anchors => '[{"month": "2025-06"}]')$$,
    'OM121',
    'verify_audit_log_chain: p_anchors must be an array of {"month": "YYYY-MM-01", "seq": n, '
    '"chain_hash": "<64 hex digits>"}',
    'malformed anchors are refused (OM121)'
);

-- A month detached, then dropped, before its retention ends.
-- (DO: sqlfluff does not parse DETACH PARTITION.)
DO $$ BEGIN ALTER TABLE public.audit_logs DETACH PARTITION private.audit_logs_y2025m07; END $$;
SELECT results_eq(
    $$SELECT problem, rows_affected, detail FROM public.verify_audit_log_chain('2025-07-01')$$,
    $$VALUES ('partition_missing', 1::bigint,
              'private.audit_logs_y2025m07 was detached from audit_logs; it must be kept until '
              || '2032-12-31')$$,
    'a detached month is reported with the day it must be kept until'
);
DROP TABLE private.audit_logs_y2025m07;
SELECT results_eq(
    $$SELECT problem, detail FROM public.verify_audit_log_chain('2025-07-01')$$,
    $$VALUES ('partition_missing',
              'the partition of 2025-07 was dropped; it had to be kept until 2032-12-31')$$,
    'a dropped month is reported'
);
-- A month dropped after its retention ended is the law's end of it: nothing to report.
SELECT private.create_audit_log_partition('2015-05-01')::text;
INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state, created_at)
VALUES ('orders', 'o-old', 'INSERT', '{}', '2015-05-15 10:00:00+00');
SELECT private.seal_audit_log_chain()::text;
DROP TABLE private.audit_logs_y2015m05;
SELECT is_empty(
    $$SELECT * FROM public.verify_audit_log_chain('2015-05-01')$$,
    'a month dropped after its retention (31 Dec 2022 for May 2015) is not reported'
);
SELECT ok(
    EXISTS (SELECT 1 FROM private.audit_log_chain WHERE month = '2015-05-01'),
    'its links stay as the record that it existed'
);

-- The append-only chain and queue.
ALTER TABLE private.audit_log_chain ENABLE ALWAYS TRIGGER audit_log_chain_refuse_change;
SELECT throws_ok(
    $$UPDATE private.audit_log_chain SET seq = seq WHERE month = '2025-05-01'$$,
    '42501',
    'audit_log_chain is append-only: UPDATE is refused for every role, the owner included',
    'links cannot be updated'
);
SELECT throws_ok(
    $$DELETE FROM private.audit_log_chain WHERE month = '2025-05-01'$$,
    '42501',
    'audit_log_chain is append-only: DELETE is refused for every role, the owner included',
    'nor deleted'
);
SELECT throws_ok(
    $$TRUNCATE private.audit_log_chain$$,
    '42501',
    'audit_log_chain is append-only: TRUNCATE is refused for every role, the owner included',
    'nor truncated'
);
INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
VALUES ('orders', 'o-q', 'INSERT', '{}');
SELECT throws_ok(
    $$UPDATE private.audit_log_chain_queue SET row_hash = sha256('x')$$,
    '42501',
    'audit_log_chain_queue is append-only: UPDATE is refused for every role, the owner included',
    'a queued hash cannot be changed'
);

-- Retention, from the law: GST records for 72 months from the annual return's due date
-- (31 December after the financial year April-March ends).
SELECT results_eq(
    $$SELECT private.audit_log_retained_until(m::date)
      FROM unnest(ARRAY['2024-01-15', '2025-03-31', '2025-04-01', '2026-12-01']) AS m$$,
    $$VALUES ('2030-12-31'::date), ('2031-12-31'), ('2032-12-31'), ('2033-12-31')$$,
    'FY 2023-24 -> 31 Dec 2030; FY 2024-25 -> 31 Dec 2031; FY 2025-26 -> 31 Dec 2032; '
    'FY 2026-27 -> 31 Dec 2033'
);

-- Who may call what.
SELECT ok(
    has_function_privilege('service_role', 'public.verify_audit_log_chain(date, jsonb)', 'execute')
    AND has_function_privilege('service_role', 'public.audit_log_chain_heads()', 'execute'),
    'the backend verifies and fetches the heads'
);
SELECT ok(
    NOT has_function_privilege('service_role', 'private.seal_audit_log_chain()', 'execute')
    AND NOT has_function_privilege(
        'authenticated', 'public.verify_audit_log_chain(date, jsonb)', 'execute'
    ),
    'only the owner seals; signed-in users neither verify nor seal'
);
SELECT ok(
    NOT has_function_privilege('anon', 'public.audit_log_chain_heads()', 'execute'),
    'anon may not read the heads'
);

SELECT * FROM finish();
ROLLBACK;
