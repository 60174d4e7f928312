-- What exactly did the warehouse publish on an earlier night? The state's benchmark results as that
-- night published them, read again with Delta time travel, next to what the tables hold now.
-- Run:    bin/hv sql -f notebooks/earlier-publication.sql [--warehouse DIR]
-- Change: bin/hv history --table marts.benchmark_results   lists every version still held (history is
--         kept 7 years: conf/spark.properties), with its committed_at, run id and as-of date; then
--         --param published_at='2026-03-30 04:12:09.531'   reads the version committed then (the latest
--         version committed at or before that time, in the session's time zone, UTC: conf/spark.properties;
--         a version's own committed_at reads that version).
--         By version number instead: replace  TIMESTAMP AS OF :published_at  below by  VERSION AS OF 12
--         (Spark takes only a number written in the SQL there, not a parameter).
--         Any table reads the same way:  select * from marts.ratecard_payments VERSION AS OF 12
-- Default: the end of the night before the latest one in ops.runs (the only night, when there is one).
-- @param published_at timestamp from select cast(min(finished_at) as string) from (select finished_at from ops.runs order by finished_at desc limit 2)
-- Rows: every state result (stratum ALL) as published then; current_* are today's figures of the same
-- period and measure (empty when today's run no longer publishes that period, e.g. an old year to date).
with published as (
  select * from marts.benchmark_results TIMESTAMP AS OF :published_at
  where level = 'STATE' and stratum = 'ALL'),
today as (
  select * from marts.benchmark_results
  where level = 'STATE' and stratum = 'ALL')
select p.as_of                 as published_as_of,
       p.period,
       p.measure_code,
       p.numerator,
       p.denominator,
       p.missing,
       round(p.rate, 4)        as rate,
       c.as_of                 as current_as_of,
       c.numerator             as current_numerator,
       c.denominator           as current_denominator,
       round(c.rate, 4)        as current_rate,
       not (p.numerator <=> c.numerator and p.denominator <=> c.denominator and p.missing <=> c.missing)
                               as changed_since
from published p
left join today c using (period, measure_code)
order by p.period, p.measure_code
