-- Deploy onemedi:audit_log_chain to pg
-- requires: private_schema
-- requires: audit_logs
-- requires: audit_access_context_redaction
-- Tampering with the audit log becomes evident: every audit row is covered by a link of a
-- hash chain, one chain per UTC month. A link holds the SHA-256 of the row and the SHA-256
-- of the previous link's hash followed by it, so an edited, removed or re-ordered row breaks
-- every link after it. Writers do not wait on each other for it: the row's hash is queued
-- with the row (same transaction), and seal_audit_log_chain() links the queue into the
-- chains shortly after (pg_cron every minute; audit_log_chain_heads() and
-- verify_audit_log_chain() seal first). verify_audit_log_chain() recomputes the chains and
-- names the first broken row; audit_log_chain_heads() gives the latest link of each month,
-- for the backend to store outside the database (the owner could rebuild a chain inside
-- it, but not the copies held elsewhere). The backend calls those two through the Data API
-- (service_role), so they are in public; the chain's tables, its triggers, the sealer
-- (pg_cron runs it as the owner) and the hashing and retention helpers are in private,
-- which the Data API does not expose (issue 14).

BEGIN;

CREATE TABLE private.audit_log_chain (
    month date NOT NULL,
    seq bigint NOT NULL,
    audit_id uuid NOT NULL,
    audit_created_at timestamptz NOT NULL,
    row_hash bytea NOT NULL,
    chain_hash bytea NOT NULL,
    chained_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_chain_pkey PRIMARY KEY (month, seq),
    CONSTRAINT audit_log_chain_seq_positive CHECK (seq > 0),
    CONSTRAINT audit_log_chain_month_of_row CHECK (
        month = date_trunc('month', audit_created_at AT TIME ZONE 'UTC')::date
    ),
    CONSTRAINT audit_log_chain_hashes_are_sha256 CHECK (
        octet_length(row_hash) = 32 AND octet_length(chain_hash) = 32
    )
);

ALTER TABLE private.audit_log_chain ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON private.audit_log_chain FROM public, anon, authenticated, service_role;

COMMENT ON TABLE private.audit_log_chain IS
'One link per audit_logs row: a hash chain per UTC month of created_at, in the order '
'seal_audit_log_chain() linked the rows (the only writer). Append-only like audit_logs; '
'read through verify_audit_log_chain() and audit_log_chain_heads(). Links of months whose '
'partition was dropped after retention stay, as the record that the month existed.';
COMMENT ON COLUMN private.audit_log_chain.month IS
'First day of the UTC month of the audit row: the chain the link belongs to.';
COMMENT ON COLUMN private.audit_log_chain.seq IS
'Position in the month''s chain, 1, 2, 3... without gaps.';
COMMENT ON COLUMN private.audit_log_chain.audit_id IS
'audit_logs.id of the row the link covers (with audit_created_at, its key).';
COMMENT ON COLUMN private.audit_log_chain.row_hash IS
'audit_log_row_hash() of the row when it was written (queued with it).';
COMMENT ON COLUMN private.audit_log_chain.chain_hash IS
'SHA-256 of the previous link''s chain_hash followed by row_hash (for seq 1: of row_hash '
'alone).';
COMMENT ON COLUMN private.audit_log_chain.chained_at IS
'When the link was sealed (seconds to a minute after the audit row''s commit).';
COMMENT ON CONSTRAINT audit_log_chain_month_of_row ON private.audit_log_chain IS
'Refuses a link filed under another month than its row''s UTC month.';
COMMENT ON CONSTRAINT audit_log_chain_hashes_are_sha256 ON private.audit_log_chain IS
'Refuses a hash that is not 32 bytes (SHA-256).';

CREATE FUNCTION private.audit_log_chain_refuse_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = '42501',
        MESSAGE = pg_catalog.format(
            '%s is append-only: %s is refused for every role, the owner included',
            TG_TABLE_NAME, TG_OP
        ),
        HINT = 'The chain is written by seal_audit_log_chain() only, from the queue that '
        'the audit_logs_chain trigger fills.';
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_log_chain_refuse_change() IS
'Trigger of audit_log_chain (BEFORE UPDATE OR DELETE per row, BEFORE TRUNCATE) and of '
'audit_log_chain_queue (BEFORE UPDATE per row, BEFORE TRUNCATE), enabled ALWAYS: raises '
'42501 for every role, the owner included.';

REVOKE ALL ON FUNCTION private.audit_log_chain_refuse_change()
FROM public, anon, authenticated, service_role;

CREATE TRIGGER audit_log_chain_refuse_change
BEFORE UPDATE OR DELETE ON private.audit_log_chain
FOR EACH ROW EXECUTE FUNCTION private.audit_log_chain_refuse_change();
CREATE TRIGGER audit_log_chain_refuse_truncate
BEFORE TRUNCATE ON private.audit_log_chain
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_chain_refuse_change();
ALTER TABLE private.audit_log_chain
ENABLE ALWAYS TRIGGER audit_log_chain_refuse_change,
ENABLE ALWAYS TRIGGER audit_log_chain_refuse_truncate;

CREATE TABLE private.audit_log_chain_queue (
    audit_id uuid NOT NULL,
    audit_created_at timestamptz NOT NULL,
    row_hash bytea NOT NULL,
    CONSTRAINT audit_log_chain_queue_pkey PRIMARY KEY (audit_created_at, audit_id),
    CONSTRAINT audit_log_chain_queue_hash_is_sha256 CHECK (octet_length(row_hash) = 32)
);

ALTER TABLE private.audit_log_chain_queue ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON private.audit_log_chain_queue FROM public, anon, authenticated, service_role;

COMMENT ON TABLE private.audit_log_chain_queue IS
'Audit rows written but not linked yet: the row''s key and hash, queued in the row''s own '
'transaction by the audit_logs_chain trigger; seal_audit_log_chain() links them into '
'audit_log_chain and removes them. Never updated; normally near empty.';
COMMENT ON COLUMN private.audit_log_chain_queue.row_hash IS
'audit_log_row_hash() of the row as it was inserted.';
COMMENT ON CONSTRAINT audit_log_chain_queue_hash_is_sha256 ON private.audit_log_chain_queue IS
'Refuses a hash that is not 32 bytes (SHA-256).';

CREATE TRIGGER audit_log_chain_queue_refuse_change
BEFORE UPDATE ON private.audit_log_chain_queue
FOR EACH ROW EXECUTE FUNCTION private.audit_log_chain_refuse_change();
CREATE TRIGGER audit_log_chain_queue_refuse_truncate
BEFORE TRUNCATE ON private.audit_log_chain_queue
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_chain_refuse_change();
ALTER TABLE private.audit_log_chain_queue
ENABLE ALWAYS TRIGGER audit_log_chain_queue_refuse_change,
ENABLE ALWAYS TRIGGER audit_log_chain_queue_refuse_truncate;

CREATE FUNCTION private.audit_log_row_hash(
    p_id uuid,
    p_actor_id uuid,
    p_actor_kind public.audit_actor_kind,
    p_entity_type text,
    p_entity_id text,
    p_action public.audit_action,
    p_before_state jsonb,
    p_after_state jsonb,
    p_created_at timestamptz
)
RETURNS bytea
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
BEGIN
    RETURN pg_catalog.sha256(pg_catalog.convert_to(
        pg_catalog.jsonb_build_array(
            p_id,
            p_actor_id,
            p_actor_kind,
            p_entity_type,
            p_entity_id,
            p_action,
            p_before_state,
            p_after_state,
            pg_catalog.to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        )::text,
        'UTF8'
    ));
END;
$$;

COMMENT ON FUNCTION private.audit_log_row_hash(
    uuid, uuid, public.audit_actor_kind, text, text, public.audit_action, jsonb, jsonb,
    timestamptz
) IS
'SHA-256 of an audit row''s canonical text: the JSON array [id, actor_id, actor_kind, '
'entity_type, entity_id, action, before_state, after_state, created_at as '
'YYYY-MM-DDTHH:MI:SS.ffffffZ in UTC] as PostgreSQL prints jsonb (keys ordered by length '
'then bytes, ", " and ": " as separators), UTF-8. Independent of the session''s settings, '
'so an outside verifier can recompute it from exported rows. Raises nothing.';

CREATE FUNCTION private.audit_chain_step(p_previous bytea, p_row_hash bytea)
RETURNS bytea
LANGUAGE plpgsql
IMMUTABLE
PARALLEL SAFE
SET search_path = ''
AS $$
BEGIN
    RETURN pg_catalog.sha256(coalesce(p_previous, ''::bytea) || p_row_hash);
END;
$$;

COMMENT ON FUNCTION private.audit_chain_step(bytea, bytea) IS
'The next link''s chain_hash: SHA-256 of the previous chain_hash (nothing for the first '
'link of a month) followed by the row hash.';

-- Exact day the law lets a month of the audit log go. GST (CGST Act s.36): accounts and
-- records are kept 72 months from the due date of the annual return of their financial
-- year, due 31 December after it ends (CGST Rules r.80). DPDP Rules (r.6): logs at least
-- one year. The GST period is always the longer one.
CREATE FUNCTION private.audit_log_retained_until(p_month date)
RETURNS date
LANGUAGE sql
IMMUTABLE
SET search_path = ''
AS $$
    SELECT pg_catalog.make_date(
        pg_catalog.date_part('year', p_month)::integer
        + CASE WHEN pg_catalog.date_part('month', p_month) >= 4 THEN 1 ELSE 0 END
        + 6,
        12,
        31
    )
$$;

COMMENT ON FUNCTION private.audit_log_retained_until(date) IS
'Last day (India time) the audit rows of p_month''s month must be kept: 31 December of the '
'sixth year after the end of its financial year (April-March), i.e. 72 months after the '
'annual return''s due date (31 December after the year ends; CGST Act s.36, Rules r.80); '
'DPDP''s one year of logs (Rules r.6) is always shorter. A partition may be dropped from '
'the next day on. Further holds (an appeal, an investigation) are for operations to add.';

REVOKE ALL ON FUNCTION private.audit_log_row_hash(
    uuid, uuid, public.audit_actor_kind, text, text, public.audit_action, jsonb, jsonb,
    timestamptz
) FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.audit_chain_step(bytea, bytea)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.audit_log_retained_until(date)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.audit_log_row_hash(
    uuid, uuid, public.audit_actor_kind, text, text, public.audit_action, jsonb, jsonb,
    timestamptz
) TO service_role;
GRANT EXECUTE ON FUNCTION private.audit_chain_step(bytea, bytea) TO service_role;
GRANT EXECUTE ON FUNCTION private.audit_log_retained_until(date) TO service_role;

CREATE FUNCTION private.audit_log_chain_enqueue()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    INSERT INTO private.audit_log_chain_queue (audit_id, audit_created_at, row_hash)
    SELECT
        n.id,
        n.created_at,
        private.audit_log_row_hash(
            n.id, n.actor_id, n.actor_kind, n.entity_type, n.entity_id, n.action,
            n.before_state, n.after_state, n.created_at
        )
    FROM new_rows AS n;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_log_chain_enqueue() IS
'AFTER INSERT statement trigger audit_logs_chain of audit_logs (transition table new_rows, '
'enabled ALWAYS): queues each new row''s key and audit_log_row_hash() in '
'audit_log_chain_queue, in the writing transaction, without any lock on the chain: writers '
'never wait for each other. Runs as the writer (only the owner''s definer functions and the '
'owner write audit_logs). Raises nothing itself.';

CREATE FUNCTION private.seal_audit_log_chain()
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    r record;
    v_month date;
    v_seq bigint;
    v_previous bytea;
    v_sealed bigint := 0;
BEGIN
    -- One sealer at a time (writers never take this lock): when another one is running,
    -- it links what is queued, and this call has nothing to do.
    IF NOT pg_catalog.pg_try_advisory_xact_lock(
        pg_catalog.hashtextextended('private.audit_log_chain', 0)
    ) THEN
        RETURN 0;
    END IF;
    FOR r IN
        SELECT
            q.audit_id,
            q.audit_created_at,
            q.row_hash,
            pg_catalog.date_trunc('month', q.audit_created_at AT TIME ZONE 'UTC')::date AS m
        FROM private.audit_log_chain_queue AS q
        ORDER BY m, q.audit_created_at, q.audit_id
    LOOP
        IF v_month IS DISTINCT FROM r.m THEN
            v_month := r.m;
            v_seq := NULL;
            v_previous := NULL;
            SELECT l.seq, l.chain_hash
            INTO v_seq, v_previous
            FROM private.audit_log_chain AS l
            WHERE l.month = v_month
            ORDER BY l.seq DESC
            LIMIT 1;
            v_seq := coalesce(v_seq, 0);
        END IF;
        v_seq := v_seq + 1;
        v_previous := private.audit_chain_step(v_previous, r.row_hash);
        -- In REPEATABLE READ or SERIALIZABLE a link sealed since the snapshot conflicts
        -- here, and ON CONFLICT makes PostgreSQL raise 40001 (could not serialize access)
        -- rather than a duplicate key; sealing again later links the rows.
        INSERT INTO private.audit_log_chain (
            month, seq, audit_id, audit_created_at, row_hash, chain_hash
        ) VALUES (v_month, v_seq, r.audit_id, r.audit_created_at, r.row_hash, v_previous)
        ON CONFLICT ON CONSTRAINT audit_log_chain_pkey DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = '40001',
                MESSAGE = pg_catalog.format(
                    'the audit chain of %s moved on while this seal ran', v_month
                ),
                HINT = 'Seal again.';
        END IF;
        DELETE FROM private.audit_log_chain_queue AS q
        WHERE q.audit_created_at = r.audit_created_at AND q.audit_id = r.audit_id;
        v_sealed := v_sealed + 1;
    END LOOP;
    RETURN v_sealed;
END;
$$;

COMMENT ON FUNCTION private.seal_audit_log_chain() IS
'Links every queued audit row (audit_log_chain_queue) into its month''s chain, in (month, '
'created_at, id) order, and returns how many it linked (0 when the queue is empty, or when '
'another sealer holds the advisory lock and is linking them). Writers are never blocked. '
'Scheduled every minute by pg_cron where it is installed; audit_log_chain_heads() and '
'verify_audit_log_chain() call it first. Must run as the owner of audit_logs. Raises 40001 '
'when called in a REPEATABLE READ or SERIALIZABLE transaction whose snapshot missed a '
'concurrent seal (retry).';

REVOKE ALL ON FUNCTION private.audit_log_chain_enqueue()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.seal_audit_log_chain()
FROM public, anon, authenticated, service_role;

-- Taken before the backfill: from here no other transaction inserts an audit row until
-- this one commits, so every row is either queued below or by the trigger.
CREATE TRIGGER audit_logs_chain
AFTER INSERT ON public.audit_logs
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_chain_enqueue();
ALTER TABLE public.audit_logs ENABLE ALWAYS TRIGGER audit_logs_chain;

-- The rows already there (live data) are queued like new ones. They are linked by the
-- first seal_audit_log_chain() after this deploy (pg_cron within a minute, or
-- audit_log_chain_heads()/verify_audit_log_chain()), outside this transaction: the lock
-- this deploy holds on audit_logs, which holds back every audited write, lasts only as long
-- as the queueing (about 10 us a row), not as long as the linking.
INSERT INTO private.audit_log_chain_queue (audit_id, audit_created_at, row_hash)
SELECT
    a.id,
    a.created_at,
    private.audit_log_row_hash(
        a.id, a.actor_id, a.actor_kind, a.entity_type, a.entity_id, a.action,
        a.before_state, a.after_state, a.created_at
    ) AS row_hash
FROM public.audit_logs AS a;

CREATE FUNCTION public.audit_log_chain_heads()
RETURNS TABLE (month date, seq bigint, chain_hash text, chained_at timestamptz)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    PERFORM private.seal_audit_log_chain();
    RETURN QUERY
    WITH RECURSIVE months AS (
        SELECT min(l.month) AS m FROM private.audit_log_chain AS l
        UNION ALL
        SELECT (
            SELECT min(l.month) FROM private.audit_log_chain AS l WHERE l.month > months.m
        )
        FROM months
        WHERE months.m IS NOT NULL
    )
    SELECT months.m, h.seq, pg_catalog.encode(h.chain_hash, 'hex'), h.chained_at
    FROM months
    CROSS JOIN LATERAL (
        SELECT l.seq, l.chain_hash, l.chained_at
        FROM private.audit_log_chain AS l
        WHERE l.month = months.m
        ORDER BY l.seq DESC
        LIMIT 1
    ) AS h
    WHERE months.m IS NOT NULL
    ORDER BY months.m;
END;
$$;

COMMENT ON FUNCTION public.audit_log_chain_heads() IS
'Seals the queue, then returns the latest link of every month''s chain (month, seq, '
'chain_hash in hex, chained_at): the anchor. The backend stores it daily outside the '
'database (write-once storage, another account); verify_audit_log_chain(p_anchors => ...) '
'then proves the chain still passes through each stored head, which a chain rebuilt by the '
'owner would not. An RPC of the backend (service_role, through the Data API); SECURITY '
'DEFINER, since the chain in private has no grant. Raises 40001 as seal_audit_log_chain() '
'does.';

REVOKE ALL ON FUNCTION public.audit_log_chain_heads()
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.audit_log_chain_heads() TO service_role;

CREATE FUNCTION public.verify_audit_log_chain(
    p_month date DEFAULT NULL, p_anchors jsonb DEFAULT NULL
)
RETURNS TABLE (
    month date,
    problem text,
    seq bigint,
    audit_id uuid,
    audit_created_at timestamptz,
    rows_affected bigint,
    detail text
)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_months date[];
    v_month date;
    v_lo timestamptz;
    v_hi timestamptz;
    v_table text;
    v_attached boolean;
    v_links bigint;
    v_present bigint;
    r record;
    v_anchor jsonb;
    v_expected bytea;
    v_last bigint;
    v_broken bigint;
    v_broken_seq bigint;
    v_broken_id uuid;
    v_broken_ts timestamptz;
    v_altered bigint;
    v_altered_seq bigint;
    v_altered_id uuid;
    v_altered_ts timestamptz;
    v_missing bigint;
    v_missing_seq bigint;
    v_missing_id uuid;
    v_missing_ts timestamptz;
BEGIN
    IF p_anchors IS NOT NULL AND (
        pg_catalog.jsonb_typeof(p_anchors) <> 'array'
        OR EXISTS (
            SELECT 1
            FROM pg_catalog.jsonb_array_elements(p_anchors) AS e (a)
            WHERE
                pg_catalog.jsonb_typeof(e.a) <> 'object'
                OR (e.a ->> 'month') !~ '^[0-9]{4}-[0-9]{2}-01$'
                OR (e.a ->> 'seq') !~ '^[1-9][0-9]{0,18}$'
                OR (e.a ->> 'chain_hash') !~ '^[0-9a-f]{64}$'
        )
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM121',
            MESSAGE = 'verify_audit_log_chain: p_anchors must be an array of '
            '{"month": "YYYY-MM-01", "seq": n, "chain_hash": "<64 hex digits>"}',
            HINT = 'Pass the rows audit_log_chain_heads() returned, as stored.';
    END IF;
    -- What is queued is linked first: the chains then cover every row written so far.
    PERFORM private.seal_audit_log_chain();

    -- Every month that has links, a partition, or rows waiting in the default partition.
    SELECT pg_catalog.array_agg(DISTINCT x.m ORDER BY x.m)
    INTO v_months
    FROM (
        SELECT l.month AS m FROM (
            WITH RECURSIVE ms AS (
                SELECT min(c.month) AS month FROM private.audit_log_chain AS c
                UNION ALL
                SELECT (
                    SELECT min(c.month) FROM private.audit_log_chain AS c
                    WHERE c.month > ms.month
                )
                FROM ms
                WHERE ms.month IS NOT NULL
            )
            SELECT ms.month FROM ms WHERE ms.month IS NOT NULL
        ) AS l
        UNION
        SELECT pg_catalog.to_date(
            pg_catalog.substr(c.relname, 13, 4) || pg_catalog.substr(c.relname, 18, 2), 'YYYYMM'
        )
        FROM pg_catalog.pg_inherits AS i
        INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
        WHERE
            i.inhparent = 'public.audit_logs'::regclass
            AND c.relname ~ '^audit_logs_y[0-9]{4}m[0-9]{2}$'
        UNION
        SELECT pg_catalog.date_trunc('month', d.created_at AT TIME ZONE 'UTC')::date
        FROM private.audit_logs_default AS d
    ) AS x
    WHERE p_month IS NULL OR x.m = pg_catalog.date_trunc('month', p_month)::date;

    FOREACH v_month IN ARRAY coalesce(v_months, '{}') LOOP
        v_lo := (pg_catalog.to_char(v_month, 'YYYY-MM-DD') || ' 00:00:00+00')::timestamptz;
        v_hi := (pg_catalog.to_char((v_month + INTERVAL '1 month')::date, 'YYYY-MM-DD')
        || ' 00:00:00+00')::timestamptz;
        v_table := 'audit_logs_' || pg_catalog.to_char(v_month, '"y"YYYY"m"MM');
        v_attached := EXISTS (
            SELECT 1
            FROM pg_catalog.pg_inherits AS i
            WHERE
                i.inhparent = 'public.audit_logs'::regclass
                AND i.inhrelid = pg_catalog.to_regclass('private.' || v_table)
        );
        SELECT pg_catalog.count(*) INTO v_links
        FROM private.audit_log_chain AS l WHERE l.month = v_month;
        SELECT pg_catalog.count(*) INTO v_present
        FROM public.audit_logs AS a WHERE a.created_at >= v_lo AND a.created_at < v_hi;

        -- A month with links but neither a partition nor rows: detached or dropped. After
        -- its retention that is the lawful end of the month; before, it is reported.
        IF v_links > 0 AND NOT v_attached AND v_present = 0 THEN
            IF (pg_catalog.now() AT TIME ZONE 'Asia/Kolkata')::date
                > private.audit_log_retained_until(v_month) THEN
                CONTINUE;
            END IF;
            month := v_month;
            problem := 'partition_missing';
            seq := NULL;
            audit_id := NULL;
            audit_created_at := NULL;
            rows_affected := v_links;
            detail := CASE
                WHEN pg_catalog.to_regclass('private.' || v_table) IS NOT NULL
                    THEN pg_catalog.format(
                        'private.%s was detached from audit_logs; it must be kept until %s',
                        v_table, private.audit_log_retained_until(v_month)
                    )
                ELSE pg_catalog.format(
                    'the partition of %s was dropped; it had to be kept until %s',
                    pg_catalog.to_char(v_month, 'YYYY-MM'),
                    private.audit_log_retained_until(v_month)
                )
            END;
            RETURN NEXT;
            CONTINUE;
        END IF;

        -- Walk the month's links in order, recomputing the chain and each row's hash.
        v_expected := NULL;
        v_last := 0;
        v_broken := 0;
        v_altered := 0;
        v_missing := 0;
        FOR r IN
            SELECT
                l.seq,
                l.audit_id,
                l.audit_created_at,
                l.row_hash,
                l.chain_hash,
                a.id IS NOT NULL AS present,
                private.audit_log_row_hash(
                    a.id, a.actor_id, a.actor_kind, a.entity_type, a.entity_id, a.action,
                    a.before_state, a.after_state, a.created_at
                ) AS now_hash
            FROM private.audit_log_chain AS l
            LEFT JOIN public.audit_logs AS a
                ON
                    l.audit_id = a.id
                    AND l.audit_created_at = a.created_at
                    AND a.created_at >= v_lo
                    AND a.created_at < v_hi
            WHERE l.month = v_month
            ORDER BY l.seq
        LOOP
            v_expected := private.audit_chain_step(v_expected, r.row_hash);
            IF r.seq <> v_last + 1 OR r.chain_hash <> v_expected THEN
                v_broken := v_broken + 1;
                IF v_broken = 1 THEN
                    v_broken_seq := r.seq;
                    v_broken_id := r.audit_id;
                    v_broken_ts := r.audit_created_at;
                END IF;
                -- Judge the links after a break on their own.
                v_expected := r.chain_hash;
            END IF;
            IF NOT r.present THEN
                v_missing := v_missing + 1;
                IF v_missing = 1 THEN
                    v_missing_seq := r.seq;
                    v_missing_id := r.audit_id;
                    v_missing_ts := r.audit_created_at;
                END IF;
            ELSIF r.now_hash <> r.row_hash THEN
                v_altered := v_altered + 1;
                IF v_altered = 1 THEN
                    v_altered_seq := r.seq;
                    v_altered_id := r.audit_id;
                    v_altered_ts := r.audit_created_at;
                END IF;
            END IF;
            v_last := r.seq;
        END LOOP;

        month := v_month;
        IF v_broken > 0 THEN
            problem := 'link_broken';
            seq := v_broken_seq;
            audit_id := v_broken_id;
            audit_created_at := v_broken_ts;
            rows_affected := v_broken;
            detail := 'audit_log_chain was edited: this link does not follow from the one '
            'before it';
            RETURN NEXT;
        END IF;
        IF v_altered > 0 THEN
            problem := 'row_altered';
            seq := v_altered_seq;
            audit_id := v_altered_id;
            audit_created_at := v_altered_ts;
            rows_affected := v_altered;
            detail := 'the audit row no longer has the content it was chained with';
            RETURN NEXT;
        END IF;
        IF v_missing > 0 THEN
            problem := 'row_missing';
            seq := v_missing_seq;
            audit_id := v_missing_id;
            audit_created_at := v_missing_ts;
            rows_affected := v_missing;
            detail := 'a chained audit row is no longer in audit_logs';
            RETURN NEXT;
        END IF;

        -- Rows nobody chained: inserted while the chain trigger was off, or copied in.
        SELECT pg_catalog.count(*) INTO rows_affected
        FROM public.audit_logs AS a
        WHERE
            a.created_at >= v_lo AND a.created_at < v_hi
            AND NOT EXISTS (
                SELECT 1
                FROM private.audit_log_chain AS l
                WHERE
                    l.month = v_month
                    AND l.audit_id = a.id
                    AND l.audit_created_at = a.created_at
            )
            AND NOT EXISTS (
                SELECT 1
                FROM private.audit_log_chain_queue AS q
                WHERE q.audit_id = a.id AND q.audit_created_at = a.created_at
            );
        IF rows_affected > 0 THEN
            problem := 'row_outside_chain';
            seq := NULL;
            SELECT a.id, a.created_at
            INTO audit_id, audit_created_at
            FROM public.audit_logs AS a
            WHERE
                a.created_at >= v_lo AND a.created_at < v_hi
                AND NOT EXISTS (
                    SELECT 1
                    FROM private.audit_log_chain AS l
                    WHERE
                        l.month = v_month
                        AND l.audit_id = a.id
                        AND l.audit_created_at = a.created_at
                )
                AND NOT EXISTS (
                    SELECT 1
                    FROM private.audit_log_chain_queue AS q
                    WHERE q.audit_id = a.id AND q.audit_created_at = a.created_at
                )
            ORDER BY a.created_at, a.id
            LIMIT 1;
            detail := 'audit rows that no link covers (added outside the chain)';
            RETURN NEXT;
        END IF;
    END LOOP;

    -- The stored heads: the chain must still pass through each of them.
    FOR v_anchor IN SELECT e.a FROM pg_catalog.jsonb_array_elements(coalesce(p_anchors, '[]')) AS e (a)
    LOOP
        CONTINUE WHEN p_month IS NOT NULL
        AND (v_anchor ->> 'month')::date <> pg_catalog.date_trunc('month', p_month)::date;
        IF NOT EXISTS (
            SELECT 1
            FROM private.audit_log_chain AS l
            WHERE
                l.month = (v_anchor ->> 'month')::date
                AND l.seq = (v_anchor ->> 'seq')::bigint
                AND l.chain_hash = pg_catalog.decode(v_anchor ->> 'chain_hash', 'hex')
        ) THEN
            month := (v_anchor ->> 'month')::date;
            problem := 'anchor_mismatch';
            seq := (v_anchor ->> 'seq')::bigint;
            audit_id := NULL;
            audit_created_at := NULL;
            rows_affected := 1;
            detail := 'the chain no longer passes through this stored head: it was rebuilt';
            RETURN NEXT;
        END IF;
    END LOOP;
END;
$$;

COMMENT ON FUNCTION public.verify_audit_log_chain(date, jsonb) IS
'Seals the queue, recomputes the audit log''s hash chains (every month, or p_month''s) and '
'returns one row '
'per problem found, none when the log is as it was written: link_broken (audit_log_chain '
'edited; first link), row_altered (a row''s content changed; first row, count), '
'row_missing (a chained row is gone), row_outside_chain (rows no link covers), '
'partition_missing (a month''s partition detached or dropped before its retention ended), '
'anchor_mismatch (the chain no longer passes through a head stored outside, given in '
'p_anchors as audit_log_chain_heads() returned it). A database owner could rebuild a '
'consistent chain; only the stored heads catch that. An RPC of the backend (service_role, '
'through the Data API). Raises OM121 for malformed anchors.';

REVOKE ALL ON FUNCTION public.verify_audit_log_chain(date, jsonb)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.verify_audit_log_chain(date, jsonb) TO service_role;

COMMIT;
