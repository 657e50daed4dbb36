-- Deploy onemedi:roles to pg
-- The RBAC master: one row per application role, seeded with the design's four.

BEGIN;

CREATE TABLE public.roles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    permissions jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT roles_name_key UNIQUE (name),
    CONSTRAINT roles_name_is_upper_snake_case CHECK (name ~ '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$'),
    CONSTRAINT roles_permissions_is_object CHECK (jsonb_typeof(permissions) = 'object')
);

CREATE TRIGGER roles_set_updated_at
BEFORE UPDATE ON public.roles
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.roles ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.roles IS
'Application roles (RBAC master): ADMIN, VENDOR_ADMIN, STAFF, PATIENT; every profile has one.';
COMMENT ON COLUMN public.roles.name IS 'Role name in UPPER_SNAKE_CASE, as the app refers to it.';
COMMENT ON COLUMN public.roles.permissions IS
'Permission flags of the role as a JSON object (for example {"orders.read": true}).';
COMMENT ON CONSTRAINT roles_name_is_upper_snake_case ON public.roles IS
'Refuses a role name that is not UPPER_SNAKE_CASE (letters, digits, single underscores).';
COMMENT ON CONSTRAINT roles_permissions_is_object ON public.roles IS
'Refuses permissions that are not a JSON object (an array, string or null literal).';

GRANT SELECT ON public.roles TO authenticated;
GRANT ALL ON public.roles TO service_role;

INSERT INTO public.roles (name) VALUES
('ADMIN'),
('VENDOR_ADMIN'),
('STAFF'),
('PATIENT');

COMMIT;
