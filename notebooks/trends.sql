-- How have the benchmarks and the rate card outcomes moved from year to year?
-- Run:    bin/hv sql -f notebooks/trends.sql [--warehouse DIR]
-- Change: --param level=PROGRAM --param entity_id=P-1   (or level=CONTRACT and a contract number)
--         --param periods='^FFY[0-9]{4}-Q[1-3]$|^SFY[0-9]{4}-Q[1-4]$'   for quarters instead of years
-- Defaults: the state; every whole year (FFY for benchmarks, SFY for the rate card) and the current year
-- to date, which is partial: compare it with the same quarter a year earlier, not with whole years.
-- @param level = STATE
-- @param entity_id = ALL
-- @param periods = ^[FS]FY[0-9]{4}(-YTD)?$
-- change = the rate minus the rate of the period before it in this list (within one code).
with figures as (
  select 'BENCHMARK' as source, measure_code as code, period, numerator, denominator, rate
  from marts.benchmark_results
  where level = :level and entity_id = :entity_id and stratum = 'ALL' and period rlike :periods
  union all
  select 'RATE CARD', outcome_code, period, achieved, eligible, rate
  from marts.ratecard_results
  where level = :level and entity_id = :entity_id and stratum = 'ALL' and period rlike :periods)
select source, code, period, numerator, denominator,
       round(rate, 3)                                                               as rate,
       round(rate - lag(rate) over (partition by source, code order by period), 3) as change
from figures
order by source, code, period
