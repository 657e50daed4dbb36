-- Deploy onemedi:rls_marketing_ui_audit to pg
-- requires: security_helpers
-- requires: marketing_assets
-- requires: feature_flags
-- requires: content_master
-- requires: service_taxonomy_map
-- requires: ui_menu_items
-- requires: ui_carousel_items
-- requires: audit_logs
-- Row level security policies of groups H, I, J (marketing, UI, taxonomy) and audit_logs.
-- One permissive policy per table, command and role, each with an explicit
-- TO (docs/security.md).

BEGIN;

CREATE POLICY "anyone anonymous reads active marketing assets"
ON public.marketing_assets
FOR SELECT
TO anon
USING (
    is_active
);

CREATE POLICY "users read active marketing assets, admins read all"
ON public.marketing_assets
FOR SELECT
TO authenticated
USING (
    is_active
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add marketing assets"
ON public.marketing_assets
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change marketing assets"
ON public.marketing_assets
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove marketing assets"
ON public.marketing_assets
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads feature flags"
ON public.feature_flags
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add feature flags"
ON public.feature_flags
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change feature flags"
ON public.feature_flags
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove feature flags"
ON public.feature_flags
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone anonymous reads published content"
ON public.content_master
FOR SELECT
TO anon
USING (
    published_at IS NOT NULL
);

CREATE POLICY "users read published content, authors and admins all"
ON public.content_master
FOR SELECT
TO authenticated
USING (
    published_at IS NOT NULL
    OR author_id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add content"
ON public.content_master
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change content"
ON public.content_master
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove content"
ON public.content_master
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads taxonomies"
ON public.taxonomies
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add taxonomies"
ON public.taxonomies
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change taxonomies"
ON public.taxonomies
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove taxonomies"
ON public.taxonomies
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads taxonomy terms"
ON public.taxonomy_terms
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add taxonomy terms"
ON public.taxonomy_terms
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change taxonomy terms"
ON public.taxonomy_terms
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove taxonomy terms"
ON public.taxonomy_terms
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads service tags"
ON public.service_taxonomy_map
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add service tags"
ON public.service_taxonomy_map
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change service tags"
ON public.service_taxonomy_map
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove service tags"
ON public.service_taxonomy_map
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads menu items"
ON public.ui_menu_items
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add menu items"
ON public.ui_menu_items
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change menu items"
ON public.ui_menu_items
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove menu items"
ON public.ui_menu_items
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads carousel items"
ON public.ui_carousel_items
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add carousel items"
ON public.ui_carousel_items
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change carousel items"
ON public.ui_carousel_items
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove carousel items"
ON public.ui_carousel_items
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone anonymous reads active menus"
ON public.ui_menus
FOR SELECT
TO anon
USING (
    is_active
);

CREATE POLICY "users read active menus, admins read all"
ON public.ui_menus
FOR SELECT
TO authenticated
USING (
    is_active
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add menus"
ON public.ui_menus
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change menus"
ON public.ui_menus
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove menus"
ON public.ui_menus
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone anonymous reads active carousels"
ON public.ui_carousels
FOR SELECT
TO anon
USING (
    is_active
);

CREATE POLICY "users read active carousels, admins read all"
ON public.ui_carousels
FOR SELECT
TO authenticated
USING (
    is_active
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add carousels"
ON public.ui_carousels
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change carousels"
ON public.ui_carousels
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove carousels"
ON public.ui_carousels
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "admins read the audit log"
ON public.audit_logs
FOR SELECT
TO authenticated
USING (
    (SELECT public.is_admin())
);

COMMIT;
