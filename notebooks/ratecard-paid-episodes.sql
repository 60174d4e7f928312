-- The episodes behind every paid rate card outcome of one contract and SFY half, each with the
-- contract's payment for the half (bin/hv sql prints the result of the last statement only,
-- so this is one statement).
-- Run: bin/hv sql -f notebooks/ratecard-paid-episodes.sql [--warehouse DIR]
-- By default the latest ended half and the contract paid most in it; to choose, replace the
-- `chosen` query by literals, e.g.  select '20OECHVS01BFR' as contract_number, 'SFY2026' as sfy, 'H1' as half
-- A half's units are those of the period SFY<y>-H1 / -H2: an outcome achieved in it is earned in it.
-- The cap limits the amount paid, not which outcomes count: every achieved outcome listed earned
-- its price; contract_paid says how much of contract_earned the cap let through.
with chosen as (
  select contract_number, sfy, half from marts.ratecard_payments
  where outcome_code = 'ALL' order by sfy desc, half desc, paid desc, contract_number limit 1),
payment as (
  select p.contract_number, p.sfy, p.half, p.earned, p.cap, p.paid
  from marts.ratecard_payments p join chosen c using (contract_number, sfy, half)
  where p.outcome_code = 'ALL')
select u.contract_number, u.period, u.outcome_code, u.program_id, u.enrollment_id, u.child_id,
       u.window_start, u.window_end, u.evidence_date, u.evidence_id, u.note,
       p.earned as contract_earned, p.cap as contract_cap, p.paid as contract_paid
from marts.ratecard_units u
join payment p on u.contract_number = p.contract_number and u.period = concat(p.sfy, '-', p.half)
where u.eligible and u.achieved
order by u.outcome_code, u.program_id, u.enrollment_id;
