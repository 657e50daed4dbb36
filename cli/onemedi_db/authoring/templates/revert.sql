-- Revert __project__:__change__ from pg

BEGIN;

DROP TABLE public.__change__;

COMMIT;
