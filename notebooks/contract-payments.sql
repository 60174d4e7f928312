-- What has one contract earned and been paid under the Outcomes Rate Card, half by half?
-- Run:    bin/hv sql -f notebooks/contract-payments.sql [--warehouse DIR]
-- Change: --param contract_number=20OECHVS01BFR   (bin/hv sql -e "select distinct contract_number from
--         marts.ratecard_payments" lists them; notebooks/ratecard-paid-episodes.sql lists the episodes)
-- Default: the contract paid most over all halves (the first by number on a tie).
-- @param contract_number from select contract_number from marts.ratecard_payments where outcome_code = 'ALL' group by contract_number order by sum(paid) desc, contract_number limit 1
-- One row per ended SFY half and outcome, then the contract's ALL row, which alone carries the cap and
-- the amount paid: H1 pays min(earned in H1, cap); H2 pays min(earned in H1 + H2, cap) - paid in H1.
-- paid_in_sfy = paid so far in that SFY; cap_left = what the SFY can still pay after this half.
select sfy,
       half,
       contract_number,
       outcome_code,
       achieved,
       earned,
       cap,
       paid,
       case when outcome_code = 'ALL'
            then sum(paid) over (partition by sfy, outcome_code order by half) end       as paid_in_sfy,
       case when outcome_code = 'ALL'
            then cap - sum(paid) over (partition by sfy, outcome_code order by half) end as cap_left,
       case when outcome_code = 'ALL' and paid < earned then 'CAPPED' end                  as note
from marts.ratecard_payments
where contract_number = :contract_number
order by sfy, half, outcome_code = 'ALL', outcome_code
