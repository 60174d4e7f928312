-- How does one program do on every federal benchmark, next to the state, in the latest period?
-- Run:    bin/hv sql -f notebooks/program-scorecard.sql [--warehouse DIR]
-- Change: --param program_id=P-1  --param period=FFY2025   (bin/hv sql -e "select distinct entity_id
--         from marts.benchmark_results where level = 'PROGRAM'" lists the programs)
-- Defaults: the first program, and the latest ended FFY period (a whole year or a cumulative quarter,
-- never the partial year to date).
-- @param program_id from select min(entity_id) from marts.benchmark_results where level = 'PROGRAM'
-- @param period from select period from marts.benchmark_results where period not like '%-YTD' order by substr(period, 4, 4) desc, coalesce(nullif(substr(period, 10, 1), ''), '9') desc limit 1
-- vs_state compares the program's 95% interval with the state rate, in the measure's direction (PM01 and
-- PM09: lower is better; PM08 is injuries per child). adjusted_* come from the risk-adjusted comparison
-- (marts.provider_comparison): a program under 20 units is shown but not flagged (TOO_FEW).
with measure(measure_code, name, better) as (values
  ('PM01', 'Preterm birth', 'LOWER'), ('PM02', 'Breastfeeding', 'HIGHER'),
  ('PM03', 'Depression screening', 'HIGHER'), ('PM04', 'Well-child visit', 'HIGHER'),
  ('PM05', 'Postpartum care', 'HIGHER'), ('PM06', 'Tobacco cessation referrals', 'HIGHER'),
  ('PM07', 'Safe sleep', 'HIGHER'), ('PM08', 'Child injury (rate)', 'LOWER'),
  ('PM09', 'Child maltreatment', 'LOWER'), ('PM10', 'Parent-child interaction', 'HIGHER'),
  ('PM11', 'Early language and literacy', 'HIGHER'), ('PM12', 'Developmental screening', 'HIGHER'),
  ('PM13', 'Behavioral concerns', 'HIGHER'), ('PM14', 'IPV screening', 'HIGHER'),
  ('PM15', 'Primary caregiver education', 'HIGHER'), ('PM16', 'Continuity of insurance', 'HIGHER'),
  ('PM17', 'Completed depression referrals', 'HIGHER'), ('PM18', 'Completed developmental referrals', 'HIGHER'),
  ('PM19', 'IPV referrals', 'HIGHER')),
result as (
  select * from marts.benchmark_results
  where period = :period and stratum = 'ALL'
    and ((level = 'PROGRAM' and entity_id = :program_id) or level = 'STATE')),
program as (select * from result where level = 'PROGRAM'),
state as (select * from result where level = 'STATE'),
adjusted as (
  select code as measure_code, risk_standardized_rate, adjusted_funnel_flag
  from marts.provider_comparison
  where period = :period and level = 'PROGRAM' and entity_id = :program_id)
select p.period,
       p.entity_id                    as program_id,
       p.measure_code,
       m.name                         as measure,
       p.numerator,
       p.denominator,
       p.missing,
       round(p.rate, 3)               as rate,
       round(p.ci_low, 3)             as ci_low,
       round(p.ci_high, 3)            as ci_high,
       s.denominator                  as state_denominator,
       round(s.rate, 3)               as state_rate,
       round(p.rate - s.rate, 3)      as difference,
       case when p.denominator = 0 or s.rate is null then 'NO UNITS'
            when p.ci_low is null then 'NO INTERVAL'
            when p.ci_low > s.rate then if(m.better = 'HIGHER', 'BETTER', 'WORSE')
            when p.ci_high < s.rate then if(m.better = 'HIGHER', 'WORSE', 'BETTER')
            else 'NOT DIFFERENT' end  as vs_state,
       m.better                       as better_when,
       round(a.risk_standardized_rate, 3) as adjusted_rate,
       a.adjusted_funnel_flag         as adjusted_flag
from program p
join state s using (period, measure_code)
join measure m using (measure_code)
left join adjusted a using (measure_code)
order by p.measure_code
