-- Revert onemedi:money_domains_validate from pg
-- A validated constraint cannot be marked not valid again: each rule of the two domains is
-- dropped and added back NOT VALID with its definition and comment, as money_domains left it.

BEGIN;

DO $unvalidate$
DECLARE
    v_rule record;
BEGIN
    FOR v_rule IN
        SELECT
            c.contypid::regtype AS dom,
            c.conname,
            pg_catalog.pg_get_constraintdef(c.oid) AS def,
            pg_catalog.obj_description(c.oid, 'pg_constraint') AS note
        FROM pg_catalog.pg_constraint AS c
        WHERE c.contypid IN ('public.inr'::regtype, 'public.percent_rate'::regtype)
        ORDER BY 1, 2
    LOOP
        EXECUTE pg_catalog.format('ALTER DOMAIN %s DROP CONSTRAINT %I', v_rule.dom, v_rule.conname);
        EXECUTE pg_catalog.format(
            'ALTER DOMAIN %s ADD CONSTRAINT %I %s NOT VALID', v_rule.dom, v_rule.conname,
            v_rule.def
        );
        EXECUTE pg_catalog.format(
            'COMMENT ON CONSTRAINT %I ON DOMAIN %s IS %L', v_rule.conname, v_rule.dom,
            v_rule.note
        );
    END LOOP;
END
$unvalidate$;

COMMIT;
