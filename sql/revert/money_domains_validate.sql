-- Revert onemedi:money_domains_validate from pg
-- A validated constraint cannot be marked not valid again: each is dropped and added back
-- NOT VALID, as money_domains left it.

BEGIN;

ALTER DOMAIN public.inr DROP CONSTRAINT inr_is_finite;
ALTER DOMAIN public.inr DROP CONSTRAINT inr_not_negative;
ALTER DOMAIN public.percent_rate DROP CONSTRAINT percent_rate_between_0_and_100;

ALTER DOMAIN public.inr
ADD CONSTRAINT inr_is_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;
ALTER DOMAIN public.inr
ADD CONSTRAINT inr_not_negative CHECK (value >= 0) NOT VALID;
ALTER DOMAIN public.percent_rate
ADD CONSTRAINT percent_rate_between_0_and_100 CHECK (value >= 0 AND value <= 100) NOT VALID;

COMMENT ON CONSTRAINT inr_is_finite ON DOMAIN public.inr IS
'Refuses NaN, Infinity and -Infinity: an amount is a number of rupees and paise.';
COMMENT ON CONSTRAINT inr_not_negative ON DOMAIN public.inr IS
'Refuses a negative amount: refunds, discounts and payouts are amounts of their own.';
COMMENT ON CONSTRAINT percent_rate_between_0_and_100 ON DOMAIN public.percent_rate IS
'Refuses a rate below 0 or above 100 percent, and NaN.';

COMMIT;
