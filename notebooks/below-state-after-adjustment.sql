-- Which programs are below the state on depression screening (PM03) after adjusting for
-- their families, and how did they do a year earlier?
-- Run: bin/hv sql -f notebooks/below-state-after-adjustment.sql
-- "Below after adjustment": the risk-standardized rate is under the 95% funnel limit
-- (adjusted_funnel_flag BELOW = outside 99.8%, WATCH with a rate under the state = between
-- 95% and 99.8%). Programs under 20 units are never flagged (TOO_FEW). Latest full FFY
-- periods first; the year-earlier columns come from the same row.
select period,
       entity_id                         as program_id,
       units,
       round(rate, 3)                    as observed_rate,
       round(state_rate, 3)              as state_rate,
       round(expected, 1)                as expected,
       round(o_e, 2)                     as o_e,
       round(risk_standardized_rate, 3)  as adjusted_rate,
       round(limit_95_low, 3)            as limit_95_low,
       round(limit_998_low, 3)           as limit_998_low,
       adjusted_funnel_flag,
       funnel_flag                       as unadjusted_flag,
       rank_observed,
       rank_adjusted,
       prior_period,
       prior_units,
       round(prior_rate, 3)              as prior_rate,
       round(change, 3)                  as change_since_prior,
       round(change_p_value, 4)          as change_p_value
from marts.provider_comparison
where code = 'PM03'
  and level = 'PROGRAM'
  and model_status = 'FITTED'
  and (adjusted_funnel_flag = 'BELOW'
       or (adjusted_funnel_flag = 'WATCH' and risk_standardized_rate < state_rate))
  and period not like '%-YTD'
order by period desc, risk_standardized_rate
