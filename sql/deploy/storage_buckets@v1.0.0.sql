-- Deploy onemedi:storage_buckets to pg
-- requires: security_helpers
-- requires: policy_indexes
-- requires: order_artifacts
-- requires: order_items
-- requires: orders
-- The four storage buckets of design section 7 and the policies on storage.objects that
-- guard their files. Path conventions (docs/security.md):
--   static-media/<anything>
--   prescriptions/<patient user id>/<file>        (order_artifacts.file_url = bucket/name)
--   lab-reports/<patient user id>/<order id>/<file>
--   vendor-compliance/<vendor id>/<file>

BEGIN;

INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
VALUES
(
    'static-media', 'static-media', TRUE, 5242880,
    ARRAY['image/jpeg', 'image/png', 'image/webp', 'image/avif']
),
(
    'prescriptions', 'prescriptions', FALSE, 10485760,
    ARRAY['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf']
),
(
    'lab-reports', 'lab-reports', FALSE, 20971520,
    ARRAY['application/pdf', 'image/jpeg', 'image/png']
),
(
    'vendor-compliance', 'vendor-compliance', FALSE, 10485760,
    ARRAY['application/pdf', 'image/jpeg', 'image/png']
)
ON CONFLICT (id) DO UPDATE
    SET
        name = excluded.name,
        public = excluded.public,
        file_size_limit = excluded.file_size_limit,
        allowed_mime_types = excluded.allowed_mime_types;

-- static-media: public files, written by admins.
CREATE POLICY "anyone reads static media"
ON storage.objects
FOR SELECT
TO anon, authenticated
USING (bucket_id = 'static-media');

CREATE POLICY "admins upload static media"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (bucket_id = 'static-media' AND (SELECT public.is_admin()));

CREATE POLICY "admins replace static media"
ON storage.objects
FOR UPDATE
TO authenticated
USING (bucket_id = 'static-media' AND (SELECT public.is_admin()))
WITH CHECK (bucket_id = 'static-media' AND (SELECT public.is_admin()));

CREATE POLICY "admins delete static media"
ON storage.objects
FOR DELETE
TO authenticated
USING (bucket_id = 'static-media' AND (SELECT public.is_admin()));

-- prescriptions: the patient's own folder; read by the vendors of an order the file is
-- attached to (order_artifacts) when that order is the folder owner's.
CREATE POLICY "patients upload prescriptions to their own folder"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (
    bucket_id = 'prescriptions'
    AND (storage.foldername(name))[1] = (SELECT auth.uid())::text
);

CREATE POLICY "patients and the vendors of their orders read prescriptions"
ON storage.objects
FOR SELECT
TO authenticated
USING (
    bucket_id = 'prescriptions'
    AND (
        (storage.foldername(name))[1] = (SELECT auth.uid())::text
        OR EXISTS (
            SELECT 1
            FROM public.order_artifacts AS a
            INNER JOIN public.orders AS o ON a.order_id = o.id
            INNER JOIN public.order_items AS oi ON a.order_id = oi.order_id
            WHERE
                a.file_url = 'prescriptions/' || objects.name
                AND o.profile_id::text = (storage.foldername(objects.name))[1]
                AND oi.vendor_id IN (SELECT public.current_vendor_ids())
        )
    )
);

-- lab-reports: written by staff of a vendor with items in the order named by the second
-- folder, when the first folder is that order's patient; read by that patient and staff.
CREATE POLICY "lab staff upload reports of their orders"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (
    bucket_id = 'lab-reports'
    AND EXISTS (
        SELECT 1
        FROM public.orders AS o
        INNER JOIN public.order_items AS oi ON o.id = oi.order_id
        WHERE
            o.id = CASE
                WHEN
                    (storage.foldername(objects.name))[2]
                    ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN ((storage.foldername(objects.name))[2])::uuid
            END
            AND o.profile_id::text = (storage.foldername(objects.name))[1]
            AND oi.vendor_id IN (SELECT public.writable_vendor_ids())
    )
);

CREATE POLICY "patients and their lab staff read lab reports"
ON storage.objects
FOR SELECT
TO authenticated
USING (
    bucket_id = 'lab-reports'
    AND (
        (storage.foldername(name))[1] = (SELECT auth.uid())::text
        OR EXISTS (
            SELECT 1
            FROM public.orders AS o
            INNER JOIN public.order_items AS oi ON o.id = oi.order_id
            WHERE
                o.id = CASE
                    WHEN
                        (storage.foldername(objects.name))[2]
                        ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        THEN ((storage.foldername(objects.name))[2])::uuid
                END
                AND o.profile_id::text = (storage.foldername(objects.name))[1]
                AND oi.vendor_id IN (SELECT public.current_vendor_ids())
        )
    )
);

-- vendor-compliance: admins; a vendor's owner or ADMIN staff may upload into, and its
-- members read, the folder named by the vendor id. Replacing and deleting is admins' only,
-- so a document cannot change after it was verified.
CREATE POLICY "vendor managers upload compliance files, admins any"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (
    bucket_id = 'vendor-compliance'
    AND (
        (storage.foldername(name))[1] IN (
            SELECT v::text FROM public.managed_vendor_ids() AS v
        )
        OR (SELECT public.is_admin())
    )
);

CREATE POLICY "vendor members read their compliance files, admins all"
ON storage.objects
FOR SELECT
TO authenticated
USING (
    bucket_id = 'vendor-compliance'
    AND (
        (storage.foldername(name))[1] IN (
            SELECT v::text FROM public.current_vendor_ids() AS v
        )
        OR (SELECT public.is_admin())
    )
);

CREATE POLICY "admins replace compliance files"
ON storage.objects
FOR UPDATE
TO authenticated
USING (bucket_id = 'vendor-compliance' AND (SELECT public.is_admin()))
WITH CHECK (bucket_id = 'vendor-compliance' AND (SELECT public.is_admin()));

CREATE POLICY "admins delete compliance files"
ON storage.objects
FOR DELETE
TO authenticated
USING (bucket_id = 'vendor-compliance' AND (SELECT public.is_admin()));

COMMIT;
