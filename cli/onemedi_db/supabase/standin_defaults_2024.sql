-- Supabase stand-in, mode `supabase-2024`: the default privileges Supabase's set-up gives
-- every object `postgres` creates in `public` (self-hosted and local projects still have
-- them; hosted projects created before 30 May 2026 keep them until 30 October 2026). A
-- change that only grants leaves these in place: every table, sequence and function is
-- then open to the API roles until the change revokes them.

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
