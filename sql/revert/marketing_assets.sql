-- Revert onemedi:marketing_assets from pg

BEGIN;

DROP TABLE public.marketing_assets;
DROP TYPE public.marketing_asset_type;

COMMIT;
