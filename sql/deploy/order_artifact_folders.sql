-- Deploy onemedi:order_artifact_folders to pg
-- requires: order_artifacts
-- requires: orders
-- requires: rls_transactions
-- requires: private_schema
-- An order's files point only into the folders of the order's own patient, for every role: a
-- prescription into prescriptions/<patient>/, a report into lab-reports/<patient>/<order>/
-- (the folder its lab may upload into). So vendor staff cannot link a file of a patient
-- they were not given, and nobody can attach another patient's prescription to an order.
-- Existing rows are not rewritten (the files behind them cannot be moved from here): the
-- migration reports how many are misfiled, and the prescription gate ignores them.

BEGIN;

CREATE FUNCTION private.order_artifacts_in_patient_folder()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_patient uuid;
    v_folder text;
BEGIN
    SELECT o.profile_id INTO v_patient FROM public.orders AS o WHERE o.id = NEW.order_id;
    -- An unknown (or, for the caller, invisible) order is reported by the foreign key or the
    -- policy; a path outside its type's bucket by order_artifacts_file_url_in_matching_bucket.
    IF NOT FOUND
        OR NEW.file_url ~ '(^|/)\.{1,2}(/|$)'
        OR NOT (
            (NEW.type = 'PRESC' AND NEW.file_url ~ '^prescriptions/[^/]+(/[^/]+)*$')
            OR (NEW.type = 'REPORT' AND NEW.file_url ~ '^lab-reports/[^/]+(/[^/]+)*$')
        ) THEN
        RETURN NEW;
    END IF;
    v_folder := CASE NEW.type
        WHEN 'PRESC' THEN 'prescriptions/' || v_patient::text || '/'
        ELSE 'lab-reports/' || v_patient::text || '/' || NEW.order_id::text || '/'
    END;
    IF pg_catalog.left(NEW.file_url, pg_catalog.length(v_folder)) <> v_folder THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM098',
            MESSAGE = pg_catalog.format(
                '%s is not in the folder %s of order %s''s patient',
                NEW.file_url, v_folder, NEW.order_id
            ),
            HINT = CASE NEW.type
                WHEN 'PRESC' THEN 'A prescription is attached by its patient, from their own '
                    || 'folder: prescriptions/<patient id>/<file>.'
                ELSE 'Upload the report as lab-reports/<patient id>/<order id>/<file> of this '
                    || 'order, then attach that path.'
            END;
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION private.order_artifacts_in_patient_folder() IS
'BEFORE INSERT OR UPDATE OF order_id, type, file_url trigger of order_artifacts, for every '
'role: raises OM098 when a PRESC path is not under prescriptions/<the order''s patient>/, or a '
'REPORT path not under lab-reports/<the order''s patient>/<the order>/. Leaves paths outside '
'their type''s bucket to the check order_artifacts_file_url_in_matching_bucket.';

REVOKE ALL ON FUNCTION private.order_artifacts_in_patient_folder()
FROM anon, authenticated, service_role, public;

CREATE TRIGGER order_artifacts_in_patient_folder
BEFORE INSERT OR UPDATE OF order_id, type, file_url ON public.order_artifacts
FOR EACH ROW EXECUTE FUNCTION private.order_artifacts_in_patient_folder();

DO $$
DECLARE
    v_n bigint := (
        SELECT count(*)
        FROM public.order_artifacts AS a
        INNER JOIN public.orders AS o ON a.order_id = o.id
        WHERE
            (a.type = 'PRESC' AND a.file_url NOT LIKE 'prescriptions/' || o.profile_id || '/%')
            OR (
                a.type = 'REPORT'
                AND a.file_url NOT LIKE 'lab-reports/' || o.profile_id || '/' || o.id || '/%'
            )
    );
BEGIN
    IF v_n > 0 THEN
        RAISE WARNING USING
            MESSAGE = pg_catalog.format(
                '%s order files point outside their order''s patient''s folders; they are kept '
                || 'but never open the prescription gate', v_n
            ),
            HINT = 'List them with the query in docs/errors.md (OM098), move the files through '
            || 'the Storage API and attach the new paths.';
    END IF;
END
$$;

COMMIT;
