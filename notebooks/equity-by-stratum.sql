-- Do families of every race, ethnicity, age group, insurance, income and child welfare group reach
-- the benchmarks and the rate card outcomes alike? Each stratum's rate next to everyone's, for one
-- benchmark year and one rate card year.
-- Run:    bin/hv sql -f notebooks/equity-by-stratum.sql [--warehouse DIR]
-- Change: --param level=PROGRAM --param entity_id=P-1   (or level=CONTRACT and a contract number)
--         --param ffy=FFY2025 --param sfy=SFY2025
-- Defaults: the state, and the latest whole years (FFY for benchmarks, SFY for the rate card): a whole
-- year gives each stratum the most units. Strata with no unit may be absent (measures.md).
-- @param level = STATE
-- @param entity_id = ALL
-- @param ffy from select max(period) from marts.benchmark_results where period rlike '^FFY[0-9]{4}$'
-- @param sfy from select max(period) from marts.ratecard_results where period rlike '^SFY[0-9]{4}$'
-- gap = the stratum's rate minus everyone's (for PM01, PM08 and PM09 lower is better). Exact counts:
-- this stays inside the warehouse; exports suppress small cells.
with figures as (
  select 'BENCHMARK' as source, period, stratum, stratum_value, measure_code as code,
         numerator, denominator, rate
  from marts.benchmark_results
  where period = :ffy and level = :level and entity_id = :entity_id
  union all
  select 'RATE CARD', period, stratum, stratum_value, outcome_code,
         achieved, eligible, rate
  from marts.ratecard_results
  where period = :sfy and level = :level and entity_id = :entity_id),
everyone as (select source, code, rate as overall_rate, denominator as overall_denominator
             from figures where stratum = 'ALL')
select f.source, f.period, f.code, f.stratum, f.stratum_value,
       f.numerator, f.denominator,
       round(f.rate, 3)                  as rate,
       round(e.overall_rate, 3)          as overall_rate,
       e.overall_denominator,
       round(f.rate - e.overall_rate, 3) as gap
from figures f
join everyone e using (source, code)
where f.stratum <> 'ALL'
order by f.source, f.code, f.stratum, f.stratum_value
