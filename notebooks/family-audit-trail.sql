-- Where does one family's count come from? The audit trail of one episode (an enrollment), from the
-- rows received to the figures: 1 every raw row of the episode, its caregiver, children and events, as
-- received (extract, line, run); 2 rows of it quarantined, with the reason; 3 the current typed rows in
-- core; 4 the benchmark and rate card units it makes (in the denominator or not, and why); 5 the
-- published figures those units count in (program, contract and state, stratum ALL) and, for an
-- achieved rate card outcome, the contract's payment of that half.
-- Run:    bin/hv sql -f notebooks/family-audit-trail.sql [--warehouse DIR] [--limit 5000]
-- Change: --param enrollment_id=E-123
-- Default: the first episode (by id) that is in a benchmark denominator and eligible for a rate card
-- outcome, so that every step has rows.
-- @param enrollment_id from select min(enrollment_id) from marts.benchmark_units where in_denominator and enrollment_id in (select enrollment_id from marts.ratecard_units where eligible)
with episode as (
  select e.enrollment_id, e.caregiver_id, e.program_id, p.contract_number
  from core.enrollments e join core.programs p using (program_id)
  where e.enrollment_id = :enrollment_id),
raw_rows as (
  select 'raw.enrollments' as source, enrollment_id as record_id, _extract_date, _run_id, _line,
         to_json(struct(*)) as detail
  from raw.enrollments where enrollment_id = :enrollment_id
  union all
  select 'raw.caregivers', caregiver_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.caregivers where caregiver_id in (select caregiver_id from episode)
  union all
  select 'raw.children', child_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.children where enrollment_id = :enrollment_id
  union all
  select 'raw.home_visits', visit_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.home_visits where enrollment_id = :enrollment_id
  union all
  select 'raw.screenings', screening_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.screenings where enrollment_id = :enrollment_id
  union all
  select 'raw.service_referrals', referral_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.service_referrals where enrollment_id = :enrollment_id
  union all
  select 'raw.health_events', event_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.health_events where enrollment_id = :enrollment_id
  union all
  select 'raw.assessments', assessment_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.assessments where enrollment_id = :enrollment_id
  union all
  select 'raw.intake_referrals', intake_id, _extract_date, _run_id, _line, to_json(struct(*))
  from raw.intake_referrals where enrollment_id = :enrollment_id),
core_rows as (
  select 'core.enrollments' as source, enrollment_id as record_id, _extract_date, _run_id, _source_line,
         to_json(struct(*)) as detail
  from core.enrollments where enrollment_id = :enrollment_id
  union all
  select 'core.caregivers', caregiver_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.caregivers where caregiver_id in (select caregiver_id from episode)
  union all
  select 'core.children', child_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.children where enrollment_id = :enrollment_id
  union all
  select 'core.home_visits', visit_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.home_visits where enrollment_id = :enrollment_id
  union all
  select 'core.screenings', screening_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.screenings where enrollment_id = :enrollment_id
  union all
  select 'core.service_referrals', referral_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.service_referrals where enrollment_id = :enrollment_id
  union all
  select 'core.health_events', event_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.health_events where enrollment_id = :enrollment_id
  union all
  select 'core.assessments', assessment_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.assessments where enrollment_id = :enrollment_id
  union all
  select 'core.intake_referrals', intake_id, _extract_date, _run_id, _source_line, to_json(struct(*))
  from core.intake_referrals where enrollment_id = :enrollment_id),
benchmark_units as (
  select u.*, e.contract_number from marts.benchmark_units u join episode e using (enrollment_id, program_id)),
ratecard_units as (
  select * from marts.ratecard_units where enrollment_id = :enrollment_id),
benchmark_figures as (
  select distinct r.period, r.measure_code, r.level, r.entity_id, r.numerator, r.denominator, r.missing, r.rate
  from benchmark_units u
  join marts.benchmark_results r
    on r.period = u.period and r.measure_code = u.measure_code and r.stratum = 'ALL'
   and ((r.level = 'PROGRAM' and r.entity_id = u.program_id) or (r.level = 'CONTRACT' and r.entity_id = u.contract_number)
        or r.level = 'STATE')
  where u.in_denominator or u.missing),
ratecard_figures as (
  select distinct r.period, r.outcome_code, r.level, r.entity_id, r.achieved, r.eligible, r.rate
  from ratecard_units u
  join marts.ratecard_results r
    on r.period = u.period and r.outcome_code = u.outcome_code and r.stratum = 'ALL'
   and ((r.level = 'PROGRAM' and r.entity_id = u.program_id) or (r.level = 'CONTRACT' and r.entity_id = u.contract_number)
        or r.level = 'STATE')
  where u.eligible),
payments as (
  select distinct p.sfy, p.half, p.contract_number, p.outcome_code, p.achieved, p.earned, p.cap, p.paid
  from ratecard_units u
  join marts.ratecard_payments p
    on u.contract_number = p.contract_number and u.period = concat(p.sfy, '-', p.half)
   and p.outcome_code in (u.outcome_code, 'ALL')
  where u.eligible and u.achieved)
select 1 as step, source, record_id, cast(null as string) as period, cast(null as string) as code,
       _extract_date as extract_date, _run_id as run_id, concat('line ', _line, ': ', detail) as detail
from raw_rows
union all
select 2, 'ops.quarantine', record_key, null, reason, extract_date, run_id,
       concat(file, ' line ', line, ', column ', coalesce(`column`, '-'), ': ', row_json)
from ops.quarantine
where get_json_object(row_json, '$.enrollment_id') = :enrollment_id
   or record_key = :enrollment_id
   or get_json_object(row_json, '$.caregiver_id') in (select caregiver_id from episode)
union all
select 3, source, record_id, null, null, _extract_date, _run_id, detail
from core_rows
union all
select 4, 'marts.benchmark_units', coalesce(visit_id, child_id, enrollment_id), period, measure_code, null, null,
       to_json(named_struct('in_denominator', in_denominator, 'numerator', numerator, 'missing', missing,
         'window_start', window_start, 'window_end', window_end, 'evidence_date', evidence_date,
         'evidence_id', evidence_id, 'note', note))
from benchmark_units
union all
select 4, 'marts.ratecard_units', coalesce(child_id, enrollment_id), period, outcome_code, null, null,
       to_json(named_struct('eligible', eligible, 'achieved', achieved, 'window_start', window_start,
         'window_end', window_end, 'evidence_date', evidence_date, 'evidence_id', evidence_id, 'note', note))
from ratecard_units
union all
select 5, 'marts.benchmark_results', entity_id, period, measure_code, null, null,
       to_json(named_struct('level', level, 'numerator', numerator, 'denominator', denominator,
         'missing', missing, 'rate', rate))
from benchmark_figures
union all
select 5, 'marts.ratecard_results', entity_id, period, outcome_code, null, null,
       to_json(named_struct('level', level, 'achieved', achieved, 'eligible', eligible, 'rate', rate))
from ratecard_figures
union all
select 5, 'marts.ratecard_payments', contract_number, concat(sfy, '-', half), outcome_code, null, null,
       to_json(named_struct('achieved', achieved, 'earned', earned, 'cap', cap, 'paid', paid))
from payments
order by step, source, period, code, record_id, extract_date
