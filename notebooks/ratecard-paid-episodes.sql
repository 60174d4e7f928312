-- The episodes behind every paid rate card outcome of one contract and SFY half.
-- Run: bin/hv sql -f notebooks/ratecard-paid-episodes.sql [--warehouse DIR]
-- By default the latest ended half and the contract paid most in it; to choose, replace the
-- `chosen` query by literals, e.g.  select '21OECHVS01ABC' as contract_number, 'SFY2026' as sfy, 'H1' as half
-- A half's unit period is the half itself (SFY2026-H1): an outcome achieved in it is earned in it.
-- The cap limits the amount paid, not which outcomes count: every achieved outcome listed earned
-- its price; `paid` of the contract's ALL row says how much of the earnings the cap let through.

-- 1. the contract's payment rows for the half
with chosen as (
  select contract_number, sfy, half from marts.ratecard_payments
  where outcome_code = 'ALL' order by sfy desc, half desc, paid desc, contract_number limit 1)
select p.sfy, p.half, p.contract_number, p.outcome_code, p.achieved, p.earned, p.cap, p.paid
from marts.ratecard_payments p join chosen c using (contract_number, sfy, half)
order by p.outcome_code = 'ALL', p.outcome_code;

-- 2. every achieved outcome behind those payments, with the rows and dates that made it
with chosen as (
  select contract_number, sfy, half from marts.ratecard_payments
  where outcome_code = 'ALL' order by sfy desc, half desc, paid desc, contract_number limit 1)
select u.contract_number, u.period, u.outcome_code, u.program_id, u.enrollment_id, u.child_id,
       u.window_start, u.window_end, u.evidence_date, u.evidence_id, u.note
from marts.ratecard_units u
join chosen c on u.contract_number = c.contract_number and u.period = concat(c.sfy, '-', c.half)
where u.eligible and u.achieved
order by u.outcome_code, u.program_id, u.enrollment_id;
